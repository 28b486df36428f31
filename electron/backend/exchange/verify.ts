import { openImportSource, type ImportSourceInput } from '../import/source.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { VerifyResult } from '../../../shared/exchange/types.ts';
import { parsePublicKeyFile } from './keys.ts';
import { MAX_PACKAGE_BYTES, verifyPackageBytes } from './package.ts';

/** Reads a whole small file (package or key file) from a path or from browser bytes. */
export async function readSourceBytes(source: ImportSourceInput, limit = MAX_PACKAGE_BYTES): Promise<{ name: string; bytes: Buffer }> {
  const opened = openImportSource(source);
  if (opened.size > limit) throw new ApiError('file_unreadable', `${opened.fileName} is te groot (${Math.round(opened.size / 1024 / 1024)} MB).`);
  const bytes = opened.readAll();
  // The file may have grown since it was measured.
  if (bytes.length > limit) throw new ApiError('file_unreadable', `${opened.fileName} is te groot (${Math.round(bytes.length / 1024 / 1024)} MB).`);
  return { name: opened.fileName, bytes };
}

/** `werkboek verify`: the package on its own, and optionally against a department's known key. */
export async function verifyPackageSource(source: ImportSourceInput, keySource?: ImportSourceInput): Promise<VerifyResult> {
  const { name, bytes } = await readSourceBytes(source);
  const result = verifyPackageBytes(bytes, name);
  const base: VerifyResult = {
    file: name,
    valid: result.ok,
    reason: result.ok ? null : result.reason,
    detail: result.ok ? null : result.detail,
    code: result.ok ? null : result.code,
    kind: result.header.kind ?? null,
    organisation: result.header.organisation ?? null,
    department: result.header.department ?? null,
    period: result.header.period ?? null,
    sequence: result.header.sequence ?? null,
    formatVersion: result.header.formatVersion ?? null,
    createdAt: result.header.createdAt ?? null,
    keyFingerprint: result.header.keyFingerprint ?? null,
    payloadSha256: result.ok ? result.envelope.payloadSha256 : null,
    packageSha256: result.ok ? result.packageSha256 : null,
  };
  if (!result.ok || !keySource) return base;
  const keyFile = await readSourceBytes(keySource, 1024 * 1024);
  const key = parsePublicKeyFile(keyFile.bytes.toString('utf8'), keyFile.name);
  if (key.fingerprint !== result.fingerprint) {
    return {
      ...base,
      valid: false,
      code: 'key-mismatch',
      reason: `${name}: het pakket is ondertekend met een andere sleutel dan die in ${keyFile.name}.`,
      detail: `Vingerafdruk van de sleutel in het pakket: ${result.fingerprint}; in ${keyFile.name}: ${key.fingerprint}.`,
    };
  }
  return base;
}
