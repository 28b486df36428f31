import fc from 'fast-check';
import fs from 'node:fs';
import Papa from 'papaparse';
import { expect } from 'vitest';
import { ApiError } from '../../shared/api/errors.ts';
import type { FieldSpec, ImportPreview, ImportResult } from '../../shared/import/types.ts';
import { getImporter } from '../../electron/backend/import/registry.ts';
import { autoMap } from '../../electron/backend/import/mapping.ts';
import { registerAreas } from '../../electron/backend/areas.ts';
import { fingerprint } from '../reliability/harness/fingerprint.ts';
import { DEFAULT_COST_CENTRES, defaultFuzzWorkbook, fixture, type ImporterFuzzTarget } from './importer-targets.ts';

/** Values every parser must refuse, per field type: a row with one of them in one cell is rejected on that column. */
const CERTAINLY_INVALID: Record<string, string[]> = {
  amount: ['abc', '12,34,56', '--5', '€€', '12a', '1e5', '0,005', '99999999999999999999'],
  date: ['32-13-2027', 'gisteren', '2027-02-30', '29-02-2027', '1-1-27'],
  integer: ['12a', '1,5', 'x', '7 8'],
  decimal: ['abc', '1,2,3', '--1'],
  percent: ['abc', '1,2,3'],
};

/** Odd values an export may really contain: any outcome is fine, as long as it is a clean one. */
const ODD: Record<string, string[]> = {
  amount: ['(100,00)', '1.234', '1,234.56', ' 12 ', '+5', '€ 1.234,56', '-0,00', '1 234,56', '12.345.678,90', ''],
  date: ['31/12/2027', '2027-12-31', '20271231', '1-1-2027', '31.12.2027', ' 01-02-2027 ', ''],
  integer: [' 7', '007', '-1', '99999999999', '0', ''],
  decimal: ['1,5', '1.5', '-0,25', ''],
  percent: ['5%', '5,5 %', ''],
  text: ['', ' ', '"', 'a;b', 'regel\nnieuw', 'tab\there', 'Zoë “aanhalingstekens”', 'x'.repeat(5000), '\u200f\u05e9\u05dc\u05d5\u05dd', '=SUM(A1)', 'OR01', 'or01 ', 'ZZ99'],
};

export interface SampleTable {
  delimiter: string;
  header: string[];
  rows: string[][];
  fieldOfColumn: Array<FieldSpec | undefined>;
  /** The sample's first lines as bytes (with BOM), for byte-level mutation. */
  headBytes: Buffer;
}

export function loadSample(target: ImporterFuzzTarget): SampleTable {
  registerAreas();
  const importer = getImporter(target.kind);
  const bytes = fs.readFileSync(fixture(target.sample));
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true });
  // The header is the first record that names every required field (a salary table has a title above it).
  const required = importer.fields.filter((f) => f.required).map((f) => f.key);
  const headerIndex = parsed.data.findIndex((record) => {
    const mapping = autoMap(importer.fields, record);
    return required.every((key) => mapping[key]);
  });
  expect(headerIndex, `no header in ${target.sample}`).toBeGreaterThanOrEqual(0);
  const [header, ...rows] = parsed.data.slice(headerIndex);
  const mapping = autoMap(importer.fields, header);
  const fieldOfColumn = header.map((column) => importer.fields.find((f) => mapping[f.key] === column));
  const lines = bytes.toString('latin1').split('\n');
  const headBytes = Buffer.from(lines.slice(0, 25).join('\n') + '\n', 'latin1');
  return { delimiter: ';', header, rows, fieldOfColumn, headBytes };
}

