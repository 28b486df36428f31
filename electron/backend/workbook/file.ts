import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import type { CostCentre, WorkbookKind } from '../../../shared/domain/workbook/types.ts';
import { APP_VERSION } from '../../../shared/version.ts';
import { openSqlite, openSqliteCopy } from '../db/database.ts';
import { acquireWorkbookLock, isWriteRefused, readOnlyFolderError, type HeldLock, type LockIdentity } from '../db/lock.ts';
import { describeDifferences, schemaDifferences } from '../db/schema-check.ts';
import { LATEST_SCHEMA_VERSION, migrations } from '../db/migrations/index.ts';
import type { Migration } from '../db/migrations/types.ts';
import { APPLICATION_ID, backupOnOpen, createBackup, rotateBackups, WORKBOOK_EXTENSION } from './backup.ts';
import { workbookSettingsDefaults, workbookSettingsShape } from '../../../shared/domain/workbook/settings.ts';
import { currentActor, nowIso, Workbook } from './workbook.ts';
import type Database from 'better-sqlite3';

export { APPLICATION_ID, backupFolderFor, WORKBOOK_EXTENSION } from './backup.ts';
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface CreateWorkbookInput {
  kind: WorkbookKind;
  organisation: string;
  departmentCode?: string | null;
  departmentName?: string | null;
  fiscalYear: number;
  owner: string;
  costCentres?: CostCentre[];
}

export interface OpenResult {
  workbook: Workbook;
  migratedFrom: number | null;
  /** The backup made before a migration. */
  backupPath: string | null;
  integrityChecked: boolean;
  /** The automatic backup made on open, if the workbook changed since its newest backup. */
  openBackupPath: string | null;
  /** Non-blocking problems while opening, in Dutch (e.g. the automatic backup failed). */
  warnings: string[];
}

export interface OpenOptions {
  readOnly?: boolean;
  holder?: string;
  /** A lock this process already holds for the file (a restore keeps it while it replaces the contents). */
  lock?: HeldLock;
  /** No automatic backup on this open (right after a restore, whose safety copy is the backup). */
  skipOpenBackup?: boolean;
  /** The lock the user saw and chose to take over (see db/lock.ts). */
  takeOver?: LockIdentity;
}

const SYNCED_FOLDER = /(onedrive|dropbox|google ?drive|icloud|sharepoint|nextcloud|owncloud)/i;

export function syncedFolderWarning(filePath: string): string | null {
  if (!SYNCED_FOLDER.test(path.resolve(filePath))) return null;
  return 'Dit werkboek staat in een map die door een cloudprogramma (zoals OneDrive) wordt gesynchroniseerd. Een geopend werkboek kan daardoor beschadigd raken. Bewaar het werkboek liever lokaal en maak reservekopieën naar de gedeelde map.';
}

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // FULL: a committed import survives a power cut too; the cost is one fsync per commit, which users never notice.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB page cache: large imports and sorted ledger pages touch big indexes; memory stays bounded.
  sqlite.pragma('cache_size = -65536');
}

/**
 * All pending migrations, the new user_version and the audit row in one transaction: a crash leaves
 * the old schema or the new one, never a mix, and never a migration without its audit row.
 */
