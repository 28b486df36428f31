import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let bundled: Promise<string> | null = null;

/**
 * The child script, bundled with esbuild into the repository's .tmp folder (so that it finds
 * node_modules): a plain `node child.cjs` starts in a fraction of the time tsx needs, which matters
 * when a test starts a hundred of them.
 */
export function childScript(): Promise<string> {
  bundled ??= (async () => {
    const result = await build({
      entryPoints: [path.join(import.meta.dirname, 'child-main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      // As in the app's bundle (scripts/build-electron.mjs): native and data-reading modules stay outside.
      external: ['better-sqlite3', 'pdfkit'],
      logLevel: 'error',
    });
    const code = result.outputFiles[0].contents;
    const folder = path.join(ROOT, '.tmp', 'reliability');
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `child-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 12)}.cjs`);
    if (!fs.existsSync(file)) {
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, code);
      fs.renameSync(temp, file);
    }
    return file;
  })();
  return bundled;
}

export interface ChildMessage {
  [key: string]: unknown;
}

export interface ChildRun {
  /** Messages the child printed, one JSON object per line. */
  messages: ChildMessage[];
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from the child's "ready" message to its exit. */
  afterReadyMs: number | null;
  stderr: string;
}

export interface ChildOptions {
  env?: Record<string, string>;
  /** SIGKILL this many milliseconds after the child says it is ready. */
  killAfterReadyMs?: number;
  timeoutMs?: number;
}

export async function runChild(args: string[], options: ChildOptions = {}): Promise<ChildRun> {
  const script = await childScript();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const messages: ChildMessage[] = [];
    let buffer = '';
    let stderr = '';
    let readyAt: number | null = null;
    let killTimer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (!line.trim()) continue;
        const message = JSON.parse(line) as ChildMessage;
        messages.push(message);
        if (message.ready && readyAt === null) {
          readyAt = performance.now();
          if (options.killAfterReadyMs !== undefined) killTimer = setTimeout(() => child.kill('SIGKILL'), options.killAfterReadyMs);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      clearTimeout(killTimer);
      resolve({ messages, code, signal, afterReadyMs: readyAt === null ? null : performance.now() - readyAt, stderr });
    });
    child.stdin.end();
  });
}

/** A long-running child (e.g. the app holding a workbook open); `stop()` closes its stdin and waits. */
export async function startChild(args: string[], waitFor: string): Promise<{ pid: number; stop(): Promise<ChildMessage[]> ; kill(): Promise<void> }> {
  const script = await childScript();
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const messages: ChildMessage[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffer.slice(0, newline)) as ChildMessage;
        buffer = buffer.slice(newline + 1);
        messages.push(message);
        if (message[waitFor]) resolve();
        if (message.error) reject(new Error(`child: ${String(message.error)}`));
      }
    });
    child.on('close', () => reject(new Error(`child exited before "${waitFor}": ${stderr}`)));
  });
  return {
    pid: child.pid!,
    async stop() {
      child.stdin.end();
      await exited;
      return messages;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** mulberry32: a small seeded generator, so every random kill moment can be reproduced from the seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
