import Papa from 'papaparse';
import { ApiError } from '../../../shared/api/errors.ts';
import type { Dialect, DialectOverrides, FieldSpec, TextEncodingName } from '../../../shared/import/types.ts';
import { HeaderMatcher, normaliseHeader } from '../../../shared/import/headers.ts';
import type { WideLayout } from './importer.ts';
import type { ImportSource } from './source.ts';
import { runOnField } from './csv-records.ts';
import { readXlsxHead } from './xlsx-records.ts';

const HEAD_BYTES = 256 * 1024;
/** Title lines above the header: exports carry a few, never dozens. */
const HEADER_SEARCH_RECORDS = 40;
const DELIMITERS = [';', '\t', ','] as const;

export interface HeadRecord {
  line: number;
  cells: string[];
  /** A quote that does not close where it should, within this record's line. */
  quoteError?: boolean;
  /** XLSX: the values of numeric cells by column (others undefined); `cells` has their display text. */
  numbers?: Array<number | undefined>;
}

/** Where a matrix layout's fields are (see WideLayout): the layout, the row's key column and the value columns with their keys. */
export interface WidePlan {
  layout: WideLayout;
  keyColumn: number;
  valueColumns: Array<{ index: number; key: string }>;
}

export interface Sniffed {
  dialect: Dialect;
  columns: string[];
  /** Records after the header in the head of the file: used to decide the decimal mark. */
  sampleRecords: HeadRecord[];
  /** The non-empty lines above the header, each as one text (a title block). */
  titleLines: string[];
  /** Set when the header is that of the importer's matrix layout. */
  wide?: WidePlan;
}

/** At least this many columns that name a value of the layout make a matrix ("0", "1", "2", … or "Trede 0", …). */
const MIN_WIDE_COLUMNS = 3;

/** The plan for a header row of a matrix layout, or null when the row is not one. */
function widePlan(cells: string[], layout: WideLayout, fields: FieldSpec[]): WidePlan | null {
  const matcher = new HeaderMatcher(fields);
  const fieldIndex = (key: string) => fields.findIndex((f) => f.key === key);
  const names = (cell: string, key: string) => cell.trim() !== '' && (matcher.qualities(cell)[fieldIndex(key)] ?? 9) < 2;
  // The row keys are under their own name ("Schaal"), else in the first column that names no value (often an empty corner).
  let keyColumn = cells.findIndex((cell) => names(cell, layout.rowField) && layout.columnKey(cell.trim(), true) === null);
  const rowFieldNamed = keyColumn >= 0;
  const keys = cells.map((cell) => (cell.trim() === '' ? null : layout.columnKey(cell.trim(), rowFieldNamed)));
  if (keyColumn < 0) keyColumn = keys.findIndex((key) => key === null);
  // A key column headed with the column field's name ("Trede" above steps 0, 1, 2 …) is the other layout.
  if (keyColumn < 0 || names(cells[keyColumn], layout.columnField)) return null;
  const valueColumns: WidePlan['valueColumns'] = [];
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (key === null || index === keyColumn || seen.has(key)) return;
    seen.add(key);
    valueColumns.push({ index, key });
  });
  return valueColumns.length >= MIN_WIDE_COLUMNS ? { layout, keyColumn, valueColumns } : null;
}

/** The header, its columns and what lies above and below it in the head of the file. */
function located(records: HeadRecord[], fields: FieldSpec[], overrides: DialectOverrides, layouts: WideLayout[]): { header: HeadRecord; columns: string[]; sampleRecords: HeadRecord[]; titleLines: string[]; wide?: WidePlan } | null {
  let header: HeadRecord | null = null;
  let wide: WidePlan | null = null;
  search: for (const record of layouts.length === 0 ? [] : overrides.headerLine ? records.filter((r) => r.line === overrides.headerLine) : records.slice(0, HEADER_SEARCH_RECORDS)) {
    for (const layout of layouts) {
      wide = widePlan(record.cells, layout, fields);
      if (wide) {
        header = record;
        break search;
      }
    }
  }
  header ??= findHeader(records, fields, overrides.headerLine);
  if (!header) return null;
  const columns = header.cells.map((c) => c.trim());
  // An empty corner above the row keys is named after the field it holds, so the mapping can show it.
  if (wide && columns[wide.keyColumn] === '') columns[wide.keyColumn] = fields.find((f) => f.key === wide!.layout.rowField)?.label ?? wide.layout.rowField;
  const titleLines = records
    .filter((r) => r.line < header!.line)
    .map((r) => r.cells.map((c) => c.trim()).filter((c) => c !== '').join(' '))
    .filter((text) => text !== '');
  return { header, columns, sampleRecords: records.filter((r) => r.line > header!.line), titleLines, ...(wide ? { wide } : {}) };
}

function detectBinaryFormat(head: Buffer, fileName: string): 'xlsx' | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new ApiError('file_unreadable', `${fileName} is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx of als CSV (puntkomma-gescheiden) en importeer dat.`);
  }
  if (head.length >= 5 && head.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw new ApiError('file_unreadable', `${fileName} is een PDF-bestand; importeer een CSV- of Excel-export (.xlsx).`);
  }
  return null;
}

