import { z } from 'zod';
import {
  ASSIGNMENT_KINDS,
  ASSIGNMENT_STATUSES,
  BENCHMARK_INDICATORS,
  LINK_RELATIONS,
  MOMENT_KINDS,
  MOMENT_OUTCOMES,
  type AssignmentDetail,
  type AssignmentRow,
  type Benchmark,
  type BudgetLineAssignments,
  type LedgerCandidate,
} from '../domain/assignments/types.ts';
import type { SharedLinks } from '../domain/assignments/shared-links.ts';
import { gridBatchInput, required, type GridBatchResult } from './batch.ts';
import { method } from './contract.ts';
import { centsSchema, codeSchema, isoDateSchema, nonEmpty, periodSchema, yearSchema } from './schemas.ts';

/**
 * The assignments area: the register of assignments (opdrachten, including external hire), their
 * decision moments, progress log, ledger lines and commitments, links to other departments; the
 * reference figures (benchmarks); and, in central workbooks, the bottlenecks and assignments that
 * departments share.
 */

const text = (max: number) => z.string().trim().max(max, `Tekst is te lang (max. ${max} tekens)`);

export const budgetLineRefSchema = z.object({ costCentre: codeSchema, account: codeSchema }).strict();

export const assignmentFieldsSchema = z.object({
  code: codeSchema,
  title: nonEmpty('Omschrijving', 200),
  kind: z.enum(ASSIGNMENT_KINDS),
  contractor: nonEmpty('Opdrachtnemer'),
  counterparty: text(200),
  personName: text(200),
  officialCommissioner: text(200),
  administrativeCommissioner: text(200),
  agreedResult: text(4000),
  acceptanceCriteria: text(4000),
  ceilingCents: centsSchema.refine((n) => n >= 0, 'Plafond kan niet negatief zijn'),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  status: z.enum(ASSIGNMENT_STATUSES),
  hourlyRateCents: centsSchema.refine((n) => n >= 0, 'Uurtarief kan niet negatief zijn').nullable(),
  hoursPerWeek: z.number().gt(0, 'Uren per week moeten meer dan 0 zijn').max(60, 'Meer dan 60 uur per week is niet aannemelijk').nullable(),
  formationPositionId: z.number().int().nullable(),
  note: text(2000),
});

export const assignmentCreateSchema = assignmentFieldsSchema
  .extend({
    code: codeSchema.optional(),
    counterparty: text(200).default(''),
    personName: text(200).default(''),
    officialCommissioner: text(200).default(''),
    administrativeCommissioner: text(200).default(''),
    agreedResult: text(4000).default(''),
    acceptanceCriteria: text(4000).default(''),
    status: z.enum(ASSIGNMENT_STATUSES).default('in_voorbereiding'),
    hourlyRateCents: assignmentFieldsSchema.shape.hourlyRateCents.default(null),
    hoursPerWeek: assignmentFieldsSchema.shape.hoursPerWeek.default(null),
    formationPositionId: z.number().int().nullable().default(null),
    note: text(2000).default(''),
    budgetLines: z.array(budgetLineRefSchema).min(1, 'Noem ten minste één begrotingsregel die de opdracht betaalt').max(10),
    standardMoments: z.boolean().default(false),
  })
  .strict();

/** An assignment added from a grid row (a paste): what the register's columns hold; the rest as a new one from the form. */
export const assignmentRowSchema = assignmentCreateSchema
  .extend({
    title: required('Omschrijving', assignmentFieldsSchema.shape.title),
    kind: required('Soort', assignmentFieldsSchema.shape.kind),
    contractor: required('Opdrachtnemer', assignmentFieldsSchema.shape.contractor),
    ceilingCents: required('Plafond', assignmentFieldsSchema.shape.ceilingCents),
    startDate: required('Begindatum', assignmentFieldsSchema.shape.startDate),
    endDate: required('Einddatum', assignmentFieldsSchema.shape.endDate),
    budgetLines: required('Begrotingsregels', assignmentCreateSchema.shape.budgetLines),
  })
  .strict();

export const assignmentPatchSchema = assignmentFieldsSchema.partial().strict();

const benchmarkFields = {
  indicator: z.enum(BENCHMARK_INDICATORS),
  referenceGroup: nonEmpty('Vergelijkingsgroep', 100),
  value: z.number().min(0, 'Waarde moet tussen 0 en 100 liggen').max(100, 'Waarde moet tussen 0 en 100 liggen'),
  year: yearSchema,
  source: text(200),
};

export const benchmarkPatchSchema = z.object(benchmarkFields).partial().strict();

/** A reference figure added from a grid row (a paste). */
export const benchmarkRowSchema = z
  .object({
    indicator: required('Indicator', benchmarkFields.indicator),
    referenceGroup: required('Vergelijkingsgroep', benchmarkFields.referenceGroup),
    value: required('Waarde', benchmarkFields.value),
    year: required('Jaar', benchmarkFields.year),
    source: benchmarkFields.source.default(''),
  })
  .strict();

export type AssignmentPatch = Partial<z.infer<typeof assignmentFieldsSchema>>;

const id = z.number().int();

