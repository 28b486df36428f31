import { createClient, type Transport } from '../../shared/api/client.ts';
import type { ProgressEvent } from '../../shared/api/progress.ts';
import type { Api, WerkboekClient } from '../../shared/api/index.ts';
import { createBackend, createSession } from './index.ts';
import type { Session, SessionOptions } from './session.ts';

/**
 * The same typed client the renderer uses, wired straight to the router in this process:
 * for the CLI, tests and benchmarks. Input still goes through zod validation.
 */
export function createLocalClient(options: { dataDir: string; holder?: string; rememberRecent?: boolean; keyProtector?: SessionOptions['keyProtector'] }): { client: WerkboekClient; session: Session } {
  const listeners = new Set<(event: ProgressEvent) => void>();
  const session = createSession({ dataDir: options.dataDir, holder: options.holder ?? 'werkboek', rememberRecent: options.rememberRecent, keyProtector: options.keyProtector, onProgress: (event) => listeners.forEach((l) => l(event)) });
  const router = createBackend();
  const transport: Transport = {
    invoke: (method, input, jobId) => router.dispatch(session, method, input, jobId),
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { client: createClient<Api>(transport), session };
}