export function runMigrations(sqlite: Database.Database, from: number, options: { list?: readonly Migration[]; note?: string } = {}): void {
  const list = options.list ?? migrations;
  const pending = list.filter((m) => m.version > from);
  const target = list[list.length - 1].version;
  sqlite.transaction(() => {
    for (const migration of pending) sqlite.exec(migration.sql);
    sqlite.pragma(`user_version = ${target}`);
    // audit_log is part of schema version 1 and never changes shape, so raw SQL is safe here.
    sqlite
      .prepare('INSERT INTO audit_log (at, actor, action, table_name, row_id, old_json, new_json, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(nowIso(), currentActor(), 'migrate', 'workbook_meta', '1', JSON.stringify({ schemaVersion: from }), JSON.stringify({ schemaVersion: target }), options.note ?? null);
  }).immediate();
}

/** The backupsToKeep setting, read straight from the file (it is needed before the Workbook exists). */
export function backupsToKeep(sqlite: Database.Database): number {
  try {
    const row = sqlite.prepare("SELECT value_json FROM setting WHERE key = 'backupsToKeep'").get() as { value_json: string } | undefined;
    if (!row) return workbookSettingsDefaults.backupsToKeep;
    const parsed = workbookSettingsShape.backupsToKeep.safeParse(JSON.parse(row.value_json));
    return parsed.success ? parsed.data : workbookSettingsDefaults.backupsToKeep;
  } catch {
    return workbookSettingsDefaults.backupsToKeep;
  }
}

/** Reads the 100-byte SQLite header without opening the file, so a foreign file is never touched. */
function inspectHeader(filePath: string): { applicationId: number; userVersion: number } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw new ApiError('not_found', `Het bestand ${filePath} bestaat niet.`);
  }
  if (stat.isDirectory()) throw new ApiError('not_a_workbook', `${filePath} is een map, geen werkboek.`);
  if (stat.size === 0) throw new ApiError('not_a_workbook', `Het bestand ${filePath} is leeg; het is geen werkboek.`);
  const header = Buffer.alloc(100);
  const fd = fs.openSync(filePath, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw new ApiError('not_a_workbook', `Het bestand ${path.basename(filePath)} is geen Werkboek-bestand (het is geen SQLite-database). Het bestand is niet gewijzigd.`);
  }
  return { userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
}

/**
 * A workbook must have exactly the schema the migrations make for its version, before anything runs on
 * it: a trigger added outside Werkboek fires on every change the user makes (one that multiplies ledger
 * amounts, or deletes audit rows), and a view in a table's place shows what its author wants. Such a file
 * is refused, saying what differs, and left untouched.
 */
function assertWorkbookSchema(sqlite: Database.Database, filePath: string, userVersion: number): void {
  const differences = schemaDifferences(sqlite, userVersion);
  if (differences.length === 0) return;
  throw new ApiError(
    'workbook_corrupt',
    `Het werkboek ${path.basename(filePath)} is buiten Werkboek gewijzigd: het wijkt af van een werkboek met schemaversie ${userVersion} (${describeDifferences(differences)}). ` +
      'Zulke wijzigingen kunnen bij elke bewerking gegevens veranderen of wissen, daarom wordt het niet geopend. Het bestand is niet gewijzigd. Herstel een reservekopie, of laat uw IT-afdeling het bestand onderzoeken.',
    { schemaDifferences: differences },
  );
}

