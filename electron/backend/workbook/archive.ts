import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.ts';
import type { ArchiveResult } from '../../../shared/domain/workbook/types.ts';
import { csvCellText } from '../../../shared/format/spreadsheet-cell.ts';
import { APP_VERSION } from '../../../shared/version.ts';
import { openSqlite } from '../db/database.ts';
import { WORKBOOK_EXTENSION } from './backup.ts';
import type { Workbook } from './workbook.ts';

/**
 * The archive export: the whole workbook in open formats, for the records office (archiefwet) and for
 * anyone without Werkboek. One ZIP with
 *   LEESMIJ.txt      what every file is (Dutch and English)
 *   tabellen/*.csv   every table, UTF-8 with BOM, ";" separated, one header row; *_cents columns also as euros
 *   schema.sql       the table definitions
 *   werkboek.sqlite  the database itself (SQLite 3 is an archival format in its own right)
 *   metadata.json    workbook, export moment, per file its rows, columns and SHA-256
 * All files come from one snapshot (a VACUUM INTO copy), so they agree with each other.
 */

const DESCRIPTIONS: Record<string, string> = {
  workbook_meta: 'het werkboek zelf: soort, organisatie, afdeling, boekjaar, eigenaar / the workbook itself',
  setting: 'instellingen (sleutel → JSON-waarde) / settings',
  cost_centre: 'kostenplaatsen van de afdeling / cost centres',
  audit_log: 'logboek van elke wijziging: wie, wanneer, tabel, regel, oud → nieuw (JSON) / audit log of every change',
  import_profile: 'onthouden kolomtoewijzingen per bronbestand / remembered import mappings',
  import_batch: 'elke import: bestand, SHA-256, aantallen / every import',
  budget_line: 'begrotingsregels per jaar × kostenplaats × grootboekrekening / budget lines',
  budget_revision: 'begrotingswijzigingen / budget amendments',
  commitment: 'verplichtingen (bestellingen, contracten) / commitments',
  ledger_line: 'grootboekmutaties (realisatie) / ledger transactions',
  ledger_month: 'realisatie per begrotingsregel en boekingsmaand (afgeleid van de grootboekmutaties) / actuals per budget line and month',
  closed_year: 'afgesloten boekjaren / closed fiscal years',
  employee: 'medewerkers / employees',
  employee_terms: 'arbeidsvoorwaarden van medewerkers vanaf een datum / employment terms',
};

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  // The LEESMIJ says these files open in Excel: text that Excel would run as a formula gets an apostrophe.
  const text = csvCellText(String(value));
  return /[;"\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function euros(cents: unknown): string {
  if (typeof cents !== 'number' && typeof cents !== 'bigint') return '';
  const n = BigInt(cents);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  return `${negative ? '-' : ''}${abs / 100n},${String(abs % 100n).padStart(2, '0')}`;
}

interface ArchivedFile {
  name: string;
  sha256: string;
  bytes: number;
  rows?: number;
  columns?: string[];
  description: string;
}

/** A ZIP written entry by entry to a file descriptor: memory stays flat for a workbook of any size. */
class ZipWriter {
  private readonly zip: Zip;
  private error: Error | null = null;
  readonly files: ArchivedFile[] = [];

  constructor(private readonly fd: number) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.error = error;
      else fs.writeSync(this.fd, chunk);
    });
  }

  /** Adds one file; `write` pushes its content in pieces through the given function. */
  add(name: string, description: string, write: (push: (data: string | Uint8Array) => void) => { rows?: number; columns?: string[] } | void): void {
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const flush = () => {
      if (pendingBytes === 0) return;
      const joined = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      entry.push(joined);
    };
    const push = (data: string | Uint8Array) => {
      const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      hash.update(chunk);
      bytes += chunk.length;
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= 1 << 20) flush();
    };
    const info = write(push) ?? {};
    flush();
    entry.push(new Uint8Array(0), true);
    if (this.error) throw this.error;
    this.files.push({ name, sha256: hash.digest('hex'), bytes, description, ...info });
  }

  end(): void {
    this.zip.end();
    if (this.error) throw this.error;
  }
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
}

function writeTable(db: Database.Database, table: string, push: (data: string) => void): { rows: number; columns: string[] } {
  const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);
  const header: string[] = [];
  for (const column of columns) {
    header.push(column);
    if (column.endsWith('_cents')) header.push(`${column.slice(0, -'_cents'.length)}_euro`);
  }
  push(`\uFEFF${header.map(csvValue).join(';')}\r\n`);
  let rows = 0;
  const statement = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw(true).safeIntegers(true);
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    const cells: string[] = [];
    row.forEach((value, i) => {
      cells.push(csvValue(value));
      if (columns[i].endsWith('_cents')) cells.push(euros(value));
    });
    push(`${cells.join(';')}\r\n`);
    rows += 1;
  }
  return { rows, columns: header };
}

