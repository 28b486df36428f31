import { ApiError } from '../../../shared/api/errors.ts';
import { formatDate } from '../../../shared/format/nl.ts';
import { SalaryTables } from '../../../shared/domain/staff/costs.ts';
import type { SalaryEntryView, SalaryTableInfo } from '../../../shared/domain/staff/types.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';

export function loadSalaryTables(wb: Workbook): SalaryTables {
  return new SalaryTables(
    wb.all(wb.db.selectFrom('salary_table_entry').select(['valid_from', 'scale', 'step', 'monthly_cents'])).map((r) => ({
      validFrom: r.valid_from,
      scale: r.scale,
      step: r.step,
      monthlyCents: r.monthly_cents,
    })),
  );
}

export function listTables(wb: Workbook): SalaryTableInfo[] {
  return wb
    .all(
      wb.db
        .selectFrom('salary_table_entry')
        .select((eb) => ['valid_from', eb.fn.countAll<number>().as('entries'), eb.fn.count<number>('scale').distinct().as('scales')])
        .groupBy('valid_from')
        .orderBy('valid_from'),
    )
    .map((r) => ({ validFrom: r.valid_from, entries: Number(r.entries), scales: Number(r.scales) }));
}

function toView(r: { id: number; valid_from: string; scale: number; step: number; monthly_cents: number }): SalaryEntryView {
  return { id: r.id, validFrom: r.valid_from, scale: r.scale, step: r.step, monthlyCents: r.monthly_cents };
}

export function listEntries(wb: Workbook, validFrom: string): SalaryEntryView[] {
  return wb.all(wb.db.selectFrom('salary_table_entry').selectAll().where('valid_from', '=', validFrom).orderBy('scale').orderBy('step')).map(toView);
}

function findEntry(wb: Workbook, validFrom: string, scale: number, step: number) {
  return wb.first(wb.db.selectFrom('salary_table_entry').selectAll().where('valid_from', '=', validFrom).where('scale', '=', scale).where('step', '=', step));
}

/**
 * Sets one monthly amount (or removes it with null), audited. Returns whether it was new, changed or
 * the same, for the importer's counts.
 */
export function writeEntry(wb: Workbook, validFrom: string, scale: number, step: number, monthlyCents: number | null, note?: string): 'new' | 'updated' | 'duplicate' | 'deleted' {
  const existing = findEntry(wb, validFrom, scale, step);
  const now = nowIso();
  if (monthlyCents === null) {
    if (!existing) return 'duplicate';
    wb.run(wb.db.deleteFrom('salary_table_entry').where('id', '=', existing.id));
    wb.audit({ action: 'delete', table: 'salary_table_entry', rowId: existing.id, old: existing, note });
    return 'deleted';
  }
  if (!existing) {
    const values = { valid_from: validFrom, scale, step, monthly_cents: monthlyCents, created_at: now, updated_at: now };
    const id = Number(wb.run(wb.db.insertInto('salary_table_entry').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'salary_table_entry', rowId: id, new: values, note });
    return 'new';
  }
  if (existing.monthly_cents === monthlyCents) return 'duplicate';
  wb.run(wb.db.updateTable('salary_table_entry').set({ monthly_cents: monthlyCents, updated_at: now }).where('id', '=', existing.id));
  wb.audit({ action: 'update', table: 'salary_table_entry', rowId: existing.id, old: { monthly_cents: existing.monthly_cents }, new: { monthly_cents: monthlyCents }, note });
  return 'updated';
}

export function setEntry(wb: Workbook, input: { validFrom: string; scale: number; step: number; monthlyCents: number | null }): SalaryEntryView | null {
  wb.tx(() => writeEntry(wb, input.validFrom, input.scale, input.step, input.monthlyCents));
  const row = findEntry(wb, input.validFrom, input.scale, input.step);
  return row ? toView(row) : null;
}

/** One scale of a table as the grid shows it: the monthly amount per step, null where there is none. */
export function scaleRow(wb: Workbook, validFrom: string, scale: number): { id: number; scale: number } & Record<string, number | null> {
  const row: { id: number; scale: number } & Record<string, number | null> = { id: scale, scale };
  const entries = wb.all(wb.db.selectFrom('salary_table_entry').select(['step', 'monthly_cents']).where('valid_from', '=', validFrom).where('scale', '=', scale));
  for (const entry of entries) row[`s${entry.step}`] = entry.monthly_cents;
  return row;
}

/** Sets the amounts of one scale pasted into the grid (`s3` is step 3); the scale is checked as a single edit checks it. */
export function setScaleAmounts(wb: Workbook, validFrom: string, scale: number, amounts: Record<string, number | null>): { id: number; scale: number } & Record<string, number | null> {
  if (!Number.isInteger(scale) || scale < 1 || scale > 18) throw new ApiError('invalid_input', `Schaal ${scale} bestaat niet; de salaristabel kent schalen 1 tot en met 18.`);
  wb.tx(() => {
    for (const [field, cents] of Object.entries(amounts)) writeEntry(wb, validFrom, scale, Number(field.slice(1)), cents ?? null);
  });
  return scaleRow(wb, validFrom, scale);
}

/** A collective raise: a new table from a date, every amount of another table raised by a percentage, to the cent. */
export function copyTable(wb: Workbook, input: { fromValidFrom: string; toValidFrom: string; raisePercent: number }): SalaryTableInfo {
  const source = listEntries(wb, input.fromValidFrom);
  if (source.length === 0) throw new ApiError('not_found', `Er is geen salaristabel per ${formatDate(input.fromValidFrom)}.`);
  if (listEntries(wb, input.toValidFrom).length > 0) throw new ApiError('conflict', `Er is al een salaristabel per ${formatDate(input.toValidFrom)}.`);
  const note = `Salaristabel per ${formatDate(input.toValidFrom)}: tabel per ${formatDate(input.fromValidFrom)} + ${String(input.raisePercent).replace('.', ',')} %`;
  wb.tx(() => {
    for (const entry of source) writeEntry(wb, input.toValidFrom, entry.scale, entry.step, Math.round(entry.monthlyCents * (1 + input.raisePercent / 100)), note);
  });
  return listTables(wb).find((t) => t.validFrom === input.toValidFrom)!;
}

export function deleteTable(wb: Workbook, validFrom: string): void {
  const entries = listEntries(wb, validFrom);
  if (entries.length === 0) throw new ApiError('not_found', `Er is geen salaristabel per ${formatDate(validFrom)}.`);
  wb.tx(() => {
    wb.run(wb.db.deleteFrom('salary_table_entry').where('valid_from', '=', validFrom));
    wb.audit({ action: 'delete', table: 'salary_table_entry', rowId: validFrom, old: { validFrom, entries: entries.map((e) => [e.scale, e.step, e.monthlyCents]) }, note: `Salaristabel per ${formatDate(validFrom)} verwijderd` });
  });
}