function csvCell(value: string, delimiter: string): string {
  return /["\n\r]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface GeneratedFile {
  bytes: Buffer;
  encoding: string;
  /** Physical line (1-based) → the column that must be named when that line is rejected. */
  expectedRejections: Map<number, string>;
  /**
   * Physical lines of another department's rows holding a value every parser refuses: such a row is
   * counted as not the department's, never rejected (it is not hers to fix).
   */
  othersWithInvalidValue: Set<number>;
  lineCount: number;
}

function encode(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le'): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from(`\uFEFF${text}`, 'utf8');
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  // windows-1252: characters outside it become "?", as Excel does when saving.
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '€') out.push(0x80);
    else if (code < 256) out.push(code);
    else out.push(0x3f);
  }
  return Buffer.from(out);
}

/** Whether a sample row is the department's: its cost centre is one of the workbook's (or the file has none). */
export function ownRow(target: ImporterFuzzTarget, table: SampleTable, cells: string[]): boolean {
  const column = table.fieldOfColumn.findIndex((field) => field?.key === 'costCentre');
  return column < 0 || (target.costCentres ?? DEFAULT_COST_CENTRES).includes((cells[column] ?? '').trim().toUpperCase());
}

/**
 * A file of 1–12 rows taken from the sample (each at most once), in which some cells are replaced:
 * by a value every parser must refuse (that row must then be rejected on that column), or by an odd
 * value (any clean outcome), in one of four encodings.
 */
export function generatedFileArbitrary(table: SampleTable, target: ImporterFuzzTarget): fc.Arbitrary<GeneratedFile> {
  const typed = table.fieldOfColumn.map((field) => (field && field.type !== 'text' && !target.unreadFields?.includes(field.key) ? field.type : null));
  const checkedText = table.fieldOfColumn.map((field) => field !== undefined && (target.checkedTextFields ?? []).includes(field.key));
  const cellChange = fc.oneof(
    { weight: 3, arbitrary: fc.constant<null>(null) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('invalid' as const), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('odd' as const), pick: fc.nat() }) },
  );
  const rowSpec = fc.record({ rowIndex: fc.nat({ max: table.rows.length - 1 }), column: fc.nat({ max: table.header.length - 1 }), change: cellChange, second: fc.option(fc.record({ column: fc.nat({ max: table.header.length - 1 }), value: fc.constantFrom(...ODD.text) })) });
  return fc
    .record({
      rows: fc.uniqueArray(rowSpec, { minLength: 1, maxLength: 12, selector: (r) => r.rowIndex }),
      encoding: fc.constantFrom('utf-8' as const, 'utf-8-bom' as const, 'windows-1252' as const, 'utf-16le' as const),
      lineEnd: fc.constantFrom('\n', '\r\n'),
      titleLines: fc.nat({ max: 2 }),
    })
    .map(({ rows, encoding, lineEnd, titleLines }) => {
      const lines: string[] = [];
      for (let i = 0; i < titleLines; i += 1) lines.push(i === 0 ? 'Export grootboek Gemeente Voorbeeld' : '');
      lines.push(table.header.map((c) => csvCell(c, table.delimiter)).join(table.delimiter));
      const expectedRejections = new Map<number, string>();
      const othersWithInvalidValue = new Set<number>();
      let physicalLine = lines.length + 1;
      for (const spec of rows) {
        const cells = [...table.rows[spec.rowIndex]];
        let expectColumn: string | null = null;
        const type = typed[spec.column];
        if (spec.change?.kind === 'invalid' && type) {
          const pool = CERTAINLY_INVALID[type] ?? [];
          if (pool.length > 0) {
            cells[spec.column] = pool[spec.change.pick % pool.length];
            expectColumn = table.header[spec.column];
          }
        } else if (spec.change?.kind === 'odd') {
          const pool = ODD[type ?? 'text'];
          cells[spec.column] = pool[spec.change.pick % pool.length];
        }
        // A second oddity in an optional text column: may not change which column is blamed.
        const secondField = spec.second ? table.fieldOfColumn[spec.second.column] : undefined;
        if (spec.second && typed[spec.second.column] === null && !secondField?.required && !checkedText[spec.second.column] && spec.second.column !== spec.column) cells[spec.second.column] = spec.second.value;
        const line = cells.map((c) => csvCell(c, table.delimiter)).join(table.delimiter);
        if (expectColumn && !/\n/.test(line) && cells.some((c, i) => i !== spec.column && c.trim() !== '')) {
          if (ownRow(target, table, cells)) expectedRejections.set(physicalLine, expectColumn);
          else othersWithInvalidValue.add(physicalLine);
        }
        lines.push(line);
        physicalLine += 1 + (line.match(/\n/g)?.length ?? 0);
      }
      const text = lines.join(lineEnd) + lineEnd;
      return { bytes: encode(text, encoding), encoding, expectedRejections, othersWithInvalidValue, lineCount: physicalLine - 1 };
    });
}

