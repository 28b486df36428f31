import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import type { PackageKind } from '../../../shared/exchange/schema.ts';
import { formatFingerprint } from '../../../shared/exchange/types.ts';
import { formatPeriod } from '../../../shared/format/nl.ts';
import { printJson, requireOption, requirePositional, stringOption, UsageError, type Command } from '../command.ts';

export function packageKindOption(value: string, command: Command): PackageKind {
  if (value === 'finance') return 'finance-summary';
  if (value === 'hr') return 'hr-summary';
  throw new UsageError(`--kind moet hr of finance zijn, niet "${value}".\nGebruik: ${command.usage}`);
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Maak een ondertekend pakket (.wbx) voor P&O of control, met een leesbare XLSX ernaast',
  usage: 'werkboek export FILE --kind hr|finance --period P --out PKG.wbx [--xlsx X.xlsx] [--json]',
  options: { kind: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, xlsx: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const kind = packageKindOption(requireOption(args, 'kind', this), this);
    const period = requireOption(args, 'period', this);
    const out = requireOption(args, 'out', this);
    const xlsx = stringOption(args, 'xlsx');
    const client = ctx.client();
    await client.workbook.open({ path: file, readOnly: false });
    let result;
    try {
      result = await client.exchange.export({ kind, period, path: path.resolve(out), ...(xlsx ? { xlsxPath: path.resolve(xlsx) } : {}) });
    } catch (error) {
      // A finance package that names a person: scripts get the findings (which text, where, why) as JSON too.
      const findings = error instanceof ApiError ? (error.details as { findings?: unknown } | undefined)?.findings : undefined;
      if (args.values.json && findings) printJson(ctx.io, { refused: true, code: (error as ApiError).code, reason: (error as ApiError).message, findings });
      throw error;
    }
    if (args.values.json) printJson(ctx.io, result);
    else {
      ctx.io.out(`Pakket gemaakt: ${result.package.path} (${kind === 'finance-summary' ? 'financiële samenvatting' : 'HR-samenvatting'}, ${formatPeriod(result.period)}, volgnummer ${result.sequence})`);
      if (result.xlsx) ctx.io.out(`Leesbare kopie: ${result.xlsx.path}`);
      ctx.io.out(`Ondertekend met sleutel ${formatFingerprint(result.keyFingerprint)}`);
    }
    return 0;
  },
};

export const keyCommand: Command = {
  name: 'key',
  summary: 'Schrijf het publieke sleutelbestand van de afdeling (voor registratie bij P&O en control)',
  usage: 'werkboek key FILE --out KEYFILE [--json]',
  options: { out: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const out = path.resolve(requireOption(args, 'out', this));
    let client = ctx.client();
    await client.workbook.open({ path: file, readOnly: true });
    let written;
    try {
      written = await client.exchange.publicKeyFile({ path: out });
    } catch (error) {
      // A workbook from before the exchange has no key yet: making one needs write access.
      if (!(error instanceof ApiError) || error.code !== 'read_only') throw error;
      client = ctx.client();
      await client.workbook.open({ path: file, readOnly: false });
      written = await client.exchange.publicKeyFile({ path: out });
    }
    const info = await client.exchange.keyInfo({});
    if (args.values.json) printJson(ctx.io, { file: written.path, fingerprint: info.key?.fingerprint ?? null });
    else ctx.io.out(`Sleutelbestand geschreven: ${written.path}\nVingerafdruk: ${formatFingerprint(info.key?.fingerprint ?? '')}`);
    return 0;
  },
};

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Controleer een pakket (.wbx): formaat, controlewaarde en handtekening',
  usage: 'werkboek verify PKG.wbx [--key KEYFILE] [--json]',
  options: { key: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const pkg = requirePositional(args, 0, 'PKG.wbx', this);
    const key = stringOption(args, 'key');
    const result = await ctx.client().exchange.verify({ source: { path: path.resolve(pkg) }, ...(key ? { key: { path: path.resolve(key) } } : {}) });
    if (args.values.json) printJson(ctx.io, result);
    else if (result.valid) {
      ctx.io.out(`Geldig: ${result.file} (${result.department}, ${formatPeriod(result.period ?? '')}, volgnummer ${result.sequence}, ${result.organisation})`);
      ctx.io.out(`Ondertekend met sleutel ${formatFingerprint(result.keyFingerprint ?? '')}`);
    } else ctx.io.err(`Ongeldig: ${result.reason}${result.detail ? `\n  ${result.detail}` : ''}`);
    return result.valid ? 0 : 1;
  },
};
