import { z } from 'zod';
import { method } from './contract.ts';
import type { ChosenFile } from './files.ts';
import { emptyInput } from './schemas.ts';

const filters = z.array(z.object({ name: z.string(), extensions: z.array(z.string()) })).default([]);

export interface ShellCapabilities {
  /** Native open/save dialogs (Electron). In the browser preview the UI uses file inputs and downloads. */
  nativeDialogs: boolean;
  host: 'electron' | 'preview' | 'local';
}

/**
 * What the host around the backend can do for the UI. Electron's main process answers with native
 * dialogs and gives the renderer a token per chosen file (see files.ts): the renderer never hands the
 * backend a path of its own. The preview host says it cannot, and the renderer uploads and downloads.
 */
export const shellApi = {
  'shell.capabilities': method(emptyInput).returns<ShellCapabilities>(),
  'shell.openFile': method(z.object({ title: z.string(), filters, multiple: z.boolean().default(false) }).strict()).returns<{ files: ChosenFile[] }>(),
  'shell.saveFile': method(z.object({ title: z.string(), defaultName: z.string(), filters }).strict()).returns<{ file: ChosenFile | null }>(),
  'shell.openFolder': method(z.object({ title: z.string() }).strict()).returns<{ folder: ChosenFile | null }>(),
  /** The clipboard as text and HTML, for a "Plakken" button (Ctrl+V needs no host). */
  'shell.readClipboard': method(emptyInput).returns<{ text: string; html: string }>(),
};
