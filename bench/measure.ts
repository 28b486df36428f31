/** One measured figure, as `npm run bench -- --json` prints it. */
export interface BenchEntry {
  name: string;
  seconds: number;
  floorSeconds: number;
  ratio: number;
  peakRssMb: number;
  /** What was measured against what, and the sizes: for the table and docs/performance.md. */
  detail?: Record<string, unknown>;
}

export function peakRssMb(): number {
  // maxRSS is in kilobytes.
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

export async function time<T>(work: () => Promise<T> | T): Promise<{ seconds: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, value };
}

/** The best of n runs: the least disturbed by whatever else the machine is doing. */
export async function best(n: number, work: () => Promise<unknown> | unknown): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < n; i += 1) min = Math.min(min, (await time(work)).seconds);
  return min;
}

/** A child process reports its results on stdout as one line starting with this marker. */
export const RESULT_MARKER = '@@bench-result ';

export function report(result: unknown): void {
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}