const MUTATIONS = ['delete', 'insert', 'replace', 'duplicate-line', 'drop-line', 'truncate', 'quote', 'delimiter', 'newline', 'nul', 'swap-lines'] as const;

/** The sample's head with 1–5 byte-level mutations: what a damaged, hand-edited or cut-off export looks like. */
export function mutatedFileArbitrary(table: SampleTable): fc.Arbitrary<{ bytes: Buffer; mutations: string[] }> {
  const mutation = fc.record({ kind: fc.constantFrom(...MUTATIONS), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) });
  return fc.array(mutation, { minLength: 1, maxLength: 5 }).map((list) => {
    let bytes = Buffer.from(table.headBytes);
    const applied: string[] = [];
    for (const m of list) {
      const at = bytes.length === 0 ? 0 : m.at % bytes.length;
      const lines = bytes.toString('latin1').split('\n');
      const lineIndex = lines.length > 1 ? 1 + (m.at % (lines.length - 1)) : 0;
      switch (m.kind) {
        case 'delete':
          bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
          break;
        case 'insert':
          bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
          break;
        case 'replace':
          bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at + m.bytes.length)]);
          break;
        case 'duplicate-line':
          lines.splice(lineIndex, 0, lines[lineIndex]);
          bytes = Buffer.from(lines.join('\n'), 'latin1');
          break;
        case 'drop-line':
          lines.splice(lineIndex, 1);
          bytes = Buffer.from(lines.join('\n'), 'latin1');
          break;
        case 'swap-lines': {
          const other = lines.length > 1 ? m.length % lines.length : 0;
          [lines[lineIndex], lines[other]] = [lines[other], lines[lineIndex]];
          bytes = Buffer.from(lines.join('\n'), 'latin1');
          break;
        }
        case 'truncate':
          bytes = bytes.subarray(0, at);
          break;
        case 'quote':
        case 'delimiter':
        case 'newline':
        case 'nul': {
          const insert = { quote: '"', delimiter: ';', newline: '\n', nul: '\0' }[m.kind];
          bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(insert, 'latin1'), bytes.subarray(at)]);
          break;
        }
      }
      applied.push(`${m.kind}@${at}`);
    }
    return { bytes, mutations: applied };
  });
}

const PREVIEW_ROWS = 200;

export interface FuzzWorkbook {
  run(bytes: Buffer, strict: boolean): Promise<{ preview: ImportPreview | ApiError; commit: ImportResult | ApiError }>;
  close(): void;
}

