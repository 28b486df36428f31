import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import { forecastMethodLabel } from '../../../shared/domain/budget/forecast.ts';
import { parsePeriod } from '../../../shared/domain/period.ts';
import type { Completeness, DeliveryStatus, FinanceConsolidation, FinanceFigures } from '../../../shared/exchange/central.ts';
import { formatDate, formatDateTime, formatPeriod } from '../../../shared/format/nl.ts';
import { addFactsSheet, addTableSheet, finishStreamingWorkbook, streamingWorkbook, streamTableSheet, type SheetBook, type SheetColumn } from '../exchange/xlsx-sheets.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import { completeness } from './completeness.ts';
import { financeConsolidation, financeLinePages, financeSummary } from './finance.ts';
import { hrConsolidation } from './hr.ts';
import { addHrSheets, hrFacts, hrReportKeys } from './hr-export.ts';
import { requireCentral } from './registry.ts';

function figures(f: FinanceFigures): FinanceFigures {
  return {
    primitiveCents: f.primitiveCents,
    revisionsCents: f.revisionsCents,
    currentCents: f.currentCents,
    actualCents: f.actualCents,
    commitmentsCents: f.commitmentsCents,
    forecastCents: f.forecastCents,
    varianceCents: f.varianceCents,
  };
}

/**
 * `werkboek central report --json`: completeness of the period and the consolidated figures: for a
 * central finance workbook the totals under `finance`; for central HR `absence`, `formation`,
 * `poortwachter` and `suppression` (groups of fewer than five people suppressed, see hr-export.ts).
 * Keys are a public contract: add, never rename.
 */
export function centralReport(wb: Workbook, periodCode: string, asOf?: string): Record<string, unknown> {
  requireCentral(wb);
  const period = parsePeriod(periodCode);
  if (!period) throw new ApiError('invalid_input', `Periode "${periodCode}" moet jjjj, jjjj-Qn of jjjj-mm zijn.`);
  const matrix = completeness(wb, { period: period.code, asOf });
  const counts = matrix.counts[period.code] ?? { delivered: 0, superseded: 0, late: 0, missing: 0, pending: 0, expected: 0 };
  const names = new Map(matrix.departments.map((d) => [d.code, d.name]));
  const report: Record<string, unknown> = {
    workbook: { kind: wb.meta.kind, organisation: wb.meta.organisation, fiscalYear: wb.meta.fiscal_year },
    period: { code: period.code, start: period.start, end: period.end, dueDate: matrix.periods.find((p) => p.period === period.code)?.dueDate || null },
    asOf: matrix.asOf,
    completeness: {
      ...counts,
      received: counts.delivered + counts.superseded + counts.late,
      departments: matrix.cells.map((c) => ({
        department: c.department,
        name: names.get(c.department) ?? '',
        status: c.status,
        sequence: c.sequence,
        versions: c.versions,
        createdAt: c.createdAt,
        dueDate: c.dueDate,
        packageId: c.packageId,
        review: c.review ? { status: c.review.status, note: c.review.note, at: c.review.at, actor: c.review.actor } : null,
      })),
    },
  };
  if (wb.meta.kind === 'central-finance') {
    const f = financeConsolidation(wb, period.code);
    report.finance = {
      ...figures(f.totals),
      explanationsMissing: f.explanationsMissing,
      departmentsIncluded: f.departments.length,
      departments: Object.fromEntries(
        f.departments.map((d) => [
          d.code,
          { name: d.name, sequence: d.sequence, ...figures(d), explanationsMissing: d.explanationsMissing, review: d.review?.status ?? null, personnelCosts: d.personnelCosts, externalHire: d.externalHire },
        ]),
      ),
      accounts: Object.fromEntries(f.accounts.map((a) => [a.account, { name: a.accountName, ...figures(a) }])),
    };
  }
  if (wb.meta.kind === 'central-hr') Object.assign(report, hrReportKeys(hrConsolidation(wb, period.code, asOf)));
  return report;
}

const STATUS_NL: Record<DeliveryStatus, string> = { delivered: 'geleverd', superseded: 'vervangen', late: 'te laat', missing: 'ontbreekt', pending: 'nog niet ontvangen' };

