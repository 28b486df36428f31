import { ApiError } from '../../shared/api/errors.ts';

/**
 * Protection of secrets at rest, above all the department's Ed25519 signing key: a lost laptop must
 * not give away a key that central HR and finance trust. The backend never imports Electron, so it
 * sees only this interface; the desktop app supplies Electron's safeStorage (electron/main/safe-storage.ts:
 * DPAPI on Windows, the Keychain on macOS, libsecret/KWallet on Linux), the CLI and tests the plain one.
 *
 * Sealed bytes start with a 4-byte marker and a method byte, so a stored key says how it was sealed
 * and a key sealed by the OS is never mistaken for a plain one.
 */
export interface KeyProtector {
  /** True when secrets are sealed by the operating system for this user. */
  readonly available: boolean;
  /** Dutch, for the settings screen: how keys are protected here. */
  readonly description: string;
  protect(secret: Uint8Array): Uint8Array;
  unprotect(sealed: Uint8Array): Uint8Array;
}

export const SEAL_MAGIC = Buffer.from('WBK1', 'latin1');
export const SEAL_PLAIN = 0x00;
export const SEAL_OS = 0x01;

export function seal(method: number, payload: Uint8Array): Uint8Array {
  return Buffer.concat([SEAL_MAGIC, Buffer.from([method]), Buffer.from(payload)]);
}

export function unseal(sealed: Uint8Array): { method: number; payload: Buffer } {
  const bytes = Buffer.from(sealed);
  if (bytes.length < 5 || !bytes.subarray(0, 4).equals(SEAL_MAGIC)) throw new ApiError('invalid_input', 'De opgeslagen sleutel heeft geen bekend formaat.');
  return { method: bytes[4], payload: bytes.subarray(5) };
}

/** No OS protection (CLI, tests, a system without a key store): the secret is stored as it is, marked as such. */
export const plainKeyProtector: KeyProtector = {
  available: false,
  description: 'De sleutel staat onversleuteld in het werkboek; beveilig de computer met schijfversleuteling (BitLocker/FileVault).',
  protect: (secret) => seal(SEAL_PLAIN, secret),
  unprotect(sealed) {
    const { method, payload } = unseal(sealed);
    if (method === SEAL_OS) {
      throw new ApiError('forbidden', 'Deze sleutel is versleuteld met de sleutelkluis van het besturingssysteem en kan alleen in de Werkboek-app van dezelfde gebruiker op dezelfde computer worden gebruikt.');
    }
    if (method !== SEAL_PLAIN) throw new ApiError('invalid_input', 'De opgeslagen sleutel heeft een onbekende beveiligingsmethode.');
    return new Uint8Array(payload);
  },
};
