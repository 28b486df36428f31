import { casePatchSchema, type absenceApi } from '../../../shared/api/absence.ts';
import { localToday } from '../../../shared/domain/absence/days.ts';
import { applyGridBatch } from '../grid-batch.ts';
import type { Handlers } from '../router.ts';
import * as cases from './cases.ts';
import { listEmployees } from './employees.ts';
import { absenceMetrics, absenceTrend, requirePeriod } from './metrics.ts';
import { poortwachterAttention, poortwachterCases, setStep } from './poortwachter.ts';
import { purgeAbsence } from './retention.ts';

const day = (today?: string) => today ?? localToday();

export const absenceHandlers: Handlers<typeof absenceApi> = {
  'absence.employees': (input, ctx) => listEmployees(ctx.wb(), day(input.today)),
  'absence.cases': (input, ctx) => cases.listCases(ctx.wb(), input, day(input.today)),
  'absence.case': (input, ctx) => cases.getCase(ctx.wb(), input.id, day(input.today)),
  'absence.register': (input, ctx) => cases.registerCase(ctx.wb(), input, day(input.today)),
  'absence.changePercentage': (input, ctx) => cases.changePercentage(ctx.wb(), input, day(input.today)),
  'absence.removePercentageChange': (input, ctx) => cases.removeEpisode(ctx.wb(), input.episodeId, day(input.today)),
  'absence.recover': (input, ctx) => cases.recoverCase(ctx.wb(), input, day(input.today)),
  'absence.reopen': (input, ctx) => cases.reopenCase(ctx.wb(), input.caseId, day(input.today)),
  'absence.updateCase': (input, ctx) => cases.updateCase(ctx.wb(), input.id, input.patch, day(input.today)),
  'absence.casesBatch': (input, ctx) => {
    const wb = ctx.wb();
    return applyGridBatch(wb, input, {
      updateSchema: casePatchSchema,
      update: (id, patch) => cases.updateCase(wb, id, patch, day(input.today)),
      noCreate: 'Een verzuimgeval wordt gemeld met het formulier Ziekmelding, niet geplakt; plak alleen over bestaande regels.',
    });
  },
  'absence.deleteCase': (input, ctx) => cases.deleteCase(ctx.wb(), input.id, day(input.today)),
  'absence.restoreCase': (input, ctx) => cases.restoreCase(ctx.wb(), input.id, day(input.today)),
  'absence.metrics': (input, ctx) => absenceMetrics(ctx.wb(), requirePeriod(input.period), day(input.today)),
  'absence.trend': (input, ctx) => absenceTrend(ctx.wb(), input.year, day(input.today)),
  'absence.poortwachter': (input, ctx) => poortwachterCases(ctx.wb(), { today: day(input.today), openOnly: input.caseId === undefined && input.openOnly, caseId: input.caseId }),
  'absence.attention': (input, ctx) => {
    const wb = ctx.wb();
    if (wb.kind !== 'department') return { today: day(input.today), leadDays: 0, overdue: [], dueSoon: [] };
    return poortwachterAttention(wb, day(input.today));
  },
  'absence.setStep': (input, ctx) => setStep(ctx.wb(), input, day(input.today)),
  'absence.purge': (input, ctx) => purgeAbsence(ctx.wb(), { today: day(input.today), dryRun: input.dryRun }),
};