/**
 * UTF-16 without a byte-order mark, recognised by its zero bytes: text of Latin letters, digits and
 * separators has one in every pair of bytes, the second (little-endian, what Windows writes) or the
 * first (big-endian). UTF-8 and Windows-1252 text has none.
 */
function utf16ByZeros(head: Buffer): 'le' | 'be' | null {
  const pairs = Math.min(head.length, 8192) >> 1;
  if (pairs < 2) return null;
  let le = 0;
  let be = 0;
  for (let i = 0; i < pairs; i += 1) {
    const first = head[2 * i];
    const second = head[2 * i + 1];
    if (first !== 0 && second === 0) le += 1;
    else if (first === 0 && second !== 0) be += 1;
  }
  if (le >= pairs * 0.6 && be <= pairs * 0.02) return 'le';
  if (be >= pairs * 0.6 && le <= pairs * 0.02) return 'be';
  return null;
}

/** Many zero bytes, nearly all at even or nearly all at odd positions: the pattern of UTF-16 text. */
function zerosOnOneSide(head: Buffer): boolean {
  const length = Math.min(head.length, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i += 1) if (head[i] === 0) (i % 2 === 0 ? (even += 1) : (odd += 1));
  return even + odd > length / 5 && Math.max(even, odd) > (even + odd) * 0.9;
}

export function detectEncoding(head: Buffer, isWholeFile: boolean, fileName = 'Het bestand'): TextEncodingName {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  const utf16 = head.length >= 2 && head[0] === 0xfe && head[1] === 0xff ? 'be' : utf16ByZeros(head);
  if (utf16 === 'le') return 'utf-16le';
  if (utf16 === 'be') {
    throw new ApiError(
      'file_unreadable',
      `${fileName} lijkt tekst in UTF-16 (big-endian) te zijn, een codering die Werkboek niet leest. Open het bestand in Excel of Kladblok en sla het op als CSV UTF-8 (puntkomma-gescheiden); er is niets geïmporteerd.`,
    );
  }
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  // A head cut off in the middle of a multi-byte character is still UTF-8: drop up to three trailing bytes.
  const candidates = isWholeFile ? [head] : [0, 1, 2, 3].map((cut) => head.subarray(0, Math.max(0, head.length - cut)));
  for (const candidate of candidates) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(candidate);
      return 'utf-8';
    } catch {
      // try the next cut
    }
  }
  return 'windows-1252';
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code < 9 || (code > 13 && code < 32)) control += 1;
  }
  return control / sample.length > 0.01;
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Records of the head with their physical line numbers. A record whose quoted field runs on over line
 * breaks (an unclosed quote) would swallow the rest of the head: it is left out and reading resumes on
 * the line after the one where the field opens, so one broken line cannot decide the delimiter. The
 * import itself refuses such a file (see csv-records.ts), naming that line.
 */
export function parseHeadRecords(text: string, delimiter: string, limit: number): HeadRecord[] {
  const records: HeadRecord[] = [];
  let offset = 0;
  let line = 1;
  while (offset < text.length && records.length < limit) {
    const part = text.slice(offset);
    let resumeAt = -1;
    let recordStart = 0;
    Papa.parse<string[]>(part, {
      delimiter,
      step(results, parser) {
        const cells = results.data;
        const start = recordStart;
        recordStart = results.meta.cursor;
        if (results.errors.length > 0) {
          const runsOn = runOnField(line, cells, results.errors.map((e) => e.code as string));
          if (runsOn) {
            // Skip to the line after the one where the broken field opens.
            let at = start;
            for (let l = line; l <= runsOn.openLine; l += 1) {
              const lineFeed = part.indexOf('\n', at);
              if (lineFeed < 0) {
                at = part.length;
                break;
              }
              at = lineFeed + 1;
            }
            resumeAt = at;
            line = runsOn.openLine + 1;
            parser.abort();
            return;
          }
        }
        records.push(results.errors.length > 0 ? { line, cells, quoteError: true } : { line, cells });
        line += 1;
        for (const cell of cells) if (cell.includes('\n')) line += cell.split('\n').length - 1;
        if (records.length >= limit) parser.abort();
      },
    });
    if (resumeAt < 0) break;
    offset += resumeAt;
  }
  return records;
}

/** How many records (with more than one field, quotes intact) share the most common width. */
function scoreDelimiter(records: HeadRecord[]): number {
  const frequency = new Map<number, number>();
  for (const record of records) {
    if (record.quoteError || record.cells.length <= 1) continue;
    frequency.set(record.cells.length, (frequency.get(record.cells.length) ?? 0) + 1);
  }
  return Math.max(0, ...frequency.values());
}

/**
 * The row (of the first 40) that names most fields: a name as the field lists it counts 1, an
 * abbreviation or a name among extra words ¾, so a title line that happens to hold two words of a
 * header ("Bedrag per kostenplaats") does not beat the header itself.
 */
