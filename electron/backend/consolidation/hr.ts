import { sql } from 'kysely';
import { ApiError } from '../../../shared/api/errors.ts';
import { BAND_KEYS, bandRanges } from '../../../shared/domain/absence/bands.ts';
import { dayNumber, localToday } from '../../../shared/domain/absence/days.ts';
import { AbsenceMetricsAccumulator, computeAbsenceMetrics, type AbsenceFigures, type CaseInput, type EmployeeInput, type MetricsPeriod } from '../../../shared/domain/absence/metrics.ts';
import type { DurationBands } from '../../../shared/domain/absence/settings.ts';
import { stepOnDay } from '../../../shared/domain/absence/poortwachter.ts';
import { judgementDay, parsePeriod, type Period } from '../../../shared/domain/period.ts';
import { occupationOn, type FormationPosition } from '../../../shared/domain/staff/formation.ts';
import type { EmployeeHistory } from '../../../shared/domain/staff/terms.ts';
import type { HrAbsenceFigures, HrConsolidation, HrCostCentre, HrDepartment, HrFormationFigures, HrOverdueMilestone, HrReportedMetrics } from '../../../shared/exchange/central.ts';
import type { AbsenceMetrics } from '../../../shared/exchange/schema.ts';
import { MINIMUM_GROUP_SIZE, suppressGroups, type SuppressionReason } from '../../../shared/exchange/suppression.ts';
import { getSettings } from '../workbook/settings.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { latestReviews } from './completeness.ts';

/**
 * The central HR consolidation of one period, from the current HR package of each department.
 *
 * Absence figures are recomputed from the stored staff terms and absence cases with the same pure
 * code the departments use (shared/domain/absence/metrics.ts): per department, per cost centre, and
 * for the organisation from all people together, so every ratio comes from summed day counts and
 * never from an average of percentages. Formation against occupation is recomputed on the reference
 * date with the staff area's own function. Every figure carries whether it would be suppressed
 * outside the HR workbook (groups of fewer than five people); the HR workbook's own screens show
 * them with that mark, exports and reports leave them out (see hr-export.ts).
 */

const BAND_LABELS = { short: 'kort', medium: 'middellang', long: 'lang', extraLong: 'extra lang' } as const;

interface TermsRow {
  valid_from: string;
  cost_centre: string;
  function_title: string;
  salary_scale: number | null;
  salary_step: number | null;
  hours_per_week: number;
  contract_type: string;
  position_id: string | null;
}

interface Person {
  personnelNumber: string;
  start: string;
  end: string | null;
  terms: TermsRow[];
}

interface CaseData {
  caseId: string;
  firstDay: string;
  lastSickDay: string | null;
  episodes: Array<{ from: string; percentage: number }>;
}

interface DepartmentData {
  packageId: number;
  code: string;
  name: string;
  sequence: number;
  createdAt: string;
  normalWeekHours: number;
  hasFormation: boolean;
  hasAbsence: boolean;
  reported: AbsenceMetrics | null;
  people: Person[];
  cases: Map<string, CaseData[]>;
  positions: Array<{ position_id: string; cost_centre: string; function_title: string; salary_scale: number | null; formation_fte: number }>;
  milestones: Array<{ case_id: string; personnel_number: string; milestone: string; label: string; due_date: string; completed_on: string | null }>;
  bottlenecks: number;
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K, order?: (a: T, b: T) => number): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  if (order) for (const list of groups.values()) list.sort(order);
  return groups;
}

const byNumber = (a: number, b: number) => a - b;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Departments read at a time: memory holds this many departments' people and cases, whatever the size of the organisation. */
const DEPARTMENTS_PER_BATCH = 20;

type PackageRow = ReturnType<typeof currentPackages>[number];

