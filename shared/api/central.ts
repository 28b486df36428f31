import { z } from 'zod';
import type { CentralDepartment, CentralPackage, CentralPeriod, Completeness, FinanceConsolidation, HrConsolidation, Review } from '../exchange/central.ts';
import type { ExportedFile, ImportBatchResult } from '../exchange/types.ts';
import { method } from './contract.ts';
import { pathRef, saveTargetSchema } from './files.ts';
import { codeSchema, emptyInput, importSourceSchema, isoDateSchema, periodSchema } from './schemas.ts';

const period = periodSchema.transform((p) => p.toUpperCase());

/** A package file, bytes sent by a browser, or a folder whose .wbx files are all imported. */
export const packageSourceSchema = z.union([importSourceSchema, z.object({ folder: pathRef('folder') }).strict()]);

/** Central HR and finance workbooks: departments and keys, delivery calendar, import, completeness, consolidation, review. */
export const centralApi = {
  'central.departments': method(emptyInput).returns<CentralDepartment[]>(),
  'central.registerDepartment': method(
    z
      .object({
        code: codeSchema,
        name: z.string().trim().max(100).optional(),
        key: importSourceSchema,
        /** Periods the department must deliver; default: every period of the calendar. */
        periods: z.array(period).optional(),
      })
      .strict(),
    { mutates: true },
  ).returns<CentralDepartment>(),
  'central.setExpectedPeriods': method(z.object({ department: codeSchema, periods: z.array(period) }).strict(), { mutates: true }).returns<CentralDepartment>(),
  'central.periods': method(emptyInput).returns<CentralPeriod[]>(),
  'central.savePeriod': method(
    z.object({ period, dueDate: isoDateSchema, /** Also expect it from every registered department. */ expectFromAll: z.boolean().default(true) }).strict(),
    { mutates: true },
  ).returns<CentralPeriod[]>(),
  /**
   * Verifies every package before anything is written, then imports each valid one in its own
   * transaction. `trust` lists unknown departments whose key (by fingerprint) the user confirmed;
   * `trustNew` trusts every unknown department's key (the CLI's --trust-new).
   */
  'central.import': method(
    z
      .object({
        sources: z.array(packageSourceSchema).min(1),
        trust: z.array(z.object({ department: codeSchema, fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).default([]),
        trustNew: z.boolean().default(false),
      })
      .strict(),
    { mutates: true, longRunning: true },
  ).returns<ImportBatchResult>(),
  'central.packages': method(z.object({ department: codeSchema.optional(), period: period.optional(), includeSuperseded: z.boolean().default(true) }).strict()).returns<CentralPackage[]>(),
  'central.completeness': method(z.object({ asOf: isoDateSchema.optional(), period: period.optional() }).strict()).returns<Completeness>(),
  'central.finance': method(z.object({ period }).strict()).returns<FinanceConsolidation>(),
  /**
   * Central HR: absence figures recomputed from the cases, formation against occupation, overdue
   * Poortwachter steps on `asOf` (default today). Unsuppressed, with each figure marked where it would
   * be suppressed outside the HR workbook: for HR's own screens only.
   */
  'central.hr': method(z.object({ period, asOf: isoDateSchema.optional() }).strict()).returns<HrConsolidation>(),
  'central.review': method(
    z
      .object({ packageId: z.number().int(), status: z.enum(['reviewed', 'question']), note: z.string().trim().max(4000).default('') })
      .strict()
      .refine((v) => v.status !== 'question' || v.note.length > 0, { message: 'Een vraag aan de afdeling heeft een toelichting nodig', path: ['note'] }),
    { mutates: true },
  ).returns<Review>(),
  'central.reviews': method(z.object({ packageId: z.number().int() }).strict()).returns<Review[]>(),
  /** The figures of `werkboek central report --json`. */
  'central.report': method(z.object({ period, asOf: isoDateSchema.optional() }).strict()).returns<Record<string, unknown>>(),
  'central.exportXlsx': method(z.object({ period, asOf: isoDateSchema.optional(), path: saveTargetSchema.optional() }).strict()).returns<ExportedFile>(),
};
