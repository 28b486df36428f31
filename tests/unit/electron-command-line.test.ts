import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCommandWord } from '../../electron/cli/main.ts';
import { commandLineArguments, runCommandLine } from '../../electron/main/command-line.ts';
import { APP_VERSION } from '../../shared/version.ts';

const packaged = (...args: string[]) => commandLineArguments(['/opt/Werkboek/werkboek', ...args], false, isCommandWord);

describe('the installed app as the command line', () => {
  it('runs a command given after --cli, or named as the first argument', () => {
    expect(packaged('--cli', 'import', 'or.werkboek', '--kind', 'ledger', 'g.csv')).toEqual(['import', 'or.werkboek', '--kind', 'ledger', 'g.csv']);
    expect(packaged('--no-sandbox', '--cli', 'help')).toEqual(['help']);
    expect(packaged('--cli')).toEqual([]);
    expect(packaged('import', 'or.werkboek', '--kind', 'ledger', 'g.csv')).toEqual(['import', 'or.werkboek', '--kind', 'ledger', 'g.csv']);
    expect(packaged('central', 'import', 'c.werkboek', 'map')).toEqual(['central', 'import', 'c.werkboek', 'map']);
    expect(packaged('--no-sandbox', 'help')).toEqual(['help']);
    expect(packaged('--version')).toEqual(['--version']);
    expect(packaged('--help')).toEqual(['--help']);
    // `electron .` in a checkout: the app path comes first.
    expect(commandLineArguments(['/usr/bin/electron', '.', 'report', 'or.werkboek'], true, isCommandWord)).toEqual(['report', 'or.werkboek']);
  });

  it('opens the app for a workbook, a double-click or a start from the Dock', () => {
    expect(packaged()).toBeNull();
    expect(packaged('/home/a/OR.werkboek')).toBeNull();
    expect(packaged('--no-sandbox', 'C:\\Werk\\import.werkboek')).toBeNull();
    expect(packaged('-psn_0_12345')).toBeNull();
    expect(commandLineArguments(['/usr/bin/electron', '.'], true, isCommandWord)).toBeNull();
  });

  describe('running it', () => {
    afterEach(() => vi.restoreAllMocks());
    const host = () => ({ whenReady: vi.fn(async () => undefined), disableHardwareAcceleration: vi.fn(), exit: vi.fn() });
    const setup = { nativeBinding: () => undefined, setNativeBinding: vi.fn(), keyProtector: () => null };

    it('answers as `npx werkboek` does and exits with its code, without a GPU', async () => {
      const written: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
        written.push(String(chunk));
        const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
        callback?.();
        return true;
      });
      const app = host();
      expect(await runCommandLine(app, ['--version'], setup)).toBe(0);
      expect(written.join('')).toContain(APP_VERSION);
      expect(app.exit).toHaveBeenCalledWith(0);
      expect(app.disableHardwareAcceleration).toHaveBeenCalled();
      expect(app.whenReady).toHaveBeenCalled();
    });

    it('exits 2 on wrong usage, as the command line does', async () => {
      vi.spyOn(process.stderr, 'write').mockImplementation((_chunk: string | Uint8Array, ...rest: unknown[]) => {
        (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.();
        return true;
      });
      const app = host();
      expect(await runCommandLine(app, ['opruimen'], setup)).toBe(2);
      expect(app.exit).toHaveBeenCalledWith(2);
    });
  });
});
