import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/werkboek.mjs');

/**
 * Runs the real `werkboek` command line in a child process, as HR and finance scripts do: the built
 * bundle (tests/helpers/cli-build.global.ts builds it before the tests), never the TypeScript sources.
 */
export function werkboek(args: string[], env: Record<string, string> = {}): { status: number; stdout: string; stderr: string; json<T = Record<string, unknown>>(): T } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, WERKBOEK_CLI_REQUIRE_BUILT: '1', ...env }, timeout: 120_000 });
  return {
    status: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    json<T>() {
      return JSON.parse(result.stdout) as T;
    },
  };
}
