// Runs after `npm install`: builds the command line, then fetches Electron. Electron's own install
// script is not allowed to run (see "allowScripts" in package.json) because it fails the whole install
// where GitHub is out of reach. We download the
// Electron binary here instead, and a failure only means: no desktop app on this machine, the browser
// preview (`npm run preview`), the CLI and all tests work anyway.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');

// The command line, built once now so the first `npx werkboek` starts at once (bin/werkboek.mjs
// rebuilds it whenever a source changes). Without esbuild (no devDependencies) it runs from source.
try {
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
  console.log('Werkboek: opdrachtregel gebouwd (dist/cli); npx werkboek help');
} catch (error) {
  console.warn(`Werkboek: opdrachtregel niet vooraf gebouwd (${error instanceof Error ? error.message.split('\n')[0] : error}); npx werkboek bouwt hem bij de eerste start.`);
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Werkboek: Electron-download overgeslagen (ELECTRON_SKIP_BINARY_DOWNLOAD); gebruik npm run preview voor de browserweergave.');
  process.exit(0);
}
if (!fs.existsSync(path.join(electronDir, 'install.js'))) process.exit(0);

const TIMEOUT_MS = 10 * 60 * 1000;
const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'inherit' });
const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
child.on('exit', (code) => {
  clearTimeout(timer);
  if (code === 0) {
    console.log('Werkboek: Electron is geïnstalleerd; start de desktop-app met npm start.');
  } else {
    console.warn(
      'Werkboek: Electron kon niet worden gedownload (geen verbinding met GitHub?). De installatie gaat door zonder desktop-app;\n' +
        '"npm run preview", "npx werkboek" en "npm test" werken wel. Later opnieuw proberen: node node_modules/electron/install.js',
    );
  }
  process.exit(0);
});
