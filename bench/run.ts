import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeLedgerFile } from './generate.ts';
import { RESULT_MARKER, type BenchEntry } from './measure.ts';

/**
 * `npm run bench -- [--scale S] [--json] [--only NAME]`: each figure beside its floor, measured in the
 * same run, in separate processes (so peak memory is per job). Figures are printed and written to
 * bench/results/latest.json; nothing here passes or fails on time.
 */
const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, json: { type: 'boolean', default: false }, only: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const scale = Number(values.scale);
if (!(scale > 0)) throw new Error('--scale moet een getal groter dan 0 zijn');
const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'werkboek-bench-'));
const log = (text: string) => {
  if (!values.json) console.log(text);
  else process.stderr.write(`${text}\n`);
};

/** A case that has not finished after this long hangs (a full-scale case takes at most a minute or two). */
const CASE_TIMEOUT_MS = 15 * 60_000;

function child<T>(script: string, args: string[], attempt = 1): T {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/cases', script), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, timeout: CASE_TIMEOUT_MS, killSignal: 'SIGKILL' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    // Seen once while generating packages (the process slept in a futex wait, not measuring anything):
    // a hang is reported and the case started once more, so one stuck process does not lose the run.
    if (attempt === 1) {
      log(`${script} ${args.join(' ')}: geen antwoord na ${CASE_TIMEOUT_MS / 60_000} minuten, afgebroken en opnieuw gestart`);
      return child<T>(script, args, attempt + 1);
    }
    throw new Error(`${script} ${args.join(' ')} hung twice (${CASE_TIMEOUT_MS / 60_000} minutes each)`);
  }
  const line = result.stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  if (result.status !== 0 || !line) throw new Error(`${script} ${args.join(' ')} failed:\n${result.stderr || result.stdout}`);
  return JSON.parse(line.slice(RESULT_MARKER.length)) as T;
}

const entries: BenchEntry[] = [];
const add = (entry: BenchEntry) => {
  entries.push(entry);
  const same = entry.detail?.sameIndexesFloorSeconds;
  const sameText = typeof same === 'number' ? `   same-indexes floor ${same.toFixed(3)} s (ratio ${(entry.detail?.sameIndexesRatio as number).toFixed(2)})` : '';
  log(`${entry.name.padEnd(44)} ${entry.seconds.toFixed(3).padStart(9)} s   floor ${entry.floorSeconds.toFixed(3).padStart(9)} s   ratio ${entry.ratio.toFixed(2).padStart(6)}   peak ${String(entry.peakRssMb).padStart(7)} MB${sameText}`);
};
const wanted = (name: string) => !values.only || name.includes(values.only);
const ratio = (seconds: number, floor: number) => Math.round((seconds / floor) * 100) / 100;

