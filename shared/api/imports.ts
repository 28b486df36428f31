import { z } from 'zod';
import type { ImportPreview, ImportResult } from '../import/types.ts';
import { method } from './contract.ts';
import { importSourceSchema } from './schemas.ts';

const importRequest = z
  .object({
    kind: z.string().min(1),
    source: importSourceSchema,
    /** field key → column name in the file (null = not mapped). */
    mapping: z.record(z.string(), z.string().nullable()).optional(),
    /** Options an importer declares, e.g. the roster's `referenceDate` (peildatum). */
    options: z.record(z.string(), z.string()).optional(),
    dialect: z
      .object({
        encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le']),
        delimiter: z.enum([';', ',', '\t']),
        decimalMark: z.enum([',', '.']),
        dateOrder: z.enum(['dmy', 'mdy', 'ymd']),
        headerLine: z.number().int().min(1),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

export const importApi = {
  /** A dry run: the whole file is processed in a transaction that is rolled back. */
  'import.preview': method(importRequest.extend({ previewRows: z.number().int().min(0).max(5000).default(500) }), { longRunning: true }).returns<ImportPreview>(),
  'import.commit': method(importRequest.extend({ strict: z.boolean().default(false) }), { longRunning: true, mutates: true }).returns<ImportResult>(),
  'import.history': method(z.object({}).strict()).returns<Array<{ id: number; kind: string; fileName: string; importedAt: string; actor: string; result: Record<string, number> }>>(),
};