function readme(wb: Workbook, tables: ArchivedFile[]): string {
  const meta = wb.meta;
  const lines = [
    `Archief van werkboek ${path.basename(wb.path)}`,
    `${meta.organisation} · ${meta.department_code ?? meta.kind} ${meta.department_name ?? ''} · boekjaar ${meta.fiscal_year}`,
    `Gemaakt op ${new Date().toISOString()} met Werkboek ${APP_VERSION}.`,
    '',
    'NEDERLANDS',
    'Dit archief bevat het hele werkboek in open formaten, leesbaar zonder Werkboek:',
    '- tabellen/<tabel>.csv: elke tabel. Tekst in UTF-8 (met BOM, zodat Excel het goed opent), velden',
    '  gescheiden door een puntkomma, de eerste regel noemt de kolommen, regeleinden CRLF. Datums staan',
    '  als JJJJ-MM-DD, tijdstippen als ISO 8601 in UTC. Bedragen staan in hele centen (kolommen *_cents)',
    '  en daarnaast in euro met een decimale komma (kolommen *_euro). Lege velden zijn leeg (NULL).',
    "  Tekst die begint met =, +, -, @, een tab of een regelterugloop krijgt een apostrof (') ervoor,",
    '  zodat Excel haar niet als formule uitvoert (bijvoorbeeld =HYPERLINK(...) uit een ingevoerde',
    '  omschrijving); getallen houden hun teken. In werkboek.sqlite staat de tekst zonder apostrof.',
    '- tabellen/audit_log.csv: het logboek: elke wijziging met tijdstip, gebruiker, actie, tabel, regel,',
    '  de oude en de nieuwe waarde (als JSON) en een toelichting.',
    '- schema.sql: de definitie van alle tabellen (SQL).',
    '- werkboek.sqlite: de database zelf (SQLite 3), dezelfde gegevens als de CSV-bestanden.',
    '- metadata.json: gegevens over het werkboek en per bestand het aantal regels, de kolommen en de',
    '  SHA-256-controlesom, zodat te controleren is dat het archief ongewijzigd is.',
    '',
    'ENGLISH',
    'This archive holds the whole workbook in open formats: every table as CSV (UTF-8 with BOM,',
    'semicolon-separated, header row, ISO dates, amounts in cents and in euros with a decimal comma),',
    'the audit log, the table definitions (schema.sql), the SQLite 3 database itself, and metadata.json',
    'with row counts, columns and SHA-256 checksums of every file. Text starting with =, +, -, @, tab or',
    "carriage return has an apostrophe (') in front in the CSV files, so Excel does not run it as a",
    'formula; numbers keep their sign. werkboek.sqlite holds the text without the apostrophe.',
    '',
    'Tabellen / tables:',
    ...tables.map((t) => `- ${t.name} (${t.rows} regels): ${t.description}`),
    '',
  ];
  return lines.join('\r\n');
}

export function archiveFileName(wb: Workbook, now = new Date()): string {
  return `${path.basename(wb.path, WORKBOOK_EXTENSION)}-archief-${now.toISOString().slice(0, 10)}.zip`;
}

/** Writes the archive ZIP to `target` (atomically: a temporary name, then a rename). */
export function writeArchive(wb: Workbook, target: string): ArchiveResult {
  // The path comes from a save dialog; whatever asks, this method writes ZIP files only, never over another kind of file.
  if (path.extname(target).toLowerCase() !== '.zip') throw new ApiError('invalid_input', `Een archief is een ZIP-bestand; kies een naam die eindigt op .zip (niet ${path.basename(target)}).`);
  const folder = path.dirname(target);
  if (!fs.existsSync(folder)) throw new ApiError('not_found', `De map ${folder} bestaat niet.`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'werkboek-archief-'));
  const snapshotFile = path.join(work, 'werkboek.sqlite');
  const partial = `${target}.partial`;
  let fd: number | undefined;
  try {
    wb.sqlite.prepare('VACUUM INTO ?').run(snapshotFile);
    const snapshot = openSqlite(snapshotFile, { readonly: true, fileMustExist: true });
    let tables: ArchivedFile[] = [];
    fd = fs.openSync(partial, 'w');
    const zip = new ZipWriter(fd);
    try {
      for (const table of tableNames(snapshot)) {
        zip.add(`tabellen/${table}.csv`, DESCRIPTIONS[table] ?? 'zie schema.sql / see schema.sql', (push) => writeTable(snapshot, table, push));
      }
      tables = zip.files.map((f) => ({ ...f, name: path.basename(f.name, '.csv') }));
      const schema = (snapshot.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name").all() as Array<{ sql: string }>)
        .map((r) => `${r.sql.trim()};`)
        .join('\n\n');
      zip.add('schema.sql', 'tabeldefinities / table definitions', (push) => push(`${schema}\n`));
      zip.add('LEESMIJ.txt', 'uitleg / read me', (push) => push(readme(wb, tables)));
    } finally {
      snapshot.close();
    }
    zip.add('werkboek.sqlite', 'de database (SQLite 3) / the database', (push) => {
      const source = fs.openSync(snapshotFile, 'r');
      const buffer = Buffer.alloc(1 << 20);
      try {
        for (let read = fs.readSync(source, buffer); read > 0; read = fs.readSync(source, buffer)) push(Buffer.from(buffer.subarray(0, read)));
      } finally {
        fs.closeSync(source);
      }
    });
    const metadata = {
      format: 'werkboek-archief',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      createdBy: wb.actor,
      appVersion: APP_VERSION,
      workbook: { ...wb.meta, file: path.basename(wb.path) },
      schemaVersion: wb.sqlite.pragma('user_version', { simple: true }),
      files: zip.files,
    };
    zip.add('metadata.json', 'metadata', (push) => push(`${JSON.stringify(metadata, null, 2)}\n`));
    zip.end();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(partial, target);
    return { path: target, fileName: path.basename(target), contentBase64: null, sizeBytes: fs.statSync(target).size, tables: tables.map((t) => ({ name: t.name, rows: t.rows ?? 0 })) };
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
    if (error instanceof ApiError) throw error;
    throw new ApiError('internal', `Het archief ${path.basename(target)} kon niet worden gemaakt: ${(error as Error).message}. Er is niets weggeschreven.`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** For the browser preview, which cannot write to a chosen folder: the ZIP's bytes. */
export function archiveAsBase64(wb: Workbook): ArchiveResult {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'werkboek-archief-'));
  try {
    const target = path.join(work, archiveFileName(wb));
    const result = writeArchive(wb, target);
    return { ...result, path: null, contentBase64: fs.readFileSync(target).toString('base64') };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
