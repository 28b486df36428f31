#!/usr/bin/env node
// Electron security scan for CI: @doyensec/electronegativity over the compiled main process, preload
// and the page's HTML. It exits 0 even with findings, so this script reads its CSV and fails on every
// HIGH or MEDIUM finding that .ci/electronegativity-allowlist.json does not explain.
//
// The scanner lives in .ci/tools/electronegativity with its own package.json and lockfile (inside the
// app tree its parser would load the app's TypeScript); install it with
//   npm ci --prefix .ci/tools/electronegativity
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import Papa from 'papaparse';

const root = path.resolve(import.meta.dirname, '..');
const scanner = path.join(root, '.ci/tools/electronegativity/node_modules/@doyensec/electronegativity/dist/index.js');
const allowListFile = path.join(root, '.ci/electronegativity-allowlist.json');
const work = path.join(root, '.tmp', 'electronegativity');
const input = path.join(work, 'app');

if (!fs.existsSync(scanner)) {
  console.error('electronegativity is niet geïnstalleerd: npm ci --prefix .ci/tools/electronegativity');
  process.exit(2);
}
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(input, { recursive: true });

// The compiled Electron code (esbuild), as ES modules: in CommonJS output `new BrowserWindow` becomes
// `new import_electron.BrowserWindow`, which the scanner does not recognise. The backend and shared code are left
// out: they never touch Electron, and a 4 MB bundle only slows the scanner down.
const onlyElectronLayer = {
  name: 'only-electron-layer',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const resolved = path.resolve(args.resolveDir, args.path);
      const inside = ['electron/main', 'electron/preload'].some((dir) => resolved.startsWith(path.join(root, dir)));
      return inside ? undefined : { path: args.path, external: true };
    });
  },
};
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'warning', external: ['electron'], plugins: [onlyElectronLayer] };
await build({ ...common, entryPoints: [path.join(root, 'electron/main/main.ts')], outfile: path.join(input, 'main.js') });
await build({ ...common, entryPoints: [path.join(root, 'electron/preload/preload.ts')], outfile: path.join(input, 'preload.js') });
const builtHtml = path.join(root, 'dist/renderer/index.html');
fs.copyFileSync(fs.existsSync(builtHtml) ? builtHtml : path.join(root, 'renderer/index.html'), path.join(input, 'index.html'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
fs.writeFileSync(path.join(input, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, main: 'main.js', devDependencies: { electron: pkg.devDependencies.electron } }, null, 2));

function scan(folder, name) {
  const csv = path.join(work, `${name}.csv`);
  // AvailableSecurityFixesGlobalCheck asks GitHub for Electron releases: not reachable offline, and the
  // Electron version is pinned and updated deliberately (see docs/security.md).
  const result = spawnSync(process.execPath, [scanner, '-i', folder, '-o', csv, '-v', 'false', '-x', 'AvailableSecurityFixesGlobalCheck'], { encoding: 'utf8', timeout: 300_000 });
  if (!fs.existsSync(csv)) {
    console.error(result.stdout, result.stderr);
    console.error(`electronegativity schreef geen resultaten voor ${name}.`);
    process.exit(2);
  }
  return Papa.parse(fs.readFileSync(csv, 'utf8').trim(), { header: true, transformHeader: (h) => h.trim(), skipEmptyLines: true }).data.map((f) => ({
    issue: f.issue,
    severity: f.severity,
    confidence: f.confidence,
    file: path.basename(f.filename ?? ''),
    location: f.location,
    sample: f.sample ?? '',
  }));
}

// A canary first: an insecure window compiled the same way must be found, or the scan proves nothing.
const canary = path.join(work, 'canary');
fs.mkdirSync(canary, { recursive: true });
fs.writeFileSync(path.join(work, 'canary.ts'), "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true } });\n");
await build({ ...common, entryPoints: [path.join(work, 'canary.ts')], outfile: path.join(canary, 'main.js') });
fs.copyFileSync(path.join(input, 'package.json'), path.join(canary, 'package.json'));
const canaryFindings = scan(canary, 'canary');
if (!canaryFindings.some((f) => f.issue === 'CONTEXT_ISOLATION_JS_CHECK' && f.severity === 'HIGH')) {
  console.error('De scanner vond het opzettelijk onveilige venster niet: de scan van de app zou niets bewijzen.');
  process.exit(2);
}

const findings = scan(input, 'findings');
const allowList = JSON.parse(fs.readFileSync(allowListFile, 'utf8'));
const used = new Set();
const explained = (f) =>
  allowList.findIndex((a, i) => {
    const hit = a.check === f.issue && (a.file === undefined || a.file === f.file) && (a.sample === undefined || f.sample.includes(a.sample));
    if (hit) used.add(i);
    return hit;
  }) >= 0;

let failed = 0;
for (const f of findings) {
  const serious = f.severity === 'HIGH' || f.severity === 'MEDIUM';
  const ok = !serious || explained(f);
  console.log(`${ok ? (serious ? 'uitgelegd' : 'laag     ') : 'OPEN     '}  ${f.severity.padEnd(8)} ${f.issue.padEnd(40)} ${f.file}:${f.location}  ${f.sample.slice(0, 60)}`);
  if (!ok) failed += 1;
}
allowList.forEach((a, i) => {
  if (!used.has(i)) console.log(`Let op: de uitzondering voor ${a.check} (${a.file ?? 'elk bestand'}) komt niet meer voor; haal haar weg.`);
});
console.log(`\nelectronegativity: ${findings.length} bevindingen, ${failed} hoog/middel zonder uitleg.`);
process.exit(failed > 0 ? 1 : 0);
