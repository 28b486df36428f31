import type { HrAbsenceFigures, HrBandFigures, HrConsolidation, HrDepartment, HrFormationFigures } from '../../../shared/exchange/central.ts';
import { SUPPRESSION_MARKERS, SUPPRESSION_NOTE, type SuppressionReason } from '../../../shared/exchange/suppression.ts';
import { addTableSheet, newWorkbook, type SheetColumn } from '../exchange/xlsx-sheets.ts';
import { noAbsenceNote } from './hr.ts';

/**
 * Everything of the HR consolidation that leaves the HR workbook (`central report --json`, the
 * printed report, the consolidated XLSX) goes through here: figures of suppressed groups are replaced
 * by null (JSON) or by the marker "< 5" / "x" (XLSX, text), with the reason beside them. Personnel
 * numbers never leave: the overdue Poortwachter list names department, case number and step only, and
 * of a suppressed department not even that (one marker entry instead).
 */

const round = (value: number | null, decimals = 2) => (value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals);

const marker = (reason: SuppressionReason | null) => (reason ? SUPPRESSION_MARKERS[reason] : null);

/** Why a group is left out, in Dutch, beside its marker. */
const WHY: Record<SuppressionReason, string> = {
  small: 'minder dan 5 medewerkers',
  complementary: 'weggelaten zodat een kleinere groep niet uit het totaal is terug te rekenen',
  parent: 'de groep waar dit deel van is, is weggelaten',
};

function publishedBands(bands: HrBandFigures[]) {
  return Object.fromEntries(
    bands.map((b) => [
      b.key,
      b.suppressed
        ? { label: b.label, from: b.fromDays, to: b.toDays, cases: null, percentage: null, suppressed: b.suppressed, marker: marker(b.suppressed) }
        : { label: b.label, from: b.fromDays, to: b.toDays, cases: b.cases, percentage: round(b.percentage), suppressed: null, marker: null },
    ]),
  );
}

/** The absence keys of a group as `werkboek report` names them, or nulls with the marker. */
export function publishedAbsence(f: HrAbsenceFigures | null, suppressed: SuppressionReason | null) {
  if (!f) return { suppressed: null, marker: null, percentage: null, frequency: null, reports: null, averageDurationDays: null, zeroAbsencePercentage: null, employees: null, averageHeadcount: null, openCases: null, closedCases: null, durationBands: null };
  if (suppressed) {
    return {
      suppressed,
      marker: marker(suppressed),
      percentage: null,
      frequency: null,
      reports: null,
      averageDurationDays: null,
      zeroAbsencePercentage: null,
      employees: null,
      averageHeadcount: null,
      openCases: null,
      closedCases: null,
      durationBands: publishedBands(f.bands),
    };
  }
  return {
    suppressed: null,
    marker: null,
    percentage: round(f.percentage),
    frequency: round(f.frequency),
    reports: f.reports,
    averageDurationDays: round(f.averageDurationDays, 1),
    zeroAbsencePercentage: round(f.zeroAbsencePercentage),
    employees: f.employees,
    averageHeadcount: round(f.averageHeadcount),
    openCases: f.openCases,
    closedCases: f.closedCases,
    durationBands: publishedBands(f.bands),
  };
}

/** Formation keys as `werkboek report` names them; of a suppressed group only the formation itself (positions, not people) remains. */
export function publishedFormation(f: HrFormationFigures, suppressed: SuppressionReason | null, delivered = true) {
  const formation = delivered ? { fte: round(f.formationFte, 4), positions: f.positions } : { fte: null, positions: null };
  if (suppressed) {
    return { ...formation, suppressed, marker: marker(suppressed), occupiedFte: null, vacancyFte: null, overOccupationFte: null, occupancyPercent: null, headcount: null, unlinkedFte: null };
  }
  return {
    ...formation,
    suppressed: null,
    marker: null,
    occupiedFte: round(f.occupiedFte, 4),
    vacancyFte: delivered ? round(f.vacancyFte, 4) : null,
    overOccupationFte: delivered ? round(f.overOccupationFte, 4) : null,
    occupancyPercent: delivered ? round(f.occupancyPercent) : null,
    headcount: f.headcount,
    unlinkedFte: round(f.unlinkedFte, 4),
  };
}

