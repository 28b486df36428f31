import fs from 'node:fs';
import path from 'node:path';
import type { DeliveryStatus } from '../../../shared/exchange/central.ts';
import { formatCents, formatDate, formatNumber, formatPercent, formatPeriod } from '../../../shared/format/nl.ts';
import { currentActor } from '../../backend/workbook/actor.ts';
import { printJson, requireOption, requirePositional, stringOption, UsageError, type Command } from '../command.ts';

function centralKindOption(value: string, command: Command): 'central-hr' | 'central-finance' {
  if (value === 'finance') return 'central-finance';
  if (value === 'hr') return 'central-hr';
  throw new UsageError(`--kind moet hr of finance zijn, niet "${value}".\nGebruik: ${command.usage}`);
}

export const centralCreateCommand: Command = {
  name: 'central create',
  summary: 'Maak een centraal HR- of financieel werkboek voor een organisatie',
  usage: 'werkboek central create FILE --kind hr|finance --org NAAM [--year JJJJ] [--owner NAAM] [--json]',
  options: { kind: { type: 'string' }, org: { type: 'string' }, year: { type: 'string' }, owner: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const kind = centralKindOption(requireOption(args, 'kind', this), this);
    const yearText = stringOption(args, 'year') ?? String(new Date().getFullYear());
    const year = Number(yearText);
    if (!Number.isInteger(year)) throw new UsageError(`--year moet een jaartal zijn, niet "${yearText}".`);
    const client = ctx.client();
    const info = await client.workbook.create({ path: file, kind, organisation: requireOption(args, 'org', this), fiscalYear: year, owner: stringOption(args, 'owner') ?? currentActor() });
    const periods = await client.central.periods({});
    if (args.values.json) printJson(ctx.io, { ...info, periods });
    else {
      ctx.io.out(`Centraal werkboek gemaakt: ${info.path} (${kind === 'central-hr' ? 'HR' : 'financiën'}, ${info.organisation}, ${year})`);
      ctx.io.out(`Leveringskalender: ${periods.map((p) => `${p.period} uiterlijk ${formatDate(p.dueDate)}`).join(', ')}`);
    }
    return 0;
  },
};

export const centralRegisterCommand: Command = {
  name: 'central register',
  summary: 'Registreer een afdeling met haar publieke sleutelbestand (of vervang haar sleutel)',
  usage: 'werkboek central register FILE --department CODE --key KEYFILE [--name NAAM] [--periods P,P,…] [--json]',
  options: { department: { type: 'string' }, key: { type: 'string' }, name: { type: 'string' }, periods: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const periods = stringOption(args, 'periods')
      ?.split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const client = ctx.client();
    await client.workbook.open({ path: file, readOnly: false });
    const department = await client.central.registerDepartment({
      code: requireOption(args, 'department', this),
      key: { path: path.resolve(requireOption(args, 'key', this)) },
      ...(stringOption(args, 'name') ? { name: stringOption(args, 'name') } : {}),
      ...(periods ? { periods } : {}),
    });
    if (args.values.json) printJson(ctx.io, department);
    else ctx.io.out(`Afdeling ${department.code} ${department.name} geregistreerd; sleutel ${department.fingerprint}; verwacht: ${department.expectedPeriods.join(', ')}`);
    return 0;
  },
};

export const centralPeriodCommand: Command = {
  name: 'central period',
  summary: 'Voeg een periode toe aan de leveringskalender of wijzig haar uiterste datum',
  usage: 'werkboek central period FILE --period P --due JJJJ-MM-DD [--json]',
  options: { period: { type: 'string' }, due: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const client = ctx.client();
    await client.workbook.open({ path: file, readOnly: false });
    const periods = await client.central.savePeriod({ period: requireOption(args, 'period', this), dueDate: requireOption(args, 'due', this) });
    if (args.values.json) printJson(ctx.io, periods);
    else ctx.io.out(periods.map((p) => `${p.period} uiterlijk ${formatDate(p.dueDate)}`).join('\n'));
    return 0;
  },
};

