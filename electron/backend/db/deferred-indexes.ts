import type Database from 'better-sqlite3';

/**
 * A large insert into a table that is empty or small beside it: its secondary indexes are dropped and
 * built again once the rows are in, which sorts each index once instead of updating it row by row at
 * random places (what a database expert does for a bulk load). Both happen inside the caller's
 * transaction, so a crash or a rollback at any moment leaves the indexes exactly as they were: SQLite
 * undoes the DROP INDEX with the rows. Indexes behind a UNIQUE or PRIMARY KEY constraint stay: they
 * keep the constraint checked on every row.
 *
 * The indexes are rebuilt from their own SQL text, so the schema after the import is the schema before.
 */
export class DeferredIndexes {
  private dropped: Array<{ name: string; sql: string }> = [];

  constructor(
    private readonly sqlite: Database.Database,
    private readonly table: string,
  ) {}

  get deferred(): boolean {
    return this.dropped.length > 0;
  }

  drop(): void {
    if (!this.sqlite.inTransaction) throw new Error('DeferredIndexes.drop outside a transaction');
    if (this.deferred) return;
    // sql IS NULL: an index SQLite made for a UNIQUE or PRIMARY KEY constraint; it cannot be dropped, and should not be.
    this.dropped = this.sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name")
      .all(this.table) as Array<{ name: string; sql: string }>;
    for (const index of this.dropped) this.sqlite.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  }

  restore(): void {
    if (!this.deferred) return;
    if (!this.sqlite.inTransaction) throw new Error('DeferredIndexes.restore outside a transaction');
    for (const index of this.dropped) this.sqlite.exec(index.sql);
    this.dropped = [];
  }
}
