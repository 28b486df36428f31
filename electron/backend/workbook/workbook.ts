import { currentActor } from './actor.ts';
import type { WorkbookKind } from '../../../shared/domain/workbook/types.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { SqlRunner } from '../db/database.ts';
import type Database from 'better-sqlite3';
import type { HeldLock } from '../db/lock.ts';
import type { WorkbookMetaTable } from './tables.ts';

export type AuditAction = 'insert' | 'update' | 'delete' | 'restore' | 'import' | 'export' | 'settings' | 'purge' | 'migrate' | 'backup' | 'close-year' | 'reopen-year' | 'open-year';

export interface AuditInput {
  action: AuditAction;
  table: string;
  rowId?: string | number | null;
  old?: unknown;
  new?: unknown;
  note?: string;
}

export function nowIso(): string {
  return new Date().toISOString();
}

// Its own module, so the command line can name the user without loading SQLite.
export { currentActor };

/** An open workbook file: the SQL runner plus what every service needs to know about it. */
export class Workbook extends SqlRunner {
  readonly actor: string;
  meta: WorkbookMetaTable;
  private closed = false;

  constructor(
    sqlite: Database.Database,
    readonly path: string,
    readonly readOnly: boolean,
    private readonly lock: HeldLock | null,
    actor = currentActor(),
  ) {
    super(sqlite);
    this.actor = actor;
    this.meta = this.first(this.db.selectFrom('workbook_meta').selectAll()) as WorkbookMetaTable;
  }

  get kind(): WorkbookKind {
    return this.meta.kind;
  }

  requireWritable(): void {
    if (this.readOnly) throw new ApiError('read_only', 'Dit werkboek is alleen-lezen geopend; wijzigen kan niet.');
  }

  requireKind(...kinds: WorkbookKind[]): void {
    if (!kinds.includes(this.meta.kind)) {
      const names: Record<WorkbookKind, string> = { department: 'afdelingswerkboek', 'central-hr': 'centraal HR-werkboek', 'central-finance': 'centraal financieel werkboek' };
      throw new ApiError('forbidden', `Dit kan alleen in een ${kinds.map((k) => names[k]).join(' of ')}; dit is een ${names[this.meta.kind]}.`);
    }
  }

  /** Every mutation writes one audit row: who, when, which table and row, old → new. */
  audit(entry: AuditInput): void {
    // A prepared statement rather than a kysely insert: imports write an audit row per package or per
    // change, and building the query each time cost more than writing the row.
    this.statement('INSERT INTO audit_log (at, actor, action, table_name, row_id, old_json, new_json, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      nowIso(),
      this.actor,
      entry.action,
      entry.table,
      entry.rowId === undefined || entry.rowId === null ? null : String(entry.rowId),
      entry.old === undefined ? null : JSON.stringify(entry.old),
      entry.new === undefined ? null : JSON.stringify(entry.new),
      entry.note ?? null,
    );
  }

  getSetting<T>(key: string, fallback: T): T {
    const row = this.first(this.db.selectFrom('setting').select('value_json').where('key', '=', key));
    return row ? (JSON.parse(row.value_json) as T) : fallback;
  }

  setSetting(key: string, value: unknown): void {
    this.requireWritable();
    const old = this.first(this.db.selectFrom('setting').select('value_json').where('key', '=', key));
    const json = JSON.stringify(value);
    if (old?.value_json === json) return;
    this.run(
      this.db
        .insertInto('setting')
        .values({ key, value_json: json, updated_at: nowIso() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: json, updated_at: nowIso() })),
    );
    this.audit({ action: 'settings', table: 'setting', rowId: key, old: old ? JSON.parse(old.value_json) : null, new: value });
  }

  departmentCostCentres(): string[] {
    return this.all(this.db.selectFrom('cost_centre').select('code').where('active', '=', 1).orderBy('code')).map((r) => r.code);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Closes the database but hands over the lock instead of releasing it, so no other process can
   * open the file while its contents are replaced (restore). The caller must release it.
   */
  closeKeepingLock(): HeldLock | null {
    if (this.closed) throw new Error('Workbook already closed');
    this.closed = true;
    this.sqlite.close();
    return this.lock;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.readOnly) this.sqlite.pragma('optimize');
      this.sqlite.close();
    } finally {
      this.lock?.release();
    }
  }
}
