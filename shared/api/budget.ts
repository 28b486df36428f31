import { z } from 'zod';
import type { BudgetLineView, BudgetSummary, Commitment, LedgerPage, Revision } from '../domain/budget/types.ts';
import { gridBatchInput, required, type GridBatchResult } from './batch.ts';
import { method } from './contract.ts';
import { saveTargetSchema } from './files.ts';
import { centsSchema, codeSchema, isoDateSchema, nonEmpty, yearSchema } from './schemas.ts';

const ledgerColumns = ['bookingDate', 'year', 'period', 'journal', 'document', 'costCentre', 'account', 'description', 'amountCents', 'counterparty'] as const;

export const ledgerFilterSchema = z
  .object({
    year: yearSchema.optional(),
    costCentre: z.string().optional(),
    account: z.string().optional(),
    budgetLineId: z.number().int().optional(),
    /** Free text in description, counterparty or document. */
    text: z.string().max(200).optional(),
    dateFrom: isoDateSchema.optional(),
    dateTo: isoDateSchema.optional(),
    amountMinCents: centsSchema.optional(),
    amountMaxCents: centsSchema.optional(),
  })
  .strict();

export const linePatchSchema = z
  .object({
    accountName: z.string().trim().max(200),
    kind: z.enum(['lasten', 'baten']),
    primitiveCents: centsSchema,
    expectedCents: centsSchema,
    forecastOverrideCents: centsSchema.nullable(),
    forecastNote: z.string().max(2000).nullable(),
    explanation: z.string().max(4000).nullable(),
  })
  .partial()
  .strict();

/** A budget line added from a grid row: its identity plus any of the editable amounts and texts. */
export const lineRowSchema = z
  .object({
    costCentre: required('Kostenplaats', codeSchema),
    account: required('Grootboekrekening', codeSchema),
    accountName: z.string().trim().max(200).default(''),
    kind: z.enum(['lasten', 'baten']).default('lasten'),
    primitiveCents: centsSchema.default(0),
  })
  .extend(linePatchSchema.omit({ accountName: true, kind: true, primitiveCents: true }).shape)
  .strict();

export const commitmentPatchSchema = z
  .object({
    supplier: nonEmpty('Leverancier'),
    description: z.string().trim().max(500),
    amountCents: centsSchema,
    date: isoDateSchema,
    status: z.enum(['open', 'afgewikkeld', 'vervallen']),
    reference: z.string().trim().max(100).nullable(),
  })
  .partial()
  .strict();

/** A commitment added from a grid row: the budget line by cost centre and account, as the grid shows them. */
export const commitmentRowSchema = z
  .object({
    costCentre: required('Kostenplaats', codeSchema),
    account: required('Grootboekrekening', codeSchema),
    supplier: required('Leverancier', nonEmpty('Leverancier')),
    description: z.string().trim().max(500).default(''),
    amountCents: required('Bedrag', centsSchema),
    date: required('Datum', isoDateSchema),
    status: z.enum(['open', 'afgewikkeld', 'vervallen']).default('open'),
    reference: z.string().trim().max(100).nullable().default(null),
  })
  .strict();

export const budgetApi = {
  'budget.summary': method(z.object({ year: yearSchema.optional(), until: isoDateSchema.optional() }).strict()).returns<BudgetSummary>(),
  'budget.createLine': method(
    z
      .object({
        year: yearSchema,
        costCentre: codeSchema,
        account: codeSchema,
        accountName: z.string().trim().max(200).default(''),
        kind: z.enum(['lasten', 'baten']).default('lasten'),
        primitiveCents: centsSchema.default(0),
      })
      .strict(),
    { mutates: true },
  ).returns<BudgetLineView>(),
  'budget.updateLine': method(z.object({ id: z.number().int(), patch: linePatchSchema }).strict(), { mutates: true }).returns<BudgetLineView>(),
  'budget.deleteLine': method(z.object({ id: z.number().int() }).strict(), { mutates: true }).returns<null>(),
  'budget.revisions': method(z.object({ year: yearSchema.optional(), budgetLineId: z.number().int().optional() }).strict()).returns<Revision[]>(),
  'budget.addRevision': method(
    z
      .object({ budgetLineId: z.number().int(), date: isoDateSchema, amountCents: centsSchema, reason: nonEmpty('Reden', 500), decisionRef: z.string().trim().max(100).nullable().default(null) })
      .strict(),
    { mutates: true },
  ).returns<Revision>(),
  'budget.updateRevision': method(
    z
      .object({
        id: z.number().int(),
        patch: z.object({ date: isoDateSchema, amountCents: centsSchema, reason: nonEmpty('Reden', 500), decisionRef: z.string().trim().max(100).nullable() }).partial().strict(),
      })
      .strict(),
    { mutates: true },
  ).returns<Revision>(),
  'budget.deleteRevision': method(z.object({ id: z.number().int() }).strict(), { mutates: true }).returns<null>(),
  'budget.commitments': method(z.object({ year: yearSchema.optional(), budgetLineId: z.number().int().optional() }).strict()).returns<Commitment[]>(),
  'budget.addCommitment': method(
    z
      .object({
        budgetLineId: z.number().int(),
        supplier: nonEmpty('Leverancier'),
        description: z.string().trim().max(500).default(''),
        amountCents: centsSchema,
        date: isoDateSchema,
        status: z.enum(['open', 'afgewikkeld', 'vervallen']).default('open'),
        reference: z.string().trim().max(100).nullable().default(null),
      })
      .strict(),
    { mutates: true },
  ).returns<Commitment>(),
  'budget.updateCommitment': method(z.object({ id: z.number().int(), patch: commitmentPatchSchema }).strict(), { mutates: true }).returns<Commitment>(),
  /** Grid changes of one year's budget lines in one transaction (a paste, or its undo): see shared/api/batch.ts. */
  'budget.linesBatch': method(gridBatchInput({ year: yearSchema }), { mutates: true }).returns<GridBatchResult<BudgetLineView>>(),
  /** Grid changes of one year's commitments in one transaction; a new row names its budget line by cost centre and account. */
  'budget.commitmentsBatch': method(gridBatchInput({ year: yearSchema }), { mutates: true }).returns<GridBatchResult<Commitment>>(),
  /**
   * "Exporteren naar Excel" of the ledger as the grid selects it (filter and sort), written by the backend:
   * the grid holds only the blocks in view. `columns` are the grid's columns in order, with their titles.
   */
  'budget.exportLedger': method(
    z
      .object({
        title: z.string().trim().min(1).max(200),
        columns: z.array(z.object({ field: z.enum(ledgerColumns), title: z.string().max(200) }).strict()).min(1).max(ledgerColumns.length),
        sort: z.array(z.object({ column: z.enum(ledgerColumns), direction: z.enum(['asc', 'desc']) })).max(3).default([]),
        filter: ledgerFilterSchema.default({}),
        path: saveTargetSchema.optional(),
      })
      .strict(),
  ).returns<{ name: string; path: string | null; contentBase64: string | null }>(),
  'budget.ledgerPage': method(
    z
      .object({
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(5000),
        sort: z.array(z.object({ column: z.enum(ledgerColumns), direction: z.enum(['asc', 'desc']) })).max(3).default([]),
        filter: ledgerFilterSchema.default({}),
      })
      .strict(),
  ).returns<LedgerPage>(),
};

export type LedgerColumn = (typeof ledgerColumns)[number];