/** One entry of `poortwachter.overdue[]`: a step of a published department, or the marker of a suppressed one. */
interface PublishedOverdue {
  department: string;
  caseId: string | null;
  milestone: string | null;
  label: string | null;
  dueDate: string | null;
  daysOverdue: number | null;
  suppressed: SuppressionReason | null;
  marker: string | null;
  reason: string | null;
}

/**
 * Overdue Poortwachter steps as they may leave the HR workbook. A step names a case, its due date and
 * how late it is: of a department whose absence is suppressed that is personal data about a handful
 * of people, so such a department gets one marker entry (whether it has overdue steps or not, or its
 * having none would show) with the reason, and no case ids, dates or days. The total stays: complementary
 * suppression leaves at least two hidden departments with five people or more together behind it,
 * unless the organisation itself is too small, and then the total is hidden as well.
 */
export function publishedPoortwachter(c: HrConsolidation) {
  const hidden = new Map(c.departments.map((d) => [d.code, d.absenceSuppressed]));
  const steps: PublishedOverdue[] = c.overdue
    .filter((o) => !hidden.get(o.department))
    .map((o) => ({ department: o.department, caseId: o.caseId, milestone: o.milestone, label: o.label, dueDate: o.dueDate, daysOverdue: o.daysOverdue, suppressed: null, marker: null, reason: null }));
  const markers: PublishedOverdue[] = c.departments.flatMap((d) =>
    d.absenceSuppressed
      ? [{ department: d.code, caseId: null, milestone: null, label: null, dueDate: null, daysOverdue: null, suppressed: d.absenceSuppressed, marker: SUPPRESSION_MARKERS[d.absenceSuppressed], reason: WHY[d.absenceSuppressed] }]
      : [],
  );
  const organisation = c.organisation.absenceSuppressed;
  return { asOf: c.asOf, overdueCount: organisation ? null : c.overdue.length, suppressed: organisation, marker: marker(organisation), overdue: [...steps, ...markers] };
}

/**
 * The remarks about the data as they may leave the HR workbook: counts, never personnel numbers (the
 * HR screens show `c.notes`, which name them). A count under five is given as "< 5": that someone was
 * ill during a transfer is health data about a person that colleagues can point at.
 */
export function publishedNotes(c: HrConsolidation): string[] {
  const people = (n: number) => (n < c.minimumGroupSize ? `< ${c.minimumGroupSize} personen` : `${n} personen`);
  const notes = c.departments.filter((d) => d.absence === null).map((d) => noAbsenceNote(d.code));
  const { peopleInTwoDepartmentsAtOnce: atOnce, peopleWithJoinedCases: joined } = c.transfers;
  if (atOnce > 0) notes.push(`${people(atOnce)} tegelijk in dienst bij twee afdelingen; voor de organisatie telt elke dag één keer.`);
  if (joined > 0) notes.push(`Bij ${people(joined)} overlappen verzuimgevallen van twee afdelingen (bijvoorbeeld ziek tijdens een overplaatsing); voor de organisatie telt dat als één geval.`);
  return notes;
}

/** The keys `central report --json` adds for a central HR workbook (a public contract: add, never rename). */
export function hrReportKeys(c: HrConsolidation): Record<string, unknown> {
  return {
    absence: {
      ...publishedAbsence(c.organisation.absence, c.organisation.absenceSuppressed),
      departmentsIncluded: c.organisation.absenceDepartments,
      departments: Object.fromEntries(
        c.departments.map((d) => [
          d.code,
          {
            name: d.name,
            sequence: d.sequence,
            review: d.review?.status ?? null,
            ...publishedAbsence(d.absence, d.absenceSuppressed),
            costCentres: Object.fromEntries(d.costCentres.map((cc) => [cc.code, publishedAbsence(cc.absence, cc.suppressed)])),
          },
        ]),
      ),
    },
    formation: {
      date: c.referenceDate,
      ...publishedFormation(c.organisation.formation, c.organisation.formationSuppressed),
      departmentsIncluded: c.organisation.formationDepartments,
      departments: Object.fromEntries(c.departments.map((d) => [d.code, { name: d.name, delivered: d.formationDelivered, ...publishedFormation(d.formation, d.formationSuppressed, d.formationDelivered) }])),
    },
    poortwachter: publishedPoortwachter(c),
    suppression: {
      minimumGroupSize: c.minimumGroupSize,
      markers: SUPPRESSION_MARKERS,
      note: SUPPRESSION_NOTE,
    },
    notes: publishedNotes(c),
  };
}

