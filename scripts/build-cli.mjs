// Bundles the command line (electron/cli/main.ts with the backend) into plain JavaScript in dist/cli, so
// `werkboek` starts without compiling TypeScript. ES modules with code splitting: `werkboek help` loads
// only the small command table; the backend chunk loads when a command runs. better-sqlite3 (native)
// and pdfkit (reads its font metrics through package subpath imports) stay outside, as in the app.
//
// Each build goes to its own folder; dist/cli/manifest.json names the current one and lists every input
// file with its size, modification time and SHA-256, so bin/werkboek.mjs can tell a stale bundle from a
// fresh one (bin/cli-bundle.mjs) and rebuild before it runs anything. The manifest is replaced by a
// rename, so a process that reads it while another builds sees the old build or the new, never half.
import { build } from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '..');

/** An old build folder is removed an hour after it was made: a command still running from it has loaded its chunks. */
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;

/**
 * @param {{ root?: string, outRoot?: string, entry?: string, extraInputs?: string[] }} [options]
 *   root: the project (tests pass a scratch project); entry: relative to root; extraInputs: files that
 *   shape the bundle without being part of it (this script).
 * @returns {Promise<{ dir: string, entry: string, inputs: number }>}
 */
export async function buildCli(options = {}) {
  const root = options.root ?? projectRoot;
  const outRoot = options.outRoot ?? path.join(root, 'dist', 'cli');
  const entry = options.entry ?? 'electron/cli/main.ts';
  const extraInputs = options.extraInputs ?? (root === projectRoot ? ['scripts/build-cli.mjs', 'package.json'] : []);
  const buildId = `build-${Date.now().toString(36)}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const outdir = path.join(outRoot, buildId);
  fs.mkdirSync(outdir, { recursive: true });
  // The project is "type": "module" but a scratch project may not be: say it for the bundle's folder.
  fs.writeFileSync(path.join(outRoot, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
  const result = await build({
    absWorkingDir: root,
    entryPoints: { werkboek: entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    chunkNames: 'chunk-[hash]',
    external: ['electron', 'better-sqlite3', 'pdfkit'],
    // CommonJS dependencies inside an ES module bundle call require() for Node's own modules.
    banner: { js: "import { createRequire as __werkboekCreateRequire } from 'node:module'; const require = __werkboekCreateRequire(import.meta.url);" },
    // Not loaded by default (that would cost start time); `node --enable-source-maps bin/werkboek.mjs` uses them.
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = [...new Set([...Object.keys(result.metafile.inputs).map(packageManifestOf), ...extraInputs])]
    .filter((input) => !input.includes(':') && fs.existsSync(path.join(root, input)))
    .sort()
    .map((input) => {
      const file = path.join(root, input);
      const stat = fs.statSync(file);
      return [input.replaceAll('\\', '/'), stat.size, stat.mtimeMs, crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')];
    });
  const manifest = { format: 1, dir: buildId, entry: 'werkboek.js', builtAt: new Date().toISOString(), inputs };
  const temporary = path.join(outRoot, `manifest.${buildId}.json`);
  fs.writeFileSync(temporary, `${JSON.stringify(manifest)}\n`);
  fs.renameSync(temporary, path.join(outRoot, 'manifest.json'));
  removeOldBuilds(outRoot, buildId);
  return { dir: outdir, entry: path.join(outdir, 'werkboek.js'), inputs: inputs.length };
}

/**
 * A bundled dependency counts by its package.json: npm rewrites it with every install or update, and
 * checking one file per package instead of every file in it keeps the start fast (a thousand files fewer).
 */
function packageManifestOf(input) {
  const parts = input.replaceAll('\\', '/').split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return input;
  const length = parts[at + 1]?.startsWith('@') ? 3 : 2;
  return [...parts.slice(0, at + length), 'package.json'].join('/');
}

function removeOldBuilds(outRoot, current) {
  for (const name of fs.readdirSync(outRoot)) {
    if (!name.startsWith('build-') || name === current) continue;
    const folder = path.join(outRoot, name);
    try {
      if (Date.now() - fs.statSync(folder).mtimeMs > KEEP_OLD_BUILDS_MS) fs.rmSync(folder, { recursive: true, force: true });
    } catch {
      // Another build removed it first.
    }
  }
}

if (process.argv[1] === import.meta.filename) {
  const built = await buildCli();
  console.log(`Opdrachtregel gebouwd in ${path.relative(projectRoot, built.dir)} (${built.inputs} bronbestanden)`);
}
