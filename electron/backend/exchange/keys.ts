import crypto from 'node:crypto';
import { ApiError } from '../../../shared/api/errors.ts';
import type { DepartmentKeyInfo, PublicKeyFile } from '../../../shared/exchange/types.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import type { KeyProtector } from './key-protector.ts';

export const PUBLIC_KEY_FILE_FORMAT = 'werkboek-public-key';
export const PUBLIC_KEY_EXTENSION = '.wbkey';

/** SHA-256 of the raw 32-byte public key, lowercase hex: what people compare. */
export function fingerprintOf(publicKeyBase64: string): string {
  return crypto.createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
}

export function publicKeyObject(publicKeyBase64: string): crypto.KeyObject {
  const raw = Buffer.from(publicKeyBase64, 'base64');
  if (raw.length !== 32) throw new ApiError('invalid_input', 'Een Ed25519-sleutel is 32 bytes lang.');
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export function publicKeyPem(publicKeyBase64: string): string {
  return publicKeyObject(publicKeyBase64).export({ type: 'spki', format: 'pem' }).toString();
}

function rawPublicKey(key: crypto.KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new ApiError('invalid_input', 'Dit is geen Ed25519-sleutel.');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

function currentKeyRow(wb: Workbook) {
  return wb.first(wb.db.selectFrom('exchange_key').selectAll().where('retired_at', 'is', null));
}

function toInfo(row: { fingerprint: string; public_key: string; created_at: string }): DepartmentKeyInfo {
  return { fingerprint: row.fingerprint, publicKey: row.public_key, createdAt: row.created_at };
}

export function departmentKey(wb: Workbook): DepartmentKeyInfo | null {
  const row = currentKeyRow(wb);
  return row ? toInfo(row) : null;
}

function insertNewKey(wb: Workbook, protector: KeyProtector, note: string): DepartmentKeyInfo {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const publicB64 = rawPublicKey(publicKey);
  const fingerprint = fingerprintOf(publicB64);
  const now = nowIso();
  const values = {
    public_key: publicB64,
    fingerprint,
    protector: protector.id,
    protected_private_key: protector.protect(privateKey.export({ type: 'pkcs8', format: 'der' }), wb.meta.workbook_id),
    created_at: now,
    retired_at: null,
  };
  const id = Number(wb.run(wb.db.insertInto('exchange_key').values(values)).lastInsertRowid);
  // The audit row carries the public half only; the private key never appears in the log.
  wb.audit({ action: 'insert', table: 'exchange_key', rowId: id, new: { fingerprint, publicKey: publicB64, protector: protector.id }, note });
  return toInfo(values);
}

/**
 * The department's key pair, made when the workbook is created; a workbook from before the exchange
 * migration gets it here on first use.
 */
export function ensureDepartmentKey(wb: Workbook, protector: KeyProtector): DepartmentKeyInfo {
  wb.requireKind('department');
  const existing = currentKeyRow(wb);
  if (existing) return toInfo(existing);
  wb.requireWritable();
  return wb.tx(() => insertNewKey(wb, protector, 'Ondertekensleutel van de afdeling gemaakt'));
}

/** A new key pair, e.g. on a new laptop where the old one cannot be opened. The old public key stays in history. */
export function rotateDepartmentKey(wb: Workbook, protector: KeyProtector, reason: string): DepartmentKeyInfo {
  wb.requireKind('department');
  wb.requireWritable();
  return wb.tx(() => {
    const old = currentKeyRow(wb);
    if (old) {
      wb.run(wb.db.updateTable('exchange_key').set({ retired_at: nowIso() }).where('id', '=', old.id));
      wb.audit({ action: 'update', table: 'exchange_key', rowId: old.id, old: { retiredAt: null }, new: { retiredAt: nowIso() }, note: `Sleutel vervangen: ${reason}` });
    }
    return insertNewKey(wb, protector, `Nieuwe ondertekensleutel: ${reason}`);
  });
}

/** The private key for signing, opened by whichever of the session's protectors made it. */
export function signingKey(wb: Workbook, protectors: KeyProtector[]): { privateKey: crypto.KeyObject; info: DepartmentKeyInfo } {
  const row = currentKeyRow(wb);
  if (!row) throw new ApiError('not_found', 'Dit werkboek heeft nog geen ondertekensleutel.');
  const protector = protectors.find((p) => p.id === row.protector);
  if (!protector) {
    throw new ApiError(
      'forbidden',
      `De ondertekensleutel van dit werkboek is beschermd door "${row.protector}", dat hier niet beschikbaar is (bijvoorbeeld de beveiligde opslag van de desktop-app). Onderteken met de app, of maak een nieuwe sleutel.`,
    );
  }
  const der = protector.unprotect(row.protected_private_key, wb.meta.workbook_id);
  const privateKey = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  if (rawPublicKey(crypto.createPublicKey(privateKey)) !== row.public_key) {
    throw new ApiError('internal', 'De ondertekensleutel past niet bij de opgeslagen publieke sleutel.');
  }
  return { privateKey, info: toInfo(row) };
}

/** The department's public key file (.wbkey): what P&O and control register. */
export function publicKeyFile(wb: Workbook, key: DepartmentKeyInfo): PublicKeyFile {
  return {
    format: PUBLIC_KEY_FILE_FORMAT,
    formatVersion: 1,
    algorithm: 'Ed25519',
    organisation: wb.meta.organisation,
    department: { code: wb.meta.department_code ?? '', name: wb.meta.department_name ?? '' },
    publicKey: key.publicKey,
    publicKeyPem: publicKeyPem(key.publicKey),
    fingerprint: key.fingerprint,
    createdAt: key.createdAt,
  };
}

export function publicKeyFileName(wb: Workbook): string {
  return `${wb.meta.department_code ?? 'afdeling'}-sleutel${PUBLIC_KEY_EXTENSION}`;
}

/**
 * Reads a public key file: our JSON key file, or a plain PEM public key ("-----BEGIN PUBLIC KEY-----").
 * The fingerprint in a JSON key file must match its key.
 */
export function parsePublicKeyFile(content: string, fileName: string): { publicKey: string; fingerprint: string; organisation: string | null; departmentCode: string | null; departmentName: string | null } {
  const trimmed = content.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('-----BEGIN PUBLIC KEY-----')) {
    let key: crypto.KeyObject;
    try {
      key = crypto.createPublicKey(trimmed);
    } catch {
      throw new ApiError('file_unreadable', `${fileName}: de PEM-sleutel kan niet worden gelezen.`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new ApiError('file_unreadable', `${fileName}: dit is geen Ed25519-sleutel (maar ${key.asymmetricKeyType}).`);
    const publicKey = rawPublicKey(key);
    return { publicKey, fingerprint: fingerprintOf(publicKey), organisation: null, departmentCode: null, departmentName: null };
  }
  let parsed: Partial<PublicKeyFile>;
  try {
    parsed = JSON.parse(trimmed) as Partial<PublicKeyFile>;
  } catch {
    throw new ApiError('file_unreadable', `${fileName} is geen sleutelbestand van Werkboek (geen geldige JSON en geen PEM-sleutel).`);
  }
  if (parsed.format !== PUBLIC_KEY_FILE_FORMAT || typeof parsed.publicKey !== 'string') {
    throw new ApiError('file_unreadable', `${fileName} is geen sleutelbestand van Werkboek (format "${PUBLIC_KEY_FILE_FORMAT}" ontbreekt).`);
  }
  if (parsed.formatVersion !== 1) throw new ApiError('file_unreadable', `${fileName} heeft sleutelbestandsversie ${String(parsed.formatVersion)}; deze versie van Werkboek kent versie 1. Werk Werkboek bij.`);
  if (!/^[A-Za-z0-9+/]{43}=$/.test(parsed.publicKey)) throw new ApiError('file_unreadable', `${fileName}: de publieke sleutel is geen Ed25519-sleutel van 32 bytes.`);
  const fingerprint = fingerprintOf(parsed.publicKey);
  if (parsed.fingerprint && parsed.fingerprint !== fingerprint) {
    throw new ApiError('file_unreadable', `${fileName}: de vingerafdruk in het bestand past niet bij de sleutel; het bestand is gewijzigd of beschadigd.`);
  }
  return {
    publicKey: parsed.publicKey,
    fingerprint,
    organisation: parsed.organisation ?? null,
    departmentCode: parsed.department?.code ?? null,
    departmentName: parsed.department?.name ?? null,
  };
}
