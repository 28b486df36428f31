import { forecastBasisText, forecastMethodLabel } from '../../../shared/domain/budget/forecast.ts';
import { judgementDay, parsePeriod } from '../../../shared/domain/period.ts';
import { formatDate, formatDateTime, formatNumber, formatPeriod } from '../../../shared/format/nl.ts';
import type { Envelope, FinanceLine, FinancePayload, Formation, HrPayload } from '../../../shared/exchange/schema.ts';
import { formatFingerprint } from '../../../shared/exchange/types.ts';
import { addFactsSheet, addTableSheet, newWorkbook, sumBy, workbookBuffer, type SheetColumn } from './xlsx-sheets.ts';
import { fingerprintOf } from './keys.ts';
import { wordsOf } from '../words.ts';

/**
 * A code's label from the areas' own texts (the same words as their pages), or the code when there is none.
 * Dutch whatever the window's language: the package's XLSX is a record for P&O and control, like its headers.
 */
function label(group: string, code: string | null | undefined): string | null {
  if (!code) return null;
  const words = wordsOf('nl');
  return words.has(`${group}.${code}`) ? words.t(`${group}.${code}`) : code;
}

const KIND_LABEL = { 'finance-summary': 'Financiële samenvatting', 'hr-summary': 'HR-samenvatting' } as const;

const financeColumns: SheetColumn<FinanceLine>[] = [
  { header: 'Kostenplaats', kind: 'text', value: (l) => l.costCentre, width: 14 },
  { header: 'Grootboekrekening', kind: 'text', value: (l) => l.account, width: 18 },
  { header: 'Omschrijving', kind: 'text', value: (l) => l.accountName },
  { header: 'Soort', kind: 'text', value: (l) => l.kind, width: 10 },
  { header: 'Taakveld', kind: 'text', value: (l) => l.taakveld, width: 10 },
  { header: 'Primitieve begroting', kind: 'cents', value: (l) => l.primitiveCents },
  { header: 'Wijzigingen', kind: 'cents', value: (l) => l.revisionsCents },
  { header: 'Actuele begroting', kind: 'cents', value: (l) => l.currentCents },
  { header: 'Realisatie', kind: 'cents', value: (l) => l.actualCents },
  { header: 'Verplichtingen', kind: 'cents', value: (l) => l.commitmentsCents },
  { header: 'Prognose', kind: 'cents', value: (l) => l.forecastCents },
  { header: 'Afwijking', kind: 'cents', value: (l) => l.varianceCents },
  { header: 'V/N', kind: 'text', value: (l) => (l.varianceCents > 0 ? 'V' : l.varianceCents < 0 ? 'N' : ''), width: 6 },
  { header: 'Toelichting vereist', kind: 'boolean', value: (l) => l.explanationRequired, width: 12 },
  { header: 'Toelichting', kind: 'text', value: (l) => l.explanation, width: 60 },
  { header: 'Prognose handmatig', kind: 'boolean', value: (l) => l.forecastOverridden, width: 12 },
  { header: 'Notitie bij prognose', kind: 'text', value: (l) => l.forecastNote, width: 40 },
  { header: 'Prognosemethode', kind: 'text', value: (l) => forecastMethodLabel(l.forecastMethod) || null, width: 16 },
];

