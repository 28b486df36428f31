import { api, type Api } from '../../shared/api/index.ts';
import type { FileAccessPolicy } from '../../shared/api/files.ts';
import type { shellApi } from '../../shared/api/shell.ts';
import { TRUSTED_PATHS } from './files/grants.ts';
import { handlers, registerAreas } from './areas.ts';
import { Router, type Handlers } from './router.ts';
import { headlessShellHandlers } from './shell-handlers.ts';
import { Session, type SessionOptions } from './session.ts';

export { Session } from './session.ts';
export { setNativeBinding } from './db/database.ts';
export { defaultDataDir } from './data-dir.ts';
export { FileGrants } from './files/grants.ts';

export interface BackendHost {
  shell: Handlers<typeof shellApi>;
  /** How callers of this transport may name files (shared/api/files.ts): never raw paths from a renderer. */
  files: FileAccessPolicy;
}

/** The command line and in-process callers (tests, benchmarks): no dialogs, paths as typed. */
export const LOCAL_HOST: BackendHost = { shell: headlessShellHandlers('local'), files: TRUSTED_PATHS };

/** The backend as every transport uses it: one router over the whole contract. */
export function createBackend(host: BackendHost = LOCAL_HOST): Router<Api> {
  registerAreas();
  return new Router(api, { ...handlers, ...host.shell }, host.files);
}

export function createSession(options: SessionOptions): Session {
  return new Session(options);
}
