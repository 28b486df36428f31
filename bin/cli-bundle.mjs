// Finds the built command line and makes sure it was built from the sources as they are now: the
// manifest (scripts/build-cli.mjs) lists every input with size, modification time and SHA-256. A file
// whose size differs, or whose content differs after its time moved, makes the bundle stale; the caller
// then rebuilds. Only Node's own modules here: this runs on every start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

export function readManifest(outRoot) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outRoot, 'manifest.json'), 'utf8'));
    return manifest?.format === 1 && Array.isArray(manifest.inputs) ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * The inputs that no longer match the build (changed or gone). `touched` collects inputs whose time
 * moved while their content stayed (a checkout or `npm ci` rewrites files): their new times are written
 * back, so the next start does not hash them again.
 */
export function staleInputs(manifest, root, touched = []) {
  const stale = [];
  for (const input of manifest.inputs) {
    const [relative, size, mtimeMs, hash] = input;
    const file = path.join(root, relative);
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      stale.push(relative);
      continue;
    }
    if (stat.size !== size) stale.push(relative);
    else if (stat.mtimeMs !== mtimeMs) {
      if (sha256(file) === hash) touched.push([input, stat.mtimeMs]);
      else stale.push(relative);
    }
  }
  return stale;
}

function rememberTouched(outRoot, manifest, touched) {
  if (touched.length === 0) return;
  for (const [input, mtimeMs] of touched) input[2] = mtimeMs;
  try {
    const temporary = path.join(outRoot, `manifest.${process.pid}.${Date.now()}.json`);
    fs.writeFileSync(temporary, `${JSON.stringify(manifest)}\n`);
    fs.renameSync(temporary, path.join(outRoot, 'manifest.json'));
  } catch {
    // A read-only checkout: the hashes are checked again next time, nothing worse.
  }
}

/**
 * The entry file of a bundle built from the current sources: the existing one when fresh, else a new
 * build (`rebuild` is scripts/build-cli.mjs's buildCli, loaded only when needed).
 * @returns {Promise<{ entry: string, rebuilt: boolean, stale: string[] }>}
 */
export async function freshCliEntry({ root, outRoot = path.join(root, 'dist', 'cli'), rebuild }) {
  const manifest = readManifest(outRoot);
  let stale = ['dist/cli/manifest.json'];
  if (manifest) {
    const entry = path.join(outRoot, manifest.dir, manifest.entry);
    const touched = [];
    stale = fs.existsSync(entry) ? staleInputs(manifest, root, touched) : [path.relative(root, entry)];
    if (stale.length === 0) {
      rememberTouched(outRoot, manifest, touched);
      return { entry, rebuilt: false, stale };
    }
  }
  const built = await rebuild({ root, outRoot });
  return { entry: built.entry, rebuilt: true, stale };
}
