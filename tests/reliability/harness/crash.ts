import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/backend/db/migrations/index.ts';
import { backupFolderFor, checkWorkbookCopy, listBackups } from '../../../electron/backend/workbook/backup.ts';
import { openWorkbookFile } from '../../../electron/backend/workbook/file.ts';
import { runChild, seededRandom, type ChildRun } from './child.ts';
import { fingerprint } from './fingerprint.ts';

/**
 * Crash safety: a child process does one thing to a workbook (an import, an open that migrates) and
 * is killed with SIGKILL at seeded random moments. After every kill:
 *   - the file as the crash left it holds exactly the state before the work or exactly the state after
 *     it (every table compared, wall-clock columns aside): never a part, and earlier data unchanged;
 *   - the app opens it (taking over the dead process's lock, which runs PRAGMA integrity_check),
 *     integrity_check is "ok", and the schema is the current one;
 *   - every backup in its backups folder is a whole, checked workbook (a copy cut off by the kill
 *     only ever existed under a temporary name).
 * Half of the kills are timed (anywhere in the work, also mid-statement); the other half hit an exact
 * SQL statement (the child kills itself before its k-th statement), which is reproducible to the
 * statement and lets the test aim inside the transaction.
 *
 * Reproduce a failure with the seed from its message: WERKBOEK_CRASH_SEED=<seed> npx vitest run <file>.
 */
export interface CrashScenario {
  name: string;
  /** Builds the starting workbook, closed cleanly, in `dir`; returns its path. */
  prepare(dir: string): Promise<string>;
  /** Arguments for the child (see child-main.ts) working on `workbook`, with its app data in `dataDir`. */
  childArgs(workbook: string, dataDir: string): string[];
  kills: number;
  /** Extra checks on the state after a complete run (e.g. how many rows the import added). */
  checkComplete?(db: Database.Database): void;
  /**
   * For work made of many transactions (a central import commits each package on its own), where a kill
   * may rightly leave some of them: checks a state that is neither the one before nor the one after.
   * `committed` is how many of the work's outermost transactions had committed when the child was
   * killed before a given statement (null for a timed kill). Without it, such a state fails the test.
   */
  checkPartial?(db: Database.Database, committed: number | null): void;
  /** Runs the interrupted work again, to its end: afterwards the file must hold exactly the state after an uninterrupted run. */
  resume?(workbook: string, dataDir: string): Promise<void>;
  /** Columns that differ between two runs of the same work (e.g. a moment inside an audit row's JSON). */
  ignoreColumns?: Record<string, string[]>;
}

interface FileState {
  userVersion: number;
  /** Tables, indexes and triggers as SQL: an import that drops indexes for a bulk load must leave them as they were. */
  schema: string;
  tables: Record<string, string>;
}

export interface CrashSummary {
  seed: number;
  absent: number;
  present: number;
  /** States with some of many transactions (only where the scenario allows them, see checkPartial). */
  partial: number;
  insideTransaction: number;
  durationMs: number;
}

function inspect(file: string, ignoreColumns: Record<string, string[]> = {}, checkPartial?: (db: Database.Database) => void): FileState {
  // Read-write only so SQLite can recover the WAL after the crash; nothing is written.
  const db = new Database(file, { fileMustExist: true });
  try {
    const schema = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name").raw(true).all();
    const state = { userVersion: db.pragma('user_version', { simple: true }) as number, schema: JSON.stringify(schema), tables: fingerprint(db, { ignoreColumns: { audit_log: ['note'], ...ignoreColumns } }) };
    checkPartial?.(db);
    return state;
  } finally {
    db.close();
  }
}

function removeWorkbook(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal', '.lock']) fs.rmSync(file + suffix, { force: true });
  fs.rmSync(backupFolderFor(file), { recursive: true, force: true });
}