export const assignmentsApi = {
  /** The register; money to date (all bookings), signals as of `asOf` (default today). */
  'assignments.list': method(
    z
      .object({
        year: yearSchema.optional(),
        status: z.array(z.enum(ASSIGNMENT_STATUSES)).optional(),
        kind: z.array(z.enum(ASSIGNMENT_KINDS)).optional(),
        /** Only ZZP, inhuurbureau and detachering (external hire). */
        hireOnly: z.boolean().default(false),
        includeDeleted: z.boolean().default(false),
        asOf: isoDateSchema.optional(),
      })
      .strict(),
  ).returns<AssignmentRow[]>(),
  'assignments.get': method(z.object({ id, asOf: isoDateSchema.optional() }).strict()).returns<AssignmentDetail>(),
  /** Without a code the next free OPD-<year>-<nnn> is given. `standardMoments` adds start, interim report, acceptance and discharge. */
  'assignments.create': method(assignmentCreateSchema, { mutates: true }).returns<AssignmentDetail>(),
  'assignments.update': method(z.object({ id, patch: assignmentPatchSchema }).strict(), { mutates: true }).returns<AssignmentRow>(),
  /** Grid changes of the register in one transaction (a paste, or its undo): see shared/api/batch.ts. Removing is the soft delete. */
  'assignments.batch': method(gridBatchInput({}), { mutates: true }).returns<GridBatchResult<AssignmentRow>>(),
  /** Soft delete: the assignment stays in the audit log and can be listed with includeDeleted. */
  'assignments.delete': method(z.object({ id }).strict(), { mutates: true }).returns<null>(),
  /** Replaces the budget lines that pay the assignment; the first is its main line. */
  'assignments.setBudgetLines': method(z.object({ id, budgetLines: z.array(budgetLineRefSchema).min(1, 'Noem ten minste één begrotingsregel').max(10) }).strict(), { mutates: true }).returns<AssignmentDetail>(),

  'assignments.addMoment': method(z.object({ id, kind: z.enum(MOMENT_KINDS), dueDate: isoDateSchema, note: text(2000).default('') }).strict(), { mutates: true }).returns<AssignmentDetail>(),
  /** Records the outcome of a moment (with the date of the decision, default today), or moves its due date. */
  'assignments.updateMoment': method(
    z
      .object({
        momentId: id,
        patch: z.object({ dueDate: isoDateSchema, outcome: z.enum(MOMENT_OUTCOMES).nullable(), decidedOn: isoDateSchema.nullable(), note: text(2000) }).partial().strict(),
      })
      .strict(),
    { mutates: true },
  ).returns<AssignmentDetail>(),
  /** Only a moment without an outcome can be removed (a decision taken stays on record). */
  'assignments.deleteMoment': method(z.object({ momentId: id }).strict(), { mutates: true }).returns<AssignmentDetail>(),
  'assignments.addLog': method(z.object({ id, date: isoDateSchema, text: nonEmpty('Voortgang', 4000) }).strict(), { mutates: true }).returns<AssignmentDetail>(),

  /** Ledger lines of the assignment's budget lines (any counterparty, any date) that could be linked by hand. */
  'assignments.ledgerCandidates': method(z.object({ id, text: z.string().trim().max(200).default(''), limit: z.number().int().min(1).max(500).default(100) }).strict()).returns<LedgerCandidate[]>(),
  'assignments.linkLedgerLine': method(z.object({ id, ledgerLineId: id }).strict(), { mutates: true }).returns<AssignmentDetail>(),
  'assignments.unlinkLedgerLine': method(z.object({ id, ledgerLineId: id }).strict(), { mutates: true }).returns<AssignmentDetail>(),
  'assignments.linkCommitment': method(z.object({ id, commitmentId: id }).strict(), { mutates: true }).returns<AssignmentDetail>(),
  'assignments.unlinkCommitment': method(z.object({ id, commitmentId: id }).strict(), { mutates: true }).returns<AssignmentDetail>(),

  'assignments.addDepartmentLink': method(
    z.object({ id, departmentCode: codeSchema, relation: z.enum(LINK_RELATIONS).default('raakt'), note: text(500).default('') }).strict(),
    { mutates: true },
  ).returns<AssignmentDetail>(),
  /** Dated as removed, never deleted. */
  'assignments.removeDepartmentLink': method(z.object({ id, linkId: id }).strict(), { mutates: true }).returns<AssignmentDetail>(),

  /** Per budget line of a year: current budget, ceilings committed to assignments, their actuals. */
  'assignments.byBudgetLine': method(z.object({ year: yearSchema.optional() }).strict()).returns<BudgetLineAssignments[]>(),

  'benchmarks.list': method(z.object({}).strict()).returns<Benchmark[]>(),
  'benchmarks.create': method(z.object({ ...benchmarkFields, source: benchmarkFields.source.default('') }).strict(), { mutates: true }).returns<Benchmark>(),
  'benchmarks.update': method(z.object({ id, patch: benchmarkPatchSchema }).strict(), { mutates: true }).returns<Benchmark>(),
  /** Grid changes of the reference figures in one transaction (a paste, or its undo). */
  'benchmarks.batch': method(gridBatchInput({}), { mutates: true }).returns<GridBatchResult<Benchmark>>(),
  'benchmarks.delete': method(z.object({ id }).strict(), { mutates: true }).returns<null>(),

  /**
   * Central workbooks: open bottlenecks and assignments that departments share, grouped by the department
   * they name, from each department's current package of `period` (default: each one's latest package).
   */
  'sharedLinks.list': method(z.object({ period: periodSchema.transform((p) => p.toUpperCase()).optional() }).strict()).returns<SharedLinks>(),
};
