import type { AttentionItem } from '../absence/types.ts';
import { parsePeriod, type Period } from '../period.ts';
import type { OccupationResult } from '../staff/formation.ts';
import type { FormationOverviewCostCentre, FormationOverviewData, FormationOverviewPosition, PoortwachterOverviewData, PoortwachterOverviewItem } from './types.ts';

/**
 * Pure computations behind the overview's staff, absence and Poortwachter sections, so the choices
 * (which month is "the last complete one", which positions to show first) can be checked on small cases.
 */

export interface DateRange {
  start: string;
  end: string;
}

export interface AbsencePeriodChoice extends DateRange {
  /** "2027" for a year to date, "2027-10", "2027-Q3". */
  code: string;
  /** Months the frequency is put on a year basis with (12 / months): a fraction for a year to date. */
  months: number;
  previousYear: DateRange & { months: number };
}

export interface AbsenceOverviewPeriods {
  yearToDate: AbsencePeriodChoice;
  lastMonth: AbsencePeriodChoice;
  lastQuarter: AbsencePeriodChoice;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

function dayOfYear(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000) + 1;
}

/** The same calendar day a year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(iso: string): string {
  const year = Number(iso.slice(0, 4)) - 1;
  const monthDay = iso.slice(5);
  return monthDay === '02-29' && !isLeapYear(year) ? `${year}-02-28` : `${year}${iso.slice(4)}`;
}

function fromPeriod(period: Period): AbsencePeriodChoice {
  const previous = parsePeriod(`${period.year - 1}${period.code.slice(4)}`)!;
  return { code: period.code, start: period.start, end: period.end, months: period.months, previousYear: { start: previous.start, end: previous.end, months: previous.months } };
}

/**
 * The stretches of days the overview shows absence for, as of a day:
 * - the year to date: 1 January up to and including `asOf`, beside the same days a year earlier;
 * - the last complete month and quarter: complete when their last day is on or before `asOf` (the
 *   overview's date counts as a day that has been), so on 31 March the first quarter is the last one.
 * A year to date is a fraction of a year: its frequency is put on a year basis by its days.
 */
export function absenceOverviewPeriods(asOf: string): AbsenceOverviewPeriods {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const ytdDays = dayOfYear(asOf);
  const previousEnd = sameDayLastYear(asOf);
  const yearToDate: AbsencePeriodChoice = {
    code: String(year),
    start: `${year}-01-01`,
    end: asOf,
    months: (12 * ytdDays) / daysInYear(year),
    previousYear: { start: `${year - 1}-01-01`, end: previousEnd, months: (12 * dayOfYear(previousEnd)) / daysInYear(year - 1) },
  };

  const thisMonth = parsePeriod(`${year}-${String(month).padStart(2, '0')}`)!;
  const monthCode = thisMonth.end <= asOf ? thisMonth.code : month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;

  const quarter = Math.floor((month - 1) / 3) + 1;
  const thisQuarter = parsePeriod(`${year}-Q${quarter}`)!;
  const quarterCode = thisQuarter.end <= asOf ? thisQuarter.code : quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;

  return { yearToDate, lastMonth: fromPeriod(parsePeriod(monthCode)!), lastQuarter: fromPeriod(parsePeriod(quarterCode)!) };
}

/** A percentage at or above the signal value, compared as the page shows it (two decimals). */
export function isAboveAlert(percentage: number | null, alertPercent: number): boolean {
  return percentage !== null && Math.round(percentage * 100) / 100 >= alertPercent;
}

/**
 * Formation against occupation for the overview: the department, each cost centre, and the positions
 * that are not exactly filled, the largest difference first.
 */
export function formationOverview(
  occupation: Pick<OccupationResult, 'date' | 'total' | 'positions'> & Partial<Pick<OccupationResult, 'withoutFormation' | 'unplaced'>> & { costCentres: FormationOverviewCostCentre[] },
  hasStaff: boolean,
  limit = 8,
): FormationOverviewData {
  const off: FormationOverviewPosition[] = occupation.positions
    .filter((p) => p.status !== 'filled')
    .map((p) => ({
      positionId: p.positionId,
      code: p.code,
      functionTitle: p.functionTitle,
      costCentre: p.costCentre,
      formationFte: p.formationFte,
      occupiedFte: p.occupiedFte,
      vacancyFte: p.vacancyFte,
      overOccupationFte: p.overOccupationFte,
      status: p.status as FormationOverviewPosition['status'],
    }))
    .sort((a, b) => Math.max(b.vacancyFte, b.overOccupationFte) - Math.max(a.vacancyFte, a.overOccupationFte) || a.costCentre.localeCompare(b.costCentre) || a.code.localeCompare(b.code));
  return {
    date: occupation.date,
    hasStaff,
    positionCount: occupation.positions.length,
    total: occupation.total,
    costCentres: occupation.costCentres,
    positions: off.slice(0, limit),
    positionsOffCount: off.length,
    withoutFormation: occupation.withoutFormation ?? [],
    unplacedCount: occupation.unplaced?.length ?? 0,
  };
}

/** The attention list for the overview: by case and personnel number only (names stay on the Poortwachter page). */
export function poortwachterOverview(attention: { leadDays: number; overdue: AttentionItem[]; dueSoon: AttentionItem[] }, runningCases: number, limit = 10): PoortwachterOverviewData {
  const item = (i: AttentionItem): PoortwachterOverviewItem => ({ caseId: i.caseId, caseNumber: i.caseNumber, personnelNumber: i.personnelNumber, step: i.step, label: i.label, due: i.due, daysLeft: i.daysLeft });
  return {
    leadDays: attention.leadDays,
    runningCases,
    overdue: attention.overdue.slice(0, limit).map(item),
    overdueCount: attention.overdue.length,
    dueSoon: attention.dueSoon.slice(0, limit).map(item),
    dueSoonCount: attention.dueSoon.length,
  };
}
