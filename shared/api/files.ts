import { z } from 'zod';

/**
 * How a caller may name files on this computer. The renderer is not trusted with paths: code running in
 * the page (or anyone holding the preview host's key) could otherwise read or overwrite any file the user
 * can. So the transports that face a renderer never accept a typed path:
 *
 * - the desktop app's main process shows a native dialog and hands the renderer an unguessable token for
 *   the path the user chose there (`shell.openFile`, `shell.saveFile`, `shell.openFolder`); the backend
 *   redeems the token for that path, and a save token only once;
 * - the browser preview has no dialogs: it takes the file's bytes (upload) and returns bytes (download);
 * - the command line and in-process callers (tests, benchmarks) name files by path, as typed by the user.
 *
 * The policy belongs to the transport (its Router), and is applied while the contract's zod schemas parse a
 * request: a path field is a `pathRef`, which turns a token into its path, refuses a raw path where the
 * transport does not allow one, and hands the handler a plain path either way.
 */
export type FileUse = 'open' | 'save' | 'folder';

export interface FileAccessPolicy {
  /** True only for the command line and in-process callers. */
  readonly rawPaths: boolean;
  /** The path the user chose in the host's dialog for this token and use; null for an unknown or used token. */
  redeem(token: string, use: FileUse): string | null;
}

/** No raw paths, no tokens: what a request is parsed with outside a router. */
export const NO_FILE_ACCESS: FileAccessPolicy = { rawPaths: false, redeem: () => null };

let active: FileAccessPolicy = NO_FILE_ACCESS;

/**
 * Parses a request under a transport's policy. zod parses synchronously, so the policy is in force for
 * exactly this parse and no other request's.
 */
export function withFileAccess<T>(policy: FileAccessPolicy, parse: () => T): T {
  const previous = active;
  active = policy;
  try {
    return parse();
  } finally {
    active = previous;
  }
}

/** Marks an issue that must reach the user as "forbidden", not as invalid input. */
export const FORBIDDEN_ISSUE = 'werkboek:forbidden';

const RAW_PATH_REFUSED =
  'Een bestandspad wordt alleen van de opdrachtregel aanvaard. Kies het bestand in het venster (Bladeren), of laad het op in de browserweergave.';
const TOKEN_REFUSED = 'Deze bestandskeuze is niet (meer) geldig. Kies het bestand opnieuw.';

export const fileTokenSchema = z.object({ token: z.string().min(1).max(200) }).strict();
export type FileToken = z.infer<typeof fileTokenSchema>;

type IssueSink = { addIssue(issue: { code: 'custom'; message: string; params: Record<string, unknown> }): void };

function resolve(value: string | FileToken, use: FileUse, ctx: IssueSink): string {
  if (typeof value === 'string') {
    if (active.rawPaths) return value;
    ctx.addIssue({ code: 'custom', message: RAW_PATH_REFUSED, params: { [FORBIDDEN_ISSUE]: true } });
    return z.NEVER;
  }
  const chosen = active.redeem(value.token, use);
  if (chosen !== null) return chosen;
  ctx.addIssue({ code: 'custom', message: TOKEN_REFUSED, params: { [FORBIDDEN_ISSUE]: true } });
  return z.NEVER;
}

/**
 * A file or folder named by the caller: a path (command line only) or `{ token }` from the host's dialog.
 * Parsed, it is the path.
 */
export function pathRef(use: FileUse) {
  return z.union([z.string().min(1), fileTokenSchema]).transform((value, ctx) => resolve(value, use, ctx));
}

/** Where to write a file the user asked for: a path (command line) or a save dialog's token. */
export const saveTargetSchema = pathRef('save');
export type SaveTargetInput = z.input<typeof saveTargetSchema>;

/**
 * A file to read: a path (command line), an open dialog's token (desktop app), or its bytes (browser
 * preview upload). Parsed, a token becomes `{ path }`.
 */
export const fileSourceSchema = z.union([
  z.object({ path: z.string().min(1).transform((value, ctx) => resolve(value, 'open', ctx)) }).strict(),
  fileTokenSchema.transform((value, ctx) => ({ path: resolve(value, 'open', ctx) })),
  z.object({ name: z.string().min(1), contentBase64: z.string() }).strict(),
]);
export type FileSourceInput = z.input<typeof fileSourceSchema>;

/** A file as the user sees it after a dialog: the token for the backend, the path and name to show. */
export interface ChosenFile {
  token: string;
  path: string;
  name: string;
}
