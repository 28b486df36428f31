import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const yaml = createRequire(createRequire(import.meta.url).resolve('electron-builder'))('js-yaml') as { load(text: string): Record<string, unknown> };
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

/**
 * The packed app's fuses (docs/security.md, "Electron fuses"). scripts/check-installer-config.mjs reads
 * them back from a packed binary in CI; this catches a changed configuration in every `npm test`.
 */
describe('the installers', () => {
  it('flip the Electron fuses that keep the signed app from running other code', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('carry the command line for every platform', () => {
    expect(config.extraResources).toContainEqual({ from: 'build/cli/${os}', to: 'bin' });
    for (const [os, file] of [['linux', 'werkboek'], ['mac', 'werkboek'], ['win', 'werkboek.cmd']]) {
      expect(fs.readFileSync(path.join(root, 'build/cli', os, file), 'utf8'), `${os}/${file}`).toContain('--cli');
    }
  });
});