/** The current HR packages of exactly this period, one row each, in department order. */
function currentPackages(wb: Workbook, period: string) {
  return wb.all(
    wb.db
      .selectFrom('central_package as p')
      .innerJoin('central_department as d', 'd.code', 'p.department_code')
      .innerJoin('central_hr_basis as b', 'b.package_id', 'p.id')
      .select(['p.id', 'p.department_code', 'p.sequence', 'p.created_at', 'd.name', 'b.normal_week_hours', 'b.has_formation', 'b.has_absence', 'b.reported_metrics_json'])
      // Only the number of escalated bottlenecks is needed: SQLite counts them without handing the whole envelope to JavaScript.
      .select(sql<number | null>`json_array_length(p.envelope_json, '$.payload.bottlenecks')`.as('bottleneck_count'))
      .where('p.kind', '=', 'hr-summary')
      .where('p.period', '=', period)
      .where('p.status', '=', 'current')
      .orderBy('p.department_code'),
  );
}

/**
 * These packages with their stored rows; with `people`, only those personnel numbers' records (staff,
 * terms, cases), for the few people the organisation must join across departments.
 */
function loadDepartments(wb: Workbook, packages: PackageRow[], people?: string[]): DepartmentData[] {
  // One query per table for the whole batch, the package ids (and personnel numbers) as a JSON array
  // parameter, served by the package_id indexes. The four large tables come as arrays
  // (SqlRunner.tuples), in no particular order: sorting them in SQLite took longer than fetching them,
  // so each person's terms, each case's episodes and so on are put in order below, in their small groups.
  const ids = JSON.stringify(packages.map((p) => p.id));
  const inBatch = 'IN (SELECT value FROM json_each(?))';
  const onlyPeople = people ? ` AND personnel_number ${inBatch}` : '';
  const params: unknown[] = people ? [ids, JSON.stringify(people)] : [ids];
  const staff = wb.tuples<[number, number, string, string, string | null]>(
    { columns: ['id', 'package_id', 'personnel_number', 'employment_start', 'employment_end'], from: `FROM central_hr_staff WHERE package_id ${inBatch}${onlyPeople}` },
    ...params,
  );
  const terms = wb.tuples<[number, string, string, string, number | null, number | null, number, string, string | null]>(
    {
      columns: ['t.staff_id', 't.valid_from', 't.cost_centre', 't.function_title', 't.salary_scale', 't.salary_step', 't.hours_per_week', 't.contract_type', 't.position_id'],
      from: `FROM central_hr_terms AS t JOIN central_hr_staff AS s ON s.id = t.staff_id WHERE s.package_id ${inBatch}${onlyPeople.replace('personnel_number', 's.personnel_number')}`,
    },
    ...params,
  );
  const cases = wb.tuples<[number, number, string, string, string, string | null]>(
    { columns: ['id', 'package_id', 'case_id', 'personnel_number', 'first_day', 'last_sick_day'], from: `FROM central_hr_case WHERE package_id ${inBatch}${onlyPeople}` },
    ...params,
  );
  const episodes = wb.tuples<[number, string, number]>(
    {
      columns: ['e.case_row_id', 'e.from_date', 'e.percentage'],
      from: `FROM central_hr_episode AS e JOIN central_hr_case AS c ON c.id = e.case_row_id WHERE c.package_id ${inBatch}${onlyPeople.replace('personnel_number', 'c.personnel_number')}`,
    },
    ...params,
  );
  const packageIds = packages.map((p) => p.id);
  const positions = people ? [] : wb.all(wb.db.selectFrom('central_hr_position').selectAll().where('package_id', 'in', packageIds).orderBy('position_id'));
  const milestones = people ? [] : wb.all(wb.db.selectFrom('central_hr_milestone').selectAll().where('package_id', 'in', packageIds).orderBy('due_date'));

  const termsByStaff = new Map<number, TermsRow[]>();
  for (const [staffId, list] of groupBy(terms, (t) => t[0], (a, b) => byText(a[1], b[1]))) {
    termsByStaff.set(
      staffId,
      list.map(([, valid_from, cost_centre, function_title, salary_scale, salary_step, hours_per_week, contract_type, position_id]) => ({
        valid_from,
        cost_centre,
        function_title,
        salary_scale,
        salary_step,
        hours_per_week,
        contract_type,
        position_id,
      })),
    );
  }
  const episodesByCase = new Map<number, CaseData['episodes']>();
  for (const [caseRowId, list] of groupBy(episodes, (e) => e[0], (a, b) => byText(a[1], b[1]))) episodesByCase.set(caseRowId, list.map(([, from, percentage]) => ({ from, percentage })));
  const staffByPackage = groupBy(staff, (s) => s[1], (a, b) => byNumber(a[0], b[0]));
  const casesByPackage = groupBy(cases, (c) => c[1], (a, b) => byText(a[4], b[4]) || byNumber(a[0], b[0]));
  const positionsByPackage = groupBy(positions, (p) => p.package_id);
  const milestonesByPackage = groupBy(milestones, (m) => m.package_id);

  return packages.map((p) => {
    const people = (staffByPackage.get(p.id) ?? []).map(([id, , personnelNumber, start, end]) => ({ personnelNumber, start, end, terms: termsByStaff.get(id) ?? [] }));
    const casesOf = new Map<string, CaseData[]>();
    for (const [id, , caseId, personnelNumber, firstDay, lastSickDay] of casesByPackage.get(p.id) ?? []) {
      const list = casesOf.get(personnelNumber) ?? [];
      list.push({ caseId, firstDay, lastSickDay, episodes: episodesByCase.get(id) ?? [] });
      casesOf.set(personnelNumber, list);
    }
    return {
      packageId: p.id,
      code: p.department_code,
      name: p.name,
      sequence: p.sequence,
      createdAt: p.created_at,
      normalWeekHours: p.normal_week_hours,
      hasFormation: p.has_formation === 1,
      hasAbsence: p.has_absence === 1,
      reported: p.reported_metrics_json ? (JSON.parse(p.reported_metrics_json) as AbsenceMetrics) : null,
      people,
      cases: casesOf,
      positions: positionsByPackage.get(p.id) ?? [],
      milestones: milestonesByPackage.get(p.id) ?? [],
      bottlenecks: p.bottleneck_count ?? 0,
    };
  });
}

