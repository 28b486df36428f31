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

/** A lock file whose content cannot be read and that is older than this is left over from a crash. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

function sameLock(a: LockInfo | null, b: LockInfo | null): boolean {
  return !!a && !!b && a.pid === b.pid && a.hostname === b.hostname && a.startedAt === b.startedAt;
}

/**
 * Creates the lock file with its whole content in one step: written under a private name, then
 * hard-linked to the lock name (fails if it exists). A reader never sees a half-written lock.
 * File systems without hard links fall back to an exclusive create.
 */
function createLockFile(lockPath: string, info: LockInfo): boolean {
  const content = JSON.stringify(info);
  const temp = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(temp, content, { flag: 'wx' });
  try {
    fs.linkSync(temp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx' });
      return true;
    } catch (fallbackError) {
      if ((fallbackError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** A breaker left by a process that died while breaking (a window of a millisecond) is ignored after this. */
const ABANDONED_BREAKER_MS = 30_000;

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes a lock left by a process that is gone, without ever removing a live one. Only the process
 * holding the breaker (a directory beside the lock: creating it succeeds for one process only) may
 * remove a lock, and it first checks that the lock is still the stale one it saw. A stale lock's owner
 * is dead and a new lock cannot be made while it exists, so nothing can replace it between that check
 * and the removal. (Renaming the lock away to check it afterwards, as this did before, left a moment
 * without a lock in which a third process could take one while the second put back the first's: two
 * writers.) Returns whether it removed the stale lock; false when another process is breaking it or
 * the lock changed, and the caller looks again.
 */
function removeStaleLock(lockPath: string, stale: LockInfo | null): boolean {
  const breaker = `${lockPath}.breaking`;
  try {
    fs.mkdirSync(breaker);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - fs.statSync(breaker).mtimeMs > ABANDONED_BREAKER_MS) fs.rmdirSync(breaker);
    } catch {
      // Gone already: the other process finished.
    }
    pause(5 + Math.random() * 10);
    return false;
  }
  try {
    const current = readLock(lockPath);
    const unchanged = stale === null ? current === null && fs.existsSync(lockPath) : sameLock(current, stale);
    if (!unchanged) return false;
    fs.rmSync(lockPath, { force: true });
    return true;
  } finally {
    fs.rmdirSync(breaker);
  }
}

/**
 * One writer per workbook, across windows, the CLI and other processes: a lock file beside the
 * workbook. SQLite's own locks would only make the second writer wait; this one lets us say who holds it.
 * (SQLite's locks stay underneath: even two writers could not corrupt the file, only wait for each other.)
 */
export function acquireWorkbookLock(workbookPath: string, holder: string): HeldLock {
  const lockPath = `${workbookPath}.lock`;
  let previousSessionCrashed = false;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const info: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), holder };
    if (createLockFile(lockPath, info)) {
      let released = false;
      return {
        previousSessionCrashed,
        release() {
          if (released) return;
          released = true;
          if (sameLock(readLock(lockPath), info)) fs.rmSync(lockPath, { force: true });
        },
      };
    }
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
    if (!existing) {
      // Unreadable: gone already (retry), or damaged; only an old damaged lock counts as left over.
      let age: number;
      try {
        age = Date.now() - fs.statSync(lockPath).mtimeMs;
      } catch {
        continue;
      }
      if (age < UNREADABLE_LOCK_GRACE_MS) {
        throw new ApiError('workbook_locked', `Het werkboek ${workbookPath} wordt op dit moment door een ander programma geopend. Probeer het zo opnieuw.`);
      }
    }
    // A lock whose process is gone: the previous session ended without closing.
    if (removeStaleLock(lockPath, existing)) previousSessionCrashed = true;
  }
  throw new ApiError('workbook_locked', `Het werkboek ${workbookPath} kon niet worden vergrendeld.`);
}
