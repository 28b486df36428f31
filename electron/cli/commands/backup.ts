import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../../shared/domain/workbook/types.ts';
import { formatDate } from '../../../shared/format/nl.ts';
import { printJson, requireOption, requirePositional, type Command } from '../command.ts';

const KIND_LABELS: Record<BackupEntry['kind'], string> = {
  automatisch: 'automatisch (bij openen)',
  handmatig: 'handmatig',
  'voor-migratie': 'voor bijwerken schema',
  'voor-herstel': 'voor herstel',
};

function describe(entry: BackupEntry): string {
  const local = new Date(entry.createdAt);
  const time = local.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return `${formatDate(entry.createdAt.slice(0, 10))} ${time}  ${KIND_LABELS[entry.kind].padEnd(24)} ${(entry.sizeBytes / 1024).toFixed(0).padStart(8)} kB  ${entry.name}`;
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Maak een gecontroleerde reservekopie van een werkboek (of toon ze met --list)',
  usage: 'werkboek backup FILE [--list] [--json]',
  options: { list: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const client = ctx.client();
    if (args.values.list) {
      // Listing needs no lock: it works while the app has the workbook open.
      await client.workbook.open({ path: file, readOnly: true });
      const list = await client.workbook.backups({});
      if (args.values.json) printJson(ctx.io, list);
      else {
        ctx.io.out(`Reservekopieën in ${list.folder} (automatische: de nieuwste ${list.keep} worden bewaard)`);
        if (list.backups.length === 0) ctx.io.out('  (nog geen)');
        for (const entry of list.backups) ctx.io.out(`  ${describe(entry)}`);
      }
      return 0;
    }
    await client.workbook.open({ path: file, readOnly: false });
    const entry = await client.workbook.backup({});
    if (args.values.json) printJson(ctx.io, entry);
    else ctx.io.out(`Reservekopie gemaakt en gecontroleerd (integrity_check ok): ${entry.path}`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Zet een werkboek terug naar een reservekopie (de huidige toestand wordt eerst bewaard)',
  usage: 'werkboek restore FILE --from BACKUP [--json]   (BACKUP: een pad, of een naam uit werkboek backup FILE --list)',
  options: { from: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const from = requireOption(args, 'from', this);
    const client = ctx.client();
    await client.workbook.open({ path: file, readOnly: false });
    // A bare name is looked up in the workbook's backups folder; anything else is a path.
    const isName = path.basename(from) === from && !fs.existsSync(from);
    const result = await client.workbook.restoreBackup(isName ? { name: from } : { path: path.resolve(from) });
    if (args.values.json) printJson(ctx.io, { restoredFrom: result.restoredFrom, safetyBackup: result.safetyBackup, workbook: result.info });
    else {
      ctx.io.out(`Werkboek ${result.info.path} hersteld uit ${result.restoredFrom}.`);
      ctx.io.out(`De toestand van vóór het herstel is bewaard in ${result.safetyBackup.path}.`);
    }
    return 0;
  },
};
