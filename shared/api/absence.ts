import { z } from 'zod';
import type {
  AbsenceCaseView,
  AbsenceMetricsView,
  AbsenceTrend,
  EmployeeOption,
  PoortwachterAttention,
  PoortwachterCaseView,
  PurgeResult,
} from '../domain/absence/types.ts';
import { gridBatchInput, type GridBatchResult } from './batch.ts';
import { method } from './contract.ts';
import { isoDateSchema, periodSchema, yearSchema } from './schemas.ts';

/** "Today" can be given so the UI uses the user's calendar and tests are reproducible; default: the machine's date. */
const today = isoDateSchema.optional();
const id = z.number().int().positive();
const percentage = z.number().min(1, 'Percentage arbeidsongeschikt moet minstens 1 zijn').max(100, 'Percentage arbeidsongeschikt kan niet boven 100 liggen');
/** Free text in the absence area: never medical information (the UI says so beside every note). */
const note = z.string().trim().max(1000, 'Notitie is te lang (max. 1000 tekens)');
const caseNumber = z
  .string()
  .trim()
  .min(1, 'Nummer van het verzuimgeval ontbreekt')
  .max(40, 'Nummer van het verzuimgeval is te lang')
  .regex(/^[A-Za-z0-9._/-]+$/, 'Nummer van het verzuimgeval mag alleen letters, cijfers en . _ / - bevatten');
const kind = z.enum(['sickness', 'pregnancy_leave']);

export const casePatchSchema = z
  .object({
    caseNumber,
    firstDay: isoDateSchema,
    recoveredOn: isoDateSchema.nullable(),
    kind,
    expectedRecovery: isoDateSchema.nullable(),
    safetyNet: z.boolean(),
    occupationalAccident: z.boolean(),
    liableThirdParty: z.boolean(),
    note: note.nullable(),
  })
  .partial()
  .strict();

export const absenceApi = {
  'absence.employees': method(z.object({ today }).strict()).returns<EmployeeOption[]>(),
  'absence.cases': method(
    z
      .object({
        today,
        employeeId: id.optional(),
        year: yearSchema.optional(),
        status: z.enum(['open', 'closed', 'all']).default('all'),
        includeDeleted: z.boolean().default(false),
      })
      .strict(),
  ).returns<AbsenceCaseView[]>(),
  'absence.case': method(z.object({ id, today }).strict()).returns<AbsenceCaseView>(),
  /** Sick report (ziekmelding): a new open case. */
  'absence.register': method(
    z
      .object({
        today,
        employeeId: id,
        firstDay: isoDateSchema,
        percentage: percentage.default(100),
        caseNumber: caseNumber.nullable().default(null),
        kind: kind.default('sickness'),
        expectedRecovery: isoDateSchema.nullable().default(null),
        safetyNet: z.boolean().default(false),
        occupationalAccident: z.boolean().default(false),
        liableThirdParty: z.boolean().default(false),
        note: note.nullable().default(null),
      })
      .strict(),
    { mutates: true },
  ).returns<AbsenceCaseView>(),
  /** Partial recovery (or relapse within the case): the percentage of incapacity from a date on. */
  'absence.changePercentage': method(z.object({ today, caseId: id, from: isoDateSchema, percentage }).strict(), { mutates: true }).returns<AbsenceCaseView>(),
  /** Undo of a percentage change registered by mistake. */
  'absence.removePercentageChange': method(z.object({ today, episodeId: id }).strict(), { mutates: true }).returns<AbsenceCaseView>(),
  /** Full recovery: `recoveredOn` is the first day fully fit (the day before is the last sick day). */
  'absence.recover': method(z.object({ today, caseId: id, recoveredOn: isoDateSchema }).strict(), { mutates: true }).returns<AbsenceCaseView>(),
  /** Undo of a recovery. */
  'absence.reopen': method(z.object({ today, caseId: id }).strict(), { mutates: true }).returns<AbsenceCaseView>(),
  'absence.updateCase': method(
    z
      .object({
        today,
        id,
        patch: casePatchSchema,
      })
      .strict(),
    { mutates: true },
  ).returns<AbsenceCaseView>(),
  /** Grid changes of the register in one transaction (a paste, or its undo); cases are registered with the form, never pasted. */
  'absence.casesBatch': method(gridBatchInput({ today }), { mutates: true }).returns<GridBatchResult<AbsenceCaseView>>(),
  'absence.deleteCase': method(z.object({ today, id }).strict(), { mutates: true }).returns<AbsenceCaseView>(),
  'absence.restoreCase': method(z.object({ today, id }).strict(), { mutates: true }).returns<AbsenceCaseView>(),
  'absence.metrics': method(z.object({ today, period: periodSchema }).strict()).returns<AbsenceMetricsView>(),
  'absence.trend': method(z.object({ today, year: yearSchema }).strict()).returns<AbsenceTrend>(),
  /** Poortwachter timelines: of one case's chain, or of all chains (still open ones only by default). */
  'absence.poortwachter': method(z.object({ today, caseId: id.optional(), openOnly: z.boolean().default(true) }).strict()).returns<PoortwachterCaseView[]>(),
  /** What is overdue or due within the lead time: shown when a workbook opens. */
  'absence.attention': method(z.object({ today }).strict()).returns<PoortwachterAttention>(),
  'absence.setStep': method(
    z
      .object({
        today,
        caseId: id,
        step: z.string().min(1).max(40),
        doneOn: isoDateSchema.nullable(),
        note: note.nullable().default(null),
      })
      .strict(),
    { mutates: true },
  ).returns<PoortwachterCaseView>(),
  /** Destroys closed cases older than the retention period (AVG); logged. `dryRun` only counts. */
  'absence.purge': method(z.object({ today, dryRun: z.boolean().default(true) }).strict(), { mutates: true }).returns<PurgeResult>(),
};
