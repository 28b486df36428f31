import { BAND_KEYS, type BandKey } from '../../../shared/domain/absence/bands.ts';
import { dayNumber } from '../../../shared/domain/absence/days.ts';
import { computeAbsenceMetrics, type AbsenceFigures } from '../../../shared/domain/absence/metrics.ts';
import { MONTH_ABBREVIATIONS_NL } from '../../../shared/domain/overview/figures.ts';
import { judgementDay, parsePeriod } from '../../../shared/domain/period.ts';
import { formatDate, formatJudgementDay, formatPeriod, MONTHS_NL } from '../../../shared/format/nl.ts';
import type { ReportBlock, ReportColumn, ReportValue } from '../management-report/model.ts';
import type { ManagementReportSectionProvider } from '../management-report/registry.ts';
import { MINIMUM_GROUP_SIZE, SUPPRESSION_MARKERS, SUPPRESSION_NOTE, suppressGroups, type SuppressionReason } from '../../../shared/exchange/suppression.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { gapTextNl } from '../../../shared/domain/setup/texts.ts';
import { absenceCoverage, absenceGap } from './coverage.ts';
import { absenceMetrics, absenceTrend, loadMetricsInput } from './metrics.ts';
import { attentionOn, poortwachterChainsOn } from './poortwachter-status.ts';

const BAND_LABELS: Record<BandKey, string> = { short: 'Kort', medium: 'Middellang', long: 'Lang', extraLong: 'Extra lang' };

function hasEmployees(wb: Workbook): boolean {
  return wb.first(wb.db.selectFrom('employee').select('id').limit(1)) !== undefined;
}

/** The figures of one row of the per-cost-centre table, or the marker in each cell of a suppressed group. */
function figureCells(f: AbsenceFigures, hidden: SuppressionReason | null = null): ReportValue[] {
  if (hidden) return Array<ReportValue>(6).fill(SUPPRESSION_MARKERS[hidden]);
  return [f.percentage, f.frequency, f.reports, f.averageDurationDays, f.zeroAbsencePercentage, f.employees];
}

/**
 * The report goes to the director, P&O and control: figures about fewer than five people are personal
 * data about them, so they are suppressed as in the HR consolidation (shared/exchange/suppression.ts):
 * the whole department when it has fewer than five employees in the quarter, otherwise each small cost
 * centre and duration band with a complementary one beside it (their totals are in the report). A report
 * the head asked to make with names is a personal one, for the head's own use: it is not suppressed.
 */
function departmentHidden(figures: AbsenceFigures, includeNames: boolean): SuppressionReason | null {
  return !includeNames && figures.employees > 0 && figures.employees < MINIMUM_GROUP_SIZE ? 'small' : null;
}

function hiddenGroups<K>(groups: Array<{ key: K; size: number }>, parent: SuppressionReason | null, includeNames: boolean): Map<K, SuppressionReason> {
  if (includeNames) return new Map();
  if (parent) return new Map(groups.map((g) => [g.key, 'parent' as const]));
  return suppressGroups(groups, { totalPublished: true });
}

const hide = (value: ReportValue, reason: SuppressionReason | null | undefined): ReportValue => (reason ? SUPPRESSION_MARKERS[reason] : value);

/**
 * The quarter's absence figures (department, duration bands, per cost centre) and the monthly trend
 * of the year up to the quarter's end against the year before. Figures only: no employee, no case,
 * no note, and never anything medical. Left out while the workbook has no employees.
 */
