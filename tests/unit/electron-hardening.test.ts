import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import os from 'node:os';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { createSafeStorageProtector, SAFE_STORAGE_PROTECTOR_ID, type SafeStorageLike } from '../../electron/main/safe-storage.ts';
import { hardenWebContents, INVOKE_CHANNEL, isTrustedIpcEvent, PROGRESS_CHANNEL, resolveAppPath, secureWebPreferences, windowOpenDecision, type HardenableContents } from '../../electron/main/security.ts';

const source = (file: string) => fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('the window and its webContents', () => {
  it('uses the secure preferences for every window, with auxclick off', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ disableBlinkFeatures: 'Auxclick', navigateOnDragDrop: false, nodeIntegrationInWorker: false, experimentalFeatures: false });
    const main = source('electron/main/main.ts');
    const windows = main.match(/new BrowserWindow\(\{[\s\S]*?\}\);/g) ?? [];
    expect(windows.length).toBeGreaterThan(0);
    // The scanner cannot follow the function call (see .ci/electronegativity-allowlist.json): this test does.
    for (const window of windows) expect(window).toMatch(/webPreferences: secureWebPreferences\(/);
    expect(main).not.toMatch(/webPreferences:\s*\{/);
  });

  it('blocks navigation away from the app, redirects, webviews and every new window', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents: HardenableContents = {
      on: ((event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(event, listener)) as HardenableContents['on'],
      setWindowOpenHandler: (handler) => (openHandler = handler),
    };
    hardenWebContents(contents);
    const fire = (name: string, url?: string) => {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(fire('will-navigate', 'https://phishing.example/login')).toBe(true);
    expect(fire('will-navigate', 'file:///C:/Users/a/Downloads/x.html')).toBe(true);
    expect(fire('will-navigate', 'app://werkboek/index.html#/budget')).toBe(false);
    expect(fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
    expect(openHandler!()).toEqual({ action: 'deny' });
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    // main.ts applies this to every webContents Electron creates.
    expect(source('electron/main/main.ts')).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => hardenWebContents\(/);
  });

  it('answers IPC only for our own page in its top frame', () => {
    const mainFrame = { url: 'app://werkboek/index.html' };
    expect(isTrustedIpcEvent({ senderFrame: mainFrame, sender: { mainFrame } })).toBe(true);
    const child = { url: 'app://werkboek/index.html' };
    expect(isTrustedIpcEvent({ senderFrame: child, sender: { mainFrame } })).toBe(false);
    const foreign = { url: 'https://example.org/' };
    expect(isTrustedIpcEvent({ senderFrame: foreign, sender: { mainFrame: foreign } })).toBe(false);
    const devtools = { url: 'devtools://devtools/bundled/inspector.html' };
    expect(isTrustedIpcEvent({ senderFrame: devtools, sender: { mainFrame: devtools } })).toBe(false);
    expect(isTrustedIpcEvent({ senderFrame: null, sender: { mainFrame } })).toBe(false);
    expect(source('electron/main/main.ts')).toMatch(/if \(!state \|\| !isTrustedIpcEvent\(event\)\)/);
  });

  it('serves no file outside the renderer folder, however the path is encoded', () => {
    const dir = '/app/dist/renderer';
    for (const url of ['app://werkboek/%2e%2e/%2e%2e/etc/passwd', 'app://werkboek/..%2f..%2fsecret', 'app://werkboek/assets/%2E%2E/%2E%2E/x', 'app://werkboek//etc/passwd/../../../x']) {
      const resolved = resolveAppPath(url, dir, path);
      expect(resolved === null || resolved.startsWith(`${dir}/`), url).toBe(true);
    }
    const win = resolveAppPath('app://werkboek/..%5C..%5Cwindows%5Cwin.ini', 'C:\\app\\renderer', path.win32);
    expect(win).toBeNull();
    // A sibling folder whose name starts with the renderer folder's name is outside it.
    expect(resolveAppPath('app://werkboek/..%2Frenderer-x%2Ff', dir, path)).toBeNull();
    expect(resolveAppPath('app://werkboek/..%5Crenderer-x%5Cf', 'C:\\app\\renderer', path.win32)).toBeNull();
    expect(resolveAppPath('app://werkboek/assets/a.js', 'C:\\app\\renderer', path.win32)).toBe('C:\\app\\renderer\\assets\\a.js');
    // A path that is no valid percent-encoding is refused, not thrown.
    expect(resolveAppPath('app://werkboek/%E0%A4%A', dir, path)).toBeNull();
  });
});

describe('the preload', () => {
  const exposed: Record<string, unknown> = {};
  const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
  const on = vi.fn();
  const removeListener = vi.fn();
  beforeEach(async () => {
    vi.resetModules();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
      ipcRenderer: { invoke, on, removeListener, send: vi.fn(), sendSync: vi.fn() },
    }));
    await import('../../electron/preload/preload.ts');
  });

  it('exposes exactly one object with the typed invoke and the progress events, nothing else', async () => {
    expect(Object.keys(exposed)).toEqual(['werkboek']);
    const api = exposed.werkboek as { invoke(method: string, input: unknown, jobId?: string): Promise<unknown>; onProgress(listener: (event: unknown) => void): () => void };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onProgress']);
    await api.invoke('budget.summary', { year: 2027 }, 'job-1');
    // Only the invoke channel, with only method, input and job id: no channel name from the page.
    expect(invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, { method: 'budget.summary', input: { year: 2027 }, jobId: 'job-1' });
    const listener = vi.fn();
    const unsubscribe = api.onProgress(listener);
    expect(on).toHaveBeenCalledWith(PROGRESS_CHANNEL, expect.any(Function));
    const handler = on.mock.calls[0][1] as (event: unknown, progress: unknown) => void;
    handler({ sender: 'the IPC event, not for the page' }, { phase: 'x' });
    expect(listener).toHaveBeenCalledWith({ phase: 'x' });
    unsubscribe();
    expect(removeListener).toHaveBeenCalledWith(PROGRESS_CHANNEL, handler);
  });
});