function addCompletenessSheet(book: SheetBook, matrix: Completeness): void {
  const names = new Map(matrix.departments.map((d) => [d.code, d.name]));
  addTableSheet<Completeness['cells'][number]>(
    book,
    'Volledigheid',
    [
      { header: 'Afdeling', kind: 'text', value: (c) => c.department, width: 12 },
      { header: 'Naam', kind: 'text', value: (c) => names.get(c.department) ?? '' },
      { header: 'Periode', kind: 'text', value: (c) => formatPeriod(c.period), width: 18 },
      { header: 'Status', kind: 'text', value: (c) => STATUS_NL[c.status], width: 18 },
      { header: 'Uiterste datum', kind: 'date', value: (c) => c.dueDate },
      { header: 'Volgnummer', kind: 'integer', value: (c) => c.sequence },
      { header: 'Versies', kind: 'integer', value: (c) => c.versions },
      { header: 'Gemaakt door afdeling', kind: 'text', value: (c) => (c.createdAt ? formatDateTime(c.createdAt) : ''), width: 20 },
      { header: 'Beoordeling', kind: 'text', value: (c) => (c.review ? (c.review.status === 'reviewed' ? 'beoordeeld' : 'vraag gesteld') : ''), width: 16 },
      { header: 'Notitie', kind: 'text', value: (c) => c.review?.note ?? '', width: 50 },
    ],
    matrix.cells,
  );
}

const moneyColumns = <T extends FinanceFigures>(): SheetColumn<T>[] => [
  { header: 'Primitieve begroting', kind: 'cents', value: (r) => r.primitiveCents },
  { header: 'Wijzigingen', kind: 'cents', value: (r) => r.revisionsCents },
  { header: 'Actuele begroting', kind: 'cents', value: (r) => r.currentCents },
  { header: 'Realisatie', kind: 'cents', value: (r) => r.actualCents },
  { header: 'Verplichtingen', kind: 'cents', value: (r) => r.commitmentsCents },
  { header: 'Prognose', kind: 'cents', value: (r) => r.forecastCents },
  { header: 'Afwijking', kind: 'cents', value: (r) => r.varianceCents },
];

function totalsRow(offset: number, f: FinanceFigures): Record<number, number | string> {
  const row: Record<number, number | string> = { 0: 'Totaal' };
  [f.primitiveCents, f.revisionsCents, f.currentCents, f.actualCents, f.commitmentsCents, f.forecastCents, f.varianceCents].forEach((v, i) => (row[offset + i] = v));
  return row;
}

/** The finance sheets; the lines are streamed from the workbook page by page (memory flat in their number). */
async function addFinanceSheets(book: SheetBook, wb: Workbook, period: string): Promise<void> {
  const f = financeSummary(wb, period);
  addTableSheet<FinanceConsolidation['departments'][number]>(
    book,
    'Per afdeling',
    [
      { header: 'Afdeling', kind: 'text', value: (d) => d.code, width: 12 },
      { header: 'Naam', kind: 'text', value: (d) => d.name },
      { header: 'Volgnummer', kind: 'integer', value: (d) => d.sequence },
      ...moneyColumns<FinanceConsolidation['departments'][number]>(),
      { header: 'Zonder toelichting', kind: 'integer', value: (d) => d.explanationsMissing },
      { header: 'Beoordeling', kind: 'text', value: (d) => (d.review ? (d.review.status === 'reviewed' ? 'beoordeeld' : 'vraag gesteld') : 'nog niet beoordeeld'), width: 18 },
      { header: 'Personeelslasten begroting', kind: 'cents', value: (d) => d.personnelCosts?.budgetCents ?? null },
      { header: 'Personeelslasten prognose', kind: 'cents', value: (d) => d.personnelCosts?.forecastCents ?? null },
      { header: 'Inhuur realisatie', kind: 'cents', value: (d) => d.externalHire?.actualCents ?? null },
      { header: 'Inhuur prognose', kind: 'cents', value: (d) => d.externalHire?.forecastCents ?? null },
    ],
    f.departments,
    totalsRow(3, f.totals),
  );
  addTableSheet<FinanceConsolidation['departmentAccounts'][number]>(
    book,
    'Per afdeling en rekening',
    [
      { header: 'Afdeling', kind: 'text', value: (r) => r.department, width: 12 },
      { header: 'Grootboekrekening', kind: 'text', value: (r) => r.account, width: 18 },
      { header: 'Omschrijving', kind: 'text', value: (r) => r.accountName },
      ...moneyColumns<FinanceConsolidation['departmentAccounts'][number]>(),
      { header: 'Zonder toelichting', kind: 'integer', value: (r) => r.explanationsMissing },
    ],
    f.departmentAccounts,
    totalsRow(3, f.totals),
  );
  const rhythmYears = new Map(f.departments.map((d) => [d.code, d.forecastBasis?.rhythmYear ?? null]));
  const lineColumns: SheetColumn<FinanceConsolidation['lines'][number]>[] = [
    { header: 'Afdeling', kind: 'text', value: (l) => l.department, width: 12 },
    { header: 'Kostenplaats', kind: 'text', value: (l) => l.costCentre, width: 14 },
    { header: 'Grootboekrekening', kind: 'text', value: (l) => l.account, width: 18 },
    { header: 'Omschrijving', kind: 'text', value: (l) => l.accountName },
    ...moneyColumns<FinanceConsolidation['lines'][number]>(),
    { header: 'V/N', kind: 'text', value: (l) => (l.varianceCents > 0 ? 'V' : l.varianceCents < 0 ? 'N' : ''), width: 6 },
    { header: 'Toelichting vereist', kind: 'boolean', value: (l) => l.explanationRequired, width: 12 },
    { header: 'Toelichting ontbreekt', kind: 'boolean', value: (l) => l.explanationMissing, width: 12 },
    { header: 'Toelichting', kind: 'text', value: (l) => l.explanation, width: 60 },
    { header: 'Prognosemethode', kind: 'text', value: (l) => forecastMethodLabel(l.forecastMethod, rhythmYears.get(l.department)) || null, width: 16 },
  ];
  const required = function* () {
    for (const page of financeLinePages(wb, period)) yield page.filter((l) => l.explanationRequired);
  };
  await streamTableSheet(book, 'Afwijkingen', lineColumns, required());
  await streamTableSheet(book, 'Alle regels', lineColumns, financeLinePages(wb, period), totalsRow(4, f.totals));
}

