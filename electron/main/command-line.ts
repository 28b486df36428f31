import type { KeyProtector } from '../backend/exchange/key-protector.ts';

/** The app as the command line needs it: passed in, so this file is tested under plain Node. */
export interface CommandLineHost {
  whenReady(): Promise<unknown>;
  disableHardwareAcceleration(): void;
  exit(code: number): void;
}

/** Asking the command line for help or the version: `Werkboek --help` opens no window. */
const HELP_FLAGS = new Set(['--help', '-h', '--version']);

/**
 * The command-line arguments when the installed app is called as the command line, or null for a
 * desktop start. Two forms: `Werkboek --cli import …` (everything after --cli), and `werkboek import …`
 * where the program itself is on the PATH (the Linux packages link /usr/bin/werkboek to it): the first
 * argument is a command word. Switches before it (Chromium's own, such as --no-sandbox or macOS's
 * -psn_…) are skipped; a workbook path (a double-click, a file association) is no command word, so it
 * still opens the app.
 */
export function commandLineArguments(argv: readonly string[], defaultApp: boolean, isCommandWord: (word: string) => boolean): string[] | null {
  const explicit = argv.indexOf('--cli');
  if (explicit >= 0) return argv.slice(explicit + 1);
  // Packaged: [exe, …args]; `electron .` in a checkout: [electron, ., …args].
  const args = argv.slice(defaultApp ? 2 : 1);
  let first = 0;
  while (first < args.length && args[first].startsWith('-') && !HELP_FLAGS.has(args[first])) first += 1;
  const word = args[first];
  return word !== undefined && (HELP_FLAGS.has(word) || isCommandWord(word)) ? args.slice(first) : null;
}

function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write('', () => resolve());
  });
}

/**
 * Runs one command in the main process, as `npx werkboek` runs it under Node: the same commands,
 * output and exit codes. No window, no single-instance lock (the app may be open beside it), no GPU.
 * It waits for the app to be ready only because the OS key store (safeStorage) needs that on Linux:
 * the installed command line then unseals the department's signing key as the app does.
 */
export async function runCommandLine(
  host: CommandLineHost,
  args: string[],
  setup: { nativeBinding: () => string | undefined; setNativeBinding: (file: string | undefined) => void; keyProtector: () => KeyProtector | null },
): Promise<number> {
  host.disableHardwareAcceleration();
  let code = 1;
  try {
    await host.whenReady();
    setup.setNativeBinding(setup.nativeBinding());
    const { main, quietOnClosedPipe } = await import('../cli/main.ts');
    quietOnClosedPipe();
    code = await main(args, undefined, { keyProtector: setup.keyProtector() ?? undefined });
  } catch (error) {
    process.stderr.write(`Fout: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  // Output to a pipe may still be on its way: exit only once it is written.
  await drained(process.stdout);
  await drained(process.stderr);
  host.exit(code);
  return code;
}
