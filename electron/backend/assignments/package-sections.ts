import { CATEGORY_LABELS, isReportable, STATUS_LABELS as BOTTLENECK_STATUS_LABELS } from '../../../shared/domain/bottlenecks/rules.ts';
import { ACTIVE_STATUSES, type BottleneckStatus } from '../../../shared/domain/bottlenecks/types.ts';
import { isHireKind, isOpenStatus, KIND_LABELS, STATUS_LABELS } from '../../../shared/domain/assignments/rules.ts';
import type { Period } from '../../../shared/domain/period.ts';
import { dbaFlags, hireCostBetween } from '../../../shared/domain/staff/hires.ts';
import type { AssignmentSummary, CrossDepartmentLink, ExternalHire } from '../../../shared/exchange/schema.ts';
import type { PersonalTerm, PersonalTermSource } from '../exchange/privacy.ts';
import type { PackageSection } from '../exchange/sections.ts';
import { summary } from '../budget/service.ts';
import { staffSettings } from '../staff/settings.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { assignmentsInPeriod } from './report.ts';
import { evaluate } from './service.ts';

/** The exchange format's hire kinds predate the register: agency staff is "uitzendkracht" there. */
const EXCHANGE_HIRE_KIND = { zzp: 'zzp', inhuurbureau: 'uitzendkracht', detachering: 'detachering' } as const;

/**
 * Finance summary, `externalHire`: the hire assignments (ZZP, inhuurbureau, detachering; not cancelled)
 * running in the period's year. Actuals are their ledger lines booked in that year up to the period's
 * end; the forecast is the year's expected cost, as in the personnel cost forecast; the budget is the
 * current budget of the hire accounts (setting personnelHireAccounts). Totals only: no names.
 */