export const absenceReportSection: ManagementReportSectionProvider = {
  key: 'absence',
  order: 30,
  build(wb, { period, settings, generatedOn, includeNames }) {
    if (!hasEmployees(wb)) return null;
    const input = loadMetricsInput(wb);
    const metrics = absenceMetrics(wb, period, generatedOn, input);
    const d = metrics.department;
    const hidden = departmentHidden(d, includeNames);
    const hiddenCentres = hiddenGroups(metrics.costCentres.map((c) => ({ key: c.code, size: c.figures.employees })), hidden, includeNames);
    const hiddenBands = hiddenGroups(BAND_KEYS.map((key) => ({ key, size: d.bands[key].cases })), hidden, includeNames);
    const anyHidden = hidden !== null || hiddenCentres.size > 0 || hiddenBands.size > 0;
    const scope = new Set(wb.departmentCostCentres());
    const bands = settings.absenceDurationBands;
    const totalOf = (start: string, end: string, months: number) => computeAbsenceMetrics(input, { start: dayNumber(start), end: dayNumber(end), months }, { bands, scope }).total;
    const lastYear = parsePeriod(`${period.year - 1}${period.code.slice(4)}`)!;
    // No figure from days nobody registered: the quarter without an absence list, last year without its data.
    const gap = metrics.gap;
    const previousGap = absenceGap(absenceCoverage(wb), wb.meta.fiscal_year, lastYear);
    const known = <T,>(value: T) => (gap ? null : value);
    const previous = totalOf(lastYear.start, lastYear.end, lastYear.months);
    const quarterEndMonth = Number(period.end.slice(5, 7));
    const yearToQuarterEnd = totalOf(`${period.year}-01-01`, period.end, quarterEndMonth);
    const trend = absenceTrend(wb, period.year, period.end, input);
    const end = formatDate(period.end);

    const perCostCentre: ReportColumn[] = [
      { title: 'Kostenplaats', type: 'text', width: 0.8 },
      { title: 'Naam', type: 'text', width: 1.4 },
      { title: 'Verzuimpercentage', type: 'percent' },
      { title: 'Meldingsfrequentie (per jaar)', type: 'decimal' },
      { title: 'Ziekmeldingen', type: 'integer', width: 0.8 },
      { title: 'Gem. verzuimduur (dagen)', type: 'decimal' },
      { title: 'Nulverzuim', type: 'percent', width: 0.8 },
      { title: 'Medewerkers', type: 'integer', width: 0.8 },
    ];
    const blocks: ReportBlock[] = [
      {
        kind: 'keyFigures',
        title: `Verzuim in het ${formatPeriod(period.code)}`,
        items: [
          { label: 'Verzuimpercentage', value: known(hide(d.percentage, hidden)), type: 'percent' },
          { label: `Zelfde kwartaal ${period.year - 1}`, value: previousGap ? null : hide(previous.percentage, departmentHidden(previous, includeNames) ?? hidden), type: 'percent' },
          { label: `${period.year} t/m ${end}`, value: known(hide(yearToQuarterEnd.percentage, departmentHidden(yearToQuarterEnd, includeNames) ?? hidden)), type: 'percent' },
          { label: 'Meldingsfrequentie (per jaar)', value: known(hide(d.frequency, hidden)), type: 'decimal' },
          { label: 'Ziekmeldingen', value: known(hide(d.reports, hidden)), type: 'integer' },
          { label: 'Gem. verzuimduur (dagen)', value: known(hide(d.averageDurationDays, hidden)), type: 'decimal' },
          { label: 'Nulverzuim', value: known(hide(d.zeroAbsencePercentage, hidden)), type: 'percent' },
          { label: `Lopend op ${end}`, value: known(hide(metrics.openCases, hidden)), type: 'integer' },
        ],
      },
      ...(gap
        ? [{ kind: 'paragraph' as const, text: `Verzuimcijfers van het ${formatPeriod(period.code)}: ${gapTextNl(gap)}.` }]
        : previousGap
          ? [{ kind: 'paragraph' as const, text: `Zelfde kwartaal ${period.year - 1}: ${gapTextNl(previousGap)}.` }]
          : []),
      {
        kind: 'paragraph',
        text:
          'Kalenderdagen, gewogen naar deeltijdfactor en percentage arbeidsongeschiktheid; zwangerschaps- en bevallingsverlof telt niet mee. ' +
          'De gemiddelde verzuimduur gaat over de gevallen die in het kwartaal met volledig herstel zijn afgesloten.' +
          (metrics.extendsBeyondToday ? ` Het kwartaal loopt na ${formatDate(generatedOn)} nog door: lopende gevallen tellen mee tot het einde van het kwartaal.` : ''),
      },
      {
        kind: 'table',
        title: 'Verzuim naar duur',
        columns: [
          { title: 'Duurklasse', type: 'text' },
          { title: 'Duur', type: 'text' },
          { title: 'Gevallen', type: 'integer' },
          { title: 'Deel van het verzuimpercentage', type: 'percent', width: 1.4 },
        ],
        rows: BAND_KEYS.map((key): ReportValue[] => [
          BAND_LABELS[key],
          `${metrics.bandRanges[key].from}–${metrics.bandRanges[key].to} dagen`,
          hide(d.bands[key].cases, hiddenBands.get(key)),
          hide(d.bands[key].percentage, hiddenBands.get(key)),
        ]),
        totals: ['Totaal', '', hide(BAND_KEYS.reduce((sum, key) => sum + d.bands[key].cases, 0), hidden), hide(d.percentage, hidden)],
      },
      {
        kind: 'table',
        title: 'Per kostenplaats',
        columns: perCostCentre,
        rows: metrics.costCentres.map((c): ReportValue[] => [c.code, c.name, ...figureCells(c.figures, hiddenCentres.get(c.code) ?? null)]),
        // Department figures come from the days, not from the cost centres' rows.
        totals: [`Afdeling ${wb.meta.department_code ?? ''}`.trim(), '', ...figureCells(d, hidden)],
      },
      ...(anyHidden ? [{ kind: 'paragraph' as const, text: SUPPRESSION_NOTE }] : []),
    ];
    // Without any absence known the tables and the chart would be rows of zeros: the figures' reason says it all.
    const withoutZeros = (all: ReportBlock[]) => (gap ? all.filter((b) => b.kind === 'keyFigures' || b.kind === 'paragraph') : all);
    if (hidden) {
      blocks.push({ kind: 'paragraph', text: `Het verzuimpercentage per maand is weggelaten: de afdeling had in het kwartaal minder dan ${MINIMUM_GROUP_SIZE} medewerkers.` });
      return { key: 'absence', title: 'Verzuim', blocks: withoutZeros(blocks) };
    }
    blocks.push(
      {
        kind: 'chart',
        chart: 'line',
        title: `Verzuimpercentage per maand: ${period.year} t/m ${MONTHS_NL[quarterEndMonth - 1]} tegen ${period.year - 1}`,
        categories: MONTH_ABBREVIATIONS_NL,
        series: [
          { name: String(period.year), values: trend.months.map((m) => m.percentage) },
          // A year without data is no line at all, rather than a line at 0 %.
          ...(trend.lastYearGap ? [] : [{ name: String(period.year - 1), values: trend.months.map((m) => m.lastYearPercentage) }]),
        ],
        valueType: 'percent',
      },
    );
    return { key: 'absence', title: 'Verzuim', blocks: withoutZeros(blocks) };
  },
};

