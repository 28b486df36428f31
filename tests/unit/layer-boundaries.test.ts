import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules of docs/architecture.md, as the lint step of `npm test` enforces them. */
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

// Loading ESLint and its plugins takes seconds on a busy machine; the rules are what is tested.
describe('layer boundaries', { timeout: 120_000 }, () => {
  it('keeps shared/ pure: no Node modules, no I/O packages, nothing from electron/ or renderer/', async () => {
    expect(await problems('shared/format/probe.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([expect.stringContaining('shared/ is puur')]);
    expect(await problems('shared/format/probe.ts', "import path from 'path';\nexport const a = path;\n")).toHaveLength(1);
    expect(await problems('shared/format/probe.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toHaveLength(1);
    expect(await problems('shared/format/probe.ts', "import { x } from '../../electron/backend/session.ts';\nexport const a = x;\n")).toHaveLength(1);
    expect(await problems('shared/format/probe.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([]);
  });

  it('keeps electron out of the backend, the command line and the preview host', async () => {
    for (const file of ['electron/backend/probe.ts', 'electron/cli/probe.ts', 'electron/preview/probe.ts']) {
      expect(await problems(file, "import { app } from 'electron';\nexport const a = app;\n")).toEqual([expect.stringContaining('zonder Electron')]);
    }
    expect(await problems('electron/main/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });

  it('lets the renderer use shared/ and its own packages only', async () => {
    const file = 'renderer/src/components/Probe.tsx';
    expect(await problems(file, "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toHaveLength(1);
    expect(await problems(file, "import os from 'node:os';\nexport const a = os;\n")).toHaveLength(1);
    expect(await problems(file, "import { openSession } from '../../../electron/backend/session.ts';\nexport const a = openSession;\n")).toEqual([expect.stringContaining('alleen shared/')]);
    expect(await problems(file, "import { formatEuro } from '../../../shared/format/nl.ts';\nimport { useState } from 'react';\nexport const a = [formatEuro, useState];\n")).toEqual([]);
  });
});
