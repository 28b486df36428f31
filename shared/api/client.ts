import type { Contract, InputOf, OutputOf } from './contract.ts';
import { ApiError, type ApiResult } from './errors.ts';
import type { ProgressEvent } from './progress.ts';

/** What a transport (preload bridge, HTTP preview host, in-process test host) must provide. */
export interface Transport {
  invoke(method: string, input: unknown, jobId?: string): Promise<ApiResult<unknown>>;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
}

export interface CallOptions {
  onProgress?: (event: ProgressEvent) => void;
}

type AreaOf<K> = K extends `${infer A}.${string}` ? A : never;
type MethodsOf<C extends Contract, A extends string> = {
  [K in keyof C & string as K extends `${A}.${infer M}` ? M : never]: (
    input: InputOf<C[K]>,
    options?: CallOptions,
  ) => Promise<OutputOf<C[K]>>;
};

/** `client.budget.updateLine(input)` for the contract method `'budget.updateLine'`. */
export type ApiClient<C extends Contract> = { [A in AreaOf<keyof C & string>]: MethodsOf<C, A> };

let jobCounter = 0;
function newJobId(): string {
  jobCounter += 1;
  return `job-${Date.now().toString(36)}-${jobCounter}`;
}

/**
 * A Proxy client: a method renamed in the contract breaks the type check of every caller.
 * Errors come back as {@link ApiError} with the backend's Dutch message.
 */
export function createClient<C extends Contract>(transport: Transport): ApiClient<C> {
  return new Proxy({} as ApiClient<C>, {
    get(_target, area) {
      if (typeof area !== 'string') return undefined;
      return new Proxy(
        {},
        {
          get(_t, name) {
            if (typeof name !== 'string') return undefined;
            return async (input: unknown, options?: CallOptions) => {
              const method = `${area}.${name}`;
              let jobId: string | undefined;
              let unsubscribe: (() => void) | undefined;
              if (options?.onProgress) {
                const listener = options.onProgress;
                const id = newJobId();
                jobId = id;
                unsubscribe = transport.onProgress((event) => {
                  if (event.jobId === id) listener(event);
                });
              }
              try {
                const result = await transport.invoke(method, input ?? {}, jobId);
                if (result.ok) return result.value;
                throw new ApiError(result.error.code, result.error.message, result.error.details);
              } finally {
                unsubscribe?.();
              }
            };
          },
        },
      );
    },
  });
}