// ── Absence ──────────────────────────────────────────────────────────────────

function toCaseInput(c: CaseData, id: number): CaseInput {
  return {
    id,
    firstDay: dayNumber(c.firstDay),
    lastDay: c.lastSickDay === null ? null : dayNumber(c.lastSickDay),
    episodes: c.episodes.map((e) => ({ from: dayNumber(e.from), fraction: e.percentage / 100 })),
  };
}

/** A department's people in the form of the metrics code: employment, part-time factor and cost centre from a date, cases. */
function employeeInputs(d: DepartmentData, nextId: () => number): Array<{ personnelNumber: string; input: EmployeeInput }> {
  return d.people.map((person) => ({
    personnelNumber: person.personnelNumber,
    input: {
      id: nextId(),
      employment: [{ from: dayNumber(person.start), to: person.end === null ? null : dayNumber(person.end) }],
      terms: person.terms.map((t) => ({ from: dayNumber(t.valid_from), factor: t.hours_per_week / d.normalWeekHours, costCentre: t.cost_centre })),
      cases: (d.cases.get(person.personnelNumber) ?? []).map((c) => toCaseInput(c, nextId())),
    },
  }));
}

/**
 * One person in the organisation, from their records in one or more departments (a transfer during
 * the period puts them in two packages). Employment is the union of the departments' spells; from the
 * start of each spell the terms are that department's. Spells that overlap (two departments count the
 * same person on the same days) are cut so each day counts once, and the overlap is reported. Cases
 * that overlap (the same sickness registered by both departments, e.g. over a transfer) become one
 * case: the organisation counts one report and one duration.
 */