export function crashSeed(fallback: number): number {
  const fromEnv = Number(process.env.WERKBOEK_CRASH_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

export async function runCrashScenario(scenario: CrashScenario, dir: string, seed: number): Promise<CrashSummary> {
  const baseline = await scenario.prepare(dir);
  const work = path.join(dir, 'werk.werkboek');
  const dataDir = path.join(dir, 'app-data');
  const fresh = () => {
    removeWorkbook(work);
    fs.copyFileSync(baseline, work);
  };

  const ignored = scenario.ignoreColumns;
  fresh();
  const before = inspect(work, ignored);
  fresh();
  const calibration = await runChild(scenario.childArgs(work, dataDir));
  const done = calibration.messages.find((m) => m.done);
  expect(done, `${scenario.name}: the uninterrupted run failed: ${JSON.stringify(calibration.messages)} ${calibration.stderr}`).toBeTruthy();
  const after = inspect(work, ignored);
  expect(after).not.toEqual(before);
  if (scenario.checkComplete) {
    const db = new Database(work, { readonly: true });
    try {
      scenario.checkComplete(db);
    } finally {
      db.close();
    }
  }
  const totalStatements = Number(done!.statements);
  const marks = done!.marks as Record<string, number>;
  const transactions = (done!.transactions ?? []) as Array<[number, number]>;
  const duration = calibration.afterReadyMs!;

  const random = seededRandom(seed);
  const summary: CrashSummary = { seed, absent: 0, present: 0, partial: 0, insideTransaction: 0, durationMs: duration };
  for (let kill = 0; kill < scenario.kills; kill += 1) {
    fresh();
    const byStatement = kill % 2 === 0;
    const statement = 1 + Math.floor(random() * totalStatements);
    const delay = Math.round(random() * duration * 1.15);
    const where = byStatement ? `before SQL statement ${statement} of ${totalStatements} (transaction: ${marks['BEGIN IMMEDIATE'] ?? '-'}..${marks.COMMIT ?? '-'})` : `${delay} ms after ready (a full run takes ${Math.round(duration)} ms)`;
    const context = `${scenario.name}, seed ${seed}, kill ${kill + 1}: ${where}`;
    const run: ChildRun = byStatement
      ? await runChild(scenario.childArgs(work, dataDir), { env: { WERKBOEK_KILL_AT_STATEMENT: String(statement) } })
      : await runChild(scenario.childArgs(work, dataDir), { killAfterReadyMs: delay });
    if (byStatement) expect(run.signal, `${context}: the child was not killed (${run.stderr})`).toBe('SIGKILL');
    else expect(run.signal === 'SIGKILL' || run.messages.some((m) => m.done), `${context}: ${run.stderr}`).toBe(true);

    const committed = byStatement && scenario.checkPartial ? transactions.filter(([, end]) => end < statement).length : null;
    const state = inspect(work, ignored, scenario.checkPartial && ((db) => scenario.checkPartial!(db, committed)));
    const wasAbsent = JSON.stringify(state) === JSON.stringify(before);
    const wasPresent = JSON.stringify(state) === JSON.stringify(after);
    if (!scenario.checkPartial) expect(wasAbsent || wasPresent, `${context}: the file holds a partial state ${JSON.stringify(state)}`).toBe(true);
    if (wasAbsent) summary.absent += 1;
    else if (wasPresent) summary.present += 1;
    else summary.partial += 1;
    if (committed !== null) {
      if (transactions.some(([start, end]) => statement > start && statement <= end)) summary.insideTransaction += 1;
      if (committed === 0) expect(wasAbsent, `${context}: no transaction had committed, yet the work is there`).toBe(true);
      if (committed === transactions.length) expect(wasPresent, `${context}: every transaction had committed, yet the work is not complete`).toBe(true);
    }
    const begin = marks['BEGIN IMMEDIATE'];
    if (byStatement && !scenario.checkPartial && begin !== undefined && marks.COMMIT !== undefined) {
      if (statement > begin && statement <= marks.COMMIT) {
        summary.insideTransaction += 1;
        expect(wasAbsent, `${context}: killed inside the transaction, yet the work is there`).toBe(true);
      }
      if (statement > marks.COMMIT) expect(wasPresent, `${context}: killed after COMMIT, yet the work is gone`).toBe(true);
    }

    const hadLock = fs.existsSync(`${work}.lock`);
    const opened = openWorkbookFile(work, { holder: 'crash test' });
    try {
      if (hadLock) expect(opened.integrityChecked, context).toBe(true);
      expect(opened.workbook.sqlite.pragma('integrity_check', { simple: true }), context).toBe('ok');
      expect(opened.workbook.sqlite.pragma('user_version', { simple: true }), context).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      opened.workbook.close();
    }
    for (const backup of listBackups(work)) expect(() => checkWorkbookCopy(backup.path), `${context}: backup ${backup.name}`).not.toThrow();
    if (scenario.resume) {
      await scenario.resume(work, dataDir);
      expect(inspect(work, ignored), `${context}: running the work again did not complete it`).toEqual(after);
    }
  }
  removeWorkbook(work);
  return summary;
}
