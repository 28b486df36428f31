import type { ApiResult } from '../../../shared/api/errors.ts';
import type { ProgressEvent } from '../../../shared/api/progress.ts';

/** What the Electron preload exposes on window.werkboek: one invoke function and progress events. Nothing else. */
export interface WerkboekBridge {
  invoke(method: string, input: unknown, jobId?: string): Promise<ApiResult<unknown>>;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
}

declare global {
  interface Window {
    werkboek?: WerkboekBridge;
  }
}