// ── XLSX ─────────────────────────────────────────────────────────────────────

const nl = (value: number | null, decimals: number) => (value === null ? '–' : value.toFixed(decimals).replace('.', ','));

/** The organisation's HR figures on the overview sheet, suppressed where needed, and why. */
export function hrFacts(c: HrConsolidation): Array<[string, string | number | null]> {
  const a = c.organisation.absence;
  const hiddenA = c.organisation.absenceSuppressed;
  const f = c.organisation.formation;
  const hiddenF = c.organisation.formationSuppressed;
  return [
    ['Verzuimpercentage organisatie', a ? (hiddenA ? SUPPRESSION_MARKERS[hiddenA] : `${nl(a.percentage, 2)} %`) : 'geen verzuimgegevens'],
    ['Meldingsfrequentie organisatie', a ? (hiddenA ? SUPPRESSION_MARKERS[hiddenA] : nl(a.frequency, 2)) : '–'],
    ['Ziekmeldingen in de periode', a ? (hiddenA ? SUPPRESSION_MARKERS[hiddenA] : a.reports) : '–'],
    ['Gemiddelde verzuimduur (dagen)', a ? (hiddenA ? SUPPRESSION_MARKERS[hiddenA] : nl(a.averageDurationDays, 1)) : '–'],
    ['Nulverzuim organisatie', a ? (hiddenA ? SUPPRESSION_MARKERS[hiddenA] : `${nl(a.zeroAbsencePercentage, 2)} %`) : '–'],
    ['Afdelingen in de verzuimcijfers', c.organisation.absenceDepartments],
    [`Formatie op ${c.referenceDate.split('-').reverse().join('-')} (fte)`, nl(f.formationFte, 2)],
    ['Bezetting (fte)', hiddenF ? SUPPRESSION_MARKERS[hiddenF] : nl(f.occupiedFte, 2)],
    ['Poortwachter-stappen te laat', c.organisation.absenceSuppressed ? SUPPRESSION_MARKERS[c.organisation.absenceSuppressed] : c.overdue.length],
    ['Privacy', SUPPRESSION_NOTE],
  ];
}

type Book = ReturnType<typeof newWorkbook>;

/** A figure, or its marker when the group is suppressed. */
const shown = <T>(suppressed: SuppressionReason | null, value: T) => (suppressed ? SUPPRESSION_MARKERS[suppressed] : value);

interface AbsenceRow {
  group: string;
  name: string;
  figures: HrAbsenceFigures;
  suppressed: SuppressionReason | null;
}

function addNote(sheet: ReturnType<typeof addTableSheet>): void {
  sheet.addRow([]);
  sheet.addRow([SUPPRESSION_NOTE]);
}

