import { ApiError } from '../../shared/api/errors.ts';
import type { shellApi, ShellCapabilities } from '../../shared/api/shell.ts';
import type { FileGrants } from './files/grants.ts';
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
    'shell.readClipboard': () => {
      throw new ApiError('forbidden', 'Het klembord lezen kan hier alleen de browser zelf.');
    },
  };
}

type Filters = Array<{ name: string; extensions: string[] }>;

/** The native dialogs of the desktop app's main process, as paths (Electron's `dialog`, wrapped in main.ts). */
export interface NativeDialogs {
  openFiles(options: { title: string; filters: Filters; multiple: boolean }): Promise<string[]>;
  /** The save dialog asks before it lets the user choose an existing file. */
  saveFile(options: { title: string; defaultName: string; filters: Filters }): Promise<string | null>;
  openFolder(options: { title: string }): Promise<string | null>;
  /** The clipboard as text and HTML, for the grids' "Plakken" button (the renderer may not read it itself). */
  readClipboard?(): { text: string; html: string };
}

/**
 * The desktop app's shell: every path the user chooses in a native dialog is recorded in the window's
 * grants, and the renderer gets a token for it (plus the path and name to show), never a path it could
 * hand back on its own.
 */
export function dialogShellHandlers(dialogs: NativeDialogs, grants: FileGrants): Handlers<typeof shellApi> {
  return {
    'shell.capabilities': () => ({ nativeDialogs: true, host: 'electron' }),
    'shell.openFile': async (input) => ({ files: (await dialogs.openFiles(input)).map((file) => grants.grant(file, 'open')) }),
    'shell.saveFile': async (input) => {
      const file = await dialogs.saveFile(input);
      return { file: file ? grants.grant(file, 'save') : null };
    },
    'shell.openFolder': async (input) => {
      const folder = await dialogs.openFolder(input);
      return { folder: folder ? grants.grant(folder, 'folder') : null };
    },
    'shell.readClipboard': () => {
      if (!dialogs.readClipboard) throw new ApiError('forbidden', 'Het klembord lezen kan hier niet.');
      return dialogs.readClipboard();
    },
  };
}
