import { formatCents } from '../../../shared/format/nl.ts';
import type { YearTurnResult } from '../../../shared/domain/workbook/types.ts';
import { printJson, requirePositional, requireOption, stringOption, UsageError, type Command } from '../command.ts';

function lines(r: YearTurnResult): string[] {
  const budget = r.budget === 'copy' ? `met de actuele begroting ${r.previousYear}` : 'op nul';
  return [
    `Begrotingsregels ${r.year}: ${r.budgetLines} (${r.budgetLinesNew} nieuw ${budget}, ${r.budgetLinesExisting} al aanwezig); lasten ${formatCents(r.budgetLasten)}, baten ${formatCents(r.budgetBaten)}`,
    `Open verplichtingen overgenomen: ${r.commitmentsCarried} (${formatCents(r.commitmentsCarriedCents)} openstaand)`,
    `Opdrachten die doorlopen in ${r.year}: ${r.assignmentsRunning} (${r.decisionMomentsOpen} open beslismomenten)`,
    `Open knelpunten: ${r.bottlenecksOpen}`,
    `Open verzuimgevallen: ${r.absenceCasesOpen} (Poortwachter-tijdlijn loopt ongewijzigd door)`,
    `Medewerkers in dienst: ${r.employeesInService}; formatieplaatsen: ${r.formationPositions}; instellingen en referentiecijfers blijven zoals ze zijn`,
  ];
}

/** "Nieuw boekjaar openen" from the command line: the same preview and the same single transaction as the app. */
export const yearOpenCommand: Command = {
  name: 'year open',
  summary: 'Open het volgende boekjaar in hetzelfde werkboek (met --dry-run eerst zien wat het nieuwe jaar meekrijgt)',
  usage: 'werkboek year open FILE --year JJJJ [--budget zero|copy] [--dry-run] [--json]',
  options: { year: { type: 'string' }, budget: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const yearText = requireOption(args, 'year', this);
    if (!/^\d{4}$/.test(yearText)) throw new UsageError(`--year moet een jaartal van vier cijfers zijn, niet "${yearText}".`);
    const budget = stringOption(args, 'budget') ?? 'zero';
    if (budget !== 'zero' && budget !== 'copy') throw new UsageError(`--budget moet zero (begrotingsregels op nul) of copy (met de actuele begroting van het vorige jaar) zijn, niet "${budget}".`);
    const dryRun = args.values['dry-run'] === true;
    const client = ctx.client();
    // A dry run only reads: the workbook is opened read-only, so not even a backup is written.
    await client.workbook.open({ path: file, readOnly: dryRun });
    const input = { year: Number(yearText), budget: budget as 'zero' | 'copy' };
    const r = dryRun ? await client.workbook.previewYear(input) : await client.workbook.openYear(input);
    if (args.values.json) {
      const { commitments: _c, assignments: _a, bottlenecks: _b, absenceCases: _x, ...figures } = r;
      printJson(ctx.io, figures);
      return 0;
    }
    if (r.alreadyOpen) ctx.io.out(`Boekjaar ${r.year} is al geopend in dit werkboek; er is niets gewijzigd.`);
    else if (dryRun) ctx.io.out(`Proef (niets gewijzigd): boekjaar ${r.year} openen na ${r.previousYear}.`);
    else ctx.io.out(`Boekjaar ${r.year} geopend; het huidige boekjaar was ${r.previousYear}. Boekjaar ${r.previousYear} blijft leesbaar en kan worden afgesloten.`);
    for (const line of lines(r)) ctx.io.out(`  ${line}`);
    return 0;
  },
};
