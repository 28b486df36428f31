#!/usr/bin/env node
// CI check of the installer configuration, without downloading anything: electron-builder packs the app
// for Linux as a plain folder ("dir") around a stub Electron (-c.electronDist), with a stub native
// module, under a timeout (without a stub it would try to download Electron and then hang). Then it
// checks what was packed, and the parts of electron-builder.yml that only a real build on each OS uses.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const work = path.join(root, '.tmp', 'installer-check');
const out = path.join(work, 'out');
const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
  console.log(`${ok ? 'ok  ' : 'FOUT'}  ${message}`);
};

// 1. The configuration as written.
const yaml = createRequire(require.resolve('electron-builder'))('js-yaml');
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const targets = (platform) => (config[platform]?.target ?? []).map((t) => (typeof t === 'string' ? t : t.target));
check(config.appId === 'nl.werkboek.app' && config.productName === 'Werkboek', 'appId nl.werkboek.app, productName Werkboek');
check(targets('win').includes('nsis') && targets('win').includes('msi'), 'Windows: NSIS en MSI');
check(config.nsis?.perMachine === false && config.nsis?.oneClick === false && config.nsis?.allowElevation === false, 'NSIS: per gebruiker, zonder beheerdersrechten');
check(config.msi?.perMachine === true && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(config.msi?.upgradeCode ?? ''), 'MSI: per computer, met vaste upgradeCode');
check(targets('mac').includes('dmg'), 'macOS: dmg');
check(targets('linux').includes('AppImage') && targets('linux').includes('deb'), 'Linux: AppImage en deb');
check(config.npmRebuild === false, 'npmRebuild: false');
check(config.extraResources?.some((r) => r.from === '${env.WERKBOEK_NATIVE_DIR}' && r.to === 'native'), 'extraResources: de Electron-build van better-sqlite3 naar resources/native');
const associations = config.fileAssociations ?? [];
for (const ext of ['werkboek', 'wbx']) {
  const association = associations.find((a) => a.ext === ext);
  check(Boolean(association?.name && association?.mimeType && association?.icon), `bestandskoppeling .${ext} met naam, MIME-type en pictogram`);
  if (association?.icon) {
    for (const suffix of ['.ico', '.icns']) check(fs.existsSync(path.join(root, 'build', association.icon + suffix)), `build/${association.icon}${suffix} bestaat`);
  }
}
const bytes = (file) => (fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file)) : Buffer.alloc(0));
const ico = bytes('build/icon.ico');
check(ico.length > 6 && ico.readUInt16LE(2) === 1 && ico.readUInt16LE(4) >= 4 && ico.includes(Buffer.from([0, 0, 1, 0, 32, 0])), 'build/icon.ico: een ICO met meerdere formaten, ook 256×256');
check(bytes('build/icon.icns').subarray(0, 4).toString('latin1') === 'icns' && bytes('build/icon.icns').includes(Buffer.from('ic10')), 'build/icon.icns: een ICNS tot 1024×1024');
check(bytes('build/icons/512x512.png').subarray(1, 4).toString('latin1') === 'PNG', 'build/icons/512x512.png voor Linux');

