// `npm test`: type check, lint (layer boundaries), unit and integration tests (vitest), end-to-end tests in Chromium
// (Playwright), and the Electron launch tests where Electron exists. Runs every step, then reports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findBrowser, installAdvice } from './find-browser.mjs';

const root = path.resolve(import.meta.dirname, '..');
const bin = (p) => path.join(root, 'node_modules', p);
const steps = [
  ['Typecheck', [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']],
  // The layer boundaries (shared pure, no electron outside main/preload, the renderer on shared only)
  // and the rules the code's disable comments name; see eslint.config.mjs.
  ['Lint (lagen en regels)', [bin('eslint/bin/eslint.js'), 'electron', 'renderer', 'shared', 'scripts', 'bench', 'tests']],
  ['Unit- en integratietests', [bin('vitest/vitest.mjs'), 'run', '--project', 'unit', '--project', 'integration']],
  // Crash tests (SIGKILL at random moments) and property-based tests of every importer: a few minutes.
  ['Betrouwbaarheidstests (crash, fuzz)', [bin('vitest/vitest.mjs'), 'run', '--project', 'reliability']],
  ['End-to-endtests (Chromium)', [bin('@playwright/test/cli.js'), 'test', '-c', 'tests/e2e/playwright.config.ts']],
  ['Electron-starttests', [path.join(root, 'tests/electron/run.mjs')]],
];
const BROWSER_STEP = 'End-to-endtests (Chromium)';

/**
 * The browser tests need a Chromium: found on the machine, or got the way the platform allows
 * (Debian's package when we are root, as CI is; else Playwright's own download). Without one they
 * stop before starting, saying the one command that gets it.
 */
function ensureBrowser() {
  let found = findBrowser();
  if (found.path) return found;
  const isDebian = fs.existsSync('/etc/debian_version');
  if (!process.env.WERKBOEK_CHROMIUM && process.platform === 'linux' && isDebian && process.getuid?.() === 0) {
    console.log('Geen Chromium gevonden: installeren met apt-get (Debian-pakket chromium) …');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else if (!process.env.WERKBOEK_CHROMIUM && !isDebian) {
    console.log('Geen Chromium gevonden: ophalen met `npx playwright install chromium` …');
    spawnSync(process.execPath, [bin('playwright-core/cli.js'), 'install', 'chromium'], { stdio: 'inherit', timeout: 900_000 });
  }
  found = findBrowser();
  if (!found.path) console.error(`${found.problem}\nDe browsertests zijn niet gestart. Eén opdracht lost dit op:\n  ${installAdvice(process.platform, isDebian)}\n(of zet WERKBOEK_CHROMIUM op het pad van een Chromium of Chrome) en start \`npm test\` opnieuw.`);
  return found;
}

const only = process.argv.slice(2);
const failed = [];
for (const [name, args] of steps) {
  if (only.length > 0 && !only.some((o) => name.toLowerCase().includes(o.toLowerCase()))) continue;
  console.log(`\n=== ${name} ===`);
  if (name === BROWSER_STEP) {
    const browser = ensureBrowser();
    if (!browser.path) {
      console.log(`=== ${name}: NIET GESTART (geen browser) ===`);
      failed.push(name);
      continue;
    }
    console.log(`Browser: ${browser.path}`);
    process.env.WERKBOEK_CHROMIUM = browser.path;
  }
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
