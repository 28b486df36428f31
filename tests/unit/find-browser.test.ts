import { describe, expect, it } from 'vitest';
import { findBrowser, installAdvice } from '../../scripts/find-browser.mjs';

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('the browser the end-to-end tests drive', () => {
  it('takes WERKBOEK_CHROMIUM first, and says so when it points at nothing', () => {
    const env = { WERKBOEK_CHROMIUM: '/opt/chrome/chrome' };
    expect(findBrowser({ env, platform: 'linux', exists: only('/opt/chrome/chrome', '/usr/bin/chromium'), playwrightPath: () => null })).toEqual({ path: '/opt/chrome/chrome', source: 'WERKBOEK_CHROMIUM' });
    const missing = findBrowser({ env, platform: 'linux', exists: only('/usr/bin/chromium'), playwrightPath: () => null });
    expect(missing.path).toBeNull();
    expect('problem' in missing && missing.problem).toContain('/opt/chrome/chrome');
  });

  it("finds Debian's Chromium, Chrome on macOS and Windows, then one that Playwright installed", () => {
    expect(findBrowser({ env: {}, platform: 'linux', exists: only('/usr/bin/chromium'), playwrightPath: () => '/pw/chrome' })).toEqual({ path: '/usr/bin/chromium', source: 'system' });
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser({ env: {}, platform: 'darwin', exists: only(mac), playwrightPath: () => null }).path).toBe(mac);
    const win = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ env: {}, platform: 'win32', exists: only(win), playwrightPath: () => null }).path).toBe(win);
    expect(findBrowser({ env: {}, platform: 'darwin', exists: only('/pw/chrome'), playwrightPath: () => '/pw/chrome' })).toEqual({ path: '/pw/chrome', source: 'playwright' });
  });

  it('finds nothing where nothing is, and names the one command that gets a browser', () => {
    const none = findBrowser({ env: {}, platform: 'linux', exists: () => false, playwrightPath: () => '/pw/chrome' });
    expect(none.path).toBeNull();
    expect(installAdvice('linux', true)).toBe('sudo apt-get install chromium');
    expect(installAdvice('darwin', false)).toBe('npx playwright install chromium');
  });
});
