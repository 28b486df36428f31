import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
/** The "nobody" user of Linux and macOS. */
const NOBODY = 65534;

/** Whether this process is root, which file permissions do not stop (the test machine runs as root). */
export const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Lets a folder or file be used by the user that `runUnprivileged` runs as: as root, hand it to "nobody";
 * otherwise it is ours already.
 */
export function giveToUnprivileged(target: string): void {
  if (runningAsRoot) fs.chownSync(target, NOBODY, NOBODY);
}

/**
 * Runs a TypeScript script as a user whom file permissions apply to: "nobody" when the tests run as root
 * (root may write in a read-only folder), the current user otherwise. Returns what it printed.
 */
export function runUnprivileged(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [TSX, script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, HOME: path.dirname(args[0] ?? ROOT), TSX_DISABLE_CACHE: '1' },
    ...(runningAsRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
