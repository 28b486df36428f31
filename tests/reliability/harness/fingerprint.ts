import type Database from 'better-sqlite3';
import crypto from 'node:crypto';

/** Columns that hold the wall-clock time of a write: equal contents written at another moment differ only there. */
const VOLATILE = new Set(['at', 'created_at', 'updated_at', 'imported_at']);

/**
 * A digest per table of every row (in rowid order) except wall-clock columns, so "nothing changed"
 * and "exactly this change happened" can be compared with one `toEqual`. SQLite's own tables
 * (sqlite_stat1 from PRAGMA optimize) are left out: they are statistics, not data.
 */
export function fingerprint(db: Database.Database, options: { ignoreColumns?: Record<string, string[]>; upTo?: Record<string, number> } = {}): Record<string, string> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
  const result: Record<string, string> = {};
  for (const table of tables) {
    const ignored = new Set(options.ignoreColumns?.[table] ?? []);
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name).filter((c) => !VOLATILE.has(c) && !ignored.has(c));
    const hash = crypto.createHash('sha256');
    let rows = 0;
    // upTo: only the rows that existed at some earlier moment (rowid at most that table's highest then).
    const limit = options.upTo ? (options.upTo[table] ?? 0) : null;
    const select = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"${limit === null ? '' : ' WHERE rowid <= ?'} ORDER BY rowid`).raw(true);
    for (const row of (limit === null ? select.iterate() : select.iterate(limit)) as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row));
      rows += 1;
    }
    result[table] = `${rows}:${hash.digest('hex').slice(0, 16)}`;
  }
  return result;
}

/** The highest rowid of every table: with `fingerprint(db, { upTo })` later, whether the rows that existed then are unchanged. */
export function highestRowids(db: Database.Database): Record<string, number> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM "${t}"`).get() as { n: number }).n]));
}
