import type { overviewApi } from '../../../shared/api/overview.ts';
import { renderReport, writeReport } from '../management-report/service.ts';
import type { Handlers } from '../router.ts';
import { nowIso } from '../workbook/workbook.ts';
import { buildOverview } from './registry.ts';

export const overviewHandlers: Handlers<typeof overviewApi> = {
  'overview.get': (input, ctx) => buildOverview(ctx.wb(), input.asOf ?? nowIso().slice(0, 10)),
  'managementReport.render': (input, ctx) => renderReport(ctx.wb(), input, ctx.progress),
  'managementReport.write': (input, ctx) => writeReport(ctx.wb(), input, ctx.progress),
};
