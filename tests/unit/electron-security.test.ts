import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { INVOKE_CHANNEL, isAllowedNavigation, isTrustedSender, permissionDecision, PROGRESS_CHANNEL, resolveAppPath, secureWebPreferences, workbookArgument } from '../../electron/main/security.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';

describe('Electron window security', () => {
  it('turns on isolation and the sandbox and turns off Node in the renderer', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('allows navigation only within the bundled app', () => {
    expect(isAllowedNavigation('app://werkboek/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.org/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://evil/index.html')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
  });

  it('answers IPC only from our own main frame', () => {
    expect(isTrustedSender('app://werkboek/index.html', true)).toBe(true);
    expect(isTrustedSender('app://werkboek/index.html', false)).toBe(false);
    expect(isTrustedSender('https://example.org/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });

  it('grants no permissions', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(permissionDecision(permission)).toBe(false);
  });

  it('serves only files inside the renderer folder', () => {
    const dir = '/app/dist/renderer';
    expect(resolveAppPath('app://werkboek/assets/a.js', dir, path)).toBe('/app/dist/renderer/assets/a.js');
    expect(resolveAppPath('app://werkboek/', dir, path)).toBe('/app/dist/renderer/index.html');
    expect(resolveAppPath('app://werkboek/..%2F..%2Fsecret', dir, path)).toBeNull();
    expect(resolveAppPath('https://werkboek/index.html', dir, path)).toBeNull();
  });

  it('has a strict Content-Security-Policy without remote sources or eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    const html = fs.readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    expect(html).toContain("script-src 'self'");
  });

  it('the preload exposes only invoke and progress on the channels the main process serves', () => {
    const preload = fs.readFileSync(new URL('../../electron/preload/preload.ts', import.meta.url), 'utf8');
    expect(preload).toContain(`'${INVOKE_CHANNEL}'`);
    expect(preload).toContain(`'${PROGRESS_CHANNEL}'`);
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).not.toMatch(/require\(|process\.|ipcRenderer\.send\(/);
  });

  it('finds a workbook among command-line arguments', () => {
    expect(workbookArgument(['/usr/bin/werkboek', '--flag', '/home/a/OR.werkboek'])).toBe('/home/a/OR.werkboek');
    expect(workbookArgument(['/usr/bin/werkboek'])).toBeNull();
  });
});
