import fs from 'node:fs';
import os from 'node:os';
import { ApiError } from '../../../shared/api/errors.ts';

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  holder: string;
}

export interface HeldLock {
  /** True when an earlier session left its lock behind: it did not close cleanly. */
  previousSessionCrashed: boolean;
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * One writer per workbook, across windows, the CLI and other processes: a lock file beside the
 * workbook. SQLite's own locks would only make the second writer wait; this one lets us say who holds it.
 */
export function acquireWorkbookLock(workbookPath: string, holder: string): HeldLock {
  const lockPath = `${workbookPath}.lock`;
  let previousSessionCrashed = false;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const info: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), holder };
    try {
      fs.writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      return {
        previousSessionCrashed,
        release() {
          if (released) return;
          released = true;
          const current = readLock(lockPath);
          if (current && current.pid === process.pid && current.hostname === os.hostname()) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const existing = readLock(lockPath);
      const sameHost = existing?.hostname === os.hostname();
      if (existing && sameHost && existing.pid !== process.pid && processAlive(existing.pid)) {
        throw new ApiError(
          'workbook_locked',
          `Het werkboek ${workbookPath} is al geopend door ${existing.holder} (proces ${existing.pid}) sinds ${existing.startedAt}. Sluit het daar eerst, of open het alleen-lezen.`,
          { lock: existing },
        );
      }
      if (existing && !sameHost) {
        throw new ApiError(
          'workbook_locked',
          `Het werkboek ${workbookPath} is geopend op computer ${existing.hostname} door ${existing.holder}. Sluit het daar eerst, of open het alleen-lezen.`,
          { lock: existing },
        );
      }
      if (existing && existing.pid === process.pid && sameHost) {
        throw new ApiError('workbook_locked', `Het werkboek ${workbookPath} is in dit venster of proces al geopend.`, { lock: existing });
      }
      // A lock whose process is gone: the previous session ended without closing.
      previousSessionCrashed = true;
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new ApiError('workbook_locked', `Het werkboek ${workbookPath} kon niet worden vergrendeld.`);
}
