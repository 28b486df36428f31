import type { Language } from './words.ts';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors.ts';
import type { AvailableWorkbook, SavedCopy, WorkbookInfo } from '../../shared/domain/workbook/types.ts';
import type { LockIdentity } from './db/lock.ts';
import { formatDateTime } from '../../shared/format/nl.ts';
import { copyWorkbookFile } from './workbook/copy.ts';
import { LATEST_SCHEMA_VERSION } from './db/migrations/index.ts';
import { defaultWorkbookFolder } from './data-dir.ts';
import type { KeyProtector } from './exchange/key-protector.ts';
import type { ProgressListener } from './progress.ts';
import { runWorkbookCreatedHooks } from './workbook/lifecycle.ts';
import { createWorkbookFile, openWorkbookFile, syncedFolderWarning, WORKBOOK_EXTENSION, type CreateWorkbookInput, type OpenResult } from './workbook/file.ts';
import { restoreWorkbook, type Restored } from './workbook/restore.ts';
import { RecentWorkbooks } from './workbook/recent.ts';
import type { Workbook } from './workbook/workbook.ts';

interface LastOpen {
  migratedFrom: number | null;
  backupPath: string | null;
  openBackupPath: string | null;
  warnings: string[];
}

const NOTHING_OPENED: LastOpen = { migratedFrom: null, backupPath: null, openBackupPath: null, warnings: [] };

export interface SessionOptions {
  dataDir: string;
  /** Shown to another process that finds the workbook locked, e.g. "Werkboek (venster)" or "werkboek-cli". */
  holder: string;
  onProgress?: ProgressListener;
  /** The CLI does not add its files to the app's recent list. */
  rememberRecent?: boolean;
  /**
   * Protects department signing keys at rest. Default: a key file in the data folder (shared by the CLI
   * and the app of the same user); the desktop app supplies Electron safeStorage where the OS has a key store.
   */
  keyProtector?: KeyProtector;
}

/**
 * One user's open workbook (one per window, or one per preview host). All calls of a session run
 * one after another, so an import never interleaves with an edit.
 */
export class Session {
  private current: Workbook | null = null;
  private lastOpen: LastOpen = NOTHING_OPENED;
  private createProblems: string[] = [];
  readonly recent: RecentWorkbooks;
  private queue: Promise<unknown> = Promise.resolve();
  /** The language of the window (workbook.setLanguage): what the backend writes for people follows it. */
  language: Language = 'nl';

  constructor(readonly options: SessionOptions) {
    this.recent = new RecentWorkbooks(options.dataDir);
  }

  get workbook(): Workbook | null {
    return this.current;
  }

  requireWorkbook(): Workbook {
    if (!this.current) throw new ApiError('no_workbook', 'Er is geen werkboek geopend. Open of maak eerst een werkboek.');
    return this.current;
  }

  /** Runs calls strictly in order: the write queue. */
  enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  defaultFolder(): string {
    return defaultWorkbookFolder(this.options.dataDir);
  }

  defaultPathFor(name: string): string {
    const slug = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
    return path.join(this.defaultFolder(), `${slug || 'werkboek'}${WORKBOOK_EXTENSION}`);
  }

  /** A workbook in the data folder by its file name (the browser preview's way to name a workbook). */
  dataFolderPath(fileName: string): string {
    const name = path.basename(fileName);
    if (name !== fileName || !name.endsWith(WORKBOOK_EXTENSION)) throw new ApiError('invalid_input', `"${fileName}" is geen naam van een werkboek in de gegevensmap.`);
    return path.join(this.defaultFolder(), name);
  }

  /** A workbook of the recent list: only a path that list holds (it was opened here before, so the user chose it). */
  recentPath(filePath: string): string {
    const entry = this.recent.list().find((r) => r.path === path.resolve(filePath));
    if (!entry) throw new ApiError('not_found', `${path.basename(filePath)} staat niet (meer) in de lijst van recente werkboeken. Kies het werkboek opnieuw.`);
    return entry.path;
  }

