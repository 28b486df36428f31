import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';

/**
 * Protects a department's Ed25519 private key at rest inside the workbook. The protected blob is a
 * string stored in the workbook; `protectorId` is stored beside it, so a workbook knows which
 * protector can open it.
 *
 * Threat model (docs/exchange-format.md): a copied workbook file (backup, share, e-mail) must not be
 * enough to sign packages in the department's name. It does not defend against someone who works as
 * the logged-in user on the laptop itself: that person can sign anyway, as the head can.
 */
export interface KeyProtector {
  readonly id: string;
  /** `context` (the workbook id) is bound to the blob: a blob moved to another workbook does not open. */
  protect(secret: Buffer, context: string): string;
  /** Throws ApiError('forbidden') when the blob cannot be opened here (another computer or user). */
  unprotect(blob: string, context: string): Buffer;
}

const KEY_FILE = 'werkboek-sleutelkluis.key';

/**
 * The plain protector used by the CLI, the preview host and tests (and, unless the main process
 * supplies another, by the desktop app): AES-256-GCM with a random key-encryption key kept in the
 * user's local app data folder (`<data>/keys/`), readable by that user only. The CLI and the app of
 * the same user share the folder, so both can sign for the same workbook.
 */
export class LocalKeyFileProtector implements KeyProtector {
  readonly id = 'local-keyfile-v1';

  constructor(private readonly folder: string) {}

  private keyPath(): string {
    return path.join(this.folder, KEY_FILE);
  }

  private readKek(): Buffer | null {
    try {
      const kek = fs.readFileSync(this.keyPath());
      if (kek.length !== 32) throw new ApiError('internal', `De sleutelkluis ${this.keyPath()} is beschadigd (verkeerde lengte).`);
      return kek;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private kek(create: boolean): Buffer | null {
    const existing = this.readKek();
    if (existing || !create) return existing;
    fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    try {
      // 'wx': two processes creating the key at once must not overwrite each other's key.
      fs.writeFileSync(this.keyPath(), crypto.randomBytes(32), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return this.readKek();
  }

  private static kekId(kek: Buffer): string {
    return crypto.createHash('sha256').update(kek).digest('hex').slice(0, 16);
  }

  protect(secret: Buffer, context: string): string {
    const kek = this.kek(true)!;
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(secret), cipher.final()]);
    return JSON.stringify({ v: 1, kekId: LocalKeyFileProtector.kekId(kek), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') });
  }

  unprotect(blob: string, context: string): Buffer {
    const parsed = JSON.parse(blob) as { kekId: string; iv: string; tag: string; data: string };
    const kek = this.kek(false);
    if (!kek || LocalKeyFileProtector.kekId(kek) !== parsed.kekId) {
      throw new ApiError(
        'forbidden',
        'De ondertekensleutel van dit werkboek is op een andere computer of door een andere gebruiker gemaakt en kan hier niet worden geopend. Maak in Instellingen een nieuwe sleutel en stuur het nieuwe sleutelbestand naar P&O en control.',
      );
    }
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(parsed.iv, 'base64'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(parsed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(parsed.data, 'base64')), decipher.final()]);
    } catch {
      throw new ApiError('forbidden', 'De ondertekensleutel in dit werkboek hoort niet bij dit werkboek of is beschadigd. Maak in Instellingen een nieuwe sleutel.');
    }
  }
}

/**
 * The protectors a session can use: the host's own (e.g. Electron's safeStorage, wired by the main
 * process through SessionOptions.keyProtector) first, the local key file always as well, so that a
 * key protected by the CLI still opens in the app.
 */
export function protectorsFor(options: { dataDir: string; keyProtector?: KeyProtector }): { primary: KeyProtector; all: KeyProtector[] } {
  const local = new LocalKeyFileProtector(path.join(options.dataDir, 'keys'));
  const primary = options.keyProtector ?? local;
  return { primary, all: primary.id === local.id ? [local] : [primary, local] };
}
