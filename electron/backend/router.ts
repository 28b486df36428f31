import { z } from 'zod';
import type { Contract, OutputOf, ParsedInputOf } from '../../shared/api/contract.ts';
import { ApiError, type ApiResult } from '../../shared/api/errors.ts';
import { describeInputIssues, plainIssueMessage, type InputIssue } from '../../shared/api/input-words.ts';
import { FORBIDDEN_ISSUE, withFileAccess, type FileAccessPolicy } from '../../shared/api/files.ts';
import { progressReporter, type ProgressReporter } from './progress.ts';
import type { Session } from './session.ts';
import type { Workbook } from './workbook/workbook.ts';
import { backendWords, withLanguage } from './words.ts';
import { closedYearError } from './workbook/year-close.ts';

z.config(z.locales.nl());
// Plain Dutch for zod's own messages ("ontbreekt" rather than "verwacht string, ontving undefined").
z.config({ customError: (issue) => plainIssueMessage(issue as InputIssue, backendWords()) });

export interface HandlerContext {
  session: Session;
  method: string;
  progress?: ProgressReporter;
  /** The open workbook, or a `no_workbook` error. */
  wb(): Workbook;
}

export type Handler<M> = (input: ParsedInputOf<M>, ctx: HandlerContext) => OutputOf<M> | Promise<OutputOf<M>>;
export type Handlers<C extends Contract> = { [K in keyof C]: Handler<C[K]> };


function sqliteMessage(error: Error & { code?: string }): ApiError | null {
  if (!error.code?.startsWith('SQLITE_')) return null;
  const closed = closedYearError(error);
  if (closed) return closed;
  if (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new ApiError('conflict', 'Dit bestaat al in het werkboek (dubbele sleutel).', { sqlite: error.message });
  }
  if (error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new ApiError('conflict', 'Dit verwijst naar iets dat niet (meer) bestaat, of er verwijst nog iets naar.', { sqlite: error.message });
  if (error.code === 'SQLITE_READONLY') return new ApiError('read_only', 'Dit werkboek is alleen-lezen.');
  if (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED') return new ApiError('workbook_locked', 'Het werkboek is bezet door een ander programma. Probeer het zo opnieuw.');
  if (error.code === 'SQLITE_CORRUPT' || error.code === 'SQLITE_NOTADB') return new ApiError('workbook_corrupt', 'Het werkboek is beschadigd. Herstel een reservekopie.');
  if (error.code === 'SQLITE_FULL') return new ApiError('internal', 'De schijf is vol; de wijziging is niet opgeslagen.');
  return null;
}

/** A file reference the transport may not use (a raw path from a renderer, a forged token), also inside a union's options. */
function forbiddenIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue | null {
  for (const issue of issues) {
    if (issue.code === 'custom' && issue.params?.[FORBIDDEN_ISSUE]) return issue;
    if (issue.code === 'invalid_union') {
      for (const option of issue.errors) {
        const found = forbiddenIssue(option);
        if (found) return found;
      }
    }
  }
  return null;
}

/** What the operating system refused, in Dutch and with the place, instead of "EACCES" and a stack trace. */
function fileSystemMessage(error: NodeJS.ErrnoException): ApiError | null {
  const where = error.path ? ` (${error.path})` : '';
  if (error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS') {
    return new ApiError('read_only', `Werkboek mag hier niet schrijven${where}: de map of het bestand is alleen-lezen. Kies een andere map, of vraag uw IT-afdeling om schrijfrechten.`);
  }
  if (error.code === 'ENOSPC') return new ApiError('internal', `De schijf is vol${where}; er is niets opgeslagen.`);
  return null;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof z.ZodError) {
    const forbidden = forbiddenIssue(error.issues);
    if (forbidden) return new ApiError('forbidden', forbidden.message);
    // Fields by their labels, never API keys or paths; the issues stay in details for scripts.
    const described = describeInputIssues(error.issues as InputIssue[], backendWords());
    return new ApiError('invalid_input', backendWords().t('inputIssues.invalid', { message: described.message }), { issues: error.issues, fields: described.fields });
  }
  if (error instanceof Error) {
    const mapped = sqliteMessage(error as Error & { code?: string }) ?? fileSystemMessage(error as NodeJS.ErrnoException);
    if (mapped) return mapped;
    return new ApiError('internal', `Er ging iets onverwachts mis: ${error.message}`);
  }
  return new ApiError('internal', 'Er ging iets onverwachts mis.');
}

/**
 * The one router: validates input with the contract's zod schema, runs the handler in the
 * session's queue, and always answers with a result, never a thrown exception.
 */
export class Router<C extends Contract> {
  constructor(
    private readonly contract: C,
    private readonly handlers: Handlers<C>,
    /** How this transport's callers may name files: see shared/api/files.ts. */
    readonly files: FileAccessPolicy,
  ) {
    for (const name of Object.keys(contract)) {
      if (!(name in handlers)) throw new Error(`No handler for contract method ${name}`);
    }
  }

  has(method: string): boolean {
    return Object.hasOwn(this.contract, method);
  }

  async dispatch(session: Session, method: string, rawInput: unknown, jobId?: string): Promise<ApiResult<unknown>> {
    if (!this.has(method)) {
      return { ok: false, error: new ApiError('unknown_method', `Onbekende opdracht "${method}".`).toJSON() };
    }
    const definition = this.contract[method];
    const parsed = withLanguage(session.language, () => withFileAccess(this.files, () => definition.input.safeParse(rawInput ?? {})));
    if (!parsed.success) return { ok: false, error: withLanguage(session.language, () => toApiError(parsed.error)).toJSON() };
    const handler = this.handlers[method as keyof C] as Handler<unknown>;
    const ctx: HandlerContext = {
      session,
      method,
      progress: progressReporter(jobId, method, session.options.onProgress),
      wb: () => {
        const wb = session.requireWorkbook();
        if (definition.mutates) wb.requireWritable();
        return wb;
      },
    };
    // Texts for people, also in errors, follow the window's language (electron/backend/words.ts).
    return session.enqueue(() =>
      withLanguage(session.language, async () => {
        try {
          const value = await handler(parsed.data as never, ctx);
          return { ok: true as const, value: value === undefined ? null : value };
        } catch (error) {
          const apiError = toApiError(error);
          if (apiError.code === 'internal') console.error(`[werkboek] ${method} failed:`, error);
          return { ok: false as const, error: apiError.toJSON() };
        }
      }),
    );
  }
}
