// better-sqlite3 for Electron's ABI, built beside (never over) the Node build that tests and the CLI use.
// Output: build/native/electron-<version>/better_sqlite3.node. Needs internet once (Electron headers or a prebuilt binary).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

export function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

export function electronNativePath(version = electronVersion()) {
  return path.join(root, 'build', 'native', `electron-${version}`, 'better_sqlite3.node');
}

export function ensureElectronNative() {
  const version = electronVersion();
  const target = electronNativePath(version);
  if (fs.existsSync(target)) return target;
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'werkboek-native-'));
  fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers', npm_config_nodedir: '' };
  console.log(`better-sqlite3 bouwen voor Electron ${version} …`);
  try {
    execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version], { cwd: work, stdio: 'inherit', env });
  } catch {
    execFileSync('npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit', env, shell: process.platform === 'win32' });
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  fs.rmSync(work, { recursive: true, force: true });
  return target;
}

if (process.argv[1] === import.meta.filename) console.log(ensureElectronNative());
