import type Database from 'better-sqlite3';
import { openSqlite } from './database.ts';
import { migrations } from './migrations/index.ts';

/**
 * The schema a workbook must have: exactly what the shipped migrations make for its schema version.
 * integrity_check reads the structure, not the meaning: a trigger added outside Werkboek (one that
 * multiplies every ledger amount, or deletes audit rows) or a view put in a table's place passes it, and
 * would then act on every change the user makes. So a workbook (on open) and a backup (on restore) are
 * compared with the schema the migrations make, replayed in memory, and refused when they differ.
 */

interface SchemaEntry {
  type: string;
  name: string;
  table: string;
  sql: string | null;
}

interface Schema {
  entries: Map<string, SchemaEntry>;
  /** Column names per table, in order. */
  columns: Map<string, string[]>;
}

function normalise(sql: string | null): string | null {
  return sql?.replace(/\s+/g, ' ').trim() ?? null;
}

function readSchema(db: Database.Database): Schema {
  // Statistics tables come and go with PRAGMA optimize; they are not part of the schema.
  const rows = db.prepare("SELECT type, name, tbl_name AS \"table\", sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name").all() as SchemaEntry[];
  const entries = new Map(rows.map((row) => [row.name, { ...row, sql: normalise(row.sql) }]));
  const columns = new Map<string, string[]>();
  for (const row of rows) {
    if (row.type !== 'table' && row.type !== 'view') continue;
    const info = db.prepare('SELECT name FROM pragma_table_xinfo(?)').all(row.name) as Array<{ name: string }>;
    columns.set(row.name, info.map((c) => c.name));
  }
  return { entries, columns };
}

const expected = new Map<number, Schema>();

/** The schema a workbook of this version has: the shipped migrations up to it, replayed in memory. */
function expectedSchema(version: number): Schema {
  let schema = expected.get(version);
  if (!schema) {
    const db = openSqlite(':memory:');
    try {
      for (const migration of migrations.filter((m) => m.version <= version)) db.exec(migration.sql);
      schema = readSchema(db);
    } finally {
      db.close();
    }
    expected.set(version, schema);
  }
  return schema;
}

const KIND: Record<string, string> = { table: 'tabel', index: 'index', trigger: 'trigger', view: 'view' };
const kind = (type: string) => KIND[type] ?? type;

function on(entry: SchemaEntry): string {
  return entry.type === 'trigger' || entry.type === 'index' ? ` op ${entry.table}` : '';
}

function columnDifferences(table: string, actual: string[], wanted: string[]): string[] {
  const extra = actual.filter((c) => !wanted.includes(c));
  const missing = wanted.filter((c) => !actual.includes(c));
  const found: string[] = [];
  if (extra.length > 0) found.push(`tabel ${table} heeft ${extra.length === 1 ? 'een extra kolom' : 'extra kolommen'} ${extra.join(', ')}`);
  if (missing.length > 0) found.push(`in tabel ${table} ${missing.length === 1 ? 'ontbreekt kolom' : 'ontbreken de kolommen'} ${missing.join(', ')}`);
  return found;
}

/** What differs between a database's schema and that of a workbook of `version`, in Dutch; empty when none. */
export function schemaDifferences(db: Database.Database, version: number): string[] {
  if (!migrations.some((m) => m.version === version)) return [`schemaversie ${version} bestaat niet`];
  const actual = readSchema(db);
  const wanted = expectedSchema(version);
  const found: string[] = [];
  for (const [name, entry] of actual.entries) {
    const want = wanted.entries.get(name);
    if (!want) {
      found.push(`extra ${kind(entry.type)} ${name}${on(entry)}`);
    } else if (want.type !== entry.type) {
      found.push(`${name} is een ${kind(entry.type)} in plaats van een ${kind(want.type)}`);
    } else if (want.sql !== entry.sql || want.table !== entry.table) {
      const columns = entry.type === 'table' ? columnDifferences(name, actual.columns.get(name) ?? [], wanted.columns.get(name) ?? []) : [];
      found.push(...(columns.length > 0 ? columns : [`de definitie van ${kind(entry.type)} ${name}${on(entry)} wijkt af`]));
    }
  }
  for (const [name, want] of wanted.entries) {
    if (!actual.entries.has(name)) found.push(`${kind(want.type)} ${name}${on(want)} ontbreekt`);
  }
  return found;
}

/** A list of differences as one Dutch sentence part, the first few in full. */
export function describeDifferences(found: string[], shown = 6): string {
  const listed = found.slice(0, shown).join('; ');
  return found.length > shown ? `${listed}; en nog ${found.length - shown} verschil(len)` : listed;
}
