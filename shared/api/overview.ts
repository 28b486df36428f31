import { z } from 'zod';
import type { Overview } from '../domain/overview/types.ts';
import { method } from './contract.ts';
import { saveTargetSchema } from './files.ts';
import { isoDateSchema } from './schemas.ts';

export const quarterSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-[Qq][1-4]$/, 'Kwartaal moet de vorm jjjj-Qn hebben, bijvoorbeeld 2027-Q2')
  .transform((s) => s.toUpperCase());

const reportOptions = {
  quarter: quarterSchema,
  /** Personal names only when the head chooses so; employees by number otherwise. */
  includeNames: z.boolean().default(false),
};

export interface RenderedReport {
  fileName: string;
  mime: string;
  contentBase64: string;
}

export const overviewApi = {
  /** The start page of a department workbook: one section per area. */
  'overview.get': method(z.object({ asOf: isoDateSchema.optional() }).strict()).returns<Overview>(),
  /** The quarterly management report as bytes, for the browser preview's download. */
  'managementReport.render': method(z.object({ ...reportOptions, format: z.enum(['pdf', 'xlsx']) }).strict(), { longRunning: true }).returns<RenderedReport>(),
  /** The same report written to paths the user chose (desktop app: `shell.saveFile`; CLI). */
  'managementReport.write': method(
    z
      .object({ ...reportOptions, pdfPath: saveTargetSchema.optional(), xlsxPath: saveTargetSchema.optional() })
      .strict()
      .refine((v) => v.pdfPath || v.xlsxPath, { message: 'Geef een pad voor de PDF of de XLSX' }),
    { longRunning: true },
  ).returns<{ written: string[] }>(),
};
