/**
 * The other process of the crash and concurrency tests: the app (or the CLI) doing one thing to a
 * workbook while the test kills it or competes with it. Bundled once by child.ts, run with plain node.
 *
 *   lock    WORKBOOK GO_FILE HOLD_MS        wait for GO_FILE, try to take the lock, hold it, report
 *   hold    DATA_DIR WORKBOOK               open the workbook as the app does and keep it open until stdin closes
 *   import  DATA_DIR WORKBOOK KIND INPUT    open and import (commit)
 *   open    DATA_DIR WORKBOOK               open (migrating an older workbook) and close
 *   central-import DATA_DIR WORKBOOK FOLDER open a central workbook and import every package in FOLDER
 *
 * With WERKBOEK_KILL_AT_STATEMENT=k the process SIGKILLs itself just before its k-th SQL statement:
 * a crash at an exact, reproducible point. It always reports how many statements it ran and at
 * which ones the import's transaction began and committed, so the test can aim inside it; and, for
 * work made of many transactions (e.g. one per central package), each one that committed as
 * [statements before its BEGIN, number of its COMMIT]: a kill before statement k leaves exactly those
 * whose COMMIT is below k.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { acquireWorkbookLock } from '../../../electron/backend/db/lock.ts';
import { createLocalClient } from '../../../electron/backend/local-client.ts';

const killAt = Number(process.env.WERKBOEK_KILL_AT_STATEMENT ?? 0);
let statements = 0;
const marks: Record<string, number> = {};
const transactions: Array<[number, number]> = [];

function say(message: Record<string, unknown>): void {
  fs.writeSync(1, `${JSON.stringify(message)}\n`);
}

let openTransaction: number | null = null;

function count(sql: string | undefined): void {
  statements += 1;
  if (killAt > 0 && statements === killAt) process.kill(process.pid, 'SIGKILL');
  if (sql === 'BEGIN IMMEDIATE' || sql === 'COMMIT') marks[sql] ??= statements;
  // better-sqlite3's db.transaction() runs its BEGIN … and COMMIT as prepared statements too, so every
  // outermost transaction passes here (savepoints of nested ones do not begin with BEGIN).
  if (sql?.startsWith('BEGIN')) openTransaction = statements - 1;
  else if (sql === 'COMMIT' && openTransaction !== null) {
    transactions.push([openTransaction, statements]);
    openTransaction = null;
  } else if (sql === 'ROLLBACK') openTransaction = null;
}

function instrument(): void {
  const probe = new Database(':memory:');
  const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  for (const name of ['run', 'get', 'all', 'iterate']) {
    const original = statementProto[name];
    statementProto[name] = function (this: { source: string }, ...args: unknown[]) {
      count(this.source);
      return original.apply(this, args);
    };
  }
  const dbProto = Database.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['exec', 'pragma']) {
    const original = dbProto[name];
    dbProto[name] = function (this: unknown, ...args: unknown[]) {
      count(typeof args[0] === 'string' ? args[0].trim() : undefined);
      return original.apply(this, args);
    };
  }
}

function forgetStatementMarks(): void {
  for (const key of Object.keys(marks)) delete marks[key];
  transactions.length = 0;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

async function main(): Promise<void> {
  const [action, ...args] = process.argv.slice(2);
  instrument();
  if (action === 'lock') {
    const [workbook, goFile, racersArg] = args;
    const racers = Number(racersArg);
    const tried = () => fs.readdirSync(path.dirname(goFile)).filter((n) => n.startsWith(`${path.basename(goFile)}.tried.`)).length;
    say({ ready: true });
    fs.writeFileSync(`${goFile}.ready.${process.pid}`, '');
    while (!fs.existsSync(goFile)) sleep(1);
    try {
      const lock = acquireWorkbookLock(workbook, `deelnemer ${process.pid}`);
      say({ won: true, crashedBefore: lock.previousSessionCrashed });
      fs.writeFileSync(`${goFile}.tried.${process.pid}`, '');
      // Hold until every racer has tried, however slow the machine: a later attempt after the release
      // would rightly win too, and prove nothing about the race.
      const deadline = Date.now() + 120_000;
      while (tried() < racers && Date.now() < deadline) sleep(5);
      lock.release();
    } catch (error) {
      say({ won: false, code: (error as { code?: string }).code, message: (error as Error).message });
      fs.writeFileSync(`${goFile}.tried.${process.pid}`, '');
    }
    return;
  }
  const [dataDir, workbook] = args;
  const { client, session } = createLocalClient({ dataDir, holder: 'Werkboek (venster)' });
  if (action === 'hold') {
    await client.workbook.open({ path: workbook });
    say({ open: true });
    await new Promise((resolve) => process.stdin.on('end', resolve).resume());
    session.close();
    say({ closed: true });
    return;
  }
  if (action === 'open') {
    say({ ready: true });
    const info = await client.workbook.open({ path: workbook });
    session.close();
    say({ done: true, migratedFrom: info.migratedFrom, statements, marks, transactions });
    return;
  }
  if (action === 'import') {
    const [, , kind, input] = args;
    await client.workbook.open({ path: workbook });
    forgetStatementMarks();
    say({ ready: true, statements });
    const result = await client.import.commit({ kind, source: { path: input } });
    session.close();
    say({ done: true, imported: result.imported, batchId: result.batchId, statements, marks, transactions });
    return;
  }
  if (action === 'central-import') {
    const [, , folder] = args;
    await client.workbook.open({ path: workbook });
    forgetStatementMarks();
    say({ ready: true, statements });
    const result = await client.central.import({ sources: [{ folder }] });
    session.close();
    say({ done: true, counts: result.counts, statements, marks, transactions });
    return;
  }
  throw new Error(`unknown action ${action}`);
}

main().catch((error) => {
  say({ error: (error as Error).message, code: (error as { code?: string }).code });
  process.exitCode = 1;
});