function addFinanceSheets(book: ReturnType<typeof newWorkbook>, payload: FinancePayload): void {
  const money = [5, 6, 7, 8, 9, 10, 11];
  const totals: Record<number, number | string> = { 0: 'Totaal' };
  const keys = ['primitiveCents', 'revisionsCents', 'currentCents', 'actualCents', 'commitmentsCents', 'forecastCents', 'varianceCents'] as const;
  money.forEach((col, i) => (totals[col] = sumBy(payload.lines, (l) => l[keys[i]])));
  addTableSheet(book, 'Begroting', financeColumns, payload.lines, totals);
  if (payload.personnelCosts) {
    const pc = payload.personnelCosts;
    addTableSheet(
      book,
      'Personeelslasten',
      [
        { header: 'Kostenplaats', kind: 'text', value: (r: (typeof pc.byCostCentre)[number]) => r.costCentre },
        { header: 'Begroting', kind: 'cents', value: (r) => r.budgetCents },
        { header: 'Prognose', kind: 'cents', value: (r) => r.forecastCents },
        { header: 'Afwijking', kind: 'cents', value: (r) => r.varianceCents },
      ],
      pc.byCostCentre,
      { 0: 'Totaal', 1: pc.budgetCents, 2: pc.forecastCents, 3: pc.varianceCents },
    );
  }
  if (payload.externalHire) {
    const eh = payload.externalHire;
    addTableSheet(
      book,
      'Inhuur',
      [
        { header: 'Soort inhuur', kind: 'text', value: (r: (typeof eh.byKind)[number]) => label('hires.kinds', r.kind) },
        { header: 'Opdrachten', kind: 'integer', value: (r) => r.assignments },
        { header: 'Realisatie', kind: 'cents', value: (r) => r.actualCents },
        { header: 'Prognose', kind: 'cents', value: (r) => r.forecastCents },
      ],
      eh.byKind,
      { 0: 'Totaal', 1: eh.assignments, 2: eh.actualCents, 3: eh.forecastCents },
    );
  }
  if (payload.assignments) {
    const rows = payload.assignments;
    addTableSheet(
      book,
      'Opdrachten',
      [
        { header: 'Opdracht', kind: 'text', value: (a: (typeof rows)[number]) => a.code, width: 16 },
        { header: 'Soort', kind: 'text', value: (a) => label('assignments.kinds', a.kind) },
        { header: 'Omschrijving', kind: 'text', value: (a) => a.title, width: 40 },
        { header: 'Opdrachtnemer', kind: 'text', value: (a) => a.contractor },
        { header: 'Status', kind: 'text', value: (a) => label('assignments.statuses', a.status) },
        { header: 'Begindatum', kind: 'date', value: (a) => a.startDate },
        { header: 'Einddatum', kind: 'date', value: (a) => a.endDate },
        { header: 'Begrotingsregels', kind: 'text', value: (a) => a.budgetLines.map((l) => `${l.costCentre} · ${l.account}`).join(', ') },
        { header: 'Plafond', kind: 'cents', value: (a) => a.ceilingCents },
        { header: 'Realisatie', kind: 'cents', value: (a) => a.actualCents },
        { header: 'Verplichtingen', kind: 'cents', value: (a) => a.commitmentsCents },
        { header: 'Signalen', kind: 'text', value: (a) => a.signals.map((s) => label('assignments.signalTexts', s)).join(', ') },
      ],
      rows,
      { 0: 'Totaal', 8: sumBy(rows, (a) => a.ceilingCents), 9: sumBy(rows, (a) => a.actualCents), 10: sumBy(rows, (a) => a.commitmentsCents) },
    );
  }
}

function addHrSheets(book: ReturnType<typeof newWorkbook>, payload: HrPayload, judgedOn: string): void {
  if (payload.formation) {
    addTableSheet(
      book,
      'Formatie en bezetting',
      [
        { header: 'Formatieplaats', kind: 'text', value: (p: Formation['positions'][number]) => p.positionId },
        { header: 'Kostenplaats', kind: 'text', value: (p) => p.costCentre },
        { header: 'Functie', kind: 'text', value: (p) => p.functionTitle },
        { header: 'Schaal', kind: 'integer', value: (p) => p.salaryScale },
        { header: 'Formatie (fte)', kind: 'number', value: (p) => p.formationFte },
        { header: 'Bezetting (fte)', kind: 'number', value: (p) => p.occupationFte },
      ],
      payload.formation.positions,
    );
  }
  if (payload.staff) {
    const rows = payload.staff.flatMap((s) => s.terms.map((t) => ({ ...t, personnelNumber: s.personnelNumber, employmentStart: s.employmentStart, employmentEnd: s.employmentEnd })));
    addTableSheet(
      book,
      'Personeel',
      [
        { header: 'Personeelsnummer', kind: 'text', value: (r: (typeof rows)[number]) => r.personnelNumber },
        { header: 'In dienst', kind: 'date', value: (r) => r.employmentStart },
        { header: 'Uit dienst', kind: 'date', value: (r) => r.employmentEnd },
        { header: 'Geldig vanaf', kind: 'date', value: (r) => r.validFrom },
        { header: 'Kostenplaats', kind: 'text', value: (r) => r.costCentre },
        { header: 'Functie', kind: 'text', value: (r) => r.functionTitle },
        { header: 'Schaal', kind: 'integer', value: (r) => r.salaryScale },
        { header: 'Trede', kind: 'integer', value: (r) => r.salaryStep },
        { header: 'Uren per week', kind: 'number', value: (r) => r.hoursPerWeek },
        { header: 'Fte', kind: 'number', value: (r) => r.fte },
        { header: 'Contract', kind: 'text', value: (r) => r.contractType },
      ],
      rows,
    );
  }
  if (payload.absenceCases) {
    const rows = payload.absenceCases;
    addTableSheet(
      book,
      'Verzuimgevallen',
      [
        { header: 'Geval', kind: 'text', value: (c: (typeof rows)[number]) => c.caseId },
        { header: 'Personeelsnummer', kind: 'text', value: (c) => c.personnelNumber },
        { header: 'Eerste ziektedag', kind: 'date', value: (c) => c.firstDay },
        { header: 'Laatste ziektedag', kind: 'date', value: (c) => c.lastSickDay },
        { header: 'Arbeidsongeschiktheid', kind: 'text', value: (c) => c.incapacity.map((i) => `${formatNumber(i.percentage)} % vanaf ${formatDate(i.from)}`).join('; ') },
        { header: 'Vervolg op geval', kind: 'text', value: (c) => c.continuesCaseId },
      ],
      rows,
    );
  }
  if (payload.poortwachter) {
    const rows = payload.poortwachter;
    addTableSheet(
      book,
      'Poortwachter',
      [
        { header: 'Geval', kind: 'text', value: (m: (typeof rows)[number]) => m.caseId },
        { header: 'Personeelsnummer', kind: 'text', value: (m) => m.personnelNumber },
        { header: 'Mijlpaal', kind: 'text', value: (m) => m.label },
        { header: 'Uiterlijk', kind: 'date', value: (m) => m.dueDate },
        { header: 'Gedaan op', kind: 'date', value: (m) => m.completedOn },
        // The day the department judged the steps on (the period's end, or the day it made the package while the period ran).
        { header: `Status op ${formatDate(judgedOn)}`, kind: 'text', value: (m) => ({ open: 'open', done: 'gedaan', overdue: 'te laat' })[m.status], width: 16 },
      ],
      rows,
    );
  }
  if (payload.absenceMetrics) {
    const m = payload.absenceMetrics;
    addFactsSheet(book, 'Verzuimcijfers', [
      ['Verzuimpercentage', m.percentage],
      ['Meldingsfrequentie (per jaar)', m.reportFrequency],
      ['Ziekmeldingen in de periode', m.reports],
      ['Gemiddelde verzuimduur (dagen)', m.averageDurationDays],
      ['Nulverzuim (%)', m.zeroAbsencePercent],
      ['Gemiddeld aantal medewerkers', m.averageHeadcount],
    ]);
  }
}

