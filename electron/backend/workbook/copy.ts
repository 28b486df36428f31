import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import { isWriteRefused } from '../db/lock.ts';
import { APPLICATION_ID } from './backup.ts';
import { openReadOnly } from './file.ts';

/**
 * A copy of a workbook the user may read but not write (a read-only folder or file), so they can go on
 * working: made through SQLite (`VACUUM INTO`, a consistent snapshot, never a half-copied file) under a
 * temporary name and renamed when whole. An existing file is never overwritten. Without a target the bytes
 * are returned (the browser preview offers them as a download). The copy is checked like any workbook when
 * it is opened.
 */
export function copyWorkbookFile(from: string, target: string | null): { name: string; path: string | null; bytes: Buffer | null } {
  if (target && fs.existsSync(target)) {
    throw new ApiError('workbook_exists', `Er bestaat al een bestand ${target}. Kies een andere naam voor de kopie; het bestaande bestand is niet gewijzigd.`);
  }
  if (target && path.resolve(target) === path.resolve(from)) throw new ApiError('invalid_input', 'Kies een andere plaats voor de kopie dan het werkboek zelf.');
  let source;
  try {
    source = openReadOnly(from);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('file_unreadable', `${path.basename(from)} kan niet worden gelezen: ${(error as Error).message}`);
  }
  const name = target ? path.basename(target) : path.basename(from);
  const partial = target ? `${target}.partial` : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'werkboek-kopie-')), name);
  try {
    if (source.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      throw new ApiError('not_a_workbook', `${path.basename(from)} is geen Werkboek-bestand; er is geen kopie gemaakt.`);
    }
    fs.rmSync(partial, { force: true });
    source.prepare('VACUUM INTO ?').run(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (isWriteRefused(error) || (error as { code?: string }).code === 'SQLITE_CANTOPEN') {
      throw new ApiError('read_only', `In de map ${path.dirname(partial)} mag Werkboek ook niet schrijven. Kies een andere map voor de kopie.`);
    }
    throw error;
  } finally {
    source.close();
  }
  if (!target) {
    const bytes = fs.readFileSync(partial);
    fs.rmSync(path.dirname(partial), { recursive: true, force: true });
    return { name, path: null, bytes };
  }
  fs.renameSync(partial, target);
  return { name, path: path.resolve(target), bytes: null };
}
