import { formatDate } from '../../../shared/format/nl.ts';
import { currentActor } from '../../backend/workbook/actor.ts';
import { printJson, requireOption, requirePositional, stringOption, UsageError, type Command } from '../command.ts';

export const createCommand: Command = {
  name: 'create',
  summary: 'Maak een nieuw afdelingswerkboek',
  usage: 'werkboek create FILE --org NAAM --department CODE --name NAAM --year JJJJ --cost-centres A,B,C [--owner NAAM] [--json]',
  options: {
    org: { type: 'string' },
    department: { type: 'string' },
    name: { type: 'string' },
    year: { type: 'string' },
    'cost-centres': { type: 'string' },
    owner: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const year = Number(requireOption(args, 'year', this));
    if (!Number.isInteger(year)) throw new UsageError(`--year moet een jaartal zijn, niet "${stringOption(args, 'year')}".`);
    const costCentres = requireOption(args, 'cost-centres', this)
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean)
      .map((code) => ({ code, name: '', taakveld: null }));
    const info = await ctx.client().workbook.create({
      path: file,
      kind: 'department',
      organisation: requireOption(args, 'org', this),
      departmentCode: requireOption(args, 'department', this),
      departmentName: stringOption(args, 'name') ?? '',
      fiscalYear: year,
      owner: stringOption(args, 'owner') ?? currentActor(),
      costCentres,
    });
    if (args.values.json) printJson(ctx.io, info);
    else ctx.io.out(`Werkboek gemaakt: ${info.path} (${info.organisation}, afdeling ${info.departmentCode}, boekjaar ${info.fiscalYear}, aangemaakt ${formatDate(info.createdAt.slice(0, 10))})`);
    return 0;
  },
};
