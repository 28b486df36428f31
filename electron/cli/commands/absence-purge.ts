import { formatDate } from '../../../shared/format/nl.ts';
import { printJson, requirePositional, stringOption, UsageError, type Command } from '../command.ts';

/** AVG: destroys absence cases older than the workbook's retention period; the purge is logged in the audit log. */
export const absencePurgeCommand: Command = {
  name: 'absence purge',
  summary: 'Vernietig verzuimgegevens ouder dan de bewaartermijn (wordt gelogd)',
  usage: 'werkboek absence purge FILE [--dry-run] [--today JJJJ-MM-DD] [--json]',
  options: { 'dry-run': { type: 'boolean' }, today: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const today = stringOption(args, 'today');
    if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today moet jjjj-mm-dd zijn, niet "${today}".`);
    const client = ctx.client();
    await client.workbook.open({ path: file, readOnly: false });
    const result = await client.absence.purge({ dryRun: args.values['dry-run'] === true, today });
    if (args.values.json) printJson(ctx.io, result);
    else {
      ctx.io.out(
        `${result.dryRun ? 'Proef (niets vernietigd)' : 'Vernietigd'}: ${result.cases} verzuimgevallen met een laatste ziektedag vóór ${formatDate(result.cutoff)} (bewaartermijn ${result.retentionMonths} maanden), ${result.episodes} percentages, ${result.steps} Poortwachter-stappen.`,
      );
    }
    return 0;
  },
};