/** How the finance package's forecasts were made, in words (packages from before the basis said so: nothing). */
function forecastFacts(envelope: Envelope): Array<[string, string]> {
  if (envelope.kind !== 'finance-summary' || envelope.payload.basis.monthsBooked === undefined) return [];
  const { year, monthsBooked, rhythmYear } = envelope.payload.basis;
  return [['Prognose', forecastBasisText({ year, monthsBooked, rhythmYear: rhythmYear ?? null })]];
}

/** The same content as the package, readable in Excel. The signed .wbx file remains the authority. */
export async function packageXlsx(envelope: Envelope): Promise<Buffer> {
  const book = newWorkbook(envelope.createdAt);
  addFactsSheet(book, 'Pakket', [
    ['Soort', KIND_LABEL[envelope.kind]],
    ['Organisatie', envelope.organisation],
    ['Afdeling', `${envelope.department.code} ${envelope.department.name}`.trim()],
    ['Periode', formatPeriod(envelope.period)],
    ['Volgnummer', envelope.sequence],
    ['Gemaakt op', formatDateTime(envelope.createdAt)],
    ['Werkboekversie', envelope.appVersion],
    ['Formaatversie', envelope.formatVersion],
    ['Vingerafdruk sleutel (SHA-256)', formatFingerprint(fingerprintOf(envelope.publicKey))],
    ['Controlewaarde inhoud (SHA-256)', envelope.payloadSha256],
    ['Let op', 'Dit is een leesbare kopie. Het ondertekende .wbx-bestand is het pakket dat telt.'],
    ...forecastFacts(envelope),
  ]);
  if (envelope.kind === 'finance-summary') addFinanceSheets(book, envelope.payload);
  else addHrSheets(book, envelope.payload, judgementDay(parsePeriod(envelope.period)!, envelope.createdAt.slice(0, 10)));
  const bottlenecks = envelope.payload.bottlenecks;
  if (bottlenecks) {
    addTableSheet(
      book,
      'Knelpunten',
      [
        { header: 'Kenmerk', kind: 'text', value: (b: (typeof bottlenecks)[number]) => b.id, width: 16 },
        { header: 'Titel', kind: 'text', value: (b) => b.title },
        { header: 'Soort', kind: 'text', value: (b) => b.type },
        { header: 'Status', kind: 'text', value: (b) => b.status },
        { header: 'Begonnen', kind: 'date', value: (b) => b.startDate },
        { header: 'Geëscaleerd', kind: 'date', value: (b) => b.escalatedOn },
        { header: 'Financieel effect', kind: 'cents', value: (b) => b.financialImpactCents },
        { header: 'Samenvatting', kind: 'text', value: (b) => b.summary, width: 60 },
      ],
      bottlenecks,
    );
  }
  const links = envelope.payload.links;
  if (links) {
    addTableSheet(
      book,
      'Andere afdelingen',
      [
        { header: 'Soort', kind: 'text', value: (l: (typeof links)[number]) => (l.source === 'bottleneck' ? 'Knelpunt' : 'Opdracht') },
        { header: 'Kenmerk', kind: 'text', value: (l) => l.id, width: 16 },
        { header: 'Titel', kind: 'text', value: (l) => l.title, width: 40 },
        { header: 'Categorie', kind: 'text', value: (l) => l.type },
        { header: 'Status', kind: 'text', value: (l) => l.status },
        { header: 'Hangt af van', kind: 'text', value: (l) => l.departments.filter((d) => d.relation === 'hangt_af_van').map((d) => d.code).join(', ') },
        { header: 'Raakt', kind: 'text', value: (l) => l.departments.filter((d) => d.relation === 'raakt').map((d) => d.code).join(', ') },
      ],
      links,
    );
  }
  return workbookBuffer(book);
}