log(`Werkboek benchmark, scale ${scale}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);

// ── Ledger import at three sizes ──────────────────────────────────────────
const ledgerSizes = [0.1, 0.3, 1].map((f) => Math.max(1000, Math.round(1_000_000 * f * scale)));
let biggestWorkbook = '';
let smallWorkbook = '';
if (wanted('ledger')) {
  for (const lines of ledgerSizes) {
    const file = path.join(work, `grootboek-${lines}.csv`);
    const { bytes } = writeLedgerFile(file, lines);
    // Floor and import take turns; the best of each counts. Three rounds where a round takes seconds,
    // one at full size, where a round takes more than a minute and a disturbance is small beside it.
    const rounds = lines <= 300_000 ? 3 : 1;
    const noIndexFloors: Array<{ seconds: number; peakRssMb: number }> = [];
    const floors: Array<{ seconds: number; peakRssMb: number }> = [];
    const runs: Array<{ seconds: number; peakRssMb: number; imported: number }> = [];
    for (let round = 0; round < rounds; round += 1) {
      noIndexFloors.push(child('ledger-import.ts', ['floor', file, path.join(work, `floor-${lines}`), 'no-index']));
      floors.push(child('ledger-import.ts', ['floor', file, path.join(work, `floor-${lines}`), 'same-indexes']));
      runs.push(child('ledger-import.ts', ['import', file, path.join(work, `import-${lines}`)]));
    }
    const fastest = <T extends { seconds: number }>(list: T[]): T => list.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const noIndexFloor = fastest(noIndexFloors);
    const floor = fastest(floors);
    const run = fastest(runs);
    add({
      name: `ledger-import-${lines}`,
      seconds: run.seconds,
      // The ratio is to the physical floor: the same rows into a table without indexes.
      floorSeconds: noIndexFloor.seconds,
      ratio: ratio(run.seconds, noIndexFloor.seconds),
      // Memory is the highest of the rounds, not that of the fastest.
      peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
      detail: {
        lines,
        megabytes: Math.round(bytes / 1e5) / 10,
        imported: run.imported,
        floor: 'read, split, insert the same rows into ledger_line without any index, one transaction',
        sameIndexesFloorSeconds: floor.seconds,
        sameIndexesRatio: ratio(run.seconds, floor.seconds),
        floorPeakRssMb: Math.max(...floors.map((f) => f.peakRssMb), ...noIndexFloors.map((f) => f.peakRssMb)),
        linesPerSecond: Math.round(lines / run.seconds),
        rounds: { seconds: runs.map((r) => r.seconds), floorSeconds: noIndexFloors.map((f) => f.seconds), sameIndexesFloorSeconds: floors.map((f) => f.seconds) },
      },
    });
    biggestWorkbook = path.join(work, `import-${lines}`, 'bench.werkboek');
    if (!smallWorkbook) smallWorkbook = biggestWorkbook;
    fs.rmSync(file, { force: true });
    fs.rmSync(path.join(work, `floor-${lines}`), { recursive: true, force: true });
  }

  // ── The actuals grid on the biggest workbook ────────────────────────────
  const grid = child<{ results: Array<{ name: string; seconds: number; floorSeconds: number; rows: number }>; peakRssMb: number }>('ledger-grid.ts', [biggestWorkbook]);
  for (const r of grid.results) {
    add({ name: `ledger-grid-${r.name}`, seconds: r.seconds, floorSeconds: r.floorSeconds, ratio: ratio(r.seconds, r.floorSeconds), peakRssMb: grid.peakRssMb, detail: { workbookLines: ledgerSizes[ledgerSizes.length - 1], matchingRows: r.rows } });
  }

  // ── Opening a workbook in the browser preview until the first rows show ──
  const rendererDir = path.join(root, 'dist/renderer');
  const built = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  type Timings = { firstPage: number; ledgerPage: number };
  const open = child<{ empty: Timings; small: Timings; big: Timings; peakRssMb: number }>('open-first-rows.ts', [biggestWorkbook, smallWorkbook, rendererDir, path.join(work, 'preview')]);
  const detail = { peakRssOf: 'the benchmark process (preview host and Playwright client)', bigWorkbookLines: ledgerSizes[ledgerSizes.length - 1], smallWorkbookLines: ledgerSizes[0], browser: 'Chromium (Debian), headless' };
  add({ name: 'open-to-first-rows', seconds: open.big.firstPage, floorSeconds: open.empty.firstPage, ratio: ratio(open.big.firstPage, open.empty.firstPage), peakRssMb: open.peakRssMb, detail: { ...detail, floor: 'an empty workbook', smallWorkbookSeconds: open.small.firstPage } });
  add({ name: 'open-ledger-page-first-rows', seconds: open.big.ledgerPage, floorSeconds: open.small.ledgerPage, ratio: ratio(open.big.ledgerPage, open.small.ledgerPage), peakRssMb: open.peakRssMb, detail: { ...detail, floor: 'the smallest workbook (an empty one has no rows to show)' } });
}

// ── The command line: start, and a ledger import as a script runs it ─────
if (wanted('cli')) {
  const start = child<{ seconds: number; floorSeconds: number; rounds: unknown }>('cli.ts', ['start']);
  add({ name: 'cli-start-help', seconds: start.seconds, floorSeconds: start.floorSeconds, ratio: ratio(start.seconds, start.floorSeconds), peakRssMb: 0, detail: { figure: '`werkboek help`, spawn to exit', floor: "`node -e \"require('better-sqlite3')\"`, spawn to exit", rounds: start.rounds } });
  const lines = Math.max(1000, Math.round(200_000 * scale));
  const file = path.join(work, `cli-grootboek-${lines}.csv`);
  const { bytes } = writeLedgerFile(file, lines);
  const run = child<{ seconds: number; floorSeconds: number; sameIndexesFloorSeconds: number; peakRssMb: number; imported: number; rounds: unknown }>('cli.ts', ['import', file, path.join(work, 'cli-import')]);
  add({
    name: `cli-import-ledger-${lines}`,
    seconds: run.seconds,
    floorSeconds: run.floorSeconds,
    ratio: ratio(run.seconds, run.floorSeconds),
    peakRssMb: run.peakRssMb,
    detail: {
      lines,
      megabytes: Math.round(bytes / 1e5) / 10,
      imported: run.imported,
      figure: '`werkboek import … --kind ledger FILE --json` into a fresh workbook, spawn to exit',
      floor: 'bench/floor/ledger-raw.mjs as its own process: read, split, insert into ledger_line without any index, one transaction',
      sameIndexesFloorSeconds: run.sameIndexesFloorSeconds,
      sameIndexesRatio: ratio(run.seconds, run.sameIndexesFloorSeconds),
      rounds: run.rounds,
    },
  });
  fs.rmSync(file, { force: true });
  fs.rmSync(path.join(work, 'cli-import'), { recursive: true, force: true });
}

