import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, net, protocol, safeStorage, session as electronSession, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiError } from '../../shared/api/errors.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import { createBackend, createSession, defaultDataDir, FileGrants, setNativeBinding, type Session } from '../backend/index.ts';
import { dialogShellHandlers, type NativeDialogs } from '../backend/shell-handlers.ts';
import { isCommandWord } from '../cli/main.ts';
import { commandLineArguments, runCommandLine } from './command-line.ts';
import { menuTemplate } from './menu.ts';
import { createSafeStorageProtector } from './safe-storage.ts';
import { APP_ORIGIN, APP_SCHEME, hardenWebContents, INVOKE_CHANNEL, isTrustedIpcEvent, permissionDecision, PROGRESS_CHANNEL, resolveAppPath, secureWebPreferences, workbookArgument, type HardenableContents } from './security.ts';

// The bundle lives in dist/electron; the app root is two levels up (also inside app.asar).
const appRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');

function electronNativeBinding(): string | undefined {
  const candidates = app.isPackaged
    ? [path.join(process.resourcesPath, 'native', 'better_sqlite3.node')]
    : [path.join(appRoot, 'build', 'native', `electron-${process.versions.electron}`, 'better_sqlite3.node')];
  return candidates.find((file) => fs.existsSync(file));
}

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

interface WindowState {
  window: BrowserWindow;
  session: Session;
  router: ReturnType<typeof createBackend>;
  grants: FileGrants;
}

const windows = new Map<number, WindowState>();

/** Electron's dialogs for one window; what the user chooses becomes a token (electron/backend/files/grants.ts). */
function nativeDialogs(window: BrowserWindow): NativeDialogs {
  return {
    async openFiles(input) {
      const result = await dialog.showOpenDialog(window, { title: input.title, filters: input.filters, properties: input.multiple ? ['openFile', 'multiSelections'] : ['openFile'] });
      return result.canceled ? [] : result.filePaths;
    },
    async saveFile(input) {
      const result = await dialog.showSaveDialog(window, { title: input.title, defaultPath: input.defaultName, filters: input.filters, properties: ['showOverwriteConfirmation', 'createDirectory'] });
      return result.canceled ? null : (result.filePath ?? null);
    },
    async openFolder(input) {
      const result = await dialog.showOpenDialog(window, { title: input.title, properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    // The "Plakken" button: the renderer has no clipboard permission (security.ts denies them all), the main process reads it.
    readClipboard() {
      return { text: clipboard.readText(), html: clipboard.readHTML() };
    },
  };
}

function windowWithWorkbook(file: string): WindowState | undefined {
  const wanted = path.resolve(file);
  return [...windows.values()].find((state) => state.session.workbook && path.resolve(state.session.workbook.path) === wanted);
}

function createWindow(workbookPath?: string | null): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Werkboek',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  const session = createSession({
    dataDir: defaultDataDir(),
    holder: 'Werkboek (venster)',
    // The department's signing key is sealed by the operating system where it can (see docs/security.md).
    keyProtector: createSafeStorageProtector(safeStorage, process.platform) ?? undefined,
    onProgress: (event) => {
      if (!window.isDestroyed()) window.webContents.send(PROGRESS_CHANNEL, event);
    },
  });
  const grants = new FileGrants();
  const router = createBackend({ shell: dialogShellHandlers(nativeDialogs(window), grants), files: grants });
  windows.set(window.webContents.id, { window, session, router, grants });
  window.on('closed', () => {
    session.close();
    windows.delete([...windows.entries()].find(([, s]) => s.window === window)?.[0] ?? -1);
  });
  window.once('ready-to-show', () => window.show());
  if (workbookPath) {
    try {
      session.open(workbookPath);
    } catch (error) {
      dialog.showErrorBox('Werkboek kon niet worden geopend', error instanceof Error ? error.message : String(error));
    }
  }
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** The file a `workbook.open` request names (a dialog's token or a recent workbook), to focus the window that has it. */
function workbookToOpen(state: WindowState, input: unknown): string | null {
  const request = input as { path?: { token?: unknown }; recent?: unknown } | null;
  if (typeof request?.path?.token === 'string') return state.grants.peek(request.path.token);
  return typeof request?.recent === 'string' ? request.recent : null;
}

async function invoke(event: IpcMainInvokeEvent, request: { method?: unknown; input?: unknown; jobId?: unknown }) {
  const state = windows.get(event.sender.id);
  if (!state || !isTrustedIpcEvent(event)) {
    return { ok: false, error: new ApiError('forbidden', 'Verzoek van een onbekende bron geweigerd.').toJSON() };
  }
  if (typeof request?.method !== 'string') return { ok: false, error: new ApiError('invalid_input', 'Opdracht ontbreekt.').toJSON() };
  const opening = request.method === 'workbook.open' ? workbookToOpen(state, request.input) : null;
  if (opening) {
    const other = windowWithWorkbook(opening);
    if (other && other !== state) {
      other.window.focus();
      return { ok: false, error: new ApiError('workbook_locked', 'Dit werkboek is al geopend in een ander venster; dat venster is naar voren gehaald.').toJSON() };
    }
  }
  return state.router.dispatch(state.session, request.method, request.input, typeof request.jobId === 'string' ? request.jobId : undefined);
}

function hardenSessions(): void {
  const ses = electronSession.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, rendererDir, path);
    if (!file || !fs.existsSync(file)) return new Response('Niet gevonden', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents as unknown as HardenableContents));

// `Werkboek --cli …` or `werkboek import …`: the command line, before any window or lock (command-line.ts).
const commandLine = commandLineArguments(process.argv, Boolean(process.defaultApp), isCommandWord);
if (commandLine) {
  void runCommandLine(app, commandLine, { nativeBinding: electronNativeBinding, setNativeBinding, keyProtector: () => createSafeStorageProtector(safeStorage, process.platform) });
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const file = workbookArgument(argv);
    const existing = file ? windowWithWorkbook(file) : undefined;
    if (existing) existing.window.focus();
    else createWindow(file);
  });
  app.whenReady().then(() => {
    setNativeBinding(electronNativeBinding());
    hardenSessions();
    ipcMain.handle(INVOKE_CHANNEL, invoke);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          {
            newWindow: () => createWindow(),
            openWorkbook: async () => {
              const result = await dialog.showOpenDialog({ title: 'Werkboek openen', filters: [{ name: 'Werkboek', extensions: ['werkboek'] }], properties: ['openFile'] });
              const file = result.filePaths[0];
              if (!file) return;
              const existing = windowWithWorkbook(file);
              if (existing) existing.window.focus();
              else createWindow(file);
            },
          },
          process.platform === 'darwin',
        ),
      ),
    );
    createWindow(workbookArgument(process.argv));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
