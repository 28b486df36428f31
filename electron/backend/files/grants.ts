import crypto from 'node:crypto';
import path from 'node:path';
import type { ChosenFile, FileAccessPolicy, FileUse } from '../../../shared/api/files.ts';

interface Grant {
  path: string;
  use: FileUse;
}

/** More than a user chooses in one sitting; the oldest choices are forgotten first. */
const MAX_GRANTS = 200;

/**
 * The desktop app's file choices: the main process shows a native dialog and records the chosen path
 * here under a random token, which is all the renderer gets back. The backend redeems a token for its
 * path while it parses a request (shared/api/files.ts). A renderer cannot make up a token, and a token
 * opens only what it was chosen for: an open choice reads that file, a folder choice that folder, and a
 * save choice writes that one file, once (writing twice would overwrite what the first write made,
 * without the user choosing so again).
 *
 * The browser preview uses the same class without ever granting anything: it has no dialogs, so every
 * path and every token is refused there, and files come as uploads.
 */
export class FileGrants implements FileAccessPolicy {
  readonly rawPaths = false;
  private readonly grants = new Map<string, Grant>();

  /** Records a path the user chose in a dialog of the main process; returns what the renderer may know. */
  grant(chosenPath: string, use: FileUse): ChosenFile {
    const absolute = path.resolve(chosenPath);
    const token = crypto.randomBytes(24).toString('base64url');
    this.grants.set(token, { path: absolute, use });
    while (this.grants.size > MAX_GRANTS) this.grants.delete(this.grants.keys().next().value!);
    return { token, path: absolute, name: path.basename(absolute) };
  }

  redeem(token: string, use: FileUse): string | null {
    const grant = this.grants.get(token);
    if (!grant || grant.use !== use) return null;
    if (use === 'save') this.grants.delete(token);
    return grant.path;
  }

  /** The path of a token without using it (the main process checks whether another window has it open). */
  peek(token: string): string | null {
    return this.grants.get(token)?.path ?? null;
  }
}

/** The command line, tests and benchmarks: paths as the user typed them. */
export const TRUSTED_PATHS: FileAccessPolicy = { rawPaths: true, redeem: () => null };