// ── Absence metrics for a year per cost centre, at three staff sizes ───────
if (wanted('absence')) {
  for (const staff of [0.2, 0.5, 1].map((f) => Math.max(50, Math.round(5000 * f * scale)))) {
    const run = child<{ seconds: number; floorSeconds: number; peakRssMb: number; cases: number }>('absence-metrics.ts', [String(staff), path.join(work, `absence-${staff}`)]);
    add({ name: `absence-metrics-${staff}-staff`, seconds: run.seconds, floorSeconds: run.floorSeconds, ratio: ratio(run.seconds, run.floorSeconds), peakRssMb: run.peakRssMb, detail: { staff, cases: run.cases, years: 10, period: 'one year, per cost centre', floor: 'one SQL aggregate: verzuimpercentage and reports per cost centre' } });
    fs.rmSync(path.join(work, `absence-${staff}`), { recursive: true, force: true });
  }
}

// ── Central import and consolidation of many department packages ─────────
if (wanted('central')) {
  for (const kind of ['finance', 'hr'] as const) {
    for (const departments of [0.1, 0.3, 1].map((f) => Math.max(5, Math.round(500 * f * scale)))) {
      const run = child<{ seconds: number; floorSeconds: number; peakRssMb: number; rows: number; bytes: number; rounds: { seconds: number[]; floorSeconds: number[] } }>('central-import.ts', [kind, String(departments), path.join(work, `central-${kind}-${departments}`)]);
      add({
        name: `central-import-${kind}-${departments}-packages`,
        seconds: run.seconds,
        floorSeconds: run.floorSeconds,
        ratio: ratio(run.seconds, run.floorSeconds),
        peakRssMb: run.peakRssMb,
        detail: { packages: departments, rows: run.rows, megabytes: Math.round(run.bytes / 1e5) / 10, figure: 'import (verify, decide, store) + consolidation of the period', floor: 'JSON parse + Ed25519 check + raw insert of the same rows, one transaction per package', rounds: run.rounds },
      });
      fs.rmSync(path.join(work, `central-${kind}-${departments}`), { recursive: true, force: true });
    }
  }
}

// ── A year of monthly HR packages in one central workbook ─────────────────
if (wanted('central')) {
  const departments = Math.max(5, Math.round(100 * scale));
  const run = child<{ seconds: number; floorSeconds: number; peakRssMb: number; packages: number; importSeconds: number }>('central-periods.ts', [String(departments), path.join(work, 'central-periods')]);
  add({
    name: `central-hr-12-periods-${departments}-departments`,
    seconds: run.seconds,
    floorSeconds: run.floorSeconds,
    ratio: ratio(run.seconds, run.floorSeconds),
    peakRssMb: run.peakRssMb,
    detail: { departments, packages: run.packages, figure: 'HR consolidation of one month in a workbook holding twelve months of packages', floor: 'the same consolidation in a workbook holding only that month', importSecondsTwelveMonths: Math.round(run.importSeconds * 1000) / 1000 },
  });
  fs.rmSync(path.join(work, 'central-periods'), { recursive: true, force: true });
}

const output = { scale, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` }, at: new Date().toISOString(), entries };
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/latest.json'), `${JSON.stringify(output, null, 2)}\n`);
if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
if (values.json) console.log(JSON.stringify(output));
else console.log(`\nGeschreven naar bench/results/latest.json${values.keep ? `; werkmap ${work}` : ''}`);
