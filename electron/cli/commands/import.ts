import path from 'node:path';
import { formatCents } from '../../../shared/format/nl.ts';
import type { ImportResult } from '../../../shared/import/types.ts';
import { keyValueOption, mappingOption, printJson, requireOption, requirePositional, stringOption, UsageError, type Command } from '../command.ts';

const rows = (count: number) => `${count} ${count === 1 ? 'regel' : 'regels'}`;

function humanSummary(result: ImportResult, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Proefimport (niets opgeslagen)' : 'Geïmporteerd'}: ${result.file}`,
    `  nieuw: ${result.imported}, bijgewerkt: ${result.updated}, al aanwezig: ${result.duplicates}, niet van deze afdeling: ${result.outsideDepartment}, afgekeurd: ${result.rejectedCount}`,
    `  totaal geïmporteerd: ${formatCents(result.totalCents)}`,
  ];
  for (const note of result.notes ?? []) lines.push(`  ${note}`);
  if (result.outsideDepartment > 0) lines.push(`  totaal niet van deze afdeling: ${formatCents(result.outsideDepartmentCents)} (${rows(result.outsideDepartment)}, niet geïmporteerd)`);
  for (const costCentre of result.unregisteredCostCentres ?? []) {
    lines.push(
      `  kostenplaats ${costCentre.code}${costCentre.name ? ` (${costCentre.name})` : ''} begint met de afdelingscode maar staat niet in de lijst van kostenplaatsen: ${rows(costCentre.rows)}, ${formatCents(costCentre.totalCents)}, niet geïmporteerd. Voeg de kostenplaats toe (Instellingen, Kostenplaatsen van de afdeling) en importeer opnieuw.`,
    );
  }
  if (result.skipped.length > 0) lines.push(`  overgeslagen (titel-, totaal- en voetregels): ${result.skipped.length} (regel ${result.skipped.slice(0, 10).map((s) => s.line).join(', ')}${result.skipped.length > 10 ? ', …' : ''})`);
  const question = (result as ImportResult & { decimalMarkQuestion?: string }).decimalMarkQuestion;
  if (question) lines.push(`  ${question}`);
  for (const issue of result.rejected.slice(0, 50)) lines.push(`  regel ${issue.line}${issue.column ? `, kolom ${issue.column}` : ''}: ${issue.reason}`);
  if (result.rejectedCount > 50) lines.push(`  … en nog ${result.rejectedCount - 50} afgekeurde regels (zie --json)`);
  return lines.join('\n');
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Importeer een bestand (begroting, grootboek, personeel, verzuim, …) in een werkboek',
  usage: 'werkboek import FILE --kind SOORT INPUT [--map veld=kolom …] [--option sleutel=waarde …] [--decimal-mark ,|.] [--date-order dmy|mdy|ymd] [--dry-run] [--strict] [--json]',
  options: {
    kind: { type: 'string' },
    map: { type: 'string', multiple: true },
    option: { type: 'string', multiple: true },
    'decimal-mark': { type: 'string' },
    'date-order': { type: 'string' },
    'dry-run': { type: 'boolean' },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const input = requirePositional(args, 1, 'INPUT', this);
    const kind = requireOption(args, 'kind', this);
    const decimalMark = stringOption(args, 'decimal-mark');
    if (decimalMark !== undefined && decimalMark !== ',' && decimalMark !== '.') throw new UsageError('--decimal-mark moet "," of "." zijn.');
    const dateOrder = stringOption(args, 'date-order');
    if (dateOrder !== undefined && !['dmy', 'mdy', 'ymd'].includes(dateOrder)) throw new UsageError('--date-order moet dmy, mdy of ymd zijn.');
    const client = ctx.client();
    await client.workbook.open({ path: file, readOnly: false });
    const request = {
      kind,
      source: { path: path.resolve(input) },
      mapping: mappingOption(args, this),
      options: keyValueOption(args, 'option', this),
      dialect: { ...(decimalMark ? { decimalMark: decimalMark as ',' | '.' } : {}), ...(dateOrder ? { dateOrder: dateOrder as 'dmy' } : {}) },
    };
    const dryRun = args.values['dry-run'] === true;
    const result = dryRun ? await client.import.preview({ ...request, previewRows: 0 }) : await client.import.commit({ ...request, strict: args.values.strict === true });
    if (args.values.json) {
      const { rows: _r, fields: _f, ...rest } = result as ImportResult & { rows?: unknown; fields?: unknown };
      printJson(ctx.io, rest);
    } else ctx.io.out(humanSummary(result, dryRun));
    return 0;
  },
};
