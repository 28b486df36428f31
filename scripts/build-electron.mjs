// Bundles the Electron main process and the preload script (CommonJS, as Electron loads them).
// better-sqlite3 stays external: it is a native module, loaded from node_modules or app resources.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist', 'electron');
fs.mkdirSync(outdir, { recursive: true });
// The project is "type": "module"; the bundles here are CommonJS.
fs.writeFileSync(path.join(outdir, 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2));

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning', external: ['electron', 'better-sqlite3'] };
await build({ ...common, entryPoints: [path.join(root, 'electron/main/main.ts')], outfile: path.join(outdir, 'main.cjs') });
// A sandboxed preload may only require 'electron': everything else is bundled in.
await build({ ...common, entryPoints: [path.join(root, 'electron/preload/preload.ts')], outfile: path.join(outdir, 'preload.cjs') });
console.log('Electron-bundels gebouwd in dist/electron');
