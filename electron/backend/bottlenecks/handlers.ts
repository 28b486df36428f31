import { bottleneckPatchSchema, bottleneckRowSchema, type bottlenecksApi } from '../../../shared/api/bottlenecks.ts';
import { applyGridBatch } from '../grid-batch.ts';
import type { Handlers } from '../router.ts';
import { addAction, addLink, archiveBottleneck, changeStatus, countBottlenecks, createBottleneck, getBottleneck, listBottlenecks, removeLink, removeNewBottleneck, updateBottleneck } from './service.ts';

function department(ctx: { wb(): import('../workbook/workbook.ts').Workbook }) {
  const wb = ctx.wb();
  wb.requireKind('department');
  return wb;
}

export const bottlenecksHandlers: Handlers<typeof bottlenecksApi> = {
  'bottlenecks.list': (input, ctx) => listBottlenecks(department(ctx), input),
  'bottlenecks.get': (input, ctx) => getBottleneck(department(ctx), input.id),
  'bottlenecks.counts': (_input, ctx) => countBottlenecks(department(ctx)),
  'bottlenecks.create': (input, ctx) => createBottleneck(department(ctx), input),
  'bottlenecks.update': (input, ctx) => updateBottleneck(department(ctx), input.id, input.patch),
  'bottlenecks.batch': (input, ctx) => {
    const wb = department(ctx);
    return applyGridBatch(wb, input, {
      updateSchema: bottleneckPatchSchema,
      update: (id, patch) => updateBottleneck(wb, id, patch),
      createSchema: bottleneckRowSchema,
      create: (row) => createBottleneck(wb, row as never),
      delete: (id) => removeNewBottleneck(wb, id),
    });
  },
  'bottlenecks.changeStatus': (input, ctx) => changeStatus(department(ctx), input),
  'bottlenecks.addAction': (input, ctx) => addAction(department(ctx), input.id, input.date, input.text),
  'bottlenecks.addLink': (input, ctx) => addLink(department(ctx), input),
  'bottlenecks.removeLink': (input, ctx) => removeLink(department(ctx), input.id, input.linkId),
  'bottlenecks.archive': (input, ctx) => archiveBottleneck(department(ctx), input.id, input.archived),
};
