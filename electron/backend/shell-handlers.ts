import { ApiError } from '../../shared/api/errors.ts';
import type { shellApi, ShellCapabilities } from '../../shared/api/shell.ts';
import type { Handlers } from './router.ts';

const unavailable = () => {
  throw new ApiError('forbidden', 'Bestandsvensters zijn alleen beschikbaar in de desktop-app.');
};

/** Hosts without native dialogs (the browser preview, tests): the renderer uses file inputs instead. */
export function headlessShellHandlers(host: ShellCapabilities['host']): Handlers<typeof shellApi> {
  return {
    'shell.capabilities': () => ({ nativeDialogs: false, host }),
    'shell.openFile': unavailable,
    'shell.saveFile': unavailable,
    'shell.openFolder': unavailable,
  };
}
