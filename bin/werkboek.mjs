#!/usr/bin/env node
// `werkboek …` in a checkout: runs the built command line (dist/cli, scripts/build-cli.mjs), rebuilding
// it first when any source it was built from has changed, so a checkout never runs stale code. Where
// esbuild is missing (an install without devDependencies) it runs the TypeScript sources through tsx.
// The installed app carries the same command line in its main process (see docs/cli.md).
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshCliEntry } from './cli-bundle.mjs';

// Node 22+ keeps compiled code between runs; Node 20 has no such cache and skips this.
module.enableCompileCache?.();
const root = path.resolve(import.meta.dirname, '..');

class NoBundler extends Error {}

async function rebuild(options) {
  let buildCli;
  try {
    ({ buildCli } = await import('../scripts/build-cli.mjs'));
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && !process.env.WERKBOEK_CLI_REQUIRE_BUILT) throw new NoBundler();
    throw error;
  }
  return buildCli(options);
}

async function loadCli() {
  try {
    const { entry } = await freshCliEntry({ root, rebuild });
    return await import(pathToFileURL(entry).href);
  } catch (error) {
    if (!(error instanceof NoBundler)) throw error;
    const { register } = await import('tsx/esm/api');
    register();
    return import('../electron/cli/main.ts');
  }
}

const { main, quietOnClosedPipe } = await loadCli();
quietOnClosedPipe();
process.exitCode = await main(process.argv.slice(2));
