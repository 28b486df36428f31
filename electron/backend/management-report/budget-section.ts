import { cumulativeByMonth, linearBudget, MONTH_ABBREVIATIONS_NL, monthsOfYear } from '../../../shared/domain/overview/figures.ts';
import { forecastBasisText, forecastMethodLabel } from '../../../shared/domain/budget/forecast.ts';
import { formatCents, formatDate, formatPercent } from '../../../shared/format/nl.ts';
import { summary } from '../budget/service.ts';
import { actualsByMonth } from '../overview/budget-section.ts';
import type { ReportValue, TableBlock } from './model.ts';
import type { ManagementReportSectionProvider } from './registry.ts';

function varianceLabel(cents: number): string {
  return cents > 0 ? 'V' : cents < 0 ? 'N' : '';
}

/**
 * Budget of the quarter's year with actuals up to the quarter's end: totals, per cost centre, the
 * variances above the reporting threshold with their explanations, and the cumulative actuals.
 */
export const budgetReportSection: ManagementReportSectionProvider = {
  key: 'budget',
  order: 10,
  build(wb, { period }) {
    const s = summary(wb, period.year, period.end);
    const t = s.total;
    const threshold = [
      s.threshold.amountCents === null ? null : formatCents(s.threshold.amountCents, { whole: true }),
      s.threshold.percent === null ? null : formatPercent(s.threshold.percent, 0),
    ].filter(Boolean);
    // Both limits at once (the default rule) read "en", either one "of".
    const thresholdWords = threshold.join(s.threshold.rule === 'both' ? ' en ' : ' of ');
    const byCostCentre: TableBlock = {
      kind: 'table',
      title: 'Per kostenplaats',
      columns: [
        { title: 'Kostenplaats', type: 'text', width: 0.8 },
        { title: 'Naam', type: 'text', width: 1.4 },
        { title: 'Actuele begroting', type: 'money' },
        { title: 'Realisatie', type: 'money' },
        { title: 'Verplichtingen', type: 'money' },
        { title: 'Prognose', type: 'money' },
        { title: 'Afwijking', type: 'money' },
        { title: 'V/N', type: 'text', width: 0.35 },
        { title: 'Uitputting', type: 'percent', width: 0.7 },
      ],
      rows: s.byCostCentre.map((cc) => [cc.key, cc.label, cc.currentCents, cc.actualCents, cc.commitmentsCents, cc.forecastCents, cc.varianceCents, varianceLabel(cc.varianceCents), cc.exhaustionPercent]),
      totals: ['Totaal', '', t.currentCents, t.actualCents, t.commitmentsCents, t.forecastCents, t.varianceCents, varianceLabel(t.varianceCents), t.exhaustionPercent],
      emptyText: 'Er zijn nog geen begrotingsregels.',
    };
    const variances: TableBlock = {
      kind: 'table',
      title: `Afwijkingen boven de rapportagegrens (${thresholdWords || 'geen grens ingesteld'})`,
      columns: [
        { title: 'Kostenplaats', type: 'text', width: 0.8 },
        { title: 'Rekening', type: 'text', width: 0.7 },
        { title: 'Omschrijving', type: 'text', width: 1.2 },
        { title: 'Actuele begroting', type: 'money' },
        { title: 'Prognose', type: 'money' },
        { title: 'Methode', type: 'text', width: 0.7 },
        { title: 'Afwijking', type: 'money' },
        { title: 'V/N', type: 'text', width: 0.35 },
        { title: 'Toelichting', type: 'text', width: 2.3 },
      ],
      rows: s.lines
        .filter((l) => l.explanationRequired)
        .sort((a, b) => Math.abs(b.varianceCents) - Math.abs(a.varianceCents))
        .map((l): ReportValue[] => [
          l.costCentre,
          l.account,
          l.accountName,
          l.currentCents,
          l.forecastCents,
          forecastMethodLabel(l.forecastMethod, s.forecastBasis.rhythmYear),
          l.varianceCents,
          l.varianceLabel,
          l.explanation?.trim() || 'Toelichting ontbreekt',
        ]),
      emptyText: 'Geen afwijkingen boven de rapportagegrens.',
    };
    const months = monthsOfYear(period.year);
    const cumulative = cumulativeByMonth(months, actualsByMonth(wb, period.year, period.end), period.end);
    return {
      key: 'budget',
      title: 'Begroting',
      blocks: [
        {
          kind: 'keyFigures',
          title: `Begroting ${s.year}, realisatie tot en met ${formatDate(period.end)}`,
          items: [
            { label: 'Actuele begroting', value: t.currentCents, type: 'money' },
            { label: 'Realisatie', value: t.actualCents, type: 'money' },
            { label: 'Verplichtingen', value: t.commitmentsCents, type: 'money' },
            { label: 'Prognose', value: t.forecastCents, type: 'money' },
            { label: `Afwijking (${varianceLabel(t.varianceCents) || '-'})`, value: t.varianceCents, type: 'money' },
            { label: 'Uitputting', value: t.exhaustionPercent, type: 'percent' },
          ],
        },
        { kind: 'paragraph', text: forecastBasisText(s.forecastBasis) },
        byCostCentre,
        variances,
        {
          kind: 'chart',
          chart: 'line',
          title: `Realisatie cumulatief per maand tegen lineaire begroting ${period.year}`,
          categories: MONTH_ABBREVIATIONS_NL,
          series: [
            { name: 'Realisatie (cumulatief)', values: cumulative },
            { name: 'Begroting lineair', values: linearBudget(t.currentCents) },
          ],
          valueType: 'money',
        },
      ],
    };
  },
};
