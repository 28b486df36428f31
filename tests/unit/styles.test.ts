import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Guards the stylesheet against a rule left open (a merge can cut a block in two without any error). */
describe('app.css', () => {
  const css = fs.readFileSync(new URL('../../renderer/src/styles/app.css', import.meta.url), 'utf8');

  it('closes every block it opens, and no top-level rule hides inside another block', () => {
    let depth = 0;
    const misplaced: string[] = [];
    css.split('\n').forEach((line, index) => {
      if (depth > 0 && /^[^\s}]/.test(line)) misplaced.push(`${index + 1}: ${line}`);
      for (const ch of line) {
        if (ch === '{') depth += 1;
        if (ch === '}') depth -= 1;
      }
      expect(depth, `line ${index + 1}`).toBeGreaterThanOrEqual(0);
    });
    expect(depth).toBe(0);
    expect(misplaced).toEqual([]);
  });
});