export const centralImportCommand: Command = {
  name: 'central import',
  summary: 'Importeer pakketten (bestanden of mappen) in een centraal werkboek; elk pakket wordt eerst gecontroleerd',
  usage: 'werkboek central import FILE PKG… [--trust-new] [--json]',
  options: { 'trust-new': { type: 'boolean' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const inputs = args.positionals.slice(1);
    if (inputs.length === 0) throw new UsageError(`PKG ontbreekt: geef één of meer pakketten of mappen.\nGebruik: ${this.usage}`);
    const sources = inputs.map((input) => {
      const resolved = path.resolve(input);
      return fs.existsSync(resolved) && fs.statSync(resolved).isDirectory() ? { folder: resolved } : { path: resolved };
    });
    const client = ctx.client();
    await client.workbook.open({ path: file, readOnly: false });
    const result = await client.central.import({ sources, trustNew: args.values['trust-new'] === true });
    if (args.values.json) printJson(ctx.io, result);
    else {
      for (const f of result.files) ctx.io.out(`${f.outcome.padEnd(12)} ${f.file}\n             ${f.reason}${f.detail ? `\n             ${f.detail}` : ''}`);
      const c = result.counts;
      ctx.io.out(`Geïmporteerd: ${c.imported}, vervangend: ${c.superseding}, al aanwezig: ${c.duplicate}, verouderd: ${c.stale}, afgekeurd: ${c.rejected}`);
    }
    if (args.values['trust-new'] === true) {
      for (const f of result.files.filter((x) => x.reason.includes('vertrouwd'))) ctx.io.err(`Let op: sleutel van ${f.department} vertrouwd bij eerste import (${f.keyFingerprint}).`);
    }
    // Any refused file (rejected, or stale: an older version than the one held) makes the run fail for scripts.
    return result.counts.rejected + result.counts.stale > 0 ? 1 : 0;
  },
};

type PublishedAbsence = { marker: string | null; percentage: number | null; frequency: number | null; reports: number | null; averageDurationDays: number | null; zeroAbsencePercentage: number | null };
type PublishedFormation = { marker: string | null; delivered?: boolean; fte: number | null; occupiedFte: number | null; vacancyFte: number | null; overOccupationFte: number | null };

/** The HR figures as printed: suppressed figures show their marker, never the number. */
function hrLines(report: Record<string, unknown>): string[] {
  const absence = report.absence as PublishedAbsence & { departmentsIncluded: number; departments: Record<string, PublishedAbsence & { name: string }> };
  const formation = report.formation as PublishedFormation & { date: string; departments: Record<string, PublishedFormation & { name: string }> };
  const poortwachter = report.poortwachter as {
    asOf: string;
    overdueCount: number | null;
    marker: string | null;
    overdue: Array<{ department: string; caseId: string | null; label: string | null; dueDate: string | null; daysOverdue: number | null; marker: string | null; reason: string | null }>;
  };
  const suppression = report.suppression as { note: string };
  const figures = (a: PublishedAbsence) =>
    a.marker
      ? `${a.marker} (weggelaten)`
      : a.reports === null
        ? 'geen verzuimgegevens'
        : `verzuim ${formatPercent(a.percentage, 2) || '–'}, meldingsfrequentie ${formatNumber(a.frequency, 2) || '–'}, ${a.reports} ziekmeldingen, gemiddelde duur ${formatNumber(a.averageDurationDays, 1) || '–'} dagen, nulverzuim ${formatPercent(a.zeroAbsencePercentage, 2) || '–'}`;
  const occupation = (f: PublishedFormation) =>
    f.delivered === false
      ? `geen formatie geleverd; bezetting ${f.marker ? `${f.marker} (weggelaten)` : `${formatNumber(f.occupiedFte, 2)} fte`}`
      : `formatie ${formatNumber(f.fte, 2)} fte, bezetting ${f.marker ? `${f.marker} (weggelaten)` : `${formatNumber(f.occupiedFte, 2)} fte, vacatureruimte ${formatNumber(f.vacancyFte, 2)} fte, boventallig ${formatNumber(f.overOccupationFte, 2)} fte`}`;
  const lines = [absence.departmentsIncluded > 0 ? `Organisatie (${absence.departmentsIncluded} afdelingen): ${figures(absence)}` : 'Nog geen verzuimgegevens voor deze periode.'];
  for (const [code, d] of Object.entries(absence.departments)) lines.push(`  ${code.padEnd(8)} ${figures(d)}`);
  lines.push(`Formatie op ${formatDate(formation.date)}: ${occupation(formation)}`);
  for (const [code, d] of Object.entries(formation.departments)) lines.push(`  ${code.padEnd(8)} ${occupation(d)}`);
  lines.push(`Poortwachter: ${poortwachter.overdueCount ?? `${poortwachter.marker} (weggelaten)`} stap(pen) te laat op ${formatDate(poortwachter.asOf)}`);
  for (const o of poortwachter.overdue) {
    // A suppressed department has one entry: its marker and why, never a case.
    if (o.marker) lines.push(`  ${o.department.padEnd(8)} ${o.marker} (${o.reason})`);
    else lines.push(`  ${o.department.padEnd(8)} ${o.caseId}: ${o.label}, uiterlijk ${formatDate(o.dueDate)} (${o.daysOverdue} dagen te laat)`);
  }
  lines.push(suppression.note);
  return lines;
}

const STATUS_NL: Record<DeliveryStatus, string> = { delivered: 'geleverd', superseded: 'vervangen', late: 'te laat', missing: 'ontbreekt', pending: 'nog niet ontvangen' };

export const centralReportCommand: Command = {
  name: 'central report',
  summary: 'Volledigheid en geconsolideerde cijfers van een periode',
  usage: 'werkboek central report FILE --period P [--as-of JJJJ-MM-DD] [--json]',
  options: { period: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const client = ctx.client();
    await client.workbook.open({ path: file, readOnly: true });
    const report = await client.central.report({ period: requireOption(args, 'period', this), ...(stringOption(args, 'as-of') ? { asOf: stringOption(args, 'as-of') } : {}) });
    if (args.values.json) {
      printJson(ctx.io, report);
      return 0;
    }
    const period = report.period as { code: string };
    const completeness = report.completeness as Record<string, number> & { departments: Array<{ department: string; name: string; status: DeliveryStatus; sequence: number | null }> };
    ctx.io.out(`${(report.workbook as { organisation: string }).organisation} · ${formatPeriod(period.code)}`);
    ctx.io.out(`Verwacht ${completeness.expected}, ontvangen ${completeness.received}, ontbreekt ${completeness.missing}, nog niet ontvangen ${completeness.pending}, te laat ${completeness.late}`);
    for (const d of completeness.departments) ctx.io.out(`  ${d.department.padEnd(8)} ${STATUS_NL[d.status]}${d.sequence ? ` (volgnummer ${d.sequence})` : ''}`);
    const finance = report.finance as Record<string, number> | undefined;
    if (finance) {
      ctx.io.out(
        `Actueel ${formatCents(finance.currentCents)}, realisatie ${formatCents(finance.actualCents)}, verplichtingen ${formatCents(finance.commitmentsCents)}, prognose ${formatCents(finance.forecastCents)}, afwijking ${formatCents(finance.varianceCents)}; ${finance.explanationsMissing} afwijkingen zonder toelichting`,
      );
    }
    if (report.absence) for (const line of hrLines(report)) ctx.io.out(line);
    return 0;
  },
};

export const centralExportCommand: Command = {
  name: 'central export',
  summary: 'Geconsolideerde XLSX voor de managementrapportage',
  usage: 'werkboek central export FILE --period P --xlsx OUT.xlsx [--as-of JJJJ-MM-DD]',
  options: { period: { type: 'string' }, xlsx: { type: 'string' }, 'as-of': { type: 'string' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const client = ctx.client();
    await client.workbook.open({ path: file, readOnly: true });
    const written = await client.central.exportXlsx({
      period: requireOption(args, 'period', this),
      path: path.resolve(requireOption(args, 'xlsx', this)),
      ...(stringOption(args, 'as-of') ? { asOf: stringOption(args, 'as-of') } : {}),
    });
    ctx.io.out(`Geschreven: ${written.path}`);
    return 0;
  },
};
