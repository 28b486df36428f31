import { BAND_KEYS } from '../../../shared/domain/absence/bands.ts';
import { localToday } from '../../../shared/domain/absence/days.ts';
import { chainsOf, isInformational, milestoneExchangeCode, poortwachterSchedule, stepOnDay } from '../../../shared/domain/absence/poortwachter.ts';
import { judgementDay, type Period } from '../../../shared/domain/period.ts';
import type { AbsenceCase, AbsenceMetrics, PoortwachterMilestone } from '../../../shared/exchange/schema.ts';
import type { PackageSection } from '../exchange/sections.ts';
import { getSettings } from '../workbook/settings.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { sicknessPeriods } from './cases.ts';
import { absenceMetrics } from './metrics.ts';
import { recordsOf, type Chain } from './poortwachter.ts';

/**
 * What the absence area puts into the HR summary: the sickness cases that touch the period, the
 * Poortwachter steps of their timelines, and the department's own figures. Dates and percentages
 * only: no notes, no flags (a safety-net flag can hint at the cause), never a diagnosis. Pregnancy and
 * maternity leave is not absence and is not sent. Cases of people not employed in the period are not
 * sent either: the staff list is what central computes the figures against.
 */

/** Employees of the period's staff list: employed at some time in it. */
function employeesInPeriod(wb: Workbook, period: Period): Map<number, string> {
  const rows = wb.all(
    wb.db
      .selectFrom('employee')
      .innerJoin('employee_terms', 'employee_terms.employee_id', 'employee.id')
      .select(['employee.id', 'employee.personnel_number'])
      .distinct()
      .where('employee.start_date', '<=', period.end)
      .where((eb) => eb.or([eb('employee.end_date', 'is', null), eb('employee.end_date', '>=', period.start)])),
  );
  return new Map(rows.map((r) => [r.id, r.personnel_number]));
}

/** Every chain (28-day rule) of each employee of the period, cut to the cases that began by the period's end. */
function chainsAsOfPeriodEnd(wb: Workbook, period: Period): Array<{ personnelNumber: string; full: Chain; known: Chain }> {
  const employees = employeesInPeriod(wb, period);
  const result: Array<{ personnelNumber: string; full: Chain; known: Chain }> = [];
  for (const [employeeId, periods] of sicknessPeriods(wb, [...employees.keys()])) {
    for (const full of chainsOf(periods)) {
      // Chains are built in order of first day, so the cases known at the period's end are a prefix.
      const known = full.filter((p) => p.firstDay <= period.end);
      if (known.length > 0) result.push({ personnelNumber: employees.get(employeeId)!, full, known });
    }
  }
  return result;
}

const overlapsPeriod = (p: { firstDay: string; lastDay: string | null }, period: Period) => p.firstDay <= period.end && (p.lastDay === null || p.lastDay >= period.start);

export function absenceCasesOfPeriod(wb: Workbook, period: Period): AbsenceCase[] {
  const cases: AbsenceCase[] = [];
  const wanted: Array<{ id: number; entry: AbsenceCase }> = [];
  for (const { personnelNumber, known } of chainsAsOfPeriodEnd(wb, period)) {
    known.forEach((p, i) => {
      if (!overlapsPeriod(p, period)) return;
      const entry: AbsenceCase = {
        caseId: p.caseNumber,
        personnelNumber,
        firstDay: p.firstDay,
        lastSickDay: p.lastDay,
        incapacity: [],
        continuesCaseId: i > 0 ? known[i - 1].caseNumber : null,
      };
      wanted.push({ id: p.caseId, entry });
      cases.push(entry);
    });
  }
  const byId = new Map(wanted.map((w) => [w.id, w.entry]));
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const episodes = wb.all(wb.db.selectFrom('absence_episode').select(['case_id', 'from_date', 'percentage']).where('case_id', 'in', ids.slice(i, i + 500)).orderBy('case_id').orderBy('from_date'));
    for (const e of episodes) byId.get(e.case_id)!.incapacity.push({ from: e.from_date, percentage: e.percentage });
  }
  return cases.sort((a, b) => a.personnelNumber.localeCompare(b.personnelNumber) || a.firstDay.localeCompare(b.firstDay));
}

