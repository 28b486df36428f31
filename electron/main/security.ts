/**
 * The Electron window's security rules as plain data and functions, so they are unit-tested under
 * Node without Electron. main.ts only wires them in.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'werkboek';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const INVOKE_CHANNEL = 'werkboek:invoke';
export const PROGRESS_CHANNEL = 'werkboek:progress';

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

/** Only our own bundled pages may be shown; everything else (links, drag-and-drop, redirects) is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** IPC is answered only for our own top-level page, never for a frame or page from elsewhere. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAllowedNavigation(frameUrl);
}

/** The app needs no camera, microphone, location, notifications or anything else. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** Maps an app:// URL to a file inside the renderer folder, or null when it would escape it. */
export function resolveAppPath(url: string, rendererDir: string, join: (...parts: string[]) => string, normalize: (p: string) => string): string | null {
  if (!isAllowedNavigation(url)) return null;
  const pathname = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '') || 'index.html';
  const root = normalize(rendererDir);
  const resolved = normalize(join(root, pathname));
  if (!resolved.startsWith(root)) return null;
  return resolved;
}

export function workbookArgument(argv: string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().endsWith('.werkboek')) ?? null;
}
