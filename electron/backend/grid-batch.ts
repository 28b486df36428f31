import type { z } from 'zod';
import type { BatchRefusal, GridBatch, GridBatchResult } from '../../shared/api/batch.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { toApiError } from './router.ts';
import type { Workbook } from './workbook/workbook.ts';

/** How one area saves the rows of one grid: the same checks and service calls as a single edit. */
export interface GridBatchDefinition<T> {
  /** The area's schema of one update's patch (partial, strict), as its update method has it. */
  updateSchema: z.ZodType;
  update(id: number, patch: Record<string, unknown>): T;
  /** The schema of a new row, and how to add it; absent when the grid adds no rows. */
  createSchema?: z.ZodType;
  create?(fields: Record<string, unknown>): T;
  /** Removes a row the grid added (the undo of a paste). */
  delete?(id: number): void;
  /** Why the grid adds no rows, said to the user. */
  noCreate?: string;
}

function zodRefusals(op: BatchRefusal['op'], index: number, error: z.ZodError): BatchRefusal[] {
  return error.issues.map((issue) => {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : null;
    return { op, index, field, message: issue.message };
  });
}

function thrownRefusal(op: BatchRefusal['op'], index: number, error: unknown): BatchRefusal {
  const apiError = toApiError(error);
  const details = apiError.details as { field?: unknown } | undefined;
  return { op, index, field: typeof details?.field === 'string' ? details.field : null, message: apiError.message };
}

/**
 * Saves a grid batch in one transaction. Every row is checked and saved inside its own savepoint: a
 * row that fails its check or its service call is rolled back whole and answered as a refusal, the
 * others are committed together (and undone together, by the batch that reverses them).
 */
export function applyGridBatch<T>(wb: Workbook, batch: GridBatch, definition: GridBatchDefinition<T>): GridBatchResult<T> {
  const result: GridBatchResult<T> = { updated: [], created: [], deleted: [], refused: [] };
  wb.tx(() => {
    batch.updates.forEach(({ id, patch }, index) => {
      const parsed = definition.updateSchema.safeParse(patch);
      if (!parsed.success) {
        result.refused.push(...zodRefusals('update', index, parsed.error));
        result.updated.push(null);
        return;
      }
      try {
        result.updated.push(wb.tx(() => definition.update(id, parsed.data as Record<string, unknown>)));
      } catch (error) {
        result.refused.push(thrownRefusal('update', index, error));
        result.updated.push(null);
      }
    });
    batch.creates.forEach((fields, index) => {
      if (!definition.create || !definition.createSchema) {
        result.refused.push({ op: 'create', index, field: null, message: definition.noCreate ?? 'In deze tabel kunnen geen regels worden toegevoegd.' });
        result.created.push(null);
        return;
      }
      const parsed = definition.createSchema.safeParse(fields);
      if (!parsed.success) {
        result.refused.push(...zodRefusals('create', index, parsed.error));
        result.created.push(null);
        return;
      }
      try {
        result.created.push(wb.tx(() => definition.create!(parsed.data as Record<string, unknown>)));
      } catch (error) {
        result.refused.push(thrownRefusal('create', index, error));
        result.created.push(null);
      }
    });
    batch.deletes.forEach((id, index) => {
      try {
        if (!definition.delete) throw new ApiError('forbidden', 'In deze tabel kunnen geen regels worden verwijderd.');
        wb.tx(() => definition.delete!(id));
        result.deleted.push(id);
      } catch (error) {
        result.refused.push(thrownRefusal('delete', index, error));
      }
    });
  });
  return result;
}