export function createWorkbookFile(filePath: string, input: CreateWorkbookInput): Workbook {
  if (fs.existsSync(filePath)) {
    throw new ApiError('workbook_exists', `Er bestaat al een bestand ${filePath}. Kies een andere naam; het bestaande bestand is niet gewijzigd.`);
  }
  try {
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
  } catch (error) {
    if (isWriteRefused(error)) throw new ApiError('read_only', `In de map ${path.dirname(filePath)} mag Werkboek niet schrijven. Kies een andere map voor het nieuwe werkboek.`);
    throw error;
  }
  let lock: HeldLock;
  try {
    lock = acquireWorkbookLock(filePath, 'Werkboek');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'read_only') {
      throw new ApiError('read_only', `De map ${path.dirname(filePath)} is alleen-lezen: Werkboek mag daar geen werkboek maken. Kies een andere map voor het nieuwe werkboek.`);
    }
    throw error;
  }
  let sqlite: Database.Database | undefined;
  try {
    sqlite = openSqlite(filePath);
    applyPragmas(sqlite);
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    const db = sqlite;
    db.transaction(() => {
      for (const migration of migrations) db.exec(migration.sql);
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
      const now = nowIso();
      db.prepare(
        `INSERT INTO workbook_meta (id, workbook_id, kind, organisation, department_code, department_name, fiscal_year, owner, created_at, created_by_app, updated_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(crypto.randomUUID(), input.kind, input.organisation, input.departmentCode ?? null, input.departmentName ?? null, input.fiscalYear, input.owner, now, APP_VERSION, now);
      db.prepare('INSERT INTO workbook_year (year, opened_at, opened_by) VALUES (?, ?, ?)').run(input.fiscalYear, now, input.owner);
      const insertCc = db.prepare('INSERT INTO cost_centre (code, name, taakveld, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)');
      for (const cc of input.costCentres ?? []) insertCc.run(cc.code, cc.name, cc.taakveld, now, now);
    }).immediate();
    const workbook = new Workbook(sqlite, filePath, false, lock);
    workbook.tx(() =>
      workbook.audit({ action: 'insert', table: 'workbook_meta', rowId: 1, new: { ...input }, note: 'Werkboek aangemaakt' }),
    );
    return workbook;
  } catch (error) {
    sqlite?.close();
    lock.release();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(filePath + suffix, { force: true });
    throw error;
  }
}

export function openWorkbookFile(filePath: string, options: OpenOptions = {}): OpenResult {
  const header = inspectHeader(filePath);
  const hasWal = fs.existsSync(`${filePath}-wal`);
  // The header can be stale while a WAL file holds newer pages; then ask SQLite itself, read-only.
  let { applicationId, userVersion } = header;
  if (hasWal || applicationId !== APPLICATION_ID) {
    const probe = openSqlite(filePath, { readonly: true, fileMustExist: true });
    try {
      applicationId = probe.pragma('application_id', { simple: true }) as number;
      userVersion = probe.pragma('user_version', { simple: true }) as number;
    } catch {
      throw new ApiError('workbook_corrupt', `Het bestand ${path.basename(filePath)} is beschadigd en kan niet worden gelezen. Het bestand is niet gewijzigd; herstel een reservekopie.`);
    } finally {
      probe.close();
    }
  }
  if (applicationId !== APPLICATION_ID) {
    throw new ApiError('not_a_workbook', `Het bestand ${path.basename(filePath)} is een SQLite-database, maar geen Werkboek-bestand. Het bestand is niet gewijzigd.`);
  }
  if (userVersion > LATEST_SCHEMA_VERSION) {
    throw new ApiError(
      'workbook_too_new',
      `Het werkboek ${path.basename(filePath)} is gemaakt met een nieuwere versie van Werkboek (schemaversie ${userVersion}; deze versie kent tot ${LATEST_SCHEMA_VERSION}). Werk Werkboek bij om het te openen. Het bestand is niet gewijzigd.`,
      { schemaVersion: userVersion, supported: LATEST_SCHEMA_VERSION },
    );
  }
  if (userVersion < 1) {
    throw new ApiError('not_a_workbook', `Het bestand ${path.basename(filePath)} is geen volledig Werkboek-bestand (geen schema). Het bestand is niet gewijzigd.`);
  }

  const readOnly = options.readOnly === true;
  if (readOnly && userVersion < LATEST_SCHEMA_VERSION) {
    throw new ApiError('read_only', `Het werkboek ${path.basename(filePath)} moet eerst worden bijgewerkt naar de nieuwe schemaversie; dat kan niet alleen-lezen.`);
  }
  if (!readOnly && !options.lock) assertWritable(filePath);
  const lock = readOnly ? null : (options.lock ?? acquireWorkbookLock(filePath, options.holder ?? 'Werkboek', { takeOver: options.takeOver }));
  let sqlite: Database.Database | undefined;
  try {
    sqlite = readOnly ? openReadOnly(filePath) : openSqlite(filePath, { fileMustExist: true });
    if (!readOnly) applyPragmas(sqlite);
    else sqlite.pragma('foreign_keys = ON');
    let integrityChecked = false;
    if (lock?.previousSessionCrashed) {
      // Checking costs a full read of the file, so only after a session that did not close cleanly.
      const result = sqlite.pragma('integrity_check', { simple: true });
      integrityChecked = true;
      if (result !== 'ok') {
        throw new ApiError('workbook_corrupt', `Het werkboek ${path.basename(filePath)} is beschadigd (${String(result)}). Herstel een reservekopie.`);
      }
    }
    assertWorkbookSchema(sqlite, filePath, userVersion);
    let backupPath: string | null = null;
    let migratedFrom: number | null = null;
    const warnings: string[] = [];
    if (userVersion < LATEST_SCHEMA_VERSION) {
      // No migration without a good backup: a failed backup refuses the open and leaves the file as it was.
      const backup = createBackup(sqlite, filePath, 'voor-migratie', { fromSchema: userVersion });
      backupPath = backup.path;
      migratedFrom = userVersion;
      runMigrations(sqlite, userVersion, { note: `Reservekopie: ${backup.path}` });
      rotateBackups(filePath, backupsToKeep(sqlite), [backup.path]);
    }
    const workbook = new Workbook(sqlite, filePath, readOnly, lock);
    let openBackupPath: string | null = null;
    if (!readOnly && migratedFrom === null && !options.skipOpenBackup) {
      try {
        openBackupPath = backupOnOpen(sqlite, filePath, backupsToKeep(sqlite))?.path ?? null;
      } catch (error) {
        warnings.push(`${(error as Error).message} Controleer de schijfruimte; als de melding over beschadiging gaat, herstel dan een eerdere reservekopie.`);
      }
    }
    return { workbook, migratedFrom, backupPath, integrityChecked, openBackupPath, warnings };
  } catch (error) {
    sqlite?.close();
    lock?.release();
    if (error instanceof ApiError) throw error;
    if (isWriteRefused(error) || (error as { code?: string }).code?.startsWith('SQLITE_READONLY')) throw readOnlyFolderError(filePath);
    throw new ApiError('workbook_corrupt', `Het werkboek ${path.basename(filePath)} kon niet worden geopend: ${(error as Error).message}`);
  }
}

/**
 * Opening for writing needs the folder (lock, WAL, backups) and the file to be writable. Saying so before
 * anything is tried gives the user the reason and the way out, not "EACCES" and a stack trace.
 */
function assertWritable(filePath: string): void {
  for (const target of [path.dirname(filePath), filePath]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      if (!isWriteRefused(error)) continue;
      if (target === filePath) {
        throw new ApiError(
          'read_only',
          `Het bestand ${path.basename(filePath)} is alleen-lezen: Werkboek mag het niet wijzigen. Open het alleen-lezen, of sla een kopie op en werk daarin verder.`,
          { readOnlyFile: filePath, canSaveCopy: true },
        );
      }
      throw readOnlyFolderError(filePath);
    }
  }
}

/**
 * Read-only. SQLite reads a WAL workbook through a shared-memory file beside it, which it cannot make in a
 * folder where we may not write; the workbook, closed cleanly (no -wal file), is then read from a copy in
 * memory, which nothing writes back.
 */
export function openReadOnly(filePath: string): Database.Database {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = openSqlite(filePath, { readonly: true, fileMustExist: true });
    // SQLite opens lazily: the first read is where it finds it cannot make the shared-memory file.
    sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
    return sqlite;
  } catch (error) {
    sqlite?.close();
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_READONLY') && code !== 'SQLITE_CANTOPEN') throw error;
    if (fs.existsSync(`${filePath}-wal`)) {
      throw new ApiError(
        'read_only',
        `${path.basename(filePath)} is niet netjes gesloten en staat in een map waar Werkboek niet mag schrijven, dus ook alleen-lezen is het niet te openen. Kopieer het werkboek samen met ${path.basename(filePath)}-wal naar een map waar u wel mag schrijven, en open het daar.`,
      );
    }
    const bytes = fs.readFileSync(filePath);
    // A deserialized copy cannot use WAL (bytes 18 and 19 of the header say which journal the file uses).
    bytes[18] = 1;
    bytes[19] = 1;
    return openSqliteCopy(bytes);
  }
}
