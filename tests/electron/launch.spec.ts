import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

test('the desktop app starts with a secure window and the start page in Dutch', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkboek-electron-'));
  const app = await electron.launch({ args: [root], env: { ...process.env, WERKBOEK_DATA_DIR: dataDir } });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Werkboek voor integraal managers' })).toBeVisible();
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0].webContents;
      return { url: wc.getURL(), prefs: (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences() };
    });
    expect(prefs.url).toBe('app://werkboek/index.html');
    expect(prefs.prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    // The renderer sees only the bridge, not Node.
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { werkboek: object }).werkboek).sort())).toEqual(['invoke', 'onProgress']);
    const capabilities = await window.evaluate(() => (window as unknown as { werkboek: { invoke(m: string, i: unknown): Promise<unknown> } }).werkboek.invoke('shell.capabilities', {}));
    expect(capabilities).toEqual({ ok: true, value: { nativeDialogs: true, host: 'electron' } });
  } finally {
    await app.close();
  }
});
