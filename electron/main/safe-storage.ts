import { ApiError } from '../../shared/api/errors.ts';
import type { KeyProtector } from '../backend/exchange/key-protector.ts';

/** The part of Electron's safeStorage we use; passed in so this file is tested under plain Node. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export const SAFE_STORAGE_PROTECTOR_ID = 'electron-safestorage-v1';

/** Whether the OS really seals secrets for this user. */
export function safeStorageAvailable(safeStorage: SafeStorageLike, platform: NodeJS.Platform): boolean {
  try {
    // On Linux without a key store Electron falls back to "basic_text": a fixed password in the binary,
    // which is no protection. We then keep the local key file instead of pretending.
    const backend = platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : 'os';
    return safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown';
  } catch {
    return false;
  }
}

/**
 * The desktop app's protector for the department's signing key: Electron safeStorage (DPAPI on
 * Windows, the Keychain on macOS, libsecret/KWallet on Linux). The workbook id is sealed with the key,
 * so a blob copied into another workbook does not open. Returns null where the OS has no key store; the
 * session then uses the local key file (see exchange/key-protector.ts).
 */
export function createSafeStorageProtector(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeyProtector | null {
  if (!safeStorageAvailable(safeStorage, platform)) return null;
  return {
    id: SAFE_STORAGE_PROTECTOR_ID,
    protect(secret, context) {
      const sealed = safeStorage.encryptString(JSON.stringify({ context, key: secret.toString('base64') }));
      return sealed.toString('base64');
    },
    unprotect(blob, context) {
      let opened: { context?: string; key?: string };
      try {
        opened = JSON.parse(safeStorage.decryptString(Buffer.from(blob, 'base64')));
      } catch {
        throw new ApiError(
          'forbidden',
          'De ondertekensleutel kan niet worden ontsleuteld: hij is versleuteld voor een andere gebruiker of computer. Maak in Instellingen een nieuwe sleutel en stuur het nieuwe sleutelbestand naar P&O en control.',
        );
      }
      if (opened.context !== context || typeof opened.key !== 'string') {
        throw new ApiError('forbidden', 'De ondertekensleutel in dit werkboek hoort niet bij dit werkboek. Maak in Instellingen een nieuwe sleutel.');
      }
      return Buffer.from(opened.key, 'base64');
    },
  };
}