// 2. Build the app and pack it around stubs.
const run = (args) => {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) run([path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
run([path.join(root, 'scripts/build-electron.mjs')]);
fs.rmSync(work, { recursive: true, force: true });
const electronDist = path.join(work, 'electron-dist');
const nativeDir = path.join(work, 'native');
fs.mkdirSync(electronDist, { recursive: true });
fs.mkdirSync(nativeDir, { recursive: true });
fs.writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\necho stub\n', { mode: 0o755 });
fs.writeFileSync(path.join(nativeDir, 'better_sqlite3.node'), 'stub: better-sqlite3 voor Electron\n');

const builder = spawn(
  process.execPath,
  [require.resolve('electron-builder/cli.js'), '--linux', 'dir', '--publish', 'never', `-c.electronDist=${electronDist}`, '-c.npmRebuild=false', `-c.directories.output=${out}`],
  // extraResources paths are relative to the project.
  { cwd: root, stdio: 'inherit', env: { ...process.env, WERKBOEK_NATIVE_DIR: path.relative(root, nativeDir), ELECTRON_BUILDER_OFFLINE: '1' }, detached: true },
);
const TIMEOUT_MS = 300_000;
const status = await new Promise((resolve) => {
  const timer = setTimeout(() => {
    console.error(`electron-builder duurde langer dan ${TIMEOUT_MS / 1000} s (probeert het iets te downloaden?) en is gestopt.`);
    process.kill(-builder.pid, 'SIGKILL');
    resolve(124);
  }, TIMEOUT_MS);
  builder.on('exit', (code) => {
    clearTimeout(timer);
    resolve(code ?? 1);
  });
});
check(status === 0, `electron-builder --linux dir (exitcode ${status})`);

// 3. What was packed.
const unpacked = path.join(out, 'linux-unpacked');
const asarFile = path.join(unpacked, 'resources', 'app.asar');
check(fs.existsSync(asarFile), 'resources/app.asar bestaat');
check(fs.existsSync(path.join(unpacked, 'werkboek')), 'het programma heet werkboek');
const nativeFile = path.join(unpacked, 'resources', 'native', 'better_sqlite3.node');
check(fs.existsSync(nativeFile) && fs.readFileSync(nativeFile, 'utf8').startsWith('stub'), 'resources/native/better_sqlite3.node staat buiten app.asar (laadbaar)');
if (fs.existsSync(asarFile)) {
  const asar = createRequire(require.resolve('electron-builder'))('@electron/asar');
  const entries = asar.listPackage(asarFile).map((e) => e.replaceAll('\\', '/'));
  for (const needed of ['/package.json', `/${pkg.main}`, '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/node_modules/better-sqlite3/lib/index.js', '/node_modules/pdfkit/package.json']) {
    check(entries.includes(needed), `app.asar bevat ${needed}`);
  }
  // pdfkit stays outside the bundle (scripts/build-electron.mjs): every module it needs must be packed.
  const dependencyTree = (name, seen = new Set()) => {
    if (seen.has(name)) return seen;
    seen.add(name);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) dependencyTree(dependency, seen);
    return seen;
  };
  const missingForPdf = [...dependencyTree('pdfkit')].filter((name) => !entries.includes(`/node_modules/${name}/package.json`));
  check(missingForPdf.length === 0, `pdfkit is compleet verpakt${missingForPdf.length ? `; ontbreekt: ${missingForPdf.join(', ')}` : ''}`);
  const packedModules = new Set(entries.filter((e) => e.startsWith('/node_modules/')).map((e) => e.split('/').slice(2, e.split('/')[2]?.startsWith('@') ? 4 : 3).join('/')));
  const devPacked = Object.keys(pkg.devDependencies).filter((d) => packedModules.has(d));
  check(devPacked.length === 0, `geen devDependencies in app.asar${devPacked.length ? `: ${devPacked.join(', ')}` : ''}`);
  check(!entries.some((e) => e.endsWith('.map')), 'geen source maps in app.asar');
  const nativeInside = entries.filter((e) => e.endsWith('.node'));
  const unpackedDir = path.join(unpacked, 'resources', 'app.asar.unpacked');
  check(nativeInside.every((e) => fs.existsSync(path.join(unpackedDir, e))), 'elke native module in app.asar staat ook uitgepakt (app.asar.unpacked)');
  console.log(`app.asar: ${entries.length} items, ${(fs.statSync(asarFile).size / 1024 / 1024).toFixed(1)} MB; modules: ${[...packedModules].join(', ')}`);
}
fs.rmSync(work, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(`\nInstallatieconfiguratie: ${problems.length} fout(en).`);
  process.exit(1);
}
console.log('\nInstallatieconfiguratie in orde.');
