import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import type { BackupEntry } from '../../../shared/domain/workbook/types.ts';
import { openSqlite } from '../db/database.ts';
import { checkWorkbookCopy, createBackup, rotateBackups } from './backup.ts';
import { backupsToKeep, openWorkbookFile, type OpenResult } from './file.ts';
import type { Workbook } from './workbook.ts';

export interface Restored {
  open: OpenResult;
  restoredFrom: string;
  safetyBackup: BackupEntry;
}

/**
 * Replaces the contents of an open workbook with a backup of it:
 * 1. the backup is checked (a whole, undamaged copy of this same workbook, not from a newer version);
 * 2. the current state is kept as a checked backup "voor-herstel";
 * 3. the database is closed, keeping the lock, and the backup is copied in with SQLite's online
 *    backup API (page by page, in one write transaction, through the WAL): never a file copy over a
 *    database that a read-only reader may still have open;
 * 4. the workbook is opened again (migrating an older backup, with its own backup first) and the
 *    restore is written to the audit log.
 * Until step 3 commits, the workbook is exactly as it was.
 */
export async function restoreWorkbook(wb: Workbook, source: string, holder: string, adopt: (open: OpenResult) => void): Promise<Restored> {
  if (path.resolve(source) === path.resolve(wb.path)) throw new ApiError('invalid_input', 'Kies een reservekopie, niet het werkboek zelf.');
  const checked = checkWorkbookCopy(source, { constraints: true });
  if (checked.workbookId !== wb.meta.workbook_id) {
    throw new ApiError(
      'conflict',
      `${path.basename(source)} is een reservekopie van een ander werkboek (${checked.workbookId ?? 'onbekend'}), niet van dit werkboek (${wb.meta.workbook_id}). Er is niets hersteld.`,
    );
  }
  const safetyBackup = createBackup(wb.sqlite, wb.path, 'voor-herstel');
  const keep = backupsToKeep(wb.sqlite);
  const filePath = wb.path;
  const lock = wb.closeKeepingLock();
  try {
    const src = openSqlite(source, { readonly: true, fileMustExist: true });
    try {
      await src.backup(filePath);
    } finally {
      src.close();
    }
  } catch (error) {
    // The online backup commits at its end or not at all: the workbook is as it was; keep it open.
    adopt(openWorkbookFile(filePath, { holder, lock: lock ?? undefined, skipOpenBackup: true }));
    throw new ApiError('internal', `Herstellen uit ${path.basename(source)} is mislukt: ${(error as Error).message}. Het werkboek is niet gewijzigd.`);
  }
  const open = openWorkbookFile(filePath, { holder, lock: lock ?? undefined, skipOpenBackup: true });
  adopt(open);
  const restored = open.workbook;
  restored.tx(() =>
    restored.audit({
      action: 'restore',
      table: 'workbook_meta',
      rowId: 1,
      new: { restoredFrom: path.basename(source), schemaVersionOfBackup: checked.userVersion },
      note: `Hersteld uit reservekopie ${source}; de toestand daarvoor staat in ${safetyBackup.path}`,
    }),
  );
  rotateBackups(filePath, keep, [safetyBackup.path, path.resolve(source)]);
  return { open, restoredFrom: source, safetyBackup };
}
