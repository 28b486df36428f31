import { api, type Api } from '../../shared/api/index.ts';
import { handlers, registerAreas } from './areas.ts';
import { Router } from './router.ts';
import { Session, type SessionOptions } from './session.ts';

export { Session } from './session.ts';
export { setNativeBinding } from './db/database.ts';
export { defaultDataDir } from './data-dir.ts';

/** The backend as every transport uses it: one router over the whole contract. */
export function createBackend(): Router<Api> {
  registerAreas();
  return new Router(api, handlers);
}

export function createSession(options: SessionOptions): Session {
  return new Session(options);
}
