// `npm test`: type check, unit and integration tests (vitest), end-to-end tests in Debian's Chromium
// (Playwright), and the Electron launch tests where Electron exists. Runs every step, then reports.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (p) => path.join(root, 'node_modules', p);
const steps = [
  ['Typecheck', [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']],
  ['Unit- en integratietests', [bin('vitest/vitest.mjs'), 'run', '--project', 'unit', '--project', 'integration']],
  // Crash tests (SIGKILL at random moments) and property-based tests of every importer: a few minutes.
  ['Betrouwbaarheidstests (crash, fuzz)', [bin('vitest/vitest.mjs'), 'run', '--project', 'reliability']],
  ['End-to-endtests (Chromium)', [bin('@playwright/test/cli.js'), 'test', '-c', 'tests/e2e/playwright.config.ts']],
  ['Electron-starttests', [path.join(root, 'tests/electron/run.mjs')]],
];
const only = process.argv.slice(2);
const failed = [];
for (const [name, args] of steps) {
  if (only.length > 0 && !only.some((o) => name.toLowerCase().includes(o.toLowerCase()))) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  console.log(`=== ${name}: ${result.status === 0 ? 'geslaagd' : 'MISLUKT'} (${Math.round((Date.now() - started) / 1000)} s) ===`);
  if (result.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\nMislukt: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nAlle tests geslaagd.');
