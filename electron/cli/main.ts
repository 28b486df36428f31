import { ApiError } from '../../shared/api/errors.ts';
import { APP_VERSION } from '../../shared/version.ts';
import { defaultDataDir } from '../backend/data-dir.ts';
import type { KeyProtector } from '../backend/exchange/key-protector.ts';
import { describeError, parseCommandArgs, UsageError, type CliIo, type Command } from './command.ts';
import { commands } from './commands/index.ts';

/** The first word of every command, and the words that ask for help or the version. */
const COMMAND_WORDS = new Set([...commands.map((c) => c.name.split(' ')[0]), 'help', 'version', '--help', '-h', '--version']);

/** Whether `word` starts a command-line call (the installed app decides with it whether to open a window). */
export function isCommandWord(word: string): boolean {
  return COMMAND_WORDS.has(word);
}

export interface CliOptions {
  /** How the department's signing key is sealed; the desktop app's own protector when the installed app runs a command. */
  keyProtector?: KeyProtector;
}

/** A script that reads only the first lines (`werkboek help | head`) closes the pipe: that is no error. */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

const consoleIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function help(io: CliIo): void {
  io.out(`Werkboek ${APP_VERSION}: opdrachtregel voor batchwerk\n`);
  io.out('Gebruik: werkboek OPDRACHT …\n');
  for (const command of commands) io.out(`  ${command.name.padEnd(18)} ${command.summary}\n      ${command.usage}`);
  io.out('\nUitgangscode: 0 gelukt, 1 geweigerd of fout in de invoer, 2 verkeerd gebruik.');
}

/** Exit codes: 0 success, 1 refused (bad input, bad file), 2 wrong usage. */
export async function main(argv: string[], io: CliIo = consoleIo, options: CliOptions = {}): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === 'version') {
    io.out(APP_VERSION);
    return 0;
  }
  // Subcommands such as "central import" are named with a space.
  const command: Command | undefined = commands.find((c) => c.name === `${name} ${rest[0]}`) ?? commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Onbekende opdracht "${name}". Zie: werkboek help`);
    return 2;
  }
  const args = command.name.includes(' ') ? rest.slice(1) : rest;
  const sessions: Array<{ close(): void }> = [];
  try {
    const parsed = parseCommandArgs(command, args);
    // The backend (SQLite, importers, exports) is loaded only for a command that runs: `help` and a
    // wrong flag answer without it, at once.
    const { createLocalClient } = await import('../backend/local-client.ts');
    return await command.run(parsed, {
      io,
      client() {
        const { client, session } = createLocalClient({ dataDir: defaultDataDir(), holder: 'werkboek-cli', rememberRecent: false, keyProtector: options.keyProtector });
        sessions.push(session);
        return client;
      },
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof ApiError || error instanceof Error) {
      io.err(`Fout: ${describeError(error)}`);
      if (!(error instanceof ApiError)) io.err(String(error.stack));
      return 1;
    }
    io.err(`Fout: ${String(error)}`);
    return 1;
  } finally {
    for (const session of sessions) session.close();
  }
}