export function externalHireSection(wb: Workbook, period: Period): ExternalHire | undefined {
  const yearStart = `${period.year}-01-01`;
  const yearEnd = `${period.year}-12-31`;
  const settings = staffSettings(wb);
  const hires = evaluate(wb, { asOf: period.end, year: period.year, until: period.end }).filter(
    (e) => isHireKind(e.row.kind) && e.row.status !== 'vervallen' && e.row.startDate <= yearEnd && e.row.endDate >= yearStart,
  );
  if (hires.length === 0) return undefined;
  const byKind = new Map<string, { kind: (typeof EXCHANGE_HIRE_KIND)[keyof typeof EXCHANGE_HIRE_KIND]; assignments: number; actualCents: number; forecastCents: number }>();
  const byCostCentre = new Map<string, { costCentre: string; actualCents: number; forecastCents: number }>();
  let actualCents = 0;
  let forecastCents = 0;
  let flagged = 0;
  for (const { row, allocation } of hires) {
    const actual = allocation.ledger.counted.filter((c) => c.entry.date >= yearStart).reduce((s, c) => s + c.entry.amountCents, 0);
    const forecast = hireCostBetween(row, yearStart, yearEnd).cents;
    actualCents += actual;
    forecastCents += forecast;
    const kind = EXCHANGE_HIRE_KIND[row.kind as keyof typeof EXCHANGE_HIRE_KIND];
    const k = byKind.get(kind) ?? { kind, assignments: 0, actualCents: 0, forecastCents: 0 };
    k.assignments += 1;
    k.actualCents += actual;
    k.forecastCents += forecast;
    byKind.set(kind, k);
    const cc = row.budgetLines[0]?.costCentre ?? '';
    const c = byCostCentre.get(cc) ?? { costCentre: cc, actualCents: 0, forecastCents: 0 };
    c.actualCents += actual;
    c.forecastCents += forecast;
    byCostCentre.set(cc, c);
    if (row.startDate <= period.end && row.endDate >= period.end && isOpenStatus(row.status) && dbaFlags(row, settings.zzpFlagMonths).length > 0) flagged += 1;
  }
  const hireAccounts = new Set(settings.personnelHireAccounts.map((a) => a.toUpperCase()));
  const hireLines = summary(wb, period.year).lines.filter((l) => hireAccounts.has(l.account));
  return {
    assignments: hires.length,
    actualCents,
    forecastCents,
    budgetCents: hireLines.length === 0 ? null : hireLines.reduce((s, l) => s + l.currentCents, 0),
    byKind: [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
    byCostCentre: [...byCostCentre.values()].sort((a, b) => a.costCentre.localeCompare(b.costCentre)),
    flaggedAssignments: flagged,
  };
}

/**
 * Finance summary, `assignments`: every assignment running in the period with kind, code, ceiling and
 * amounts. The contractor of a ZZP assignment is a person and is never sent; the privacy check of the
 * finance package also knows the names of ZZP'ers and hired persons (assignmentPersonalTerms).
 */
export function assignmentsSection(wb: Workbook, period: Period): AssignmentSummary[] | undefined {
  const { items } = assignmentsInPeriod(wb, period);
  if (items.length === 0) return undefined;
  return items.map(({ row }) => ({
    code: row.code,
    kind: row.kind,
    status: row.status,
    title: row.title,
    contractor: row.kind === 'zzp' ? null : row.contractor,
    startDate: row.startDate,
    endDate: row.endDate,
    budgetLines: row.budgetLines,
    ceilingCents: row.ceilingCents,
    actualCents: row.actualsCents,
    commitmentsCents: row.commitmentsCents,
    signals: row.signals,
  }));
}

/** A bottleneck's status as it stood at a day, from its dated history (last change that took effect by then). */
function bottleneckStatusAt(wb: Workbook, bottleneckId: number, current: BottleneckStatus, day: string): BottleneckStatus {
  const changes = wb.all(
    wb.db.selectFrom('bottleneck_status_change').select(['to_status']).where('bottleneck_id', '=', bottleneckId).where('effective_date', '<=', day).orderBy('effective_date').orderBy('id'),
  );
  return changes.length > 0 ? changes[changes.length - 1].to_status : current;
}

/**
 * `links` (both package kinds): the department's open bottlenecks (open, in behandeling or geëscaleerd at
 * the period's end) and open assignments (in preparation or running, begun by the period's end) that name
 * other departments. Codes and titles only; a bottleneck above "intern" confidentiality travels with its
 * level in brackets instead of its title.
 */
export function crossDepartmentLinks(wb: Workbook, period: Period): CrossDepartmentLink[] {
  const links: CrossDepartmentLink[] = [];
  const bottleneckLinks = wb.all(
    wb.db
      .selectFrom('bottleneck_link as k')
      .innerJoin('bottleneck as b', 'b.id', 'k.bottleneck_id')
      .select(['b.id', 'b.identifier', 'b.title', 'b.category', 'b.status', 'b.confidentiality', 'k.link_key', 'k.relation'])
      .where('k.link_type', '=', 'department')
      .where('k.removed_at', 'is', null)
      .where('b.archived_at', 'is', null)
      .where('b.signalled_on', '<=', period.end)
      .orderBy('b.identifier')
      .orderBy('k.id'),
  );
  const byBottleneck = new Map<number, CrossDepartmentLink>();
  for (const l of bottleneckLinks) {
    let item = byBottleneck.get(l.id);
    if (!item) {
      const status = bottleneckStatusAt(wb, l.id, l.status, period.end);
      if (!ACTIVE_STATUSES.includes(status)) continue;
      item = {
        source: 'bottleneck',
        id: l.identifier,
        title: isReportable(l.confidentiality) ? l.title : `(${l.confidentiality.replace('_', ' ')})`,
        type: CATEGORY_LABELS[l.category],
        status: BOTTLENECK_STATUS_LABELS[status],
        departments: [],
      };
      byBottleneck.set(l.id, item);
      links.push(item);
    }
    const code = l.link_key.toUpperCase();
    if (!item.departments.some((d) => d.code === code)) item.departments.push({ code, relation: l.relation ?? 'raakt' });
  }

  const assignmentLinks = wb.all(
    wb.db
      .selectFrom('assignment_department_link as k')
      .innerJoin('assignment as a', 'a.id', 'k.assignment_id')
      .select(['a.id', 'a.code', 'a.title', 'a.kind', 'a.status', 'k.department_code', 'k.relation'])
      .where('k.removed_at', 'is', null)
      .where('a.deleted_at', 'is', null)
      .where('a.start_date', '<=', period.end)
      .where('a.status', 'in', ['in_voorbereiding', 'lopend'])
      .orderBy('a.code')
      .orderBy('k.id'),
  );
  const byAssignment = new Map<number, CrossDepartmentLink>();
  for (const l of assignmentLinks) {
    let item = byAssignment.get(l.id);
    if (!item) {
      item = { source: 'assignment', id: l.code, title: l.title, type: KIND_LABELS[l.kind], status: STATUS_LABELS[l.status], departments: [] };
      byAssignment.set(l.id, item);
      links.push(item);
    }
    if (!item.departments.some((d) => d.code === l.department_code)) item.departments.push({ code: l.department_code, relation: l.relation });
  }
  return links;
}

function linksSection(wb: Workbook, period: Period): CrossDepartmentLink[] | undefined {
  const links = crossDepartmentLinks(wb, period);
  return links.length > 0 ? links : undefined;
}

export const assignmentPackageSections: PackageSection[] = [
  { kind: 'finance-summary', key: 'externalHire', area: 'opdrachten', build: externalHireSection },
  { kind: 'finance-summary', key: 'assignments', area: 'opdrachten', build: assignmentsSection },
  { kind: 'finance-summary', key: 'links', area: 'opdrachten en knelpunten', build: linksSection },
  { kind: 'hr-summary', key: 'links', area: 'opdrachten en knelpunten', build: linksSection },
];

/**
 * The names the finance privacy check must know from the register: the person doing the work (any kind)
 * and, for a ZZP assignment, the contractor and the ledger counterparty, which name the ZZP'er.
 */
export const assignmentPersonalTerms: PersonalTermSource = (wb) => {
  const terms: PersonalTerm[] = [];
  for (const r of wb.all(wb.db.selectFrom('assignment').select(['kind', 'contractor', 'counterparty', 'person_name']))) {
    if (r.person_name.trim()) terms.push({ term: r.person_name, what: 'naam van een ingehuurde persoon' });
    if (r.kind === 'zzp') {
      if (r.contractor.trim()) terms.push({ term: r.contractor, what: "naam van een ZZP'er" });
      if (r.counterparty.trim()) terms.push({ term: r.counterparty, what: "naam van een ZZP'er" });
    }
  }
  return terms;
};
