import { requireOption, requirePositional, stringOption, UsageError, type Command } from '../command.ts';

export const managementReportCommand: Command = {
  name: 'management-report',
  summary: 'Kwartaalrapportage van een afdeling als PDF (en XLSX), zonder venster',
  usage: 'werkboek management-report FILE --quarter JJJJ-Qn --pdf UIT.pdf [--xlsx UIT.xlsx] [--names]',
  options: { quarter: { type: 'string' }, pdf: { type: 'string' }, xlsx: { type: 'string' }, names: { type: 'boolean' } },
  async run(args, ctx) {
    const file = requirePositional(args, 0, 'FILE', this);
    const quarter = requireOption(args, 'quarter', this);
    if (!/^\d{4}-[Qq][1-4]$/.test(quarter)) throw new UsageError(`--quarter moet de vorm JJJJ-Qn hebben (bijvoorbeeld 2027-Q2), niet "${quarter}".\nGebruik: ${this.usage}`);
    const pdfPath = requireOption(args, 'pdf', this);
    const xlsxPath = stringOption(args, 'xlsx');
    const client = ctx.client();
    // Read-only: a controller can run this in batch while the head has the workbook open.
    await client.workbook.open({ path: file, readOnly: true });
    // A quarter without any data gives a report of zeros: said on stderr before it is made (scripts keep working).
    const data = await client.report.periodData({ period: quarter.toUpperCase() });
    if (data.empty && data.warning) ctx.io.err(`Let op: ${data.warning}`);
    const result = await client.managementReport.write({ quarter, pdfPath, xlsxPath, includeNames: args.values.names === true });
    for (const written of result.written) ctx.io.out(`Geschreven: ${written}`);
    return 0;
  },
};
