import type { FigureGapCode } from '../../../shared/domain/setup/types.ts';
import type { Workbook } from '../workbook/workbook.ts';

/**
 * How far back the workbook knows absence, so a figure is never computed from days nobody
 * registered: 0,00 % for a year without data reads as a year without absence.
 *
 * - Absence is known at all once a case exists (registered or imported, any kind) or an absence list
 *   has been imported (a list with no case of ours says: nobody was sick).
 * - A calendar year before the fiscal year is known from the first year in which the head registered
 *   a case by hand, or in which any case ended. An HR system's list of this year holds the cases
 *   running this year, some begun last year; such a case says nothing about the rest of last year. A
 *   case that also ended last year does: the list reaches back that far.
 */
export interface AbsenceCoverage {
  known: boolean;
  /** The first calendar year whose absence is known (see above); null when no year before the fiscal year can be. */
  knownFromYear: number | null;
}

export function absenceCoverage(wb: Workbook): AbsenceCoverage {
  const row = wb.first(
    wb.db
      .selectFrom('absence_case')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.min<string | null>('last_day').as('earliestEnd'),
        eb.fn.min<string | null>(eb.case().when('import_batch_id', 'is', null).then(eb.ref('first_day')).end()).as('earliestRegistered'),
      ])
      .where('deleted_at', 'is', null),
  );
  const count = Number(row?.n ?? 0);
  const known = count > 0 || wb.first(wb.db.selectFrom('import_batch').select('id').where('kind', '=', 'absence').limit(1)) !== undefined;
  const years = [row?.earliestEnd, row?.earliestRegistered].filter((d): d is string => typeof d === 'string').map((d) => Number(d.slice(0, 4)));
  return { known, knownFromYear: years.length > 0 ? Math.min(...years) : null };
}

/**
 * Why the absence figures of a stretch of days cannot be computed, or null. Days of the workbook's
 * fiscal year and later are known as soon as any absence is; a stretch that begins in an earlier year
 * (the year before, for comparison) only from the year the workbook knows absence from.
 */
export function absenceGap(coverage: AbsenceCoverage, fiscalYear: number, range: { start: string; end: string }): FigureGapCode | null {
  if (!coverage.known) return 'no-absence-list';
  const year = Number(range.start.slice(0, 4));
  if (year >= fiscalYear) return null;
  return coverage.knownFromYear !== null && coverage.knownFromYear <= year ? null : 'no-absence-last-year';
}
