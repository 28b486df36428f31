// Electron launch tests: run where an Electron binary exists, and say clearly when they were skipped.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
let binary = null;
try {
  binary = require('electron');
} catch {
  binary = null;
}
if (typeof binary !== 'string') {
  console.log('SKIPPED: Electron launch tests (tests/electron) did not run: no Electron binary is installed here');
  console.log('         (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). They run on a machine where `npm install` could download Electron.');
  process.exit(0);
}
const steps = [
  [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  [path.join(root, 'scripts/build-electron.mjs')],
  [path.join(root, 'scripts/electron-native.mjs')],
  [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '-c', path.join(root, 'tests/electron/playwright.config.ts')],
];
for (const args of steps) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