function mergePerson(personnelNumber: string, parts: Array<{ department: string; input: EmployeeInput }>, nextId: () => number, notes: string[], transfers: HrConsolidation['transfers']): EmployeeInput {
  if (parts.length === 1) return parts[0].input;
  const sorted = [...parts].sort((a, b) => a.input.employment[0].from - b.input.employment[0].from);
  const employment: EmployeeInput['employment'] = [];
  const terms: EmployeeInput['terms'] = [];
  let lastEnd = -Infinity;
  let previousDepartment = '';
  let overlapping = false;
  for (const { department, input } of sorted) {
    const spell = input.employment[0];
    let from = spell.from;
    const to = spell.to ?? Infinity;
    if (from <= lastEnd) {
      notes.push(`Personeelsnummer ${personnelNumber} staat tegelijk bij ${previousDepartment} en ${department} in dienst; voor de organisatie telt elke dag één keer (bij ${previousDepartment}).`);
      overlapping = true;
      from = lastEnd + 1;
      if (from > to) continue;
    }
    employment.push({ from, to: to === Infinity ? null : to });
    let first = 0;
    for (let i = 0; i < input.terms.length; i++) if (input.terms[i].from <= from) first = i;
    if (input.terms.length > 0) terms.push({ ...input.terms[first], from });
    for (const t of input.terms.slice(first + 1)) if (t.from > from && t.from <= to) terms.push(t);
    lastEnd = to;
    previousDepartment = department;
  }
  const cases: CaseInput[] = [];
  let joined = 0;
  for (const c of parts.flatMap((p) => p.input.cases).sort((a, b) => a.firstDay - b.firstDay)) {
    const previous = cases[cases.length - 1];
    if (previous && (previous.lastDay === null || previous.lastDay >= c.firstDay)) {
      previous.episodes = [...previous.episodes.filter((e) => e.from < c.firstDay), ...c.episodes];
      previous.lastDay = previous.lastDay === null || c.lastDay === null ? null : Math.max(previous.lastDay, c.lastDay);
      joined += 1;
    } else cases.push({ ...c, id: nextId(), episodes: [...c.episodes] });
  }
  if (joined > 0) notes.push(`Personeelsnummer ${personnelNumber}: ${joined} verzuimgeval(len) van twee afdelingen overlappen (bijvoorbeeld ziek tijdens een overplaatsing) en tellen voor de organisatie als één geval.`);
  if (overlapping) transfers.peopleInTwoDepartmentsAtOnce += 1;
  if (joined > 0) transfers.peopleWithJoinedCases += 1;
  return { id: nextId(), employment, terms, cases };
}

function absenceFigures(f: AbsenceFigures, bands: DurationBands): HrAbsenceFigures {
  const ranges = bandRanges(bands);
  return {
    percentage: f.percentage,
    frequency: f.frequency,
    reports: f.reports,
    averageDurationDays: f.averageDurationDays,
    zeroAbsencePercentage: f.zeroAbsencePercentage,
    employees: f.employees,
    employeesWithAbsence: f.employeesWithAbsence,
    averageHeadcount: f.averageHeadcount,
    closedCases: f.closedCases,
    openCases: f.openCases,
    sickDays: f.sickDays,
    availableDays: f.availableDays,
    bands: BAND_KEYS.map((key) => ({ key, label: BAND_LABELS[key], fromDays: ranges[key].from, toDays: ranges[key].to, cases: f.bands[key].cases, percentage: f.bands[key].percentage, suppressed: null })),
  };
}

/** Marks the bands of a group: all hidden when the group is, else the small-group rule among the bands (they add up to the group's percentage). */
function markBands(figures: HrAbsenceFigures, groupSuppressed: SuppressionReason | null): void {
  if (groupSuppressed) {
    for (const band of figures.bands) band.suppressed = 'parent';
    return;
  }
  const hidden = suppressGroups(
    figures.bands.map((b) => ({ key: b.key, size: b.cases })),
    { totalPublished: true },
  );
  for (const band of figures.bands) band.suppressed = hidden.get(band.key) ?? null;
}

// ── Formation ────────────────────────────────────────────────────────────────