describe('protecting the signing key', () => {
  /** A stand-in for the OS key store: reversible, but not the identity. */
  function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike & { calls: number } {
    const store = {
      calls: 0,
      isEncryptionAvailable: () => options.available ?? true,
      encryptString(text: string) {
        store.calls += 1;
        return Buffer.from([...Buffer.from(text, 'utf8')].map((b) => b ^ 0x5a));
      },
      decryptString(bytes: Buffer) {
        return Buffer.from([...bytes].map((b) => b ^ 0x5a)).toString('utf8');
      },
      getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    };
    return store;
  }
  const key = Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 7) % 256));

  it('seals the key with safeStorage where the OS has a key store, bound to the workbook', () => {
    const storage = fakeSafeStorage();
    const protector = createSafeStorageProtector(storage, 'win32')!;
    expect(protector.id).toBe(SAFE_STORAGE_PROTECTOR_ID);
    const sealed = protector.protect(key, 'workbook-1');
    expect(storage.calls).toBe(1);
    expect(Buffer.from(sealed, 'base64').includes(key)).toBe(false);
    expect(sealed.includes(key.toString('base64'))).toBe(false);
    expect(protector.unprotect(sealed, 'workbook-1')).toEqual(key);
    expect(() => protector.unprotect(sealed, 'workbook-2')).toThrow(/hoort niet bij dit werkboek/);
  });

  it('does not pretend: without a real key store (Linux basic_text, or none) there is no safeStorage protector', () => {
    expect(createSafeStorageProtector(fakeSafeStorage({ backend: 'basic_text' }), 'linux')).toBeNull();
    expect(createSafeStorageProtector(fakeSafeStorage({ available: false }), 'darwin')).toBeNull();
    expect(createSafeStorageProtector(fakeSafeStorage({ backend: 'kwallet5' }), 'linux')).not.toBeNull();
  });

  it('refuses with a clear message where the key cannot be opened', () => {
    const sealed = createSafeStorageProtector(fakeSafeStorage(), 'darwin')!.protect(key, 'workbook-1');
    const otherUser: SafeStorageLike = {
      ...fakeSafeStorage(),
      decryptString: () => {
        throw new Error('cannot decrypt');
      },
    };
    expect(() => createSafeStorageProtector(otherUser, 'darwin')!.unprotect(sealed, 'workbook-1')).toThrow(/andere gebruiker of computer/);
  });

  it('signs with the app’s protector; a session without it (the CLI) says to sign in the app', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkboek-safestorage-'));
    const keyProtector = createSafeStorageProtector(fakeSafeStorage(), 'darwin')!;
    const app = createLocalClient({ dataDir: path.join(dir, 'data'), keyProtector });
    const file = path.join(dir, 'or.werkboek');
    await app.client.workbook.create({ path: file, kind: 'department', organisation: 'Gemeente X', departmentCode: 'OR', fiscalYear: 2027, owner: 'Hoofd', costCentres: [{ code: 'OR01', name: '', taakveld: null }] });
    await app.client.budget.createLine({ year: 2027, costCentre: 'OR01', account: '4300', accountName: 'Huisvesting', kind: 'lasten', primitiveCents: 100 });
    const exported = await app.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR.wbx') });
    expect(fs.existsSync(exported.package.path!)).toBe(true);
    app.session.close();
    const cli = createLocalClient({ dataDir: path.join(dir, 'data') });
    await cli.client.workbook.open({ path: file });
    await expect(cli.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR-2.wbx') })).rejects.toThrow(/electron-safestorage-v1.*Onderteken met de app/);
    cli.session.close();
  });
});
