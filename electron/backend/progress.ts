import type { ProgressEvent } from '../../shared/api/progress.ts';

export interface ProgressReporter {
  report(phase: string, done: number | null, total: number | null, count?: number, finished?: boolean): void;
}

export type ProgressListener = (event: ProgressEvent) => void;

/** Throttled: at most one event per 50 ms per job (plus the last), so a fast import does not flood IPC. */
export function progressReporter(jobId: string | undefined, method: string, emit: ProgressListener | undefined): ProgressReporter | undefined {
  if (!jobId || !emit) return undefined;
  let last = 0;
  return {
    report(phase, done, total, count, finished) {
      const now = Date.now();
      if (!finished && now - last < 50) return;
      last = now;
      emit({ jobId, method, phase, done, total, count, finished });
    },
  };
}