function absenceColumns(first: SheetColumn<AbsenceRow>[]): SheetColumn<AbsenceRow>[] {
  const band = (i: number): SheetColumn<AbsenceRow> => ({
    header: `${'Kort,Middellang,Lang,Extra lang'.split(',')[i]} (%)`,
    kind: 'percent',
    value: (r) => (r.suppressed ? SUPPRESSION_MARKERS[r.suppressed] : r.figures.bands[i].suppressed ? SUPPRESSION_MARKERS[r.figures.bands[i].suppressed!] : round(r.figures.bands[i].percentage)),
    width: 14,
  });
  return [
    ...first,
    { header: 'Medewerkers', kind: 'integer', value: (r) => shown(r.suppressed, r.figures.employees), width: 14 },
    { header: 'Gemiddeld aantal', kind: 'number', value: (r) => shown(r.suppressed, round(r.figures.averageHeadcount)), width: 14 },
    { header: 'Verzuim (%)', kind: 'percent', value: (r) => shown(r.suppressed, round(r.figures.percentage)), width: 12 },
    { header: 'Meldingsfrequentie', kind: 'number', value: (r) => shown(r.suppressed, round(r.figures.frequency)), width: 14 },
    { header: 'Ziekmeldingen', kind: 'integer', value: (r) => shown(r.suppressed, r.figures.reports), width: 14 },
    { header: 'Gem. duur (dagen)', kind: 'number', value: (r) => shown(r.suppressed, round(r.figures.averageDurationDays, 1)), width: 14 },
    { header: 'Nulverzuim (%)', kind: 'percent', value: (r) => shown(r.suppressed, round(r.figures.zeroAbsencePercentage)), width: 14 },
    band(0),
    band(1),
    band(2),
    band(3),
    { header: 'Weggelaten', kind: 'text', value: (r) => (r.suppressed ? WHY[r.suppressed] : r.figures.bands.some((b) => b.suppressed) ? 'duurklasse(n) met minder dan 5 gevallen' : ''), width: 40 },
  ];
}

function departmentAbsenceRows(c: HrConsolidation): AbsenceRow[] {
  const rows: AbsenceRow[] = [];
  if (c.organisation.absence) rows.push({ group: 'Organisatie', name: `${c.organisation.absenceDepartments} afdeling(en)`, figures: c.organisation.absence, suppressed: c.organisation.absenceSuppressed });
  for (const d of c.departments) if (d.absence) rows.push({ group: d.code, name: d.name, figures: d.absence, suppressed: d.absenceSuppressed });
  return rows;
}

function formationColumns(): SheetColumn<{ code: string; name: string; f: HrFormationFigures; suppressed: SuppressionReason | null; delivered: boolean }>[] {
  return [
    { header: 'Afdeling', kind: 'text', value: (r) => r.code, width: 14 },
    { header: 'Naam', kind: 'text', value: (r) => r.name },
    { header: 'Formatie (fte)', kind: 'number', value: (r) => (r.delivered ? r.f.formationFte : 'niet geleverd') },
    { header: 'Formatieplaatsen', kind: 'integer', value: (r) => (r.delivered ? r.f.positions : null) },
    { header: 'Bezetting (fte)', kind: 'number', value: (r) => shown(r.suppressed, r.f.occupiedFte) },
    { header: 'Vacatureruimte (fte)', kind: 'number', value: (r) => (r.delivered ? shown(r.suppressed, r.f.vacancyFte) : null) },
    { header: 'Boventallig (fte)', kind: 'number', value: (r) => (r.delivered ? shown(r.suppressed, r.f.overOccupationFte) : null) },
    { header: 'Bezettingsgraad (%)', kind: 'percent', value: (r) => (r.delivered ? shown(r.suppressed, r.f.occupancyPercent) : null) },
    { header: 'Medewerkers op peildatum', kind: 'integer', value: (r) => shown(r.suppressed, r.f.headcount) },
    { header: 'Niet gekoppeld (fte)', kind: 'number', value: (r) => shown(r.suppressed, r.f.unlinkedFte) },
    { header: 'Weggelaten', kind: 'text', value: (r) => (r.suppressed ? WHY[r.suppressed] : ''), width: 40 },
  ];
}

