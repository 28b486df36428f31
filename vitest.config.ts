import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/cli-build.global.ts'],
          // Real SQLite files and child processes: give slow machines room; tests assert behaviour, not speed.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // Crash tests (child processes killed at random moments) and property-based tests of every
          // importer: minutes, not seconds, so they are their own project (npx vitest run --project reliability).
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
          environment: 'node',
          testTimeout: 900_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
