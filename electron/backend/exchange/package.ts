import crypto from 'node:crypto';
import type { z } from 'zod';
import { canonicalBytes, canonicalJson, duplicateMember, jsonNestingDepth } from '../../../shared/exchange/canonical.ts';
import { envelopeSchema, WBX_FORMAT, WBX_FORMAT_VERSION, type Envelope, type UnsignedEnvelope } from '../../../shared/exchange/schema.ts';
import type { PackageHeader, VerifyCode } from '../../../shared/exchange/types.ts';
import { fingerprintOf, publicKeyObject } from './keys.ts';

/** A real package is kilobytes to a few megabytes; anything beyond this is refused unread. */
export const MAX_PACKAGE_BYTES = 64 * 1024 * 1024;

/**
 * A package nests six levels at most (envelope → payload → staff → a person → terms → a term); anything
 * far deeper was not made by Werkboek and is refused before it is parsed (see jsonNestingDepth).
 */
export const MAX_PACKAGE_DEPTH = 32;

export function sha256Hex(bytes: Uint8Array | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function payloadSha256(payload: unknown): string {
  return sha256Hex(canonicalBytes(payload));
}

/** The bytes the signature covers: the canonical JSON of the envelope without `signature`. */
export function signedBytes(envelope: UnsignedEnvelope | Envelope): Uint8Array {
  const { signature: _signature, ...unsigned } = envelope as Envelope;
  return canonicalBytes(unsigned);
}

/** Identifies a package: identical packages (same signed content) have the same value. */
export function packageSha256(envelope: UnsignedEnvelope | Envelope): string {
  return sha256Hex(signedBytes(envelope));
}

export function signEnvelope(unsigned: UnsignedEnvelope, privateKey: crypto.KeyObject): Envelope {
  const signature = crypto.sign(null, signedBytes(unsigned), privateKey).toString('base64');
  return { ...unsigned, signature } as Envelope;
}

/** The file as written: readable, indented JSON. Readers re-canonicalise, so layout does not matter. */
export function serialisePackage(envelope: Envelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export type VerifiedPackage = { ok: true; envelope: Envelope; packageSha256: string; fingerprint: string; header: PackageHeader };
/** `reason` is for the person (plain words and what to do); `detail` is the technical finding, shown folded away. */
export type RejectedPackage = { ok: false; code: VerifyCode; reason: string; detail: string | null; header: Partial<PackageHeader> };

function headerOf(value: unknown): Partial<PackageHeader> {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const department = v.department as { code?: unknown; name?: unknown } | undefined;
  const header: Partial<PackageHeader> = {};
  if (typeof v.kind === 'string') header.kind = v.kind as PackageHeader['kind'];
  if (typeof v.organisation === 'string') header.organisation = v.organisation;
  if (typeof department?.code === 'string') header.department = department.code;
  if (typeof department?.name === 'string') header.departmentName = department.name;
  if (typeof v.period === 'string') header.period = v.period;
  if (typeof v.sequence === 'number') header.sequence = v.sequence;
  if (typeof v.formatVersion === 'number') header.formatVersion = v.formatVersion;
  if (typeof v.createdAt === 'string') header.createdAt = v.createdAt;
  if (typeof v.appVersion === 'string') header.appVersion = v.appVersion;
  if (typeof v.publicKey === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(v.publicKey)) header.keyFingerprint = fingerprintOf(v.publicKey);
  return header;
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(pakket)'}: ${issue.message}`);
  const more = error.issues.length > 5 ? ` (en nog ${error.issues.length - 5})` : '';
  return shown.join('; ') + more;
}

/**
 * Everything that can be checked without a central workbook, in this order: readable JSON, a
 * Werkboek package, a format version we understand, the schema, the payload hash, the signature
 * with the key the package names. Who may send it (organisation, department, key) is checked by
 * the central import against its registry.
 */
export function verifyPackageBytes(bytes: Buffer, fileName: string): VerifiedPackage | RejectedPackage {
  const reject = (code: VerifyCode, reason: string, header: Partial<PackageHeader> = {}, detail: string | null = null): RejectedPackage => ({ ok: false, code, reason: `${fileName}: ${reason}`, detail, header });
  const changed = 'Vraag de afdeling om het pakket opnieuw te maken en te sturen.';
  if (bytes.length === 0) return reject('not-json', 'het bestand is leeg.');
  if (bytes.length > MAX_PACKAGE_BYTES) return reject('unreadable', `het bestand is te groot voor een pakket (${Math.round(bytes.length / 1024 / 1024)} MB).`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // The decoder's own message is English and says no more than this.
    return reject('not-json', 'het bestand is geen geldige UTF-8-tekst: het is afgekapt, beschadigd of in een andere tekencodering (bijvoorbeeld Latin-1) opnieuw opgeslagen. Een pakket is altijd UTF-8.');
  }
  const depth = jsonNestingDepth(text, MAX_PACKAGE_DEPTH);
  if (depth > MAX_PACKAGE_DEPTH) {
    return reject(
      'not-a-package',
      `dit is geen Werkboek-pakket: de gegevens zijn meer dan ${MAX_PACKAGE_DEPTH} niveaus diep in elkaar genest, een pakket heeft er maar enkele. Werkboek maakt zulke bestanden nooit; het is met de hand of door een ander programma gemaakt.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return reject('not-json', 'het bestand is geen geldige JSON; het is afgekapt of beschadigd.', {}, (error as Error).message);
  }
  const duplicate = duplicateMember(text, value);
  if (duplicate) {
    return reject(
      'not-json',
      `het pakket is met de hand of door een ander programma gewijzigd: een gegeven staat er twee keer in, en welke waarde geldt hangt dan af van het programma dat het leest. ${changed}`,
      headerOf(value),
      `Het veld "${duplicate.name}" staat twee keer in ${duplicate.path ? `hetzelfde object (${duplicate.path})` : 'het pakket'}; Werkboek maakt zulke pakketten nooit.`,
    );
  }
  const header = headerOf(value);
  const raw = value as Record<string, unknown> | null;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || raw.format !== WBX_FORMAT) {
    return reject('not-a-package', 'dit is geen Werkboek-pakket.', header, `Het veld "format" is niet "${WBX_FORMAT}".`);
  }
  if (typeof raw.formatVersion !== 'number' || !Number.isInteger(raw.formatVersion) || raw.formatVersion < 1) {
    return reject('schema', 'de formaatversie ontbreekt of is ongeldig.', header);
  }
  if (raw.formatVersion > WBX_FORMAT_VERSION) {
    return reject(
      'format-too-new',
      `het pakket heeft formaatversie ${raw.formatVersion}, deze versie van Werkboek kent tot en met versie ${WBX_FORMAT_VERSION}. Werk Werkboek bij om dit pakket te kunnen lezen.`,
      header,
    );
  }
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success) {
    return reject('schema', `het pakket is niet volgens het pakketformaat opgebouwd: het is met de hand of door een ander programma gewijzigd. ${changed}`, header, `Het pakket voldoet niet aan het formaat: ${describeIssues(parsed.error)}.`);
  }
  const envelope = parsed.data;
  // Hash and signature are computed over what was received (value), not over zod's copy of it. The
  // payload is serialised once: its canonical form serves the hash and, inside the envelope, the signature.
  const received = value as Envelope;
  const payloadJson = canonicalJson(received.payload);
  if (sha256Hex(payloadJson) !== envelope.payloadSha256) {
    return reject('hash', `handtekening klopt niet: het pakket is na het ondertekenen gewijzigd of beschadigd. ${changed}`, header, 'De inhoud past niet bij de controlewaarde (payloadSha256) in het pakket.');
  }
  const { signature: _signature, ...unsigned } = received;
  const signed = new TextEncoder().encode(canonicalJson(unsigned, new Map([[received.payload as object, payloadJson]])));
  const signature = Buffer.from(envelope.signature, 'base64');
  let valid = false;
  try {
    valid = crypto.verify(null, signed, publicKeyObject(envelope.publicKey), signature);
  } catch {
    valid = false;
  }
  if (!valid) {
    return reject('signature', `handtekening klopt niet: het pakket is na het ondertekenen gewijzigd, of de handtekening hoort niet bij de sleutel van de afdeling. ${changed}`, header, 'De handtekening (Ed25519, veld "signature") past niet bij de inhoud en de publieke sleutel in het pakket.');
  }
  return { ok: true, envelope: received, packageSha256: sha256Hex(signed), fingerprint: fingerprintOf(envelope.publicKey), header: header as PackageHeader };
}
