#!/usr/bin/env node
// CI check of the installer configuration, without downloading anything: electron-builder packs the app
// for Linux as a plain folder ("dir") around a stub Electron (-c.electronDist), under a timeout (without a
// stub it would try to download Electron and then hang). Then it checks what was packed, and the parts of
// electron-builder.yml that only a real build on each OS uses.
//
// The stub Electron is a shell script that carries Electron's fuse wire (so electron-builder flips the
// fuses in it as in the real binary, and the check reads them back) and runs the PACKED main process under
// Node with a stand-in 'electron' module (scripts/installer-check/). The native module packed beside it is
// better-sqlite3's Node build. So the installed command line (resources/bin/werkboek → the app with
// --cli) is run for real and must answer exactly as `npx werkboek` does.
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
check(config.extraResources?.some((r) => r.from === 'build/cli/${os}' && r.to === 'bin'), 'extraResources: de opdrachtregel naar resources/bin');
for (const [os, file] of [['linux', 'werkboek'], ['mac', 'werkboek'], ['win', 'werkboek.cmd']]) {
  const wrapper = path.join(root, 'build', 'cli', os, file);
  const text = fs.existsSync(wrapper) ? fs.readFileSync(wrapper, 'utf8') : '';
  check(text.includes('--cli') && (os === 'win' || (fs.statSync(wrapper).mode & 0o111) !== 0), `build/cli/${os}/${file}: roept de app aan met --cli${os === 'win' ? '' : ' en is uitvoerbaar'}`);
}
// The fuses as configured (read back from the packed binary below). Each differs from Electron's default.
const FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};
for (const [fuse, wanted] of Object.entries(FUSES)) check(config.electronFuses?.[fuse] === wanted, `electronFuses.${fuse}: ${wanted}`);
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