  /** The workbooks in the data folder's workbook folder, newest first. */
  availableWorkbooks(): AvailableWorkbook[] {
    const folder = this.defaultFolder();
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      return [];
    }
    const found: AvailableWorkbook[] = [];
    for (const name of names.filter((n) => n.endsWith(WORKBOOK_EXTENSION))) {
      try {
        const stat = fs.statSync(path.join(folder, name));
        if (stat.isFile()) found.push({ name, path: path.join(folder, name), modifiedAt: stat.mtime.toISOString(), sizeBytes: stat.size });
      } catch {
        // Removed while listing.
      }
    }
    return found.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
  }

  create(filePath: string, input: CreateWorkbookInput): WorkbookInfo {
    this.close();
    this.current = createWorkbookFile(path.resolve(filePath), input);
    this.lastOpen = NOTHING_OPENED;
    this.createProblems = runWorkbookCreatedHooks(this.current, this);
    if (this.options.rememberRecent !== false) this.recent.remember(this.current.path, this.title());
    return this.info()!;
  }

  open(filePath: string, readOnly = false, takeOver?: LockIdentity): WorkbookInfo {
    const absolute = path.resolve(filePath);
    if (this.current && path.resolve(this.current.path) === absolute && this.current.readOnly === readOnly) return this.info()!;
    const result = openWorkbookFile(absolute, { readOnly, holder: this.options.holder, takeOver });
    this.close();
    this.adopt(result);
    if (takeOver && result.integrityChecked) {
      this.lastOpen.warnings.push(
        `U heeft het werkboek overgenomen van computer ${takeOver.hostname} (daar geopend sinds ${formatDateTime(takeOver.startedAt)}). Het is eerst gecontroleerd op beschadiging en is in orde.`,
      );
    }
    this.createProblems = [];
    if (this.options.rememberRecent !== false) this.recent.remember(absolute, this.title());
    return this.info()!;
  }

  /**
   * A copy of a workbook the user may not write, saved where they chose and opened in its place (the
   * original stays as it was); without a target, its bytes for a download.
   */
  saveCopy(from: string, target: string | null): SavedCopy {
    const copy = copyWorkbookFile(path.resolve(from), target);
    if (!copy.path) return { name: copy.name, path: null, contentBase64: copy.bytes!.toString('base64'), info: null };
    try {
      this.open(copy.path);
    } catch (error) {
      // A copy that does not open (a foreign schema, a newer version) is of no use to anyone.
      for (const suffix of ['', '-wal', '-shm', '.lock']) fs.rmSync(copy.path + suffix, { force: true });
      throw error;
    }
    const wb = this.requireWorkbook();
    wb.tx(() => wb.audit({ action: 'backup', table: 'workbook_meta', rowId: 1, new: { copyOf: path.resolve(from) }, note: `Kopie van ${from}, gemaakt omdat daar niet geschreven kon worden` }));
    return { name: copy.name, path: copy.path, contentBase64: null, info: this.info() };
  }

  private adopt(result: OpenResult): void {
    this.current = result.workbook;
    this.lastOpen = { migratedFrom: result.migratedFrom, backupPath: result.backupPath, openBackupPath: result.openBackupPath, warnings: result.warnings };
  }

  /** Replaces the open workbook's contents with a backup of it (see workbook/restore.ts). */
  async restore(source: string): Promise<Restored> {
    const wb = this.requireWorkbook();
    wb.requireWritable();
    this.current = null;
    try {
      return await restoreWorkbook(wb, source, this.options.holder, (result) => this.adopt(result));
    } catch (error) {
      // Checks that failed before anything was closed leave the workbook open as it was.
      if (!this.current && !wb.isClosed) this.current = wb;
      throw error;
    }
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }

  private title(): string {
    const meta = this.requireWorkbook().meta;
    if (meta.kind === 'department') return `${meta.department_code} ${meta.department_name ?? ''} (${meta.organisation})`.trim();
    return `${meta.kind === 'central-hr' ? 'Centraal HR' : 'Centraal Financiën'} (${meta.organisation})`;
  }

  info(): WorkbookInfo | null {
    const wb = this.current;
    if (!wb) return null;
    const meta = wb.meta;
    const warnings: string[] = [];
    const synced = syncedFolderWarning(wb.path);
    if (synced) warnings.push(synced);
    warnings.push(...this.createProblems);
    warnings.push(...this.lastOpen.warnings);
    if (this.lastOpen.migratedFrom !== null) {
      warnings.push(`Het werkboek is bijgewerkt van schemaversie ${this.lastOpen.migratedFrom} naar ${LATEST_SCHEMA_VERSION}; de reservekopie van vóór het bijwerken staat in ${this.lastOpen.backupPath}.`);
    }
    return {
      path: wb.path,
      workbookId: meta.workbook_id,
      kind: meta.kind,
      organisation: meta.organisation,
      departmentCode: meta.department_code,
      departmentName: meta.department_name,
      fiscalYear: meta.fiscal_year,
      owner: meta.owner,
      createdAt: meta.created_at,
      schemaVersion: LATEST_SCHEMA_VERSION,
      readOnly: wb.readOnly,
      warnings,
      migratedFrom: this.lastOpen.migratedFrom,
      backupPath: this.lastOpen.backupPath,
      openBackupPath: this.lastOpen.openBackupPath,
    };
  }
}
