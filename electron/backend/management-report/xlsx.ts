import ExcelJS from 'exceljs';
import { formatDate } from '../../../shared/format/nl.ts';
import { xmlSafeText } from '../../../shared/format/spreadsheet-cell.ts';
import { sanitiseWorkbook } from '../exchange/xlsx-sheets.ts';
import { tr } from '../words.ts';
import type { ChartBlock, KeyFiguresBlock, ManagementReport, ReportBlock, ReportValue, TableBlock, ValueType } from './model.ts';

/**
 * Number formats: Excel shows the separators of the reader's locale, so on a Dutch Windows these read
 * € 1.234,56 · 12,5% · 31-12-2027. Money goes in as euros (cents / 100), percent as a fraction.
 */
const FORMATS: Record<ValueType, string | undefined> = {
  money: '"€" #,##0.00;"€" -#,##0.00',
  percent: '0.0%',
  integer: '#,##0',
  decimal: '#,##0.0',
  fte: '#,##0.00',
  date: 'dd-mm-yyyy',
  text: undefined,
};

function cellValue(value: ReportValue, type: ValueType): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (typeof value === 'string') {
    if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
    return value;
  }
  switch (type) {
    case 'money':
      return value / 100;
    case 'percent':
      return value / 100;
    default:
      return value;
  }
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them, and duplicates. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').slice(0, 31).trim() || 'Blad';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

class SheetWriter {
  row = 1;
  widths: number[] = [];

  constructor(readonly sheet: ExcelJS.Worksheet) {}

  private fit(col: number, text: string): void {
    this.widths[col] = Math.min(60, Math.max(this.widths[col] ?? 10, text.length + 2));
  }

  set(col: number, value: ReportValue, type: ValueType, bold = false): void {
    const cell = this.sheet.getCell(this.row, col);
    cell.value = cellValue(value, type);
    const format = FORMATS[type];
    if (format && cell.value !== null) cell.numFmt = format;
    if (bold) cell.font = { bold: true };
    if (type === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
    this.fit(col, type === 'text' ? String(value ?? '') : type === 'date' ? '00-00-0000' : '€ 000.000.000,00');
  }

  title(text: string, size = 12): void {
    const cell = this.sheet.getCell(this.row, 1);
    cell.value = text;
    cell.font = { bold: true, size };
    this.row += 1;
  }

  skip(lines = 1): void {
    this.row += lines;
  }
}

function writeKeyFigures(w: SheetWriter, block: KeyFiguresBlock): void {
  if (block.title) w.title(block.title, 11);
  for (const item of block.items) {
    w.set(1, item.label, 'text');
    w.set(2, item.value, item.type, true);
    w.skip();
  }
  w.skip();
}

function writeTable(w: SheetWriter, block: TableBlock): void {
  w.title(block.title, 11);
  if (block.rows.length === 0) {
    w.set(1, block.emptyText ?? tr('reportFrame.noData'), 'text');
    w.skip(2);
    return;
  }
  block.columns.forEach((c, i) => {
    w.set(i + 1, c.title, 'text', true);
    w.sheet.getCell(w.row, i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EBF2' } };
  });
  w.skip();
  for (const row of block.rows) {
    block.columns.forEach((c, i) => w.set(i + 1, row[i] ?? null, c.type));
    w.skip();
  }
  if (block.totals) {
    block.columns.forEach((c, i) => w.set(i + 1, block.totals![i] ?? null, c.type, true));
    w.skip();
  }
  w.skip();
}

/** ExcelJS cannot write charts: the chart's data goes in as a table, ready for Excel's own chart. */
function writeChart(w: SheetWriter, block: ChartBlock): void {
  w.title(block.title, 11);
  w.set(1, tr('reportFrame.period'), 'text', true);
  block.series.forEach((s, i) => w.set(i + 2, s.name, 'text', true));
  w.skip();
  block.categories.forEach((category, r) => {
    w.set(1, category, 'text');
    block.series.forEach((s, i) => w.set(i + 2, s.values[r] ?? null, block.valueType));
    w.skip();
  });
  w.skip();
}

function writeBlock(w: SheetWriter, block: ReportBlock): void {
  if (block.kind === 'keyFigures') writeKeyFigures(w, block);
  else if (block.kind === 'table') writeTable(w, block);
  else if (block.kind === 'chart') writeChart(w, block);
  else {
    w.set(1, block.text, 'text');
    w.skip(2);
  }
}

/** One sheet per section, each starting with organisation, department, period and date; the same in the print header. */
export async function renderXlsx(report: ManagementReport): Promise<Buffer> {
  const { meta } = report;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Werkboek';
  workbook.title = xmlSafeText(`Managementrapportage ${meta.departmentCode} ${meta.period.code}`);
  workbook.created = new Date(`${meta.generatedOn}T12:00:00Z`);
  const taken = new Set<string>();
  const sections = report.sections.length > 0 ? report.sections : [{ key: 'leeg', title: tr('reportFrame.emptyTitle'), blocks: [{ kind: 'paragraph' as const, text: tr('reportFrame.noSections') }] }];
  for (const section of sections) {
    const sheet = workbook.addWorksheet(sheetName(section.title, taken), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const headerText = xmlSafeText(`${meta.organisation} · ${meta.departmentCode} ${meta.departmentName}`).replace(/&/g, '&&');
    sheet.headerFooter.oddHeader = `&L${headerText}&RManagementrapportage ${meta.periodLabel}`;
    sheet.headerFooter.oddFooter = `&LGegenereerd op ${formatDate(meta.generatedOn)}&RPagina &P van &N`;
    const w = new SheetWriter(sheet);
    w.title(tr('reportFrame.sheetTitle', { section: section.title }), 14);
    const facts: Array<[string, ReportValue, ValueType]> = [
      [tr('reportFrame.organisation'), meta.organisation, 'text'],
      [tr('reportFrame.department'), `${meta.departmentCode} ${meta.departmentName}`, 'text'],
      [tr('reportFrame.period'), tr('reportFrame.periodRange', { label: meta.periodLabel, start: formatDate(meta.period.start), end: formatDate(meta.period.end) }), 'text'],
      [tr('reportFrame.generatedOn'), meta.generatedOn, 'date'],
    ];
    for (const [label, value, type] of facts) {
      w.set(1, label, 'text', true);
      w.set(2, value, type);
      w.skip();
    }
    w.skip();
    for (const block of section.blocks) writeBlock(w, block);
    w.widths.forEach((width, col) => {
      if (width) sheet.getColumn(col).width = width;
    });
  }
  sanitiseWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
