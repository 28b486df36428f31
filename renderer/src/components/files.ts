import type { ChosenFile, FileToken } from '../../../shared/api/files.ts';
import { api } from '../api/client.ts';

/**
 * Files in the renderer: it never names a path of its own (see shared/api/files.ts). In the desktop app the
 * main process shows the dialog and the renderer passes on the token it gets back; in the browser preview
 * the page uploads the bytes of what it reads and downloads what the backend makes.
 */

type Filters = Array<{ name: string; extensions: string[] }>;

/** Reads a browser File as base64 for the preview host (the desktop app sends dialog tokens instead). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** A browser File as an upload source for the backend. */
export async function uploadSource(file: File, name = file.name): Promise<{ name: string; contentBase64: string }> {
  return { name, contentBase64: await fileToBase64(file) };
}

/** Offers bytes from the backend as a download (browser preview; the desktop app saves where the user chose). */
export function downloadBase64(name: string, base64: string, mime = 'application/octet-stream'): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The desktop app's save dialog: null when the user cancels. */
export async function chooseSaveTarget(title: string, defaultName: string, filters: Filters): Promise<ChosenFile | null> {
  return (await api.shell.saveFile({ title, defaultName, filters })).file;
}

/** The desktop app's open dialog: the chosen files (empty when cancelled). */
export async function chooseFilesToOpen(title: string, filters: Filters, multiple = false): Promise<ChosenFile[]> {
  return (await api.shell.openFile({ title, filters, multiple })).files;
}

/** What a backend method returns for a file it made: written where asked (path), or its bytes. */
export interface MadeFile {
  name: string;
  path: string | null;
  contentBase64: string | null;
}

export type Saved = { savedTo: string; name: string } | { downloaded: string; name: string };

/**
 * Saves a file the backend makes. Desktop app: asks where (save dialog) and passes the dialog's token to
 * `make`, which writes there. Browser preview: `make` without a target returns the bytes, offered as a
 * download. Null when the user cancelled the dialog.
 */
export async function saveOrDownload(options: {
  nativeDialogs: boolean;
  title: string;
  defaultName: string;
  filters: Filters;
  mime: string;
  make: (target?: FileToken) => Promise<MadeFile>;
}): Promise<Saved | null> {
  if (options.nativeDialogs) {
    const chosen = await chooseSaveTarget(options.title, options.defaultName, options.filters);
    if (!chosen) return null;
    const made = await options.make({ token: chosen.token });
    return { savedTo: made.path ?? chosen.path, name: made.name };
  }
  const made = await options.make();
  if (made.contentBase64 === null) throw new Error(`${made.name}: het bestand kwam niet mee terug.`);
  downloadBase64(made.name, made.contentBase64, options.mime);
  return { downloaded: made.name, name: made.name };
}
