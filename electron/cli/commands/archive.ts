import fs from 'node:fs';
import path from 'node:path';
import { printJson, requireOption, requirePositional, UsageError, type Command } from '../command.ts';

export const archiveCommand: Command = {
  name: 'archive',
  summary: 'Schrijf het hele werkboek (alle tabellen als CSV, het logboek, de database) als ZIP voor het archief',
  usage: 'werkboek archive FILE --out ZIP [--json]',
  options: { out: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const out = path.resolve(requireOption(args, 'out', this));
    if (fs.existsSync(out)) throw new UsageError(`${out} bestaat al; kies een nieuwe bestandsnaam.`);
    const client = ctx.client();
    await client.workbook.open({ path: file, readOnly: false });
    const result = await client.workbook.exportArchive({ path: out });
    if (args.values.json) printJson(ctx.io, { path: result.path, sizeBytes: result.sizeBytes, tables: result.tables });
    else ctx.io.out(`Archief geschreven: ${result.path} (${result.tables.length} tabellen, ${(result.sizeBytes / 1024).toFixed(0)} kB)`);
    return 0;
  },
};
