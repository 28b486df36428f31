// Bundles the Electron main process and the preload script (CommonJS, as Electron loads them).
// Left outside the bundles: better-sqlite3 (a native module, loaded from node_modules or app resources)
// and pdfkit (it reads its font metrics through package subpath imports at run time, which a bundle
// cannot follow). electron-builder.yml packs both with their dependencies.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist', 'electron');
fs.mkdirSync(outdir, { recursive: true });
// The project is "type": "module"; the bundles here are CommonJS.
fs.writeFileSync(path.join(outdir, 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2));

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning', external: ['electron', 'better-sqlite3', 'pdfkit'] };
await build({ ...common, entryPoints: [path.join(root, 'electron/main/main.ts')], outfile: path.join(outdir, 'main.cjs') });
// A sandboxed preload may only require 'electron': everything else is bundled in.
await build({ ...common, entryPoints: [path.join(root, 'electron/preload/preload.ts')], outfile: path.join(outdir, 'preload.cjs') });
console.log('Electron-bundels gebouwd in dist/electron');
