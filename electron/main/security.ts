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
    // Middle-click ("auxclick") could open links outside the window-open handler's view.
    disableBlinkFeatures: 'Auxclick',
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

/** The sender of an IPC call, as Electron passes it: the frame that sent it and its page's main frame. */
export interface IpcSenderLike {
  senderFrame?: { url: string } | null;
  sender: { mainFrame: unknown };
}

/** The IPC check main.ts applies to every invoke: our own page's top frame only. */
export function isTrustedIpcEvent(event: IpcSenderLike): boolean {
  const frame = event.senderFrame ?? null;
  return frame !== null && isTrustedSender(frame.url, frame === event.sender.mainFrame);
}

/** New windows (window.open, target=_blank, middle-click) are never opened, and nothing is handed to the OS. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

type Preventable = { preventDefault(): void };

/** What main.ts needs of a webContents to harden it; Electron's WebContents fits. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/** Applied to every webContents Electron creates: navigation only within the app, no webviews, no new windows. */
export function hardenWebContents(contents: HardenableContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenDecision);
}

/** The app needs no camera, microphone, location, notifications or anything else. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** The parts of node:path this needs: `path` itself, or `path.win32` in a test of Windows paths. */
export interface PathFunctions {
  join(...parts: string[]): string;
  normalize(p: string): string;
  sep: string;
}

/** Maps an app:// URL to a file inside the renderer folder, or null when it would escape it or cannot be decoded. */
export function resolveAppPath(url: string, rendererDir: string, paths: PathFunctions): string | null {
  if (!isAllowedNavigation(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '') || 'index.html';
  } catch {
    return null;
  }
  const root = paths.normalize(rendererDir).replace(/[\\/]+$/, '');
  const resolved = paths.normalize(paths.join(root, pathname));
  // With the separator: "renderer-x" beside "renderer" is outside it.
  if (!resolved.startsWith(root + paths.sep)) return null;
  return resolved;
}

export function workbookArgument(argv: string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().endsWith('.werkboek')) ?? null;
}
