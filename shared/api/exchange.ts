import { z } from 'zod';
import type { DepartmentKeyInfo, ExportedFile, ExportLogEntry, ExportResult, VerifyResult } from '../exchange/types.ts';
import { PACKAGE_KINDS, type PackageKind } from '../exchange/schema.ts';
import { method } from './contract.ts';
import { saveTargetSchema } from './files.ts';
import { emptyInput, importSourceSchema, nonEmpty, periodSchema } from './schemas.ts';

export const packageKindSchema = z.enum(PACKAGE_KINDS);

/** Department side of the exchange: its signing key, making packages, the export log; and verifying any package. */
export const exchangeApi = {
  /** The department's current key; `usable` says whether it can sign on this computer. */
  'exchange.keyInfo': method(emptyInput).returns<{ key: DepartmentKeyInfo | null; usable: boolean; problem: string | null }>(),
  'exchange.createKey': method(emptyInput, { mutates: true }).returns<DepartmentKeyInfo>(),
  /** A new key pair (e.g. on a new laptop); P&O and control must register the new key file. */
  'exchange.rotateKey': method(z.object({ reason: nonEmpty('Reden', 500) }).strict(), { mutates: true }).returns<DepartmentKeyInfo>(),
  /** The public key file (.wbkey). Written to `path` (a save dialog's token; a path from the CLI), or returned as bytes (browser preview). */
  'exchange.publicKeyFile': method(z.object({ path: saveTargetSchema.optional() }).strict()).returns<ExportedFile>(),
  'exchange.export': method(
    z
      .object({
        kind: packageKindSchema,
        period: periodSchema.transform((p) => p.toUpperCase()),
        path: saveTargetSchema.optional(),
        xlsxPath: saveTargetSchema.optional(),
        withXlsx: z.boolean().optional(),
      })
      .strict(),
    { mutates: true },
  ).returns<ExportResult>(),
  'exchange.exports': method(emptyInput).returns<ExportLogEntry[]>(),
  /** Which payload sections this version can fill, per kind, and which are required. */
  'exchange.sections': method(emptyInput).returns<Record<PackageKind, { available: string[]; required: string[]; ready: boolean }>>(),
  /** Checks a package on its own (no workbook needed): format, schema, hash, signature; with `key`, also that it was signed with that key. */
  'exchange.verify': method(z.object({ source: importSourceSchema, key: importSourceSchema.optional() }).strict()).returns<VerifyResult>(),
};
