import { z } from 'zod';
import {
  CATEGORIES,
  CONFIDENTIALITY_LEVELS,
  ESCALATION_TARGETS,
  LEVELS,
  LINK_RELATIONS,
  LINK_TYPES,
  STATUSES,
  type BottleneckCounts,
  type BottleneckDetail,
  type BottleneckRow,
} from '../domain/bottlenecks/types.ts';
import { gridBatchInput, required, type GridBatchResult } from './batch.ts';
import { method } from './contract.ts';
import { codeSchema, isoDateSchema, nonEmpty } from './schemas.ts';

const text = (max: number) => z.string().trim().max(max, `Tekst is te lang (max. ${max} tekens)`);

/** The fields a head edits; status, escalation and result change only through `changeStatus`. */
const editableFields = z.object({
  title: nonEmpty('Titel', 200),
  description: text(8000),
  category: z.enum(CATEGORIES),
  impact: z.enum(LEVELS),
  urgency: z.enum(LEVELS),
  signalledOn: isoDateSchema,
  owner: text(200),
  proposedSolution: text(8000),
  decision: text(8000),
  decisionDate: isoDateSchema.nullable(),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
});

export const bottleneckPatchSchema = editableFields.partial().strict();

/** A bottleneck added from a grid row (a paste): a title and a category at least, signalled today unless the row says when. */
export const bottleneckRowSchema = editableFields
  .partial()
  .extend({ title: required('Titel', editableFields.shape.title), category: required('Categorie', editableFields.shape.category) })
  .strict();

export const bottleneckFilterSchema = z
  .object({
    status: z.array(z.enum(STATUSES)).optional(),
    category: z.array(z.enum(CATEGORIES)).optional(),
    includeArchived: z.boolean().default(false),
  })
  .strict();

export const bottlenecksApi = {
  'bottlenecks.list': method(bottleneckFilterSchema).returns<BottleneckRow[]>(),
  'bottlenecks.get': method(z.object({ id: z.number().int() }).strict()).returns<BottleneckDetail>(),
  'bottlenecks.counts': method(z.object({}).strict()).returns<BottleneckCounts>(),
  'bottlenecks.create': method(
    editableFields
      .partial()
      .required({ title: true, category: true })
      .extend({ signalledOn: isoDateSchema.optional() })
      .strict(),
    { mutates: true },
  ).returns<BottleneckDetail>(),
  'bottlenecks.update': method(z.object({ id: z.number().int(), patch: bottleneckPatchSchema }).strict(), { mutates: true }).returns<BottleneckDetail>(),
  /** Grid changes of the register in one transaction (a paste, or its undo): see shared/api/batch.ts. */
  'bottlenecks.batch': method(gridBatchInput({}), { mutates: true }).returns<GridBatchResult<BottleneckDetail>>(),
  /**
   * Every status change is dated with who and why. Escalating needs whom to; resolving (opgelost)
   * needs the decision; vervallen needs the reason.
   */
  'bottlenecks.changeStatus': method(
    z
      .object({
        id: z.number().int(),
        status: z.enum(STATUSES),
        reason: nonEmpty('Reden', 2000),
        escalatedTo: z.enum(ESCALATION_TARGETS).optional(),
        escalatedDepartment: codeSchema.optional(),
        decision: text(8000).optional(),
        decisionDate: isoDateSchema.optional(),
        /** The date the status changed (default today); the end date of a closed case. */
        date: isoDateSchema.optional(),
      })
      .strict(),
    { mutates: true },
  ).returns<BottleneckDetail>(),
  'bottlenecks.addAction': method(z.object({ id: z.number().int(), date: isoDateSchema, text: nonEmpty('Actie', 4000) }).strict(), { mutates: true }).returns<BottleneckDetail>(),
  'bottlenecks.addLink': method(
    z
      .object({
        id: z.number().int(),
        linkType: z.enum(LINK_TYPES),
        linkKey: nonEmpty('Verwijzing', 100),
        relation: z.enum(LINK_RELATIONS).nullable().default(null),
        note: text(500).default(''),
      })
      .strict(),
    { mutates: true },
  ).returns<BottleneckDetail>(),
  /** Dated as removed, never deleted: the history shows what the case once concerned. */
  'bottlenecks.removeLink': method(z.object({ id: z.number().int(), linkId: z.number().int() }).strict(), { mutates: true }).returns<BottleneckDetail>(),
  /** Takes a closed case out of the register's default view; nothing is deleted. */
  'bottlenecks.archive': method(z.object({ id: z.number().int(), archived: z.boolean() }).strict(), { mutates: true }).returns<BottleneckDetail>(),
};

export type BottleneckPatch = z.infer<typeof editableFields>;
