#!/usr/bin/env node
// `npm run dist -- --win|--mac|--linux`: the installers, on a machine with internet (electron-builder
// downloads Electron and its packaging tools; scripts/electron-native.mjs fetches Electron's headers or
// a prebuilt better-sqlite3 once). See docs/installers.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ensureElectronNative } from './electron-native.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const run = (args, env = process.env) => {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run([path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
run([path.join(root, 'scripts/build-electron.mjs')]);
// better-sqlite3 for Electron's ABI (the packaged app loads it from resources/native); one build per
// platform and architecture, so build each installer on its own OS.
const native = ensureElectronNative();
run([require.resolve('electron-builder/cli.js'), '--publish', 'never', ...process.argv.slice(2)], { ...process.env, WERKBOEK_NATIVE_DIR: path.relative(root, path.dirname(native)) });
