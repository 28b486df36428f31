import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const copies = path.resolve(import.meta.dirname, '../fixtures/samples');
const team = path.resolve(import.meta.dirname, '../../../shared/samples');

describe('sample files', () => {
  it.skipIf(!fs.existsSync(team))('are byte-identical copies of the team folder', () => {
    for (const name of fs.readdirSync(team)) {
      expect(fs.readFileSync(path.join(copies, name)).equals(fs.readFileSync(path.join(team, name))), name).toBe(true);
    }
  });
});
