import { commitmentPatchSchema, commitmentRowSchema, linePatchSchema, lineRowSchema, type budgetApi } from '../../../shared/api/budget.ts';
import { applyGridBatch } from '../grid-batch.ts';
import type { Handlers } from '../router.ts';
import * as budget from './service.ts';

export const budgetHandlers: Handlers<typeof budgetApi> = {
  'budget.summary': (input, ctx) => budget.summary(ctx.wb(), input.year, input.until),
  'budget.createLine': (input, ctx) => budget.createLine(ctx.wb(), input),
  'budget.updateLine': (input, ctx) => budget.updateLine(ctx.wb(), input.id, input.patch),
  'budget.deleteLine': (input, ctx) => {
    budget.deleteLine(ctx.wb(), input.id);
    return null;
  },
  'budget.revisions': (input, ctx) => budget.listRevisions(ctx.wb(), input),
  'budget.addRevision': (input, ctx) => budget.addRevision(ctx.wb(), input),
  'budget.updateRevision': (input, ctx) => budget.updateRevision(ctx.wb(), input.id, input.patch),
  'budget.deleteRevision': (input, ctx) => {
    budget.deleteRevision(ctx.wb(), input.id);
    return null;
  },
  'budget.commitments': (input, ctx) => budget.listCommitments(ctx.wb(), input),
  'budget.addCommitment': (input, ctx) => budget.addCommitment(ctx.wb(), input),
  'budget.updateCommitment': (input, ctx) => budget.updateCommitment(ctx.wb(), input.id, input.patch),
  'budget.linesBatch': (input, ctx) => {
    const wb = ctx.wb();
    return applyGridBatch(wb, input, {
      updateSchema: linePatchSchema,
      update: (id, patch) => budget.updateLine(wb, id, patch),
      createSchema: lineRowSchema,
      create: (row) => budget.createLineRow(wb, input.year, row as never),
      delete: (id) => budget.deleteLine(wb, id),
    });
  },
  'budget.commitmentsBatch': (input, ctx) => {
    const wb = ctx.wb();
    return applyGridBatch(wb, input, {
      updateSchema: commitmentPatchSchema,
      update: (id, patch) => budget.updateCommitment(wb, id, patch),
      createSchema: commitmentRowSchema,
      create: (row) => budget.addCommitmentRow(wb, input.year, row as never),
      delete: (id) => budget.deleteCommitment(wb, id),
    });
  },
  'budget.exportLedger': (input, ctx) => budget.exportLedger(ctx.wb(), input),
  'budget.ledgerPage': (input, ctx) => budget.ledgerPage(ctx.wb(), input),
};