export const hrAbsenceCasesSection: PackageSection = { kind: 'hr-summary', key: 'absenceCases', area: 'absence', build: absenceCasesOfPeriod };

/**
 * The steps of every timeline still running at some time in the period (its latest case known at the
 * period's end overlaps the period), with their due dates and their status on the period's judgement day
 * (its last day; the day the package is made while the period still runs), by the rule the quarterly
 * report and the central consolidation share (`stepOnDay`): done, overdue or open. A step done after
 * that day keeps its date in `completedOn`, so central can judge it on a later day. Steps that were no
 * longer needed (recovery came first), steps that lapsed (the person recovered before they were done:
 * no longer late, since they can no longer be taken) and the informational end of wage payment are left
 * out. Each step is listed under the latest case of its
 * chain, where the head registers it.
 */
export function poortwachterOfPeriod(wb: Workbook, period: Period, today = localToday()): PoortwachterMilestone[] {
  const chains = chainsAsOfPeriodEnd(wb, period).filter(({ known }) => overlapsPeriod(known[known.length - 1], period));
  // Steps registered on a later relapse belong to the whole chain: read them from the full chain.
  const records = recordsOf(
    wb,
    chains.map((c) => c.full),
  );
  const leadDays = getSettings(wb).poortwachterLeadDays;
  const day = judgementDay(period, today);
  const milestones: PoortwachterMilestone[] = [];
  for (const { personnelNumber, full, known } of chains) {
    const last = known[known.length - 1];
    for (const step of poortwachterSchedule(known, records.get(full)!, period.end, leadDays)) {
      if (isInformational(step.key)) continue;
      const status = stepOnDay(step, last.lastDay, day);
      // Not needed, or lapsed (the person recovered without it: it can no longer be taken, so it is not late).
      if (status === null || status === 'lapsed' || step.due === null) continue;
      milestones.push({
        caseId: last.caseNumber,
        personnelNumber,
        milestone: milestoneExchangeCode(step.key),
        label: step.label,
        dueDate: step.due,
        completedOn: step.doneOn,
        status,
      });
    }
  }
  return milestones.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.caseId.localeCompare(b.caseId) || a.milestone.localeCompare(b.milestone));
}

export const hrPoortwachterSection: PackageSection = { kind: 'hr-summary', key: 'poortwachter', area: 'absence', build: poortwachterOfPeriod };

const BAND_LABELS = { short: 'kort', medium: 'middellang', long: 'lang', extraLong: 'extra lang' } as const;
const round = (value: number | null, decimals: number) => (value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals);

/** The department's own figures over its cost centres, rounded as `werkboek report` rounds them. */
export function absenceMetricsOfPeriod(wb: Workbook, period: Period): AbsenceMetrics {
  const view = absenceMetrics(wb, period, localToday());
  const f = view.department;
  return {
    percentage: round(f.percentage, 2),
    reportFrequency: round(f.frequency, 2),
    reports: f.reports,
    averageDurationDays: round(f.averageDurationDays, 1),
    zeroAbsencePercent: round(f.zeroAbsencePercentage, 2),
    averageHeadcount: round(f.averageHeadcount, 2),
    durationBands: BAND_KEYS.map((key) => ({ label: BAND_LABELS[key], fromDays: view.bandRanges[key].from, toDays: view.bandRanges[key].to, cases: f.bands[key].cases })),
  };
}

export const hrAbsenceMetricsSection: PackageSection = { kind: 'hr-summary', key: 'absenceMetrics', area: 'absence', build: absenceMetricsOfPeriod };

export const absencePackageSections: PackageSection[] = [hrAbsenceCasesSection, hrPoortwachterSection, hrAbsenceMetricsSection];
