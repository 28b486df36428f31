import { ApiError } from '../../../shared/api/errors.ts';
import type { ClosedYear } from '../../../shared/domain/workbook/types.ts';
import { RowRejection } from '../import/row-reader.ts';
import { nowIso, type Workbook } from './workbook.ts';

const MARKER = /WERKBOEK_JAAR_AFGESLOTEN:(-?\d+)/;

function closedYearOf(error: unknown): number | null {
  if (!(error instanceof Error) || (error as Error & { code?: string }).code !== 'SQLITE_CONSTRAINT_TRIGGER') return null;
  const match = MARKER.exec(error.message);
  return match ? Number(match[1]) : null;
}

function sentence(year: number): string {
  return `Boekjaar ${year} is afgesloten en kan niet meer worden gewijzigd. Heropen het jaar eerst (Instellingen → Jaarafsluiting) als een wijziging echt nodig is.`;
}

/** The database refused a change to a closed year (a trigger of migration 0008): the Dutch error for the user. */
export function closedYearError(error: unknown): ApiError | null {
  const year = closedYearOf(error);
  return year === null ? null : new ApiError('read_only', sentence(year), { closedYear: year });
}

/** The same refusal inside an import: that row is rejected, the rest of the file goes on. */
export function closedYearRejection(error: unknown): RowRejection | null {
  const year = closedYearOf(error);
  return year === null ? null : new RowRejection(`boekjaar ${year} is afgesloten`, 'year');
}

export function listClosedYears(wb: Workbook): ClosedYear[] {
  return wb
    .all(wb.db.selectFrom('closed_year').selectAll().orderBy('year'))
    .map((row) => ({ year: row.year, closedAt: row.closed_at, closedBy: row.closed_by, note: row.note }));
}

export function closeYear(wb: Workbook, year: number, note: string | null): ClosedYear[] {
  wb.requireKind('department');
  const existing = wb.first(wb.db.selectFrom('closed_year').selectAll().where('year', '=', year));
  if (existing) throw new ApiError('conflict', `Boekjaar ${year} is al afgesloten (op ${existing.closed_at.slice(0, 10)} door ${existing.closed_by}).`);
  wb.tx(() => {
    const values = { year, closed_at: nowIso(), closed_by: wb.actor, note };
    wb.run(wb.db.insertInto('closed_year').values(values));
    const counts = wb.first(
      wb.db.selectNoFrom((eb) => [
        eb.selectFrom('budget_line').select((e) => e.fn.countAll<number>().as('n')).where('year', '=', year).as('budgetLines'),
        eb.selectFrom('ledger_line').select((e) => e.fn.countAll<number>().as('n')).where('year', '=', year).as('ledgerLines'),
      ]),
    );
    wb.audit({ action: 'close-year', table: 'closed_year', rowId: year, new: { ...values, ...counts }, note: note ?? `Boekjaar ${year} afgesloten` });
  });
  return listClosedYears(wb);
}

/** Reopening is a deliberate act with a reason, and it is audited like the close. */
export function reopenYear(wb: Workbook, year: number, reason: string): ClosedYear[] {
  wb.requireKind('department');
  const existing = wb.first(wb.db.selectFrom('closed_year').selectAll().where('year', '=', year));
  if (!existing) throw new ApiError('not_found', `Boekjaar ${year} is niet afgesloten.`);
  wb.tx(() => {
    wb.run(wb.db.deleteFrom('closed_year').where('year', '=', year));
    wb.audit({ action: 'reopen-year', table: 'closed_year', rowId: year, old: existing, note: `Boekjaar ${year} heropend: ${reason}` });
  });
  return listClosedYears(wb);
}