/**
 * A short Poortwachter status at the quarter's end (today while the quarter still runs: `judgementDay`),
 * as the HR package and the central consolidation judge it: chains running, steps overdue and due within
 * the lead time after it, steps done in the quarter (and how many after their deadline), and the list of
 * overdue and nearly due steps by case number; personnel numbers and names only when the head chose to
 * make the report with names. Of a department of fewer than five employees only that it is left out, as
 * in the HR consolidation. Notes are never in it: they are free text.
 */
export const poortwachterReportSection: ManagementReportSectionProvider = {
  key: 'poortwachter',
  order: 40,
  build(wb, { period, includeNames, settings, generatedOn }) {
    if (!hasEmployees(wb)) return null;
    const hidden = departmentHidden(absenceMetrics(wb, period, generatedOn).department, includeNames);
    const leadDays = settings.poortwachterLeadDays;
    const day = judgementDay(period, generatedOn);
    const chains = poortwachterChainsOn(wb, day, leadDays);
    const attention = attentionOn(chains, leadDays);
    let done = 0;
    let doneLate = 0;
    for (const chain of chains) {
      for (const step of chain.steps) {
        if (step.status !== 'done' || step.doneOn === null || step.doneOn < period.start || step.doneOn > period.end) continue;
        done += 1;
        if (step.due !== null && step.doneOn > step.due) doneLate += 1;
      }
    }
    const end = formatDate(day);
    const judged = formatJudgementDay(period, day);
    const columns: ReportColumn[] = [
      { title: 'Verzuimgeval', type: 'text', width: 1 },
      ...(includeNames ? [{ title: 'Personeelsnummer', type: 'text' as const, width: 0.9 }, { title: 'Naam', type: 'text' as const, width: 1.4 }] : []),
      { title: 'Stap', type: 'text', width: 2.2 },
      { title: 'Uiterlijk', type: 'date', width: 0.8 },
      { title: `Stand op ${end}`, type: 'text', width: 1 },
    ];
    const rows = [...attention.overdue, ...attention.dueSoon].map((item): ReportValue[] => [
      item.caseNumber,
      ...(includeNames ? [item.personnelNumber, item.employeeName] : []),
      item.label,
      item.due,
      item.daysLeft < 0 ? `te laat (${-item.daysLeft} dagen)` : item.daysLeft === 0 ? 'uiterlijk vandaag' : `nog ${item.daysLeft} dagen`,
    ]);
    return {
      key: 'poortwachter',
      title: 'Poortwachter',
      blocks: [
        {
          kind: 'keyFigures',
          title: `Stand op ${judged}`,
          items: [
            { label: 'Lopende verzuimtrajecten', value: hide(chains.filter((c) => c.running).length, hidden), type: 'integer' },
            { label: 'Stappen te laat', value: hide(attention.overdue.length, hidden), type: 'integer' },
            { label: `Stappen binnen ${leadDays} dagen`, value: hide(attention.dueSoon.length, hidden), type: 'integer' },
            { label: 'Stappen gedaan in het kwartaal', value: hide(done, hidden), type: 'integer' },
            { label: 'waarvan na de termijn', value: hide(doneLate, hidden), type: 'integer' },
          ],
        },
        hidden
          ? { kind: 'paragraph', text: `De stappen per verzuimgeval zijn weggelaten ("${SUPPRESSION_MARKERS[hidden]}"): de afdeling had in het kwartaal minder dan ${MINIMUM_GROUP_SIZE} medewerkers, en met zo weinig mensen zijn ze tot personen te herleiden (AVG). Maak de rapportage met namen voor uw eigen gebruik.` }
          : { kind: 'table', title: `Stappen te laat of binnen ${leadDays} dagen na ${end}`, columns, rows, emptyText: 'Geen stappen te laat en geen stappen binnenkort.' },
        {
          kind: 'paragraph',
          text: 'Wet verbetering poortwachter: termijnen vanaf de eerste ziektedag; ziekteperioden met minder dan 28 dagen herstel ertussen tellen samen. Notities bij stappen en verzuimgevallen staan niet in deze rapportage.',
        },
      ],
    };
  },
};