function findHeader(records: HeadRecord[], fields: FieldSpec[], forcedLine?: number): HeadRecord | null {
  if (forcedLine) return records.find((r) => r.line === forcedLine) ?? null;
  const matcher = new HeaderMatcher(fields);
  let best: { record: HeadRecord; score: number } | null = null;
  for (const record of records.slice(0, HEADER_SEARCH_RECORDS)) {
    const bestPerField: Array<number | null> = fields.map(() => null);
    for (const cell of record.cells) {
      if (cell.trim() === '' || cell.length > 80) continue;
      matcher.qualities(cell).forEach((quality, f) => {
        if (quality !== null && (bestPerField[f] === null || quality < bestPerField[f]!)) bestPerField[f] = quality;
      });
    }
    const score = bestPerField.reduce<number>((sum, quality) => sum + (quality === null ? 0 : quality < 2 ? 1 : 0.75), 0);
    if (score >= 2 && (!best || score > best.score)) best = { record, score };
  }
  if (best) return best.record;
  // No known column names: take the first full-width row so the user can map the columns by hand.
  const widths = records.filter((r) => !isBlank(r.cells)).map((r) => r.cells.length);
  const widest = Math.max(0, ...widths);
  return records.find((r) => r.cells.length === widest && widest > 1) ?? null;
}

export function decodeHead(head: Buffer, encoding: TextEncodingName): string {
  return new TextDecoder(encoding).decode(head);
}

/**
 * Decides format, encoding, delimiter and header line from the head of the file, and the decimal
 * mark from the values below the header. Each can be overridden by the user or a remembered profile.
 */
export async function sniff(source: ImportSource, fields: FieldSpec[], overrides: DialectOverrides = {}, layouts: WideLayout[] = []): Promise<Sniffed> {
  if (source.size === 0) throw new ApiError('file_unreadable', `${source.fileName} is leeg; er is niets te importeren.`);
  const head = source.head(HEAD_BYTES);
  const binary = detectBinaryFormat(head, source.fileName);
  if (binary === 'xlsx') {
    const records = await readXlsxHead(source, HEADER_SEARCH_RECORDS + 200);
    const found = located(records, fields, overrides, layouts);
    if (!found) throw new ApiError('file_unreadable', `In ${source.fileName} staat geen tabel met kolomkoppen op het eerste werkblad.`);
    const { header, ...rest } = found;
    return {
      dialect: { format: 'xlsx', encoding: 'xlsx', delimiter: null, headerLine: header.line, decimalMark: overrides.decimalMark ?? ',', dateOrder: overrides.dateOrder ?? 'dmy' },
      ...rest,
    };
  }
  const isWholeFile = head.length >= source.size;
  const encoding = overrides.encoding ?? detectEncoding(head, isWholeFile, source.fileName);
  let text = decodeHead(head, encoding);
  if (looksBinary(text)) {
    // Text whose every other byte is zero but that did not pass for UTF-16 above (a mix of scripts, say).
    const maybeUtf16 = encoding !== 'utf-16le' && zerosOnOneSide(head);
    throw new ApiError(
      'file_unreadable',
      maybeUtf16
        ? `${source.fileName} is geen tekst in UTF-8 of Windows-1252; het is misschien tekst in UTF-16 (veel nul-bytes). Open het in Excel of Kladblok en sla het op als CSV UTF-8 (puntkomma-gescheiden); er is niets geïmporteerd.`
        : `${source.fileName} is geen tekstbestand (CSV) en geen Excel-bestand (.xlsx); het lijkt een binair bestand met een andere extensie.`,
    );
  }
  if (!isWholeFile) {
    // Keep only whole lines; the last one may be cut off.
    const lastBreak = text.lastIndexOf('\n');
    if (lastBreak > 0) text = text.slice(0, lastBreak + 1);
  }
  const parsed = new Map<string, HeadRecord[]>();
  for (const delimiter of DELIMITERS) parsed.set(delimiter, parseHeadRecords(text, delimiter, HEADER_SEARCH_RECORDS + 200));
  const delimiter = overrides.delimiter ?? DELIMITERS.reduce((best, d) => (scoreDelimiter(parsed.get(d)!) > scoreDelimiter(parsed.get(best)!) ? d : best), DELIMITERS[0]);
  const records = parsed.get(delimiter)!;
  const found = located(records, fields, overrides, layouts);
  if (!found) {
    throw new ApiError('file_unreadable', `In ${source.fileName} is geen kopregel met kolomnamen gevonden (scheidingsteken "${delimiter === '\t' ? 'tab' : delimiter}"). Is het een CSV-export met een kopregel?`);
  }
  const { header, ...rest } = found;
  return {
    dialect: { format: 'csv', encoding, delimiter, headerLine: header.line, decimalMark: overrides.decimalMark ?? ',', dateOrder: overrides.dateOrder ?? 'dmy' },
    ...rest,
  };
}

export { normaliseHeader };
