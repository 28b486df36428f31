import PDFDocument from 'pdfkit';
import { formatCents, formatDate, formatNumber, formatPercent } from '../../../shared/format/nl.ts';
import { tr } from '../words.ts';
import type { ChartBlock, KeyFiguresBlock, ManagementReport, ReportBlock, ReportValue, TableBlock, ValueType } from './model.ts';

type Doc = PDFKit.PDFDocument;

// A4 landscape: wide budget tables fit without wrapping every amount.
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = { left: 40, right: 40, top: 70, bottom: 56 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const INK = '#1b1f24';
const MUTED = '#4a5563';
const RULE = '#9aa5b1';
const HEADER_FILL = '#e6ebf2';
// Distinct in hue and in lightness, and every series also has its own dash and marker: readable in grey print.
const SERIES_COLOURS = ['#1a4d8f', '#b35900', '#2e7d32', '#6a1b9a'];
const SERIES_DASHES: Array<[number, number] | null> = [null, [6, 3], [2, 2], [8, 3]];

/** The PDF standard fonts speak Windows-1252: anything outside it (emoji, arrows) becomes "?" rather than garbage. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function safe(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code < 0x100 || WIN_ANSI_EXTRA.has(ch) ? ch : ch === '→' ? '->' : ch === '≥' ? '>=' : '?';
  }
  return out;
}

export function formatValue(value: ReportValue, type: ValueType): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return type === 'date' ? formatDate(value) : value;
  switch (type) {
    case 'money':
      return formatCents(value, { whole: true });
    case 'percent':
      return formatPercent(value);
    case 'integer':
      return formatNumber(value, 0);
    case 'decimal':
      return formatNumber(value, 1);
    case 'fte':
      return formatNumber(value, 2);
    default:
      return String(value);
  }
}

const numeric = (type: ValueType) => type === 'money' || type === 'percent' || type === 'integer' || type === 'decimal' || type === 'fte';

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function blockTitle(doc: Doc, title: string): void {
  ensureSpace(doc, 60);
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(safe(title), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
}

function drawKeyFigures(doc: Doc, block: KeyFiguresBlock): void {
  if (block.title) blockTitle(doc, block.title);
  const perRow = Math.min(6, block.items.length);
  const gap = 8;
  const boxWidth = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
  const boxHeight = 42;
  for (let i = 0; i < block.items.length; i += perRow) {
    ensureSpace(doc, boxHeight + 8);
    const top = doc.y;
    block.items.slice(i, i + perRow).forEach((item, j) => {
      const x = MARGIN.left + j * (boxWidth + gap);
      doc.lineWidth(0.6).strokeColor(RULE).rect(x, top, boxWidth, boxHeight).stroke();
      doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(safe(item.label), x + 6, top + 6, { width: boxWidth - 12, lineBreak: false, ellipsis: true });
      doc.font('Helvetica-Bold').fontSize(13).fillColor(INK).text(safe(formatValue(item.value, item.type) || '-'), x + 6, top + 20, { width: boxWidth - 12, lineBreak: false });
    });
    doc.x = MARGIN.left;
    doc.y = top + boxHeight + 10;
  }
}

function drawTable(doc: Doc, block: TableBlock): void {
  blockTitle(doc, block.title);
  if (block.rows.length === 0) {
    doc.font('Helvetica-Oblique').fontSize(9).fillColor(MUTED).text(safe(block.emptyText ?? tr('reportFrame.noData')), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(1);
    return;
  }
  const weights = block.columns.map((c) => c.width ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / sum) * CONTENT_WIDTH);
  const pad = 3;
  const fontSize = 8;

  const cellTexts = (row: ReportValue[]) => block.columns.map((c, i) => safe(formatValue(row[i] ?? null, c.type)));
  const rowHeight = (texts: string[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...texts.map((t, i) => doc.heightOfString(t || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (texts: string[], font: string, fill?: string) => {
    const height = rowHeight(texts, font);
    const top = doc.y;
    if (fill) doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fill(fill);
    let x = MARGIN.left;
    doc.font(font).fontSize(fontSize).fillColor(INK);
    texts.forEach((text, i) => {
      doc.text(text, x + pad, top + pad, { width: widths[i] - 2 * pad, align: numeric(block.columns[i].type) ? 'right' : 'left' });
      x += widths[i];
    });
    doc.lineWidth(0.4).strokeColor(RULE).moveTo(MARGIN.left, top + height).lineTo(MARGIN.left + CONTENT_WIDTH, top + height).stroke();
    doc.x = MARGIN.left;
    doc.y = top + height;
  };
  const header = block.columns.map((c) => safe(c.title));
  const drawHeader = () => drawRow(header, 'Helvetica-Bold', HEADER_FILL);

  ensureSpace(doc, rowHeight(header, 'Helvetica-Bold') + 20);
  drawHeader();
  const all = [...block.rows.map((r) => ({ row: r, total: false })), ...(block.totals ? [{ row: block.totals, total: true }] : [])];
  for (const { row, total } of all) {
    const texts = cellTexts(row);
    const font = total ? 'Helvetica-Bold' : 'Helvetica';
    if (doc.y + rowHeight(texts, font) > BOTTOM) {
      doc.addPage();
      drawHeader();
    }
    drawRow(texts, font);
  }
  doc.moveDown(1);
}

function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  const step = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 2.5 ? 2.5 : normalised <= 5 ? 5 : 10;
  return step * magnitude;
}

function axisLabel(value: number, type: ChartBlock['valueType']): string {
  if (type === 'money') return formatCents(value, { whole: true });
  if (type === 'percent') return formatPercent(value);
  return formatNumber(value, type === 'decimal' ? 1 : 0);
}

function drawMarker(doc: Doc, index: number, x: number, y: number, colour: string): void {
  const r = 2.6;
  doc.fillColor(colour);
  if (index % 3 === 0) doc.circle(x, y, r).fill();
  else if (index % 3 === 1) doc.rect(x - r, y - r, 2 * r, 2 * r).fill();
  else doc.polygon([x, y - r - 0.5], [x + r + 0.5, y + r], [x - r - 0.5, y + r]).fill();
}

/** Line or grouped-bar chart drawn with PDF vector primitives: sharp in print at any zoom. */
function drawChart(doc: Doc, block: ChartBlock): void {
  const height = 230;
  ensureSpace(doc, height + 40);
  blockTitle(doc, block.title);
  const top = doc.y;
  const plot = { left: MARGIN.left + 78, right: MARGIN.left + CONTENT_WIDTH - 10, top: top + 8, bottom: top + height - 36 };
  const values = block.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  let min = Math.min(0, ...values);
  let max = Math.max(0, ...values);
  if (max === min) max = min + 1;
  const step = niceStep(max - min, 5);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;
  const yOf = (v: number) => plot.bottom - ((v - min) / (max - min)) * (plot.bottom - plot.top);
  const n = block.categories.length;
  const band = (plot.right - plot.left) / Math.max(1, n);
  const xOf = (i: number) => plot.left + band * (i + 0.5);

  // Grid and value axis.
  doc.font('Helvetica').fontSize(7).fillColor(MUTED);
  for (let v = min; v <= max + step / 2; v += step) {
    const y = yOf(v);
    doc.lineWidth(v === 0 ? 0.8 : 0.3).strokeColor(v === 0 ? INK : RULE).moveTo(plot.left, y).lineTo(plot.right, y).stroke();
    doc.fillColor(MUTED).text(safe(axisLabel(v, block.valueType)), MARGIN.left, y - 4, { width: 72, align: 'right', lineBreak: false });
  }
  block.categories.forEach((category, i) => {
    doc.fillColor(MUTED).text(safe(category), xOf(i) - band / 2, plot.bottom + 4, { width: band, align: 'center', lineBreak: false });
  });

  if (block.chart === 'line') {
    block.series.forEach((series, s) => {
      const colour = SERIES_COLOURS[s % SERIES_COLOURS.length];
      const dash = SERIES_DASHES[s % SERIES_DASHES.length];
      doc.lineWidth(1.6).strokeColor(colour);
      if (dash) doc.dash(dash[0], { space: dash[1] });
      let drawing = false;
      series.values.forEach((v, i) => {
        if (v === null) {
          drawing = false;
          return;
        }
        if (drawing) doc.lineTo(xOf(i), yOf(v));
        else doc.moveTo(xOf(i), yOf(v));
        drawing = true;
      });
      doc.stroke();
      doc.undash();
      series.values.forEach((v, i) => {
        if (v !== null) drawMarker(doc, s, xOf(i), yOf(v), colour);
      });
    });
  } else {
    const groupWidth = band * 0.75;
    const barWidth = groupWidth / Math.max(1, block.series.length);
    block.series.forEach((series, s) => {
      const colour = SERIES_COLOURS[s % SERIES_COLOURS.length];
      series.values.forEach((v, i) => {
        if (v === null) return;
        const x = xOf(i) - groupWidth / 2 + s * barWidth;
        const y0 = yOf(0);
        const y1 = yOf(v);
        doc.rect(x, Math.min(y0, y1), barWidth - 1, Math.abs(y1 - y0)).fillOpacity(s % 2 === 0 ? 1 : 0.55).fill(colour);
        doc.fillOpacity(1);
      });
    });
  }

  // Legend: line sample with dash and marker, then the name.
  let x = plot.left;
  const legendY = plot.bottom + 20;
  doc.font('Helvetica').fontSize(8);
  block.series.forEach((series, s) => {
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length];
    if (block.chart === 'line') {
      const dash = SERIES_DASHES[s % SERIES_DASHES.length];
      doc.lineWidth(1.6).strokeColor(colour);
      if (dash) doc.dash(dash[0], { space: dash[1] });
      doc.moveTo(x, legendY + 4).lineTo(x + 24, legendY + 4).stroke();
      doc.undash();
      drawMarker(doc, s, x + 12, legendY + 4, colour);
    } else {
      doc.rect(x, legendY, 14, 8).fillOpacity(s % 2 === 0 ? 1 : 0.55).fill(colour);
      doc.fillOpacity(1);
    }
    const name = safe(series.name);
    doc.fillColor(INK).text(name, x + 30, legendY, { lineBreak: false });
    x += 30 + doc.widthOfString(name) + 24;
  });
  doc.x = MARGIN.left;
  doc.y = top + height;
}

