import { z } from 'zod';
import { method } from './contract.ts';
import { codeSchema, emptyInput, nonEmpty, yearSchema } from './schemas.ts';
import { pathRef, saveTargetSchema } from './files.ts';
import type { ArchiveResult, AvailableWorkbook, SavedCopy, AuditEntry, BackupEntry, BackupList, ClosedYear, CostCentre, RecentWorkbook, RestoreResult, WorkbookInfo, WorkbookYear, YearTurnResult } from '../domain/workbook/types.ts';
import { settingsPatchSchema, type Settings } from '../domain/settings.ts';

/** A workbook file name in the data folder: no folders, no path tricks; `.werkboek` is added when missing. */
export const workbookFileNameSchema = z
  .string()
  .trim()
  .min(1, 'Naam ontbreekt')
  .max(120, 'Naam is te lang')
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name may not hold
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, 'Een naam mag geen / \\ : * ? " < > | bevatten')
  .refine((name) => !/^\.+$/.test(name), 'Kies een naam')
  .transform((name) => (name.toLowerCase().endsWith('.werkboek') ? name : `${name}.werkboek`));

/** The lock of a workbook as a refusal shows it (`details.lock`). */
const lockIdentity = z.object({ pid: z.number().int(), hostname: z.string(), startedAt: z.string() });

/** How a caller names an existing workbook: see `workbook.open`. */
function workbookRef<T extends z.ZodRawShape>(extra: T) {
  return z.union([
    z.object({ path: pathRef('open'), ...extra }).strict(),
    z.object({ recent: z.string().min(1), ...extra }).strict(),
    z.object({ name: workbookFileNameSchema, ...extra }).strict(),
  ]);
}

export const costCentreInput = z.object({ code: codeSchema, name: z.string().trim().max(100).default(''), taakveld: z.string().trim().max(20).nullable().default(null) });

export const TABLE_COLUMN_TYPES = ['text', 'money', 'date', 'number', 'integer', 'percent'] as const;

/**
 * A grid as it is shown (filter and sort applied), for "Exporteren naar Excel": money in cents, dates
 * ISO, percent 12.5 for 12,5 %; other cells as the grid shows them.
 */
export const tableExportSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    /** A line under the title, e.g. the filter that was on. */
    note: z.string().max(500).optional(),
    columns: z.array(z.object({ title: z.string().max(200), type: z.enum(TABLE_COLUMN_TYPES) }).strict()).min(1).max(300),
    rows: z.array(z.array(z.union([z.string().max(32_000), z.number(), z.null()])).max(300)).max(200_000),
  })
  .strict();

export type TableExport = z.infer<typeof tableExportSchema>;

/** The year to open and how its budget lines start: at zero (a new begroting is imported afterwards) or with last year's current budget. */
const yearTurnInput = z.object({ year: yearSchema, budget: z.enum(['zero', 'copy']).default('zero') }).strict();

