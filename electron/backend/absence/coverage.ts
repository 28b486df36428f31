import type { FigureGapCode } from '../../../shared/domain/setup/types.ts';
import type { Workbook } from '../workbook/workbook.ts';

/**
 * How far back the workbook knows absence, so a figure is never computed from days nobody
 * registered: 0,00 % for a year without data reads as a year without absence.
 *
 * - Absence is known at all once a case exists (registered or imported, any kind) or an absence list
 *   has been imported (a list with no case of ours says: nobody was sick).
 * - A year before the fiscal year is known only when some case ended in that year or earlier. An HR
 *   system's list of this year holds the cases running this year, some begun last year; such a case
 *   says nothing about the rest of last year. A case that also ended last year does: the list
 *   reaches back that far. Known or not is decided per calendar year, as the comparison is.
 */
export interface AbsenceCoverage {
  known: boolean;
  /** The earliest last sick day of any case; null when no case has ended. */
  earliestEnd: string | null;
}

export function absenceCoverage(wb: Workbook): AbsenceCoverage {
  const cases = wb.first(
    wb.db
      .selectFrom('absence_case')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min<string | null>('last_day').as('earliestEnd')])
      .where('deleted_at', 'is', null),
  );
  const count = Number(cases?.n ?? 0);
  const imported = count > 0 || wb.first(wb.db.selectFrom('import_batch').select('id').where('kind', '=', 'absence').limit(1)) !== undefined;
  return { known: imported, earliestEnd: cases?.earliestEnd ?? null };
}

/**
 * Why the absence figures of a stretch of days cannot be computed, or null. Days of the workbook's
 * fiscal year and later are known as soon as any absence is; a stretch that begins in an earlier year
 * (the year before, for comparison) needs a case that ended in that year or before.
 */
export function absenceGap(coverage: AbsenceCoverage, fiscalYear: number, range: { start: string; end: string }): FigureGapCode | null {
  if (!coverage.known) return 'no-absence-list';
  if (range.start >= `${fiscalYear}-01-01`) return null;
  return coverage.earliestEnd !== null && coverage.earliestEnd <= `${range.start.slice(0, 4)}-12-31` ? null : 'no-absence-last-year';
}