function drawBlock(doc: Doc, block: ReportBlock): void {
  switch (block.kind) {
    case 'keyFigures':
      return drawKeyFigures(doc, block);
    case 'table':
      return drawTable(doc, block);
    case 'chart':
      return drawChart(doc, block);
    case 'paragraph':
      ensureSpace(doc, 30);
      doc.font('Helvetica').fontSize(9).fillColor(INK).text(safe(block.text), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
      doc.moveDown(0.8);
  }
}

/** Organisation, department, period and date on every page, and "Pagina x van y". */
function drawPageFrames(doc: Doc, report: ManagementReport): void {
  const { meta } = report;
  const range = doc.bufferedPageRange();
  const left = safe(`${meta.organisation} · ${meta.departmentCode} ${meta.departmentName}`);
  const right = safe(tr('reportFrame.titleOf', { period: meta.periodLabel }));
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing in the margins must not trigger pdfkit's automatic page break.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    doc.text(left, MARGIN.left, 30, { width: CONTENT_WIDTH / 2, lineBreak: false });
    doc.text(right, MARGIN.left + CONTENT_WIDTH / 2, 30, { width: CONTENT_WIDTH / 2, align: 'right', lineBreak: false });
    doc.lineWidth(0.5).strokeColor(RULE).moveTo(MARGIN.left, 44).lineTo(MARGIN.left + CONTENT_WIDTH, 44).stroke();
    const footerY = PAGE.height - 36;
    doc.moveTo(MARGIN.left, footerY - 6).lineTo(MARGIN.left + CONTENT_WIDTH, footerY - 6).stroke();
    doc.fillColor(MUTED).text(safe(tr('reportFrame.footer', { date: formatDate(meta.generatedOn), start: formatDate(meta.period.start), end: formatDate(meta.period.end) })), MARGIN.left, footerY, {
      width: CONTENT_WIDTH / 2,
      lineBreak: false,
    });
    doc.text(tr('reportFrame.page', { page: i - range.start + 1, pages: range.count }), MARGIN.left + CONTENT_WIDTH / 2, footerY, { width: CONTENT_WIDTH / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}

export function renderPdf(report: ManagementReport): Promise<Buffer> {
  const { meta } = report;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: MARGIN,
    bufferPages: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: safe(`Managementrapportage ${meta.departmentCode} ${meta.departmentName} ${meta.period.code}`),
      Author: safe(meta.organisation),
      Subject: safe(`${meta.periodLabel}`),
      Creator: 'Werkboek',
      CreationDate: new Date(`${meta.generatedOn}T12:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(tr('reportFrame.title'), MARGIN.left, MARGIN.top);
  doc.font('Helvetica').fontSize(12).fillColor(INK).text(safe(tr('reportFrame.departmentOf', { organisation: meta.organisation, code: meta.departmentCode, name: meta.departmentName })));
  doc.text(safe(tr('reportFrame.periodRange', { label: meta.periodLabel, start: formatDate(meta.period.start), end: formatDate(meta.period.end) })));
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(tr(meta.includeNames ? 'reportFrame.withNames' : 'reportFrame.withoutNames'));
  doc.moveDown(1);

  report.sections.forEach((section, index) => {
    if (index > 0) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(15).fillColor(INK).text(safe(section.title), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.5);
    for (const block of section.blocks) drawBlock(doc, block);
  });
  if (report.sections.length === 0) doc.font('Helvetica').fontSize(10).text(tr('reportFrame.noSections'));

  drawPageFrames(doc, report);
  doc.end();
  return done;
}