export const workbookApi = {
  'workbook.create': method(
    z
      .object({
        /** Where to make it: a path (command line) or a save dialog's token (desktop app). */
        path: saveTargetSchema.optional(),
        /** Or a file name in the data folder's workbook folder (browser preview); default: from the department. */
        fileName: workbookFileNameSchema.optional(),
        kind: z.enum(['department', 'central-hr', 'central-finance']).default('department'),
        organisation: nonEmpty('Organisatie'),
        departmentCode: codeSchema.optional(),
        departmentName: z.string().trim().max(100).optional(),
        fiscalYear: yearSchema,
        owner: nonEmpty('Eigenaar'),
        costCentres: z.array(costCentreInput).default([]),
      })
      .strict()
      .refine((v) => v.kind !== 'department' || (v.departmentCode && v.costCentres.length > 0), {
        message: 'Een afdelingswerkboek heeft een afdelingscode en ten minste één kostenplaats nodig',
      }),
  ).returns<WorkbookInfo>(),
  /**
   * A path (command line) or an open dialog's token (desktop app); a workbook of the recent list; or one in
   * the data folder by name. `takeOver`: the lock (as the refusal showed it) the user chose to take over.
   */
  'workbook.open': method(workbookRef({ readOnly: z.boolean().default(false), takeOver: lockIdentity.optional() })).returns<WorkbookInfo>(),
  /**
   * A copy of a workbook the user may not write (a read-only folder or file), to work on: written where the
   * user chose and opened, or returned as bytes (browser preview) without opening.
   */
  'workbook.saveCopy': method(z.object({ from: workbookRef({}), path: saveTargetSchema.optional() }).strict(), { longRunning: true }).returns<SavedCopy>(),
  /** The workbooks in the data folder's workbook folder (what the browser preview can open by name). */
  'workbook.available': method(emptyInput).returns<AvailableWorkbook[]>(),
  'workbook.close': method(emptyInput).returns<null>(),
  /** The window's language: what the backend writes for people (messages, signals, report texts, XLSX) follows it. */
  'workbook.setLanguage': method(z.object({ language: z.enum(['nl', 'en']) }).strict()).returns<null>(),
  'workbook.info': method(emptyInput).returns<WorkbookInfo | null>(),
  'workbook.recent': method(emptyInput).returns<RecentWorkbook[]>(),
  'workbook.forgetRecent': method(z.object({ path: z.string() }).strict()).returns<RecentWorkbook[]>(),
  'workbook.defaultFolder': method(emptyInput).returns<{ folder: string }>(),
  'workbook.costCentres': method(emptyInput).returns<CostCentre[]>(),
  'workbook.saveCostCentre': method(costCentreInput.strict(), { mutates: true }).returns<CostCentre[]>(),
  'workbook.settings': method(emptyInput).returns<Settings>(),
  'workbook.updateSettings': method(settingsPatchSchema, { mutates: true }).returns<Settings>(),
  'workbook.backups': method(emptyInput).returns<BackupList>(),
  /** A backup on demand ("handmatig"): checked, and kept until the user removes it. */
  'workbook.backup': method(emptyInput, { mutates: true }).returns<BackupEntry>(),
  /** Restore from a backup in the list (by name) or a file the user chose (by path); keeps a safety copy first. */
  'workbook.restoreBackup': method(
    z.union([z.object({ name: z.string().min(1) }).strict(), z.object({ path: pathRef('open') }).strict()]),
    { mutates: true },
  ).returns<RestoreResult>(),
  'workbook.closedYears': method(emptyInput).returns<ClosedYear[]>(),
  /** Year-end close: the year's budget lines, revisions, commitments and ledger become read-only. */
  'workbook.closeYear': method(z.object({ year: yearSchema, note: z.string().trim().max(500).nullable().default(null) }).strict(), { mutates: true }).returns<ClosedYear[]>(),
  /** Reopening a closed year needs a reason; both are in the audit log. */
  'workbook.reopenYear': method(z.object({ year: yearSchema, reason: nonEmpty('Reden', 500) }).strict(), { mutates: true }).returns<ClosedYear[]>(),
  /** The fiscal years of the workbook (opened, current, closed). */
  'workbook.years': method(emptyInput).returns<WorkbookYear[]>(),
  /** "Nieuw boekjaar openen", previewed: what the new year would start with; nothing is written. */
  'workbook.previewYear': method(yearTurnInput).returns<YearTurnResult>(),
  /** "Nieuw boekjaar openen": the year after the current one becomes current (one transaction, audited); an open year again changes nothing. */
  'workbook.openYear': method(yearTurnInput, { mutates: true }).returns<YearTurnResult>(),
  /** The whole workbook as a ZIP of open formats; with a path or save token it is written there, without it returned as base64. */
  'workbook.exportArchive': method(z.object({ path: saveTargetSchema.optional() }).strict(), { mutates: true, longRunning: true }).returns<ArchiveResult>(),
  'workbook.audit': method(
    z.object({ limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0), table: z.string().optional() }).strict(),
  ).returns<{ entries: AuditEntry[]; total: number }>(),
  /** "Exporteren naar Excel" of a grid: written to a save dialog's token or path, or returned as base64 (browser preview). */
  'workbook.exportTable': method(tableExportSchema.extend({ path: saveTargetSchema.optional() })).returns<{ name: string; path: string | null; contentBase64: string | null }>(),
};
