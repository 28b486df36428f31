import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freshCliEntry } from '../../bin/cli-bundle.mjs';
import { buildCli } from '../../scripts/build-cli.mjs';
import { prepareFloorTable } from '../floor/ledger-raw.mjs';
import { createBenchWorkbook } from '../generate.ts';
import { report } from '../measure.ts';

/**
 * The command line as scripts call it: whole processes, timed from spawn to exit.
 *  - "start": `werkboek help` against the floor `node -e "require('better-sqlite3')"` (what any Node
 *    program that opens a workbook pays), best of RUNS each, taking turns.
 *  - "import" FILE WORKDIR: `werkboek import … --kind ledger FILE --json` into a fresh workbook, against
 *    bench/floor/ledger-raw.mjs run as its own process on the same file into a fresh workbook whose
 *    ledger_line has no index ("no-index") and one with the workbook's indexes ("same-indexes"). Rounds
 *    take turns; the best of each counts.
 */
const [mode, file, workDir, roundsArg] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(root, 'bin/werkboek.mjs');
const FLOOR = path.join(root, 'bench/floor/ledger-raw.mjs');

function timedProcess(args: string[], env: NodeJS.ProcessEnv = process.env): { seconds: number; stdout: string; peakRssMb: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${args.join(' ')} → ${result.status}\n${result.stderr}`);
  // The child's peak memory, from a wrapper that reports it on stderr's last line (see PEAK below).
  const peak = /@@peak (\d+)/.exec(result.stderr ?? '');
  return { seconds, stdout: result.stdout, peakRssMb: peak ? Math.round(Number(peak[1]) / 102.4) / 10 : 0 };
}

/** Reports a child's own maxRSS on exit without changing what it does: `node --import <this> …`. */
const PEAK = `data:text/javascript,${encodeURIComponent("process.on('exit', () => process.stderr.write('@@peak ' + process.resourceUsage().maxRSS + '\\n'));")}`;

// Never time a rebuild: make sure the bundle is current first.
await freshCliEntry({ root, rebuild: buildCli });

if (mode === 'start') {
  const runs = Number(roundsArg ?? 7);
  const figure: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    floor.push(timedProcess(['-e', "require('better-sqlite3')"]).seconds);
    figure.push(timedProcess([BIN, 'help']).seconds);
  }
  report({ seconds: Math.min(...figure), floorSeconds: Math.min(...floor), rounds: { seconds: figure, floorSeconds: floor } });
} else {
  const rounds = Number(roundsArg ?? 3);
  const prepare = async (name: string, variant?: 'no-index' | 'same-indexes') => {
    const dir = path.join(workDir, name);
    fs.rmSync(dir, { recursive: true, force: true });
    const workbook = path.join(dir, 'bench.werkboek');
    (await createBenchWorkbook(workbook, path.join(dir, 'data'))).session.close();
    if (variant) prepareFloorTable(workbook, variant);
    return workbook;
  };
  const figure: Array<{ seconds: number; peakRssMb: number; imported: number }> = [];
  const noIndex: number[] = [];
  const sameIndexes: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    noIndex.push(timedProcess([FLOOR, await prepare('floor-no-index', 'no-index'), file]).seconds);
    sameIndexes.push(timedProcess([FLOOR, await prepare('floor-same-indexes', 'same-indexes'), file]).seconds);
    const workbook = await prepare('cli');
    const run = timedProcess(['--import', PEAK, BIN, 'import', workbook, '--kind', 'ledger', file, '--json'], { ...process.env, WERKBOEK_DATA_DIR: path.join(workDir, 'cli', 'data') });
    figure.push({ seconds: run.seconds, peakRssMb: run.peakRssMb, imported: (JSON.parse(run.stdout) as { imported: number }).imported });
  }
  const best = figure.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  report({
    seconds: best.seconds,
    floorSeconds: Math.min(...noIndex),
    sameIndexesFloorSeconds: Math.min(...sameIndexes),
    peakRssMb: Math.max(...figure.map((f) => f.peakRssMb)),
    imported: best.imported,
    rounds: { seconds: figure.map((f) => f.seconds), floorSeconds: noIndex, sameIndexesFloorSeconds: sameIndexes },
  });
}
