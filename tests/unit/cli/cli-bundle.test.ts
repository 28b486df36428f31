import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshCliEntry, readManifest, staleInputs } from '../../../bin/cli-bundle.mjs';
import { buildCli } from '../../../scripts/build-cli.mjs';

// Each test builds with esbuild, which on a busy machine takes longer than the unit tests' 5 seconds.
vi.setConfig({ testTimeout: 120_000 });

/** A scratch project: an entry that answers with what a second module says. */
function scratchProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'werkboek-cli-bundle-'));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  fs.writeFileSync(path.join(root, 'main.ts'), "import { answer } from './answer.ts';\nexport function main(): string {\n  return answer;\n}\n");
  fs.writeFileSync(path.join(root, 'answer.ts'), "export const answer: string = 'versie 1';\n");
  return root;
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

async function runBuilt(root: string) {
  const builds: string[] = [];
  const rebuild = async (options: { root: string; outRoot: string }) => {
    const built = await buildCli({ ...options, entry: 'main.ts' });
    builds.push(built.dir);
    return built;
  };
  const fresh = await freshCliEntry({ root, rebuild });
  // A fresh URL per build folder, so the module cache never hands back an older bundle.
  const { main } = (await import(pathToFileURL(fresh.entry).href)) as { main(): string };
  return { answer: main(), rebuilt: fresh.rebuilt, stale: fresh.stale, builds };
}

describe('the built command line never runs stale code', () => {
  it('builds when there is no bundle, then reuses it while the sources stay the same', async () => {
    const root = scratchProject();
    roots.push(root);
    const first = await runBuilt(root);
    expect(first).toMatchObject({ answer: 'versie 1', rebuilt: true });
    const second = await runBuilt(root);
    expect(second).toMatchObject({ answer: 'versie 1', rebuilt: false, stale: [] });
  });

  it('rebuilds after a source changed, even when its size stayed the same', async () => {
    const root = scratchProject();
    roots.push(root);
    await runBuilt(root);
    fs.writeFileSync(path.join(root, 'answer.ts'), "export const answer: string = 'versie 2';\n");
    const after = await runBuilt(root);
    expect(after).toMatchObject({ answer: 'versie 2', rebuilt: true, stale: ['answer.ts'] });
  });

  it('rebuilds when a source is gone', async () => {
    const root = scratchProject();
    roots.push(root);
    await runBuilt(root);
    fs.writeFileSync(path.join(root, 'main.ts'), "export function main(): string {\n  return 'zonder answer';\n}\n");
    fs.rmSync(path.join(root, 'answer.ts'));
    const after = await runBuilt(root);
    expect(after.rebuilt).toBe(true);
    expect(after.stale).toEqual(expect.arrayContaining(['answer.ts', 'main.ts']));
    expect(after.answer).toBe('zonder answer');
  });

  it('does not rebuild for a file whose time moved but whose content did not (a checkout), and remembers the new time', async () => {
    const root = scratchProject();
    roots.push(root);
    await runBuilt(root);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'answer.ts'), later, later);
    const after = await runBuilt(root);
    expect(after).toMatchObject({ answer: 'versie 1', rebuilt: false });
    const manifest = readManifest(path.join(root, 'dist', 'cli'))!;
    expect(staleInputs(manifest, root)).toEqual([]);
    expect(manifest.inputs.find(([file]) => file === 'answer.ts')?.[2]).toBe(fs.statSync(path.join(root, 'answer.ts')).mtimeMs);
  });
});

describe('the bundle of this project', () => {
  it('is built from every command and the backend, and from the sources as they are now', async () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const fresh = await freshCliEntry({ root, rebuild: buildCli });
    const manifest = readManifest(path.join(root, 'dist', 'cli'))!;
    const files = manifest.inputs.map(([file]) => file);
    for (const command of fs.readdirSync(path.join(root, 'electron/cli/commands'))) expect(files).toContain(`electron/cli/commands/${command}`);
    expect(files).toEqual(expect.arrayContaining(['electron/backend/local-client.ts', 'shared/version.ts', 'scripts/build-cli.mjs', 'node_modules/kysely/package.json']));
    expect(staleInputs(manifest, root)).toEqual([]);
    expect(path.dirname(fresh.entry)).toBe(path.join(root, 'dist', 'cli', manifest.dir));
  });
});
