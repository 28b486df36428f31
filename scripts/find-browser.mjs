// Which Chromium the browser tests (and the screenshot and benchmark scripts) drive. The end-to-end
// tests run in a browser already on the machine; they never download one behind the user's back.
// Order: WERKBOEK_CHROMIUM, the system's Chromium or Chrome, then one that Playwright installed.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_BROWSERS = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
};

function playwrightChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * @param {{ env?: Record<string, string | undefined>, platform?: string, exists?: (p: string) => boolean, playwrightPath?: () => string | null }} [deps]
 * @returns {{ path: string, source: 'WERKBOEK_CHROMIUM' | 'system' | 'playwright' } | { path: null, problem: string }}
 */
export function findBrowser(deps = {}) {
  const env = deps.env ?? process.env;
  const platform = deps.platform ?? process.platform;
  const exists = deps.exists ?? ((p) => fs.existsSync(p));
  const playwrightPath = deps.playwrightPath ?? playwrightChromium;
  if (env.WERKBOEK_CHROMIUM) {
    if (exists(env.WERKBOEK_CHROMIUM)) return { path: env.WERKBOEK_CHROMIUM, source: 'WERKBOEK_CHROMIUM' };
    return { path: null, problem: `WERKBOEK_CHROMIUM wijst naar ${env.WERKBOEK_CHROMIUM}, maar daar staat geen browser.` };
  }
  const system = (SYSTEM_BROWSERS[platform] ?? []).find((p) => exists(p));
  if (system) return { path: system, source: 'system' };
  const installed = playwrightPath();
  if (installed && exists(installed)) return { path: installed, source: 'playwright' };
  return { path: null, problem: 'Er is geen Chromium of Chrome gevonden voor de browsertests.' };
}

/** The one command that gets a browser on this platform, for the message when none is found. */
export function installAdvice(platform = process.platform, isDebian = fs.existsSync('/etc/debian_version')) {
  if (platform === 'linux' && isDebian) return 'sudo apt-get install chromium';
  return 'npx playwright install chromium';
}

/** The path to launch, or the system default when nothing is found (Playwright then says what is missing). */
export function browserPath() {
  const found = findBrowser();
  return found.path ?? undefined;
}
