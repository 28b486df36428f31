import { api, type Api } from '../../shared/api/index.ts';
import type { shellApi } from '../../shared/api/shell.ts';
import { handlers, registerAreas } from './areas.ts';
import { Router, type Handlers } from './router.ts';
import { headlessShellHandlers } from './shell-handlers.ts';
import { Session, type SessionOptions } from './session.ts';

export { Session } from './session.ts';
export { setNativeBinding } from './db/database.ts';
export { defaultDataDir } from './data-dir.ts';

/** The backend as every transport uses it: one router over the whole contract. */
export function createBackend(shell: Handlers<typeof shellApi> = headlessShellHandlers('local')): Router<Api> {
  registerAreas();
  return new Router(api, { ...handlers, ...shell });
}

export function createSession(options: SessionOptions): Session {
  return new Session(options);
}