/**
 * The consolidated XLSX for the organisation's management report, written to `target` as it is built
 * (first under a temporary name, renamed when whole): memory stays flat for any number of lines.
 * Contains no personal data: no names or personnel numbers, and HR figures of groups smaller than
 * five people are suppressed.
 */
export async function writeCentralXlsx(wb: Workbook, periodCode: string, target: string, asOf?: string): Promise<{ name: string }> {
  requireCentral(wb);
  const period = parsePeriod(periodCode);
  if (!period) throw new ApiError('invalid_input', `Periode "${periodCode}" moet jjjj, jjjj-Qn of jjjj-mm zijn.`);
  const matrix = completeness(wb, { period: period.code, asOf });
  const counts = matrix.counts[period.code];
  const hr = wb.meta.kind === 'central-hr' ? hrConsolidation(wb, period.code, asOf) : null;
  const partial = `${target}.partial`;
  try {
    const book = streamingWorkbook(partial, nowIso());
    addFactsSheet(book, 'Overzicht', [
      ['Organisatie', wb.meta.organisation],
      ['Werkboek', wb.meta.kind === 'central-finance' ? 'Centraal financieel werkboek' : 'Centraal HR-werkboek'],
      ['Periode', formatPeriod(period.code)],
      ['Stand per', formatDate(matrix.asOf)],
      ['Verwacht', counts?.expected ?? 0],
      ['Geleverd (waarvan vervangen, te laat)', counts ? `${counts.delivered + counts.superseded + counts.late} (${counts.superseded}, ${counts.late})` : '0'],
      ['Ontbreekt', counts?.missing ?? 0],
      ['Nog niet ontvangen', counts?.pending ?? 0],
      ...(hr ? hrFacts(hr) : []),
    ]);
    addCompletenessSheet(book, matrix);
    if (hr) addHrSheets(book, hr);
    else await addFinanceSheets(book, wb, period.code);
    await finishStreamingWorkbook(book);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { name: centralXlsxName(wb, period.code) };
}

function centralXlsxName(wb: Workbook, period: string): string {
  return `consolidatie-${wb.meta.kind === 'central-finance' ? 'financien' : 'hr'}-${period}.xlsx`;
}

/** The same XLSX as bytes (the browser preview's download), through a temporary file. */
export async function centralXlsx(wb: Workbook, periodCode: string, asOf?: string): Promise<{ name: string; bytes: Buffer }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'werkboek-xlsx-'));
  try {
    const file = path.join(work, 'consolidatie.xlsx');
    const { name } = await writeCentralXlsx(wb, periodCode, file, asOf);
    return { name, bytes: fs.readFileSync(file) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
