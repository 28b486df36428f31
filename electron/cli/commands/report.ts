import { gapTextNl } from '../../../shared/domain/setup/texts.ts';
import type { FigureGapCode } from '../../../shared/domain/setup/types.ts';
import { formatCents, formatDate, formatNumber, formatPercent } from '../../../shared/format/nl.ts';
import { printJson, requirePositional, stringOption, type Command } from '../command.ts';

function human(report: Record<string, unknown>): string {
  const lines: string[] = [];
  const wb = report.workbook as { organisation: string; departmentCode: string | null; departmentName: string | null };
  const period = report.period as { code: string };
  lines.push(`${wb.organisation} · ${wb.departmentCode ?? ''} ${wb.departmentName ?? ''} · periode ${period.code}`);
  const budget = report.budget as Record<string, number> | undefined;
  if (budget) {
    lines.push(
      `Begroting: actueel ${formatCents(budget.currentCents)}, realisatie ${formatCents(budget.actualCents)}, verplichtingen ${formatCents(budget.commitmentsCents)}, prognose ${formatCents(budget.forecastCents)}, afwijking ${formatCents(budget.varianceCents)}, uitputting ${formatPercent(budget.exhaustionPercent)}`,
    );
  }
  const staff = report.staff as { date: string; headcount: number; fte: number } | undefined;
  const formation = report.formation as { fte: number | null; fteReason?: FigureGapCode; vacancyFte: number | null; overOccupationFte: number | null } | undefined;
  const costs = report.personnelCosts as { year: number; forecastCents: number | null; forecastCentsReason?: FigureGapCode; budgetCents: number; varianceCents: number | null } | undefined;
  if (staff && formation) {
    const figures =
      formation.fteReason !== undefined
        ? `formatie ${gapTextNl(formation.fteReason)}`
        : `formatie ${formatNumber(formation.fte, 2)} fte, vacatureruimte ${formatNumber(formation.vacancyFte, 2)} fte, boventallig ${formatNumber(formation.overOccupationFte, 2)} fte`;
    lines.push(`Personeel op ${formatDate(staff.date)}: ${staff.headcount} medewerkers, ${formatNumber(staff.fte, 2)} fte; ${figures}`);
  }
  if (costs) {
    lines.push(
      costs.forecastCentsReason !== undefined
        ? `Personeelskosten ${costs.year}: prognose ${gapTextNl(costs.forecastCentsReason)}; begroting ${formatCents(costs.budgetCents)}`
        : `Personeelskosten ${costs.year}: prognose ${formatCents(costs.forecastCents)}, begroting ${formatCents(costs.budgetCents)}, afwijking ${formatCents(costs.varianceCents)}`,
    );
  }
  const absence = report.absence as Record<string, number | null> & { percentageReason?: FigureGapCode } | undefined;
  if (absence?.percentageReason !== undefined) lines.push(`Verzuim: ${gapTextNl(absence.percentageReason)}`);
  else if (absence) {
    lines.push(
      `Verzuim: ${formatPercent(absence.percentage, 2) || '–'}, meldingsfrequentie ${absence.frequency ?? '–'}, ${absence.reports} ziekmeldingen, gemiddelde duur ${absence.averageDurationDays ?? '–'} dagen, nulverzuim ${formatPercent(absence.zeroAbsencePercentage) || '–'}`,
    );
  }
  const poortwachter = report.poortwachter as { asOf: string; overdue: unknown[]; dueNext28Days: unknown[] } | undefined;
  if (poortwachter) lines.push(`Poortwachter op ${formatDate(poortwachter.asOf)}: ${poortwachter.overdue.length} stap(pen) te laat, ${poortwachter.dueNext28Days.length} binnen 28 dagen`);
  const assignments = report.assignments as { asOf: string; open: number; overCeiling: number; decisionsOverdue: number } | undefined;
  if (assignments) {
    lines.push(
      `Opdrachten: ${assignments.open} lopend of in voorbereiding, ${assignments.overCeiling} over het plafond, ${assignments.decisionsOverdue} beslismoment(en) verlopen op ${formatDate(assignments.asOf)}`,
    );
  }
  lines.push('Gebruik --json voor alle cijfers.');
  return lines.join('\n');
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Cijfers van een werkboek (begroting, personeel, verzuim, opdrachten, …) voor een periode',
  usage: 'werkboek report FILE [--period JJJJ|JJJJ-Qn|JJJJ-MM] [--json]',
  options: { period: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const client = ctx.client();
    await client.workbook.open({ path: file, readOnly: true });
    const report = await client.report.build({ period: stringOption(args, 'period') });
    // A period without data: under `warnings` in the JSON, and on stderr before the figures either way.
    for (const warning of (report.warnings as string[] | undefined) ?? []) ctx.io.err(`Let op: ${warning}`);
    if (args.values.json) printJson(ctx.io, report);
    else ctx.io.out(human(report));
    return 0;
  },
};
