import { assignmentPatchSchema, assignmentRowSchema, benchmarkPatchSchema, benchmarkRowSchema, type assignmentsApi } from '../../../shared/api/assignments.ts';
import { applyGridBatch } from '../grid-batch.ts';
import type { Handlers } from '../router.ts';
import { createBenchmark, deleteBenchmark, listBenchmarks, updateBenchmark } from './benchmarks.ts';
import { assignmentsByBudgetLine } from './budget-lines.ts';
import {
  addDepartmentLink,
  addLog,
  addMoment,
  createAssignment,
  deleteAssignment,
  deleteMoment,
  evaluate,
  getAssignment,
  insertAssignment,
  ledgerCandidates,
  linkCommitment,
  linkLedgerLine,
  listAssignments,
  removeDepartmentLink,
  setBudgetLines,
  today,
  unlinkCommitment,
  unlinkLedgerLine,
  updateAssignment,
  updateMoment,
} from './service.ts';
import { sharedLinks } from './shared-links.ts';

export const assignmentsHandlers: Handlers<typeof assignmentsApi> = {
  'assignments.list': (input, ctx) => listAssignments(ctx.wb(), input),
  'assignments.get': (input, ctx) => getAssignment(ctx.wb(), input.id, input.asOf),
  'assignments.create': (input, ctx) => createAssignment(ctx.wb(), input),
  'assignments.update': (input, ctx) => updateAssignment(ctx.wb(), input.id, input.patch),
  'assignments.delete': (input, ctx) => {
    deleteAssignment(ctx.wb(), input.id);
    return null;
  },
  'assignments.batch': (input, ctx) => {
    const wb = ctx.wb();
    wb.requireKind('department');
    return applyGridBatch(wb, input, {
      updateSchema: assignmentPatchSchema,
      update: (id, patch) => updateAssignment(wb, id, patch),
      createSchema: assignmentRowSchema,
      create: (row) => {
        const id = insertAssignment(wb, row as never, { logText: 'Opdracht vastgelegd (geplakt in het register).' });
        return evaluate(wb, { asOf: today(), ids: [id] })[0].row;
      },
      delete: (id) => deleteAssignment(wb, id),
    });
  },
  'assignments.setBudgetLines': (input, ctx) => setBudgetLines(ctx.wb(), input.id, input.budgetLines),
  'assignments.addMoment': (input, ctx) => addMoment(ctx.wb(), input),
  'assignments.updateMoment': (input, ctx) => updateMoment(ctx.wb(), input.momentId, input.patch),
  'assignments.deleteMoment': (input, ctx) => deleteMoment(ctx.wb(), input.momentId),
  'assignments.addLog': (input, ctx) => addLog(ctx.wb(), input),
  'assignments.ledgerCandidates': (input, ctx) => ledgerCandidates(ctx.wb(), input.id, input.text, input.limit),
  'assignments.linkLedgerLine': (input, ctx) => linkLedgerLine(ctx.wb(), input.id, input.ledgerLineId),
  'assignments.unlinkLedgerLine': (input, ctx) => unlinkLedgerLine(ctx.wb(), input.id, input.ledgerLineId),
  'assignments.linkCommitment': (input, ctx) => linkCommitment(ctx.wb(), input.id, input.commitmentId),
  'assignments.unlinkCommitment': (input, ctx) => unlinkCommitment(ctx.wb(), input.id, input.commitmentId),
  'assignments.addDepartmentLink': (input, ctx) => addDepartmentLink(ctx.wb(), input),
  'assignments.removeDepartmentLink': (input, ctx) => removeDepartmentLink(ctx.wb(), input.id, input.linkId),
  'assignments.byBudgetLine': (input, ctx) => assignmentsByBudgetLine(ctx.wb(), input.year),

  'benchmarks.list': (_input, ctx) => listBenchmarks(ctx.wb()),
  'benchmarks.create': (input, ctx) => createBenchmark(ctx.wb(), input),
  'benchmarks.update': (input, ctx) => updateBenchmark(ctx.wb(), input.id, input.patch),
  'benchmarks.batch': (input, ctx) => {
    const wb = ctx.wb();
    return applyGridBatch(wb, input, {
      updateSchema: benchmarkPatchSchema,
      update: (id, patch) => updateBenchmark(wb, id, patch),
      createSchema: benchmarkRowSchema,
      create: (row) => createBenchmark(wb, row as never),
      delete: (id) => deleteBenchmark(wb, id),
    });
  },
  'benchmarks.delete': (input, ctx) => {
    deleteBenchmark(ctx.wb(), input.id);
    return null;
  },

  'sharedLinks.list': (input, ctx) => sharedLinks(ctx.wb(), input.period),
};
