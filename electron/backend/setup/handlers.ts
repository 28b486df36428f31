import type { setupApi } from '../../../shared/api/setup.ts';
import type { Handlers } from '../router.ts';
import { updateSettings } from '../workbook/settings.ts';
import { nowIso } from '../workbook/workbook.ts';
import { setupChecklist } from './checklist.ts';

export const setupHandlers: Handlers<typeof setupApi> = {
  'setup.checklist': (input, ctx) => setupChecklist(ctx.wb(), input.asOf ?? nowIso().slice(0, 10)),
  'setup.dismiss': (input, ctx) => {
    const wb = ctx.wb();
    wb.requireKind('department');
    updateSettings(wb, { setupChecklistDismissed: input.dismissed });
    return setupChecklist(wb, nowIso().slice(0, 10));
  },
};