/** The HR sheets of the consolidated XLSX for the organisation's management report. */
export function addHrSheets(book: Book, c: HrConsolidation): void {
  const perDepartment = addTableSheet(book, 'Verzuim per afdeling', absenceColumns([
    { header: 'Afdeling', kind: 'text', value: (r) => r.group, width: 14 },
    { header: 'Naam', kind: 'text', value: (r) => r.name },
  ]), departmentAbsenceRows(c));
  addNote(perDepartment);

  const centreRows: AbsenceRow[] = c.departments.flatMap((d) => d.costCentres.map((cc) => ({ group: d.code, name: cc.code, figures: cc.absence, suppressed: cc.suppressed })));
  const perCentre = addTableSheet(book, 'Verzuim per kostenplaats', absenceColumns([
    { header: 'Afdeling', kind: 'text', value: (r) => r.group, width: 14 },
    { header: 'Kostenplaats', kind: 'text', value: (r) => r.name, width: 16 },
  ]), centreRows);
  addNote(perCentre);

  const bandRows = departmentAbsenceRows(c).flatMap((r) => r.figures.bands.map((b) => ({ group: r.group, band: b, suppressed: r.suppressed ?? b.suppressed })));
  const bands = addTableSheet(
    book,
    'Duurklassen',
    [
      { header: 'Afdeling', kind: 'text', value: (r: (typeof bandRows)[number]) => r.group, width: 14 },
      { header: 'Duurklasse', kind: 'text', value: (r) => r.band.label, width: 14 },
      { header: 'Van (dagen)', kind: 'integer', value: (r) => r.band.fromDays, width: 12 },
      { header: 'Tot en met (dagen)', kind: 'integer', value: (r) => r.band.toDays, width: 12 },
      { header: 'Gevallen', kind: 'integer', value: (r) => shown(r.suppressed, r.band.cases), width: 12 },
      { header: 'Deel van het verzuim (%)', kind: 'percent', value: (r) => shown(r.suppressed, round(r.band.percentage)), width: 14 },
      { header: 'Weggelaten', kind: 'text', value: (r) => (r.suppressed ? WHY[r.suppressed] : ''), width: 40 },
    ],
    bandRows,
  );
  addNote(bands);

  const formationRows = [
    { code: 'Organisatie', name: `${c.organisation.formationDepartments} afdeling(en)`, f: c.organisation.formation, suppressed: c.organisation.formationSuppressed, delivered: true },
    ...c.departments.map((d) => ({ code: d.code, name: d.name, f: d.formation, suppressed: d.formationSuppressed, delivered: d.formationDelivered })),
  ];
  const formation = addTableSheet(book, 'Formatie en bezetting', formationColumns(), formationRows);
  addNote(formation);

  // Overdue steps as counts per department and step: a management report needs how many, not whose.
  // A hidden department gets one row with its marker whether it has overdue steps or not: otherwise the
  // organisation's total minus the rows shown would tell how many a small department has.
  const hidden = new Map<string, SuppressionReason | null>(c.departments.map((d: HrDepartment) => [d.code, d.absenceSuppressed]));
  const counts = new Map<string, { department: string; milestone: string; label: string; count: number | string }>();
  for (const o of c.overdue) {
    if (hidden.get(o.department)) continue;
    const key = `${o.department}|${o.milestone}`;
    const entry = counts.get(key) ?? { department: o.department, milestone: o.milestone, label: o.label, count: 0 };
    entry.count = (entry.count as number) + 1;
    counts.set(key, entry);
  }
  for (const d of c.departments) {
    const reason = hidden.get(d.code);
    if (reason) counts.set(`${d.code}|`, { department: d.code, milestone: '', label: `(weggelaten: ${WHY[reason]})`, count: SUPPRESSION_MARKERS[reason] });
  }
  const overdueRows = [...counts.values()].sort((a, b) => a.department.localeCompare(b.department) || a.label.localeCompare(b.label));
  const poortwachter = addTableSheet(
    book,
    'Poortwachter te laat',
    [
      { header: 'Afdeling', kind: 'text', value: (r: (typeof overdueRows)[number]) => r.department, width: 14 },
      { header: 'Stap', kind: 'text', value: (r) => r.label, width: 40 },
      { header: 'Aantal te laat', kind: 'integer', value: (r) => r.count, width: 14 },
    ],
    overdueRows,
    { 0: 'Totaal', 2: c.organisation.absenceSuppressed ? SUPPRESSION_MARKERS[c.organisation.absenceSuppressed] : c.overdue.length },
  );
  poortwachter.addRow([]);
  poortwachter.addRow([`Stappen die op ${c.asOf.split('-').reverse().join('-')} over de termijn zijn en nog niet gedaan, in verzuim dat toen nog liep (volgens het laatste pakket van elke afdeling).`]);
  addNote(poortwachter);
}
