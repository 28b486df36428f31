import ExcelJS from 'exceljs';

/**
 * A salary table as the cao publishes it and as HR passes it on: scales 1–18 as rows, "trede 0" to
 * "trede 12" as columns, one monthly amount per cell, the lower scales with fewer steps (empty cells),
 * a title block above the header and a footnote below; or turned a quarter (steps as rows). The amounts
 * are made up but shaped like the real ones (each step about 3 % above the one before, uneven cents).
 */
export const CAO_SCALES = Array.from({ length: 18 }, (_, i) => i + 1);
export const CAO_STEPS = Array.from({ length: 13 }, (_, i) => i);
export const CAO_TITLE = ['Salaristabel cao Gemeenten 2027', 'Bedragen per maand, per 1 juli 2027 (na de loonsverhoging van 3 %)'];
export const CAO_FOOTNOTE = 'Bedragen bruto per maand bij een volledige werkweek van 36 uur.';

/** The highest step of a scale: scale 1 has steps 0–6, scale 7 and up have 0–12. */
export function caoMaxStep(scale: number): number {
  return Math.min(12, 5 + scale);
}

/** Monthly amount in cents. */
export function caoAmount(scale: number, step: number): number {
  const base = 2_150 + 195 * (scale - 1) + (scale > 10 ? 160 * (scale - 10) : 0);
  return Math.round(base * 1.031 ** step * 100);
}

export const CAO_ENTRIES = CAO_SCALES.reduce((sum, scale) => sum + caoMaxStep(scale) + 1, 0);

/** "€ 2.150,00" as Excel writes a currency cell into a Dutch CSV. */
export function caoDutch(cents: number): string {
  const euros = Math.floor(cents / 100).toLocaleString('nl-NL');
  return `€ ${euros},${String(cents % 100).padStart(2, '0')}`;
}

export interface CaoOptions {
  /** Above the header, as published (default true). */
  title?: boolean;
  /** Cells to write as given instead of the amount, e.g. { '3:4': 'n.v.t.' } for scale 3 step 4. */
  replace?: Record<string, string>;
  /** Turned a quarter, as some HR systems print it: steps as rows, scales as columns. */
  turned?: boolean;
}

function cellValue(scale: number, step: number, options: CaoOptions): string | number | null {
  const replaced = options.replace?.[`${scale}:${step}`];
  if (replaced !== undefined) return replaced;
  return step <= caoMaxStep(scale) ? caoAmount(scale, step) / 100 : null;
}

/** The table as an XLSX sheet: merged title, numeric amounts with a currency format, scales as numbers. */
export async function caoSalaryTableXlsx(options: CaoOptions = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Salaristabel 2027');
  if (options.title ?? true) {
    for (const line of CAO_TITLE) sheet.addRow([line]);
    sheet.mergeCells(1, 1, 1, CAO_STEPS.length + 1);
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    sheet.addRow([]);
  }
  // Turned: "Trede" above the steps and the bare scale numbers above the columns.
  const header = sheet.addRow(options.turned ? ['Trede', ...CAO_SCALES] : ['Schaal', ...CAO_STEPS.map((step) => `trede ${step}`)]);
  header.font = { bold: true };
  const rows = options.turned
    ? CAO_STEPS.map((step) => [step, ...CAO_SCALES.map((scale) => cellValue(scale, step, options))])
    : CAO_SCALES.map((scale) => [scale, ...CAO_STEPS.map((step) => cellValue(scale, step, options))]);
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.eachCell((cell, column) => {
      if (column > 1 && typeof cell.value === 'number') cell.numFmt = '"€" #,##0.00';
    });
  }
  sheet.addRow([]);
  sheet.addRow([CAO_FOOTNOTE]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * The same table saved by Excel as "CSV (puntkomma)": Windows-1252 (the € is byte 0x80), the amounts as
 * shown ("€ 2.150,00"), the scale as "schaal 1", every line as wide as the table.
 */
export function caoSalaryTableCsv(options: CaoOptions = {}): Buffer {
  const width = (options.turned ? CAO_SCALES.length : CAO_STEPS.length) + 1;
  const line = (cells: string[]) => [...cells, ...new Array<string>(Math.max(0, width - cells.length)).fill('')].join(';');
  const lines: string[] = [];
  if (options.title ?? true) lines.push(...CAO_TITLE.map((title) => line([title])), line([]));
  const shown = (scale: number, step: number) => {
    const value = cellValue(scale, step, options);
    return typeof value === 'number' ? caoDutch(Math.round(value * 100)) : (value ?? '');
  };
  if (options.turned) {
    lines.push(line(['Trede', ...CAO_SCALES.map((scale) => `Schaal ${scale}`)]));
    for (const step of CAO_STEPS) lines.push(line([`trede ${step}`, ...CAO_SCALES.map((scale) => shown(scale, step))]));
  } else {
    lines.push(line(['Schaal', ...CAO_STEPS.map((step) => `Trede ${step}`)]));
    for (const scale of CAO_SCALES) lines.push(line([`schaal ${scale}`, ...CAO_STEPS.map((step) => shown(scale, step))]));
  }
  lines.push(line([]), line([CAO_FOOTNOTE]));
  return Buffer.from(`${lines.join('\r\n')}\r\n`.replace(/€/g, '\x80'), 'latin1');
}