function checkInstalledCommandLine(wrapper, binary, appDir) {
  const sample = (name) => path.join(root, 'tests', 'fixtures', 'samples', name);
  const call = (command, args, name) => {
    const dataDir = path.join(work, `data-${name}`);
    // No DISPLAY: the Linux wrapper adds --headless, as on a server.
    const env = { ...process.env, WERKBOEK_DATA_DIR: dataDir, WERKBOEK_CHECK_APP_DIR: appDir, DISPLAY: '', WAYLAND_DISPLAY: '' };
    const result = spawnSync(command, args, { cwd: work, env, encoding: 'utf8', timeout: 120_000 });
    return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  };
  const installed = (args, name = 'installed') => call(wrapper, args, name);
  const npx = (args, name = 'npx') => call(process.execPath, [path.join(root, 'bin', 'werkboek.mjs'), ...args], name);
  // The two workbooks are made a moment apart, so the moments they record (e.g. when a year was opened) differ.
  const withoutMoments = (text) => text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, '<tijdstip>');
  const same = (label, a, b) => {
    const equal = withoutMoments(a.stdout) === withoutMoments(b.stdout);
    check(a.status === b.status && equal, `${label}: geïnstalleerd als npx werkboek (exitcode ${a.status}/${b.status})${equal ? '' : `\n--- geïnstalleerd:\n${a.stdout}${a.stderr}\n--- npx:\n${b.stdout}${b.stderr}`}`);
  };

  same('werkboek help', installed(['help']), npx(['help']));
  same('werkboek --version', installed(['--version']), npx(['--version']));
  same('werkboek onbekend (verkeerd gebruik)', installed(['onbekend']), npx(['onbekend']));
  // The program itself called with a command word (how /usr/bin/werkboek of the deb calls it), and with --cli.
  same('werkboek help zonder --cli', call(binary, ['help'], 'bare'), npx(['help']));
  same('Werkboek --cli --version', call(binary, ['--cli', '--version'], 'flag'), npx(['--version']));
  const create = (run, name) =>
    run(['create', path.join(work, `${name}.werkboek`), '--org', 'Gemeente Voorbeeld', '--department', 'OR', '--name', 'Openbare Ruimte', '--year', '2027', '--cost-centres', 'OR01,OR02,OR03', '--owner', 'Controle', '--json'], name);
  const created = create(installed, 'installed');
  check(created.status === 0, `werkboek create (geïnstalleerd): exitcode ${created.status}${created.status === 0 ? '' : `\n${created.stderr}`}`);
  create(npx, 'npx');
  for (const [kind, file] of [['budget', 'begroting-2027.csv'], ['ledger', 'grootboekmutaties-2027.csv']]) {
    same(
      `werkboek import --kind ${kind} --json`,
      installed(['import', path.join(work, 'installed.werkboek'), '--kind', kind, sample(file), '--json']),
      npx(['import', path.join(work, 'npx.werkboek'), '--kind', kind, sample(file), '--json']),
    );
  }
  same('werkboek report --json', installed(['report', path.join(work, 'installed.werkboek'), '--json', '--period', '2027-Q2']), npx(['report', path.join(work, 'npx.werkboek'), '--json', '--period', '2027-Q2']));
  const refused = installed(['import', path.join(work, 'installed.werkboek'), '--kind', 'ledger', path.join(root, 'package.json')]);
  const refusedNpx = npx(['import', path.join(work, 'npx.werkboek'), '--kind', 'ledger', path.join(root, 'package.json')]);
  check(refused.status === 1 && refusedNpx.status === 1 && refused.stderr === refusedNpx.stderr, `een geweigerd bestand: exitcode 1 en dezelfde melding (${refused.status}/${refusedNpx.status})`);
}

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
// Electron's fuse wire: sentinel, wire version 1, eight fuses in Electron's default states (RunAsNode on,
// cookie encryption off, NODE_OPTIONS on, --inspect on, ASAR integrity off, only-ASAR off, V8 snapshot
// off, file: privileges on). It sits in a comment line, where the shell ignores it.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_ORDER = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];
const stubElectron = Buffer.concat([
  Buffer.from(`#!/bin/sh\n# stub Electron for the offline installer check; fuse wire: ${FUSE_SENTINEL}`, 'latin1'),
  Buffer.from([1, FUSE_ORDER.length]),
  Buffer.from('10110001\n', 'latin1'),
  Buffer.from(`exec "${process.execPath}" "${path.join(root, 'scripts/installer-check/run-packed-main.cjs')}" "$0" "$@"\n`),
]);
fs.writeFileSync(path.join(electronDist, 'electron'), stubElectron, { mode: 0o755 });
// better-sqlite3's Node build stands in for its Electron build: the stub runs the main process under Node.
const nodeNative = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
fs.copyFileSync(nodeNative, path.join(nativeDir, 'better_sqlite3.node'));

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
check(fs.existsSync(nativeFile) && fs.readFileSync(nativeFile).equals(fs.readFileSync(nodeNative)), 'resources/native/better_sqlite3.node staat buiten app.asar (laadbaar)');

// The fuses as electron-builder flipped them in the packed binary.
const { getCurrentFuseWire } = createRequire(require.resolve('app-builder-lib/package.json'))('@electron/fuses');
const binary = path.join(unpacked, 'werkboek');
const wire = fs.existsSync(binary) ? await getCurrentFuseWire(binary) : {};
for (const [fuse, wanted] of Object.entries(FUSES)) {
  const state = wire[FUSE_ORDER.indexOf(fuse)];
  check(state === (wanted ? 49 : 48), `fuse ${fuse} staat in het verpakte programma op ${wanted ? 'aan' : 'uit'}${state === undefined ? ' (niet gevonden)' : ''}`);
}
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

  // 4. The installed command line, run for real: resources/bin/werkboek → the app (--cli) → the packed main
  // process, against `npx werkboek` on the same input: the same output and exit codes.
  const appDir = path.join(work, 'app');
  asar.extractAll(asarFile, appDir);
  const wrapper = path.join(unpacked, 'resources', 'bin', 'werkboek');
  check(fs.existsSync(wrapper) && (fs.statSync(wrapper).mode & 0o111) !== 0, 'resources/bin/werkboek bestaat en is uitvoerbaar');
  checkInstalledCommandLine(wrapper, binary, appDir);
}
fs.rmSync(work, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(`\nInstallatieconfiguratie: ${problems.length} fout(en).`);
  process.exit(1);
}
console.log('\nInstallatieconfiguratie in orde.');
