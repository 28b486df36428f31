import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import { formatDateTime } from '../../../shared/format/nl.ts';

export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  holder: string;
  /** The operating-system user; older locks do not have it. */
  user?: string;
}

/** Which lock the user saw and chose to take over: it is taken over only while it is still that lock. */
export interface LockIdentity {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface LockOptions {
  takeOver?: LockIdentity;
}

/** Locks this process holds (resolved paths): a lock with our own pid that is not among them is an old one. */
const heldHere = new Set<string>();

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/** The folder is not writable for us (permissions, a read-only share or medium). */
export function isWriteRefused(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

export function readOnlyFolderError(workbookPath: string): ApiError {
  const folder = path.dirname(path.resolve(workbookPath));
  return new ApiError(
    'read_only',
    `De map ${folder} is alleen-lezen: Werkboek mag daar niet schrijven, dus ${path.basename(workbookPath)} kan daar niet worden bewerkt. Open het werkboek alleen-lezen, of sla een kopie op in een map waar u wel mag schrijven en werk daarin verder.`,
    { readOnlyFolder: folder, canSaveCopy: true },
  );
}

/**
 * Linux only: whether the process with this id started after the lock was written, which means the id
 * was given to another program after the lock's owner ended (the lock is left over). Elsewhere unknown.
 */
function startedAfter(pid: number, lockTime: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (start time in clock ticks since boot) comes after the command name, which may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const bootTime = Number(/^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1]);
    const written = Date.parse(lockTime);
    if (!Number.isFinite(ticks) || !Number.isFinite(bootTime) || !Number.isFinite(written)) return false;
    // USER_HZ is 100 on every Linux the app runs on; a few seconds of margin cover the rounding.
    return bootTime * 1000 + ticks * 10 > written + 5_000;
  } catch {
    return false;
  }
}

/** Who holds a lock and since when, in Dutch: "Werkboek (venster) (proces 812) van gebruiker anne op computer LAPTOP-12, sinds 07-12-2026 14:40". */
export function describeHolder(lock: LockInfo): string {
  const user = lock.user ? ` van gebruiker ${lock.user}` : '';
  return `${lock.holder} (proces ${lock.pid})${user} op computer ${lock.hostname}, sinds ${formatDateTime(lock.startedAt)}`;
}

const TAKE_OVER_HINT =
  'Weet u zeker dat het daar niet meer open is (de computer is uitgezet, het programma is vastgelopen)? Dan kunt u het werkboek overnemen; Werkboek controleert het dan eerst op beschadiging.';

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
export function acquireWorkbookLock(workbookPath: string, holder: string, options: LockOptions = {}): HeldLock {
  const lockPath = `${workbookPath}.lock`;
  const key = path.resolve(lockPath);
  const name = path.basename(workbookPath);
  let previousSessionCrashed = false;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const info: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), holder, user: currentUser() };
    let created: boolean;
    try {
      created = createLockFile(lockPath, info);
    } catch (error) {
      if (isWriteRefused(error)) throw readOnlyFolderError(workbookPath);
      throw error;
    }
    if (created) {
      heldHere.add(key);
      let released = false;
      return {
        previousSessionCrashed,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(key);
          if (sameLock(readLock(lockPath), info)) fs.rmSync(lockPath, { force: true });
        },
      };
    }
    const existing = readLock(lockPath);
    const sameHost = existing?.hostname === os.hostname();
    const chosen = existing && options.takeOver && sameLock(existing, { ...options.takeOver, holder: '' });
    const ours = existing && sameHost && existing.pid === process.pid;
    if (ours && heldHere.has(key)) {
      throw new ApiError('workbook_locked', `Het werkboek ${name} is in dit venster of proces al geopend.`, { lock: existing });
    }
    // A live process, as far as we can tell, or another computer: only the user can say it is gone.
    const liveHere = existing && sameHost && !ours && processAlive(existing.pid) && !startedAfter(existing.pid, existing.startedAt);
    if ((liveHere || (existing && !sameHost)) && !chosen) {
      throw new ApiError(
        'workbook_locked',
        `Het werkboek ${name} is al geopend door ${describeHolder(existing!)}. Sluit het daar eerst, of open het alleen-lezen. ${TAKE_OVER_HINT}`,
        { lock: existing, canTakeOver: true },
      );
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
    // A lock whose process is gone (or whose id another program now has, or that the user chose to take
    // over): the previous session ended without closing, so the caller checks the file first.
    if (removeStaleLock(lockPath, existing)) previousSessionCrashed = true;
  }
  throw new ApiError('workbook_locked', `Het werkboek ${workbookPath} kon niet worden vergrendeld.`);
}
