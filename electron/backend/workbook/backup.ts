import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.ts';
import type { BackupEntry, BackupKind } from '../../../shared/domain/workbook/types.ts';
import { openSqlite, openSqliteCopy } from '../db/database.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import { describeDifferences, schemaDifferences } from '../db/schema-check.ts';

/**
 * Backups of a workbook: consistent copies made through SQLite (`VACUUM INTO`, never a file copy of
 * a live database), each checked with `PRAGMA integrity_check` before it gets its final name. A file
 * in the backups folder with a backup's name is therefore a good backup; a copy that was interrupted
 * (a crash, a full disk) or failed its check only ever existed under a temporary name.
 */

export const WORKBOOK_EXTENSION = '.werkboek';
/** "WRKB": lets us recognise our files among all SQLite files. */
export const APPLICATION_ID = 0x57524b42;
export const DEFAULT_BACKUPS_TO_KEEP = 10;

const PARTIAL_SUFFIX = '.partial';
const KINDS: readonly BackupKind[] = ['automatisch', 'handmatig', 'voor-migratie', 'voor-herstel'];
// <workbook name>.<kind>[-v<schema>].<UTC time with milliseconds>.werkboek
const NAME_PATTERN = /^(.+)\.(automatisch|handmatig|voor-migratie|voor-herstel)(?:-v(\d+))?\.(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z(?:-(\d+))?\.werkboek$/;

export function backupFolderFor(workbookPath: string): string {
  return `${workbookPath}.backups`;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

export function parseBackupName(name: string): { kind: BackupKind; createdAt: string; fromSchema: number | null } | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, , kind, schema, y, mo, d, h, mi, s, ms] = match;
  return { kind: kind as BackupKind, createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`, fromSchema: schema ? Number(schema) : null };
}

/** Every good backup of a workbook, newest first. */
export function listBackups(workbookPath: string): BackupEntry[] {
  const folder = backupFolderFor(workbookPath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(folder, name);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      continue;
    }
    entries.push({ name, path: file, kind: parsed.kind, createdAt: parsed.createdAt, sizeBytes: size, fromSchemaVersion: parsed.fromSchema });
  }
  return entries.sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function syncFolder(folder: string): void {
  // Makes the rename durable on POSIX; Windows cannot open a folder this way and needs no such step.
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // best effort
  }
}

export interface CheckedFile {
  userVersion: number;
  workbookId: string | null;
  /** The highest audit-log id: every change writes an audit row, so equal ids mean equal contents. */
  lastAuditId: number;
}

/**
 * Opens a copy read-only and checks that it is a whole, undamaged workbook. Throws a Dutch ApiError
 * naming the file otherwise. Never writes to the file.
 *
 * SQLite's integrity_check verifies CHECK and NOT NULL constraints only on a connection that may write,
 * and this one may not. A file from elsewhere (a backup chosen for a restore) is therefore also checked
 * as a copy in memory, with `constraints`: a damaged byte inside a value can break a constraint and
 * nothing else. A copy Werkboek has just made of a workbook that enforces them skips that.
 */
export function checkWorkbookCopy(file: string, options: { constraints?: boolean } = {}): CheckedFile {
  const name = path.basename(file);
  let header: Buffer;
  try {
    header = Buffer.alloc(100);
    const fd = fs.openSync(file, 'r');
    try {
      const read = fs.readSync(fd, header, 0, 100, 0);
      if (read < 100) throw new ApiError('not_a_workbook', `${name} is geen reservekopie van een werkboek (het bestand is te kort).`);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('not_found', `De reservekopie ${file} bestaat niet of kan niet worden gelezen.`);
  }
  if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') {
    throw new ApiError('not_a_workbook', `${name} is geen reservekopie van een werkboek (het is geen SQLite-database).`);
  }
  if (fs.existsSync(`${file}-wal`)) {
    // A copy with its own WAL is a live database, not a backup; opening it would write to it.
    throw new ApiError('not_a_workbook', `${name} is in gebruik als werkboek (er staat een ${name}-wal naast); kies een reservekopie.`);
  }
  let db: Database.Database | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) throw new ApiError('not_a_workbook', `${name} is een SQLite-database, maar geen reservekopie van een werkboek.`);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new ApiError('workbook_corrupt', `De reservekopie ${name} is beschadigd (integrity_check: ${String(integrity)}).`);
    if (options.constraints) {
      const copy = openSqliteCopy(fs.readFileSync(file));
      try {
        const constraints = copy.pragma('integrity_check', { simple: true });
        if (constraints !== 'ok') throw new ApiError('workbook_corrupt', `De reservekopie ${name} is beschadigd (integrity_check: ${String(constraints)}).`);
      } finally {
        copy.close();
      }
    }
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    if (userVersion > LATEST_SCHEMA_VERSION) {
      throw new ApiError('workbook_too_new', `De reservekopie ${name} is gemaakt met een nieuwere versie van Werkboek (schemaversie ${userVersion}); werk Werkboek eerst bij.`);
    }
    if (userVersion < 1) throw new ApiError('not_a_workbook', `${name} is geen volledig werkboek (geen schema).`);
    // integrity_check reads the structure, not the meaning: a damaged or edited table definition passes it.
    const differences = schemaDifferences(db, userVersion);
    if (differences.length > 0) {
      throw new ApiError(
        'workbook_corrupt',
        `De reservekopie ${name} heeft niet de tabellen van een werkboek met schemaversie ${userVersion}; ze is beschadigd of buiten Werkboek gewijzigd (${describeDifferences(differences)}).`,
        { schemaDifferences: differences },
      );
    }
    const meta = db.prepare('SELECT workbook_id AS id FROM workbook_meta WHERE id = 1').get() as { id: string } | undefined;
    const audit = db.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as { id: number };
    return { userVersion, workbookId: meta?.id ?? null, lastAuditId: audit.id };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('workbook_corrupt', `De reservekopie ${name} kan niet worden gelezen: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

function removeLeftovers(folder: string): void {
  // Only the holder of the workbook's lock writes here, so a partial file is from an interrupted run.
  for (const name of fs.readdirSync(folder)) {
    if (name.endsWith(PARTIAL_SUFFIX)) fs.rmSync(path.join(folder, name), { force: true });
  }
}

/**
 * Writes a checked backup of an open workbook: VACUUM INTO a temporary name, switch the copy to a
 * self-contained rollback-journal file, integrity_check, fsync, then rename to its final name.
 */
export function createBackup(sqlite: Database.Database, workbookPath: string, kind: BackupKind, options: { fromSchema?: number; now?: Date } = {}): BackupEntry {
  if (!KINDS.includes(kind)) throw new ApiError('invalid_input', `Onbekende soort reservekopie "${kind}".`);
  const folder = backupFolderFor(workbookPath);
  fs.mkdirSync(folder, { recursive: true });
  removeLeftovers(folder);
  const base = path.basename(workbookPath, WORKBOOK_EXTENSION);
  const label = kind === 'voor-migratie' && options.fromSchema !== undefined ? `${kind}-v${options.fromSchema}` : kind;
  const when = stamp(options.now ?? new Date());
  let name = `${base}.${label}.${when}${WORKBOOK_EXTENSION}`;
  for (let n = 2; fs.existsSync(path.join(folder, name)); n += 1) name = `${base}.${label}.${when}-${n}${WORKBOOK_EXTENSION}`;
  const target = path.join(folder, name);
  const partial = `${target}${PARTIAL_SUFFIX}`;
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
    const copy = openSqlite(partial, { fileMustExist: true });
    try {
      // One file that can be copied and archived as it is, with no -wal beside it.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    checkWorkbookCopy(partial);
    syncFile(partial);
    fs.renameSync(partial, target);
    syncFolder(folder);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
    if (error instanceof ApiError) {
      throw new ApiError(error.code, `De reservekopie is niet gemaakt en niet bewaard: ${error.message}`, error.details);
    }
    throw new ApiError('internal', `De reservekopie van ${path.basename(workbookPath)} kon niet worden gemaakt: ${(error as Error).message}. Er is niets bewaard.`);
  }
  const parsed = parseBackupName(name)!;
  return { name, path: target, kind, createdAt: parsed.createdAt, sizeBytes: fs.statSync(target).size, fromSchemaVersion: parsed.fromSchema };
}

/**
 * Keeps the newest `keep` backups that Werkboek made by itself (on open, before a migration, before
 * a restore). Backups the user asked for are theirs: never deleted automatically.
 */
export function rotateBackups(workbookPath: string, keep: number, protect: string[] = []): string[] {
  const automatic = listBackups(workbookPath).filter((b) => b.kind !== 'handmatig');
  const removed: string[] = [];
  for (const backup of automatic.slice(Math.max(1, keep))) {
    if (protect.includes(backup.path)) continue;
    fs.rmSync(backup.path, { force: true });
    removed.push(backup.name);
  }
  return removed;
}

/** The last change recorded in the workbook (see CheckedFile.lastAuditId). */
export function lastAuditId(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as { id: number }).id;
}

/**
 * The automatic backup on open: only when the workbook changed since its newest backup, so that
 * opening the same workbook ten times a day does not push every older backup out of the rotation.
 */
export function backupOnOpen(sqlite: Database.Database, workbookPath: string, keep: number): BackupEntry | null {
  const newest = listBackups(workbookPath)[0];
  if (newest) {
    try {
      if (checkQuickMarker(newest.path) === lastAuditId(sqlite)) return null;
    } catch {
      // An unreadable newest backup is one more reason to make a fresh one.
    }
  }
  const entry = createBackup(sqlite, workbookPath, 'automatisch');
  rotateBackups(workbookPath, keep, [entry.path]);
  return entry;
}

/** The change marker of a backup without the full integrity check (that ran when it was made). */
function checkQuickMarker(file: string): number {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as { id: number }).id;
  } finally {
    db.close();
  }
}

/** A backup named in the list (by file name), or any file the user chose (by path). */
export function resolveBackupSource(workbookPath: string, source: { name: string } | { path: string }): string {
  if ('name' in source) {
    const folder = backupFolderFor(workbookPath);
    const name = path.basename(source.name);
    if (name !== source.name || !parseBackupName(name)) throw new ApiError('invalid_input', `"${source.name}" is geen naam van een reservekopie in ${folder}.`);
    const file = path.join(folder, name);
    if (!fs.existsSync(file)) throw new ApiError('not_found', `De reservekopie ${name} bestaat niet (meer) in ${folder}.`);
    return file;
  }
  return path.resolve(source.path);
}
