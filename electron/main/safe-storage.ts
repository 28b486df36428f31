import { ApiError } from '../../shared/api/errors.ts';
import { plainKeyProtector, seal, SEAL_OS, SEAL_PLAIN, unseal, type KeyProtector } from '../backend/key-protection.ts';

/** The part of Electron's safeStorage we use; passed in so this file is tested under plain Node. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * The desktop app's KeyProtector: Electron safeStorage (DPAPI, Keychain, libsecret/KWallet). On Linux
 * without a key store Electron falls back to "basic_text", a fixed password in the binary: that is no
 * protection, so we report it as unavailable and say so rather than pretend.
 */
export function createSafeStorageProtector(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeyProtector {
  let available = false;
  try {
    const backend = platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : 'os';
    available = safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown';
  } catch {
    available = false;
  }
  if (!available) {
    return {
      ...plainKeyProtector,
      // A key sealed earlier by the OS can still be opened where safeStorage decrypts at all.
      unprotect(sealed) {
        const { method, payload } = unseal(sealed);
        if (method === SEAL_OS) return decrypt(safeStorage, payload);
        return plainKeyProtector.unprotect(sealed);
      },
    };
  }
  return {
    available: true,
    description:
      platform === 'win32'
        ? 'De sleutel is versleuteld met Windows DPAPI voor uw account.'
        : platform === 'darwin'
          ? 'De sleutel is versleuteld met de sleutelhanger (Keychain) van macOS.'
          : 'De sleutel is versleuteld met de sleutelkluis van uw bureaublad (libsecret of KWallet).',
    protect: (secret) => seal(SEAL_OS, safeStorage.encryptString(Buffer.from(secret).toString('base64'))),
    unprotect(sealed) {
      const { method, payload } = unseal(sealed);
      if (method === SEAL_PLAIN) return new Uint8Array(payload);
      if (method !== SEAL_OS) throw new ApiError('invalid_input', 'De opgeslagen sleutel heeft een onbekende beveiligingsmethode.');
      return decrypt(safeStorage, payload);
    },
  };
}

function decrypt(safeStorage: SafeStorageLike, payload: Buffer): Uint8Array {
  try {
    return new Uint8Array(Buffer.from(safeStorage.decryptString(payload), 'base64'));
  } catch {
    throw new ApiError('forbidden', 'De sleutel kan niet worden ontsleuteld: hij is versleuteld voor een andere gebruiker of computer. Maak een nieuwe sleutel aan en meld die bij P&O en control.');
  }
}
