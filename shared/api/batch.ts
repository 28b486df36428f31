import { z } from 'zod';

/**
 * A batch of grid changes saved in one transaction: a paste (many cells, new rows) or the undo of one.
 * Each row is checked on its own with the area's usual rules; the rows that pass are saved together,
 * the rows that do not are answered as refusals and leave nothing behind (a row is saved whole or not
 * at all). The patches are checked by the handler, not by the router, so that one wrong cell refuses
 * its row instead of the whole batch.
 */
const MAX_ROWS = 5000;

const batchShape = {
  updates: z
    .array(z.object({ id: z.number().int(), patch: z.record(z.string(), z.unknown()) }).strict())
    .max(MAX_ROWS)
    .default([]),
  creates: z.array(z.record(z.string(), z.unknown())).max(MAX_ROWS).default([]),
  /** Rows to remove again: only rows the same grid added (the undo of a paste that added them). */
  deletes: z.array(z.number().int()).max(MAX_ROWS).default([]),
};

/** A field a new row cannot do without: "Leverancier ontbreekt" instead of a type error when it is not given. */
export function required<S extends z.ZodType>(label: string, schema: S) {
  return z
    .unknown()
    .refine((value) => value !== undefined && value !== null && value !== '', `${label} ontbreekt`)
    .pipe(schema);
}

/** The input of an area's batch method; `extra` is what the area needs besides (a year, a date). */
export function gridBatchInput<X extends z.ZodRawShape>(extra: X) {
  return z.object({ ...extra, ...batchShape }).strict();
}

export interface BatchRefusal {
  op: 'update' | 'create' | 'delete';
  /** Index in the batch's updates, creates or deletes. */
  index: number;
  /** The field as the grid names it, or null when the reason is about the whole row. */
  field: string | null;
  /** Dutch, for the user. */
  message: string;
}

export interface GridBatchResult<T> {
  /** One per update, in order: the row as saved, or null when it was refused. */
  updated: Array<T | null>;
  /** One per create, in order. */
  created: Array<T | null>;
  /** Ids removed. */
  deleted: number[];
  refused: BatchRefusal[];
}

export type GridBatch = {
  updates: Array<{ id: number; patch: Record<string, unknown> }>;
  creates: Array<Record<string, unknown>>;
  deletes: number[];
};