function formationOf(d: DepartmentData, date: string): HrFormationFigures {
  const positionIds = new Map(d.positions.map((p, i) => [p.position_id, i + 1]));
  const positions: FormationPosition[] = d.positions.map((p) => ({
    id: positionIds.get(p.position_id)!,
    code: p.position_id,
    functionTitle: p.function_title,
    salaryScale: p.salary_scale,
    fte: p.formation_fte,
    costCentre: p.cost_centre,
    // The department sent the positions valid on the reference date.
    validFrom: date,
    validTo: date,
  }));
  const employees: EmployeeHistory[] = d.people.map((person, i) => ({
    id: i + 1,
    personnelNumber: person.personnelNumber,
    firstName: '',
    infix: '',
    lastName: '',
    startDate: person.start,
    endDate: person.end,
    terms: person.terms.map((t) => ({
      validFrom: t.valid_from,
      functionTitle: t.function_title,
      salaryScale: t.salary_scale,
      salaryStep: t.salary_step,
      hoursPerWeek: t.hours_per_week,
      costCentre: t.cost_centre,
      contractType: t.contract_type,
      formationPositionId: t.position_id === null ? null : (positionIds.get(t.position_id) ?? null),
    })),
  }));
  const total = occupationOn(date, positions, employees, d.normalWeekHours).total;
  if (!d.hasFormation) {
    return { formationFte: 0, occupiedFte: total.occupiedFte, vacancyFte: 0, overOccupationFte: 0, occupancyPercent: null, headcount: total.headcount, unlinkedFte: total.unlinkedFte, positions: 0 };
  }
  // A formation whose positions all begin after the reference date is known to be empty there.
  return {
    formationFte: total.formationFte ?? 0,
    occupiedFte: total.occupiedFte,
    vacancyFte: total.vacancyFte ?? 0,
    overOccupationFte: total.overOccupationFte ?? 0,
    occupancyPercent: total.occupancyPercent,
    headcount: total.headcount,
    unlinkedFte: total.unlinkedFte,
    positions: positions.length,
  };
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/** The organisation: the departments' vacancies and over-occupation added up, not netted (as a department adds its cost centres). */
function sumFormation(list: HrFormationFigures[]): HrFormationFigures {
  const sum = (key: keyof HrFormationFigures) => list.reduce((s, f) => s + (f[key] ?? 0), 0);
  const formation = round4(sum('formationFte'));
  const occupied = round4(sum('occupiedFte'));
  return {
    formationFte: formation,
    occupiedFte: occupied,
    vacancyFte: round4(sum('vacancyFte')),
    overOccupationFte: round4(sum('overOccupationFte')),
    occupancyPercent: formation > 0 ? Math.round((occupied / formation) * 100 * 100) / 100 : null,
    headcount: sum('headcount'),
    unlinkedFte: round4(sum('unlinkedFte')),
    positions: sum('positions'),
  };
}

// ── Poortwachter ─────────────────────────────────────────────────────────────

/** A step overdue on `asOf` by what its own department sent; where it counts is decided once every department is read. */
interface OverdueCandidate {
  packageId: number;
  department: string;
  milestone: DepartmentData['milestones'][number];
  sickness: { firstDay: string; lastSickDay: string | null };
}

/**
 * Poortwachter steps overdue on `asOf` by the rule the department's quarterly report and its package
 * share (`stepOnDay`): due before it, not done by then, in a timeline still running on it (the case is
 * open, or ends on or after that day); after recovery a missed step can no longer be taken. Judged on
 * what the latest package says.
 */
function overdueCandidates(d: DepartmentData, asOf: string): OverdueCandidate[] {
  const caseById = new Map<string, CaseData>();
  for (const list of d.cases.values()) for (const c of list) caseById.set(c.caseId, c);
  const result: OverdueCandidate[] = [];
  for (const m of d.milestones) {
    const sickness = caseById.get(m.case_id);
    if (sickness === undefined || stepOnDay({ due: m.due_date, doneOn: m.completed_on }, sickness.lastSickDay, asOf) !== 'overdue') continue;
    result.push({ packageId: d.packageId, department: d.code, milestone: m, sickness: { firstDay: sickness.firstDay, lastSickDay: sickness.lastSickDay } });
  }
  return result;
}

/**
 * The municipality stays the employer when someone moves to another department while ill, so the
 * timeline goes on there: a step of a case whose person no longer works in the registering department,
 * but does in another one on `asOf`, counts there once (the first such department by code). When that
 * department registered the sickness itself (its own case overlaps), its own steps count and the old
 * department's do not. Only the people of these steps are looked up: where they work on `asOf` and the
 * cases each department registered for them.
 */
function placeOverdue(wb: Workbook, packages: PackageRow[], candidates: OverdueCandidate[], asOf: string): HrOverdueMilestone[] {
  if (candidates.length === 0) return [];
  const ids = JSON.stringify(packages.map((p) => p.id));
  const people = JSON.stringify([...new Set(candidates.map((c) => c.milestone.personnel_number))]);
  const codeOf = new Map(packages.map((p) => [p.id, p.department_code]));
  const orderOf = new Map(packages.map((p, i) => [p.id, i]));
  const inList = 'IN (SELECT value FROM json_each(?))';
  const employed = wb.tuples<[number, string]>(
    { columns: ['package_id', 'personnel_number'], from: `FROM central_hr_staff WHERE package_id ${inList} AND personnel_number ${inList} AND employment_start <= ? AND (employment_end IS NULL OR employment_end >= ?)` },
    ids,
    people,
    asOf,
    asOf,
  );
  const employers = new Map<string, number[]>();
  for (const [packageId, personnelNumber] of employed) employers.set(personnelNumber, [...(employers.get(personnelNumber) ?? []), packageId]);
  for (const list of employers.values()) list.sort((a, b) => orderOf.get(a)! - orderOf.get(b)!);
  const registered = wb.tuples<[number, string, string, string | null]>(
    { columns: ['package_id', 'personnel_number', 'first_day', 'last_sick_day'], from: `FROM central_hr_case WHERE package_id ${inList} AND personnel_number ${inList}` },
    ids,
    people,
  );
  const casesOf = groupBy(registered, ([packageId, personnelNumber]) => `${packageId}|${personnelNumber}`);

  const result: HrOverdueMilestone[] = [];
  for (const { packageId, department: registeredBy, milestone: m, sickness } of candidates) {
    let department = registeredBy;
    const now = employers.get(m.personnel_number) ?? [];
    if (now.length > 0 && !now.includes(packageId)) {
      const successor = now[0];
      const ownCase = (casesOf.get(`${successor}|${m.personnel_number}`) ?? []).some(([, , firstDay, lastSickDay]) => firstDay <= (sickness.lastSickDay ?? asOf) && (lastSickDay === null || lastSickDay >= sickness.firstDay));
      if (ownCase) continue;
      department = codeOf.get(successor)!;
    }
    result.push({
      department,
      registeredBy,
      caseId: m.case_id,
      personnelNumber: m.personnel_number,
      milestone: m.milestone,
      label: m.label,
      dueDate: m.due_date,
      completedOn: m.completed_on,
      daysOverdue: dayNumber(asOf) - dayNumber(m.due_date),
    });
  }
  return result;
}

/**
 * People in more than one department's package with absence (the period's transfers): the organisation
 * counts each once, from all their records joined (mergePerson). Their records are read first, for them
 * alone: a handful of people, however large the organisation.
 */
function joinedPeople(wb: Workbook, absencePackages: PackageRow[], nextId: () => number, transfers: HrConsolidation['transfers']): { inputs: Map<string, EmployeeInput>; notes: string[] } {
  const inputs = new Map<string, EmployeeInput>();
  const notes: string[] = [];
  if (absencePackages.length === 0) return { inputs, notes };
  const shared = wb.tuples<[string]>(
    { columns: ['personnel_number'], from: 'FROM (SELECT personnel_number FROM central_hr_staff WHERE package_id IN (SELECT value FROM json_each(?)) GROUP BY personnel_number HAVING count(*) > 1)' },
    JSON.stringify(absencePackages.map((p) => p.id)),
  ).map(([personnelNumber]) => personnelNumber);
  if (shared.length === 0) return { inputs, notes };
  // Parts in department order; people in the order the departments list them, as the organisation meets them.
  const parts = new Map<string, Array<{ department: string; input: EmployeeInput }>>();
  for (const d of loadDepartments(wb, absencePackages, shared)) {
    for (const x of employeeInputs(d, nextId)) parts.set(x.personnelNumber, [...(parts.get(x.personnelNumber) ?? []), { department: d.code, input: x.input }]);
  }
  for (const [personnelNumber, list] of parts) inputs.set(personnelNumber, mergePerson(personnelNumber, list, nextId, notes, transfers));
  return { inputs, notes };
}

function reportedOf(m: AbsenceMetrics | null): HrReportedMetrics | null {
  return m ? { percentage: m.percentage, reportFrequency: m.reportFrequency, reports: m.reports, averageDurationDays: m.averageDurationDays, zeroAbsencePercent: m.zeroAbsencePercent } : null;
}

/** A remark about a department, not a person: the same inside the HR workbook and outside it. */
export const noAbsenceNote = (department: string) => `Het pakket van ${department} bevat geen verzuimgevallen; de afdeling telt niet mee in de verzuimcijfers van de organisatie.`;

export function requireHrPeriod(code: string): Period {
  const period = parsePeriod(code);
  if (!period) throw new ApiError('invalid_input', `Periode "${code}" moet jjjj, jjjj-Qn of jjjj-mm zijn.`);
  return period;
}

/**
 * The HR consolidation of a period; `asOf` is the day overdue Poortwachter steps are judged on, by default
 * the period's judgement day (its last day, or today while it still runs), as the departments' reports do.
 */
export function hrConsolidation(wb: Workbook, periodCode: string, asOfDay?: string, options: { departmentsPerBatch?: number } = {}): HrConsolidation {
  wb.requireKind('central-hr');
  const period = requireHrPeriod(periodCode);
  const asOf = asOfDay ?? judgementDay(period, localToday());
  const bands = getSettings(wb).absenceDurationBands;
  const metricsPeriod: MetricsPeriod = { start: dayNumber(period.start), end: dayNumber(period.end), months: period.months };
  const packages = currentPackages(wb, period.code);
  const reviews = latestReviews(
    wb,
    packages.map((p) => p.id),
  );
  let id = 0;
  const nextId = () => ++id;
  const notes: string[] = [];
  const transfers: HrConsolidation['transfers'] = { peopleInTwoDepartmentsAtOnce: 0, peopleWithJoinedCases: 0 };
  const joined = joinedPeople(
    wb,
    packages.filter((p) => p.has_absence === 1),
    nextId,
    transfers,
  );

  // Department by department (a batch at a time, so memory stays the same for 10 or 1.000 departments):
  // its people alone, per cost centre as well; and each person into the organisation's sums, once, in the
  // order the departments list them, so the sums are exactly those over the whole organisation at once.
  const organisation = new AbsenceMetricsAccumulator(metricsPeriod, { bands, scope: null });
  const counted = new Set<string>();
  const rows: HrDepartment[] = [];
  const candidates: OverdueCandidate[] = [];
  const perBatch = options.departmentsPerBatch ?? DEPARTMENTS_PER_BATCH;
  for (let first = 0; first < packages.length; first += perBatch) {
    for (const d of loadDepartments(wb, packages.slice(first, first + perBatch))) {
      const inputs = employeeInputs(d, nextId);
      let absence: HrAbsenceFigures | null = null;
      let costCentres: HrCostCentre[] = [];
      if (d.hasAbsence) {
        const result = computeAbsenceMetrics(
          inputs.map((x) => x.input),
          metricsPeriod,
          { bands, scope: null, perCostCentre: true },
        );
        absence = absenceFigures(result.total, bands);
        costCentres = [...result.costCentres.entries()]
          .filter(([, f]) => f.employees > 0)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, f]) => ({ code, absence: absenceFigures(f, bands), suppressed: null }));
        for (const x of inputs) {
          const whole = joined.inputs.get(x.personnelNumber);
          if (whole === undefined) organisation.add(x.input);
          else if (!counted.has(x.personnelNumber)) {
            organisation.add(whole);
            counted.add(x.personnelNumber);
          }
        }
      } else {
        notes.push(noAbsenceNote(d.code));
      }
      candidates.push(...overdueCandidates(d, asOf));
      rows.push({
        code: d.code,
        name: d.name,
        packageId: d.packageId,
        sequence: d.sequence,
        createdAt: d.createdAt,
        review: reviews.get(d.packageId) ?? null,
        absence,
        absenceSuppressed: null,
        reported: reportedOf(d.reported),
        formation: formationOf(d, period.end),
        formationDelivered: d.hasFormation,
        formationSuppressed: null,
        costCentres,
        overdue: 0,
        bottlenecks: d.bottlenecks,
      });
    }
  }
  notes.push(...joined.notes);

  const absenceDepartments = rows.filter((r) => r.absence !== null);
  const organisationAbsence = absenceDepartments.length > 0 ? absenceFigures(organisation.result().total, bands) : null;
  const organisationFormation = sumFormation(rows.filter((r) => r.formationDelivered).map((r) => r.formation));

  // Which figures may leave the HR workbook.
  const organisationAbsenceSuppressed = organisationAbsence && organisationAbsence.employees > 0 && organisationAbsence.employees < MINIMUM_GROUP_SIZE ? 'small' : null;
  const hiddenDepartments = suppressGroups(
    absenceDepartments.map((r) => ({ key: r.code, size: r.absence!.employees })),
    { totalPublished: organisationAbsenceSuppressed === null },
  );
  for (const r of rows) {
    if (!r.absence) continue;
    r.absenceSuppressed = organisationAbsenceSuppressed ? 'parent' : (hiddenDepartments.get(r.code) ?? null);
    markBands(r.absence, r.absenceSuppressed);
    const hiddenCentres = r.absenceSuppressed ? null : suppressGroups(
      r.costCentres.map((c) => ({ key: c.code, size: c.absence.employees })),
      { totalPublished: true },
    );
    for (const c of r.costCentres) {
      c.suppressed = r.absenceSuppressed ? 'parent' : (hiddenCentres!.get(c.code) ?? null);
      markBands(c.absence, c.suppressed);
    }
  }
  if (organisationAbsence) markBands(organisationAbsence, organisationAbsenceSuppressed);
  const organisationFormationSuppressed = organisationFormation.headcount > 0 && organisationFormation.headcount < MINIMUM_GROUP_SIZE ? 'small' : null;
  // Only departments that sent their formation are in the organisation's total, so only they protect each other.
  const hiddenFormation = suppressGroups(
    rows.filter((r) => r.formationDelivered).map((r) => ({ key: r.code, size: r.formation.headcount })),
    { totalPublished: organisationFormationSuppressed === null },
  );
  const hiddenOccupation = suppressGroups(
    rows.filter((r) => !r.formationDelivered).map((r) => ({ key: r.code, size: r.formation.headcount })),
    { totalPublished: false },
  );
  for (const r of rows) r.formationSuppressed = organisationFormationSuppressed ? 'parent' : (hiddenFormation.get(r.code) ?? hiddenOccupation.get(r.code) ?? null);

  const overdue = placeOverdue(wb, packages, candidates, asOf);
  for (const r of rows) r.overdue = overdue.filter((o) => o.department === r.code).length;
  overdue.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.department.localeCompare(b.department) || a.caseId.localeCompare(b.caseId));

  return {
    period: period.code,
    periodStart: period.start,
    periodEnd: period.end,
    referenceDate: period.end,
    asOf,
    minimumGroupSize: MINIMUM_GROUP_SIZE,
    organisation: {
      absence: organisationAbsence,
      absenceSuppressed: organisationAbsenceSuppressed,
      formation: organisationFormation,
      formationSuppressed: organisationFormationSuppressed,
      absenceDepartments: absenceDepartments.length,
      formationDepartments: rows.filter((r) => r.formationDelivered).length,
    },
    departments: rows,
    overdue,
    notes,
    transfers,
  };
}