function rowCount(db: import('better-sqlite3').Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

function physicalLines(bytes: Buffer): number {
  // Any encoding we read: count line feeds in every decoding, take the largest (UTF-16 has 0x0A 0x00).
  let count = 0;
  for (const byte of bytes) if (byte === 0x0a) count += 1;
  return count + 1;
}

/**
 * One workbook that takes many inputs: each goes through preview and commit via the real API
 * client, and the invariants are checked on the database itself after each.
 */
export async function fuzzWorkbook(target: ImporterFuzzTarget): Promise<FuzzWorkbook> {
  const { client, session } = await (target.workbook ?? defaultFuzzWorkbook)();
  const db = () => session.workbook!.sqlite;
  const asResult = async <T>(promise: Promise<T>): Promise<T | ApiError> => {
    try {
      return await promise;
    } catch (error) {
      // The client turns every backend answer into a result or an ApiError; anything else is an unhandled exception.
      expect(error, `not a typed error: ${String(error)}`).toBeInstanceOf(ApiError);
      return error as ApiError;
    }
  };
  const checkError = (error: ApiError) => {
    expect(error.code, error.message).not.toBe('internal');
    expect(error.message.length).toBeGreaterThan(10);
  };
  return {
    async run(bytes, strict) {
      const source = { name: 'fuzz.csv', contentBase64: bytes.toString('base64') };
      const before = fingerprint(db());
      const countBefore = rowCount(db(), target.table);
      // Enough preview rows to list every row of these small files: the per-row outcomes are checked too.
      const preview = await asResult(client.import.preview({ kind: target.kind, source, previewRows: PREVIEW_ROWS }));
      expect(fingerprint(db()), 'a preview wrote to the workbook').toEqual(before);
      const commit = await asResult(client.import.commit({ kind: target.kind, source, strict }));
      const lines = physicalLines(bytes);
      if (commit instanceof ApiError) {
        checkError(commit);
        expect(fingerprint(db()), `refused (${commit.code}: ${commit.message}) but the workbook changed`).toEqual(before);
        if (commit.code === 'import_rejected' || commit.code === 'file_unreadable') expect(commit.message).toContain('fuzz.csv');
      } else {
        if (strict) expect(commit.rejectedCount).toBe(0);
        expect(rowCount(db(), target.table) - countBefore, 'rows written ≠ rows reported as imported').toBe(target.written ? target.written(commit) : commit.imported);
        expect(commit.rejectedCount).toBe(commit.rejected.length);
        // A rejected row is reported once, however many of its values are wrong.
        expect(new Set(commit.rejected.map((r) => r.line)).size, JSON.stringify(commit.rejected)).toBe(commit.rejected.length);
        for (const issue of commit.rejected) {
          expect(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= lines, `line ${issue.line} of ${lines}`).toBe(true);
          expect(issue.reason.length).toBeGreaterThan(3);
          if (issue.column !== undefined) expect(commit.mapping ? Object.values(commit.mapping) : []).toContain(issue.column);
        }
      }
      if (preview instanceof ApiError) {
        checkError(preview);
        // Whatever the preview refuses, the import refuses too (same file, same workbook state).
        expect(commit).toBeInstanceOf(ApiError);
      } else {
        // Every data row has exactly one outcome.
        expect(preview.imported + preview.duplicates + preview.updated + preview.outsideDepartment + preview.unregistered + preview.rejectedCount, 'rows without an outcome, or with two').toBe(preview.totalRows);
        expect(preview.unregisteredCostCentres.reduce((sum, c) => sum + c.rows, 0)).toBe(preview.unregistered);
        if (!(commit instanceof ApiError)) {
          // The preview promises exactly what the import does.
          expect({ imported: commit.imported, duplicates: commit.duplicates, updated: commit.updated, outside: commit.outsideDepartment, unregistered: commit.unregistered, rejected: commit.rejectedCount, extra: commit.extra }).toEqual({
            imported: preview.imported,
            duplicates: preview.duplicates,
            updated: preview.updated,
            outside: preview.outsideDepartment,
            unregistered: preview.unregistered,
            rejected: preview.rejectedCount,
            extra: preview.extra,
          });
          target.check?.(db(), preview, commit);
        }
      }
      return { preview, commit };
    },
    close: () => session.close(),
  };
}

/** Runs per property: FUZZ_RUNS overrides (e.g. 10000 for a long night run). */
export function fuzzRuns(standard: number): number {
  const fromEnv = Number(process.env.WERKBOEK_FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : standard;
}

export function fuzzSeed(): number | undefined {
  const fromEnv = Number(process.env.WERKBOEK_FUZZ_SEED);
  return Number.isInteger(fromEnv) ? fromEnv : undefined;
}
