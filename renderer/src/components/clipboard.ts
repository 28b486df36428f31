/**
 * A block of cells on the clipboard, as spreadsheets and web pages put it there: text/plain with tabs
 * and line breaks (Excel and LibreOffice quote a cell that holds a line break), and text/html with a
 * table. Pure: no DOM, so it is tested under Node. What the cells mean (amounts, dates) is read per
 * column by paste-values.ts with the importers' own parsers.
 */

/** Rows of cell texts, as copied; rows may differ in length. */
export type CellBlock = string[][];

export interface ClipboardContent {
  text?: string | null;
  html?: string | null;
}

/**
 * The block on the clipboard: the HTML table when there is one (its cells are exact, line breaks
 * within a cell included), otherwise the tab-separated text. Null when there is nothing to paste.
 */
export function readClipboardBlock(content: ClipboardContent): CellBlock | null {
  const fromHtml = content.html ? parseHtmlTable(content.html) : null;
  if (fromHtml && fromHtml.length > 0) return fromHtml;
  if (content.text === undefined || content.text === null || content.text === '') return null;
  const rows = parseTabText(content.text);
  return rows.length > 0 ? rows : null;
}

/** More than one cell: pasted while a cell is being edited, it is still a block, never one cell's text. */
export function isBlock(block: CellBlock): boolean {
  return block.length > 1 || (block[0]?.length ?? 0) > 1;
}

/**
 * Tab-separated text as Excel, LibreOffice and browsers write it. A cell is quoted only when it holds a
 * line break, tab or quote, and then starts with a quote and its closing quote is followed by a tab, a
 * line break or the end; any other quote is text ('17" scherm' stays as it is). The line break Excel
 * puts after the last row is not an extra row.
 */
export function parseTabText(text: string): CellBlock {
  const source = text.replace(/\r\n?/g, '\n');
  const rows: CellBlock = [];
  let row: string[] = [];
  let i = 0;
  const n = source.length;
  while (i <= n) {
    let cell: string;
    const quoted = source[i] === '"' ? closingQuote(source, i) : -1;
    if (quoted >= 0) {
      cell = source.slice(i + 1, quoted).replace(/""/g, '"');
      i = quoted + 1;
    } else {
      let end = i;
      while (end < n && source[end] !== '\t' && source[end] !== '\n') end += 1;
      cell = source.slice(i, end);
      i = end;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (source[i] === '\n') {
      rows.push(row);
      row = [];
      i += 1;
      if (i === n) break;
    } else {
      i += 1; // the tab
      if (i === n) {
        row.push('');
        rows.push(row);
        break;
      }
    }
  }
  // A copied range ends with a line break; rows of nothing at the very end are no rows.
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === '') && rows[rows.length - 1].length <= 1) rows.pop();
  return rows;
}

/** The index of the quote that closes a quoted cell starting at `start`, or -1 when the cell is not quoted. */
function closingQuote(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length) {
    if (source[i] === '"') {
      if (source[i + 1] === '"') {
        i += 2;
        continue;
      }
      const next = source[i + 1];
      return next === undefined || next === '\t' || next === '\n' ? i : -1;
    }
    i += 1;
  }
  return -1;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', euro: '€', shy: '' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : null;
}

function span(tag: string, name: string): number {
  const value = Number(attribute(tag, name) ?? '1');
  return Number.isInteger(value) && value > 1 ? Math.min(value, 1000) : 1;
}

/** Text of a cell: whitespace of the HTML source collapsed, line breaks only where <br> or a paragraph ends. */
function cellText(parts: string[]): string {
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * The first table of an HTML fragment as rows of cell texts (Excel, LibreOffice, Google Sheets and web
 * pages). colspan and rowspan are filled with empty cells so columns stay where they were. Null when the
 * fragment has no table.
 */
export function parseHtmlTable(html: string): CellBlock | null {
  const start = html.search(/<table[\s>]/i);
  if (start < 0) return null;
  const tokens = /<!--[\s\S]*?-->|<(style|script)[\s>][\s\S]*?<\/\1\s*>|<\/?([a-z][a-z0-9:-]*)([^>]*)>|([^<]+)/gi;
  tokens.lastIndex = start;
  const rows: CellBlock = [];
  let row: string[] | null = null;
  let cell: string[] | null = null;
  /** Columns the open cell spans. */
  let cellSpan = 1;
  let depth = 0;
  /** Columns still covered by a rowspan from a row above: column → rows left. */
  const covered = new Map<number, number>();
  const fillCovered = () => {
    if (!row) return;
    while ((covered.get(row.length) ?? 0) > 0) {
      covered.set(row.length, covered.get(row.length)! - 1);
      row.push('');
    }
  };
  const endCell = () => {
    if (row && cell) {
      row.push(cellText(cell));
      // A merged cell keeps its width: empty cells after its text.
      for (let c = 1; c < cellSpan; c += 1) row.push('');
    }
    cell = null;
    cellSpan = 1;
  };
  const endRow = () => {
    endCell();
    if (row) {
      fillCovered();
      if (row.length > 0) rows.push(row);
    }
    row = null;
  };
  for (let match = tokens.exec(html); match; match = tokens.exec(html)) {
    const [whole, , name, rest, text] = match;
    if (text !== undefined) {
      if (cell) cell.push(decodeEntities(text.replace(/\n/g, ' ')));
      continue;
    }
    if (!name) continue;
    const tag = name.toLowerCase();
    const closing = whole[1] === '/';
    if (tag === 'table') {
      depth += closing ? -1 : 1;
      if (depth === 0) break;
      continue;
    }
    if (depth > 1) {
      // A table inside a cell: its text belongs to the cell.
      if (cell && (tag === 'td' || tag === 'th') && closing) cell.push(' ');
      continue;
    }
    if (tag === 'tr') {
      endRow();
      if (!closing) row = [];
    } else if (tag === 'td' || tag === 'th') {
      endCell();
      if (closing) continue;
      if (!row) row = [];
      fillCovered();
      const colspan = span(rest, 'colspan');
      const rowspan = span(rest, 'rowspan');
      if (rowspan > 1) for (let c = 0; c < colspan; c += 1) covered.set(row.length + c, rowspan - 1);
      cell = [];
      cellSpan = colspan;
    } else if (cell && (tag === 'br' || ((tag === 'p' || tag === 'div' || tag === 'li') && closing))) {
      cell.push('\n');
    }
  }
  endRow();
  return rows;
}

/** A block as tab-separated text, the way Excel writes it: a cell with a line break, tab or quote is quoted. */
export function writeTabText(block: CellBlock): string {
  const cell = (text: string) => (/[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return block.map((row) => row.map(cell).join('\t')).join('\r\n') + '\r\n';
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A block as an HTML table: Excel, LibreOffice and Word paste it as cells; a line break stays within its cell. */
export function writeHtmlTable(block: CellBlock): string {
  const cell = (text: string) => `<td>${escapeHtml(text).replace(/\r?\n/g, '<br style="mso-data-placement:same-cell">')}</td>`;
  const rows = block.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('');
  return `<meta charset="utf-8"><table>${rows}</table>`;
}
