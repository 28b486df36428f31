import { positionPatchSchema, positionRowSchema, salaryScalePatchSchema, type staffApi } from '../../../shared/api/staff.ts';
import { applyGridBatch } from '../grid-batch.ts';
import type { Handlers } from '../router.ts';
import { personnelCostForecast } from './costs.ts';
import { changeTerms, createEmployee, deleteTerms, employeeDetail, listEmployees, updateEmployee } from './employees.ts';
import { createPosition, deletePosition, listPositions, occupation, setPositionMatch, timeline, updatePosition } from './formation.ts';
import { copyTable, deleteTable, listEntries, listTables, setEntry, setScaleAmounts } from './salary-table.ts';

export const staffHandlers: Handlers<typeof staffApi> = {
  'staff.employees': (input, ctx) => listEmployees(ctx.wb(), input),
  'staff.employee': (input, ctx) => employeeDetail(ctx.wb(), input.id, input.date),
  'staff.createEmployee': (input, ctx) => createEmployee(ctx.wb(), input),
  'staff.updateEmployee': (input, ctx) => updateEmployee(ctx.wb(), input.id, input.patch),
  'staff.changeTerms': (input, ctx) => changeTerms(ctx.wb(), input.employeeId, input.validFrom, input.patch),
  'staff.deleteTerms': (input, ctx) => deleteTerms(ctx.wb(), input.id),

  'formation.positions': (input, ctx) => listPositions(ctx.wb(), input.date),
  'formation.createPosition': (input, ctx) => createPosition(ctx.wb(), input),
  'formation.updatePosition': (input, ctx) => updatePosition(ctx.wb(), input.id, input.patch, input.date),
  'formation.positionsBatch': (input, ctx) => {
    const wb = ctx.wb();
    return applyGridBatch(wb, input, {
      updateSchema: positionPatchSchema,
      update: (id, patch) => updatePosition(wb, id, patch, input.date),
      createSchema: positionRowSchema,
      create: (row) => createPosition(wb, row as never, input.date),
      delete: (id) => deletePosition(wb, id),
    });
  },
  'formation.deletePosition': (input, ctx) => {
    deletePosition(ctx.wb(), input.id);
    return null;
  },
  'formation.occupation': (input, ctx) => occupation(ctx.wb(), input.date),
  'formation.timeline': (input, ctx) => timeline(ctx.wb(), input.year),
  'formation.setMatch': (input, ctx) => setPositionMatch(ctx.wb(), input.employeeId, input.date, input.match),

  'salary.tables': (_input, ctx) => listTables(ctx.wb()),
  'salary.entries': (input, ctx) => listEntries(ctx.wb(), input.validFrom),
  'salary.setEntry': (input, ctx) => setEntry(ctx.wb(), input),
  'salary.entriesBatch': (input, ctx) => {
    const wb = ctx.wb();
    return applyGridBatch(wb, input, {
      updateSchema: salaryScalePatchSchema,
      update: (scale, amounts) => setScaleAmounts(wb, input.validFrom, scale, amounts as Record<string, number | null>),
      noCreate: 'De salaristabel kent schalen 1 tot en met 18; een regel daarbuiten kan niet worden toegevoegd.',
    });
  },
  'salary.copyTable': (input, ctx) => copyTable(ctx.wb(), input),
  'salary.deleteTable': (input, ctx) => {
    deleteTable(ctx.wb(), input.validFrom);
    return null;
  },

  'personnelCosts.forecast': (input, ctx) => personnelCostForecast(ctx.wb(), input.year),
};
