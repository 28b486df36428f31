import { defineConfig } from '@playwright/test';
import { browserPath } from '../../scripts/find-browser.mjs';

/**
 * The browser and the preview host must agree on "today": the UI computes deadlines in the browser's
 * zone and the backend in the Node process's zone. Around midnight UTC they disagreed by a day, so the
 * runner and its workers (which start the preview hosts) take the browser's zone.
 */
const timezoneId = process.env.WERKBOEK_E2E_TZ ?? 'Europe/Amsterdam';
process.env.TZ = timezoneId;

/**
 * End-to-end tests drive the real React UI in a Chromium found on the machine (scripts/find-browser.mjs)
 * against the loopback preview host, started per test by the `app` fixture.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    locale: 'nl-NL',
    timezoneId,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: browserPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    },
  },
  outputDir: '../../test-results/e2e',
});
