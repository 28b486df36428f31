// `npm start`: the desktop app. Builds the renderer and the Electron bundles, makes sure better-sqlite3
// exists for Electron's ABI, and starts Electron. Where no Electron binary could be installed it says so
// and points to the browser preview.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ensureElectronNative } from './electron-native.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

let electronBinary;
try {
  electronBinary = require('electron');
} catch {
  electronBinary = null;
}
if (typeof electronBinary !== 'string') {
  console.error(
    'Electron is niet geïnstalleerd op deze computer (de download werd overgeslagen of was niet mogelijk).\n' +
      'Start de browserweergave met "npm run preview", of installeer opnieuw met internettoegang: npm install\n' +
      'Electron is not installed here (its download was skipped). Use "npm run preview", or reinstall with internet access.',
  );
  process.exit(1);
}

const run = (args) => {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run([path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
run([path.join(root, 'scripts/build-electron.mjs')]);
ensureElectronNative();

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
child.on('exit', (code) => process.exit(code ?? 0));
