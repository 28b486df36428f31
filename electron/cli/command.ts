import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiError } from '../../shared/api/errors.ts';
import type { WerkboekClient } from '../../shared/api/index.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext {
  io: CliIo;
  /** A client on a fresh in-process backend; the workbook it opens is closed when the command ends. */
  client(): WerkboekClient;
}

export interface Command {
  name: string;
  /** One Dutch line for `werkboek help`. */
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export class UsageError extends Error {}

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: command.options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nGebruik: ${command.usage}`);
  }
}

export function requirePositional(args: ParsedArgs, index: number, name: string, command: Command): string {
  const value = args.positionals[index];
  if (!value) throw new UsageError(`${name} ontbreekt.\nGebruik: ${command.usage}`);
  return value;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requireOption(args: ParsedArgs, name: string, command: Command): string {
  const value = stringOption(args, name);
  if (!value) throw new UsageError(`--${name} ontbreekt.\nGebruik: ${command.usage}`);
  return value;
}

/** `--map field=column` given once or more → { field: column }. */
export function mappingOption(args: ParsedArgs, command: Command): Record<string, string> | undefined {
  const raw = args.values.map;
  if (raw === undefined) return undefined;
  const list = Array.isArray(raw) ? raw : [String(raw)];
  const mapping: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--map verwacht veld=kolom, niet "${item}".\nGebruik: ${command.usage}`);
    mapping[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return mapping;
}

/** `--option key=value` given once or more → { key: value } (e.g. the staff import's referenceDate). */
export function keyValueOption(args: ParsedArgs, name: string, command: Command): Record<string, string> | undefined {
  const raw = args.values[name];
  if (raw === undefined) return undefined;
  const list = Array.isArray(raw) ? raw : [String(raw)];
  const values: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${name} verwacht sleutel=waarde, niet "${item}".\nGebruik: ${command.usage}`);
    values[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return values;
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
