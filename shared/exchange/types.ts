import type { PackageKind } from './schema.ts';

export interface DepartmentKeyInfo {
  /** SHA-256 of the raw public key, lowercase hex. */
  fingerprint: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  createdAt: string;
}

/** The department's public key file (.wbkey), JSON. */
export interface PublicKeyFile {
  format: 'werkboek-public-key';
  formatVersion: 1;
  algorithm: 'Ed25519';
  organisation: string;
  department: { code: string; name: string };
  publicKey: string;
  publicKeyPem: string;
  fingerprint: string;
  createdAt: string;
}

/** "ab12cd34…" → "ab12 cd34 …": easier to compare aloud or on paper. */
export function formatFingerprint(hex: string): string {
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The envelope fields of a package, as far as they could be read. */
export interface PackageHeader {
  kind: PackageKind;
  organisation: string;
  department: string;
  departmentName: string;
  period: string;
  sequence: number;
  formatVersion: number;
  createdAt: string;
  appVersion: string;
  keyFingerprint: string;
}

/** Why a package is not valid on its own (before any central registry is consulted). */
export type VerifyCode = 'unreadable' | 'not-json' | 'not-a-package' | 'format-too-new' | 'schema' | 'hash' | 'signature';

/** Why a central workbook refuses a valid package. */
export type RejectCode =
  | VerifyCode
  | 'wrong-kind'
  | 'wrong-organisation'
  | 'unknown-department'
  | 'inactive-department'
  | 'key-mismatch'
  | 'period-not-expected'
  | 'sequence-conflict';

export interface VerifyResult {
  file: string;
  valid: boolean;
  /** Dutch, names the file, in plain words with what to do; null when valid. */
  reason: string | null;
  /** The technical finding behind the reason (which field, which check), for whoever looks further; null when there is none. */
  detail: string | null;
  code: VerifyCode | 'key-mismatch' | null;
  kind: PackageKind | null;
  organisation: string | null;
  department: string | null;
  period: string | null;
  sequence: number | null;
  formatVersion: number | null;
  createdAt: string | null;
  keyFingerprint: string | null;
  payloadSha256: string | null;
  packageSha256: string | null;
}

export interface ExportedFile {
  name: string;
  /** Where it was written (desktop app, CLI); null when the bytes are returned instead (browser preview). */
  path: string | null;
  contentBase64: string | null;
}

export interface ExportResult {
  kind: PackageKind;
  period: string;
  sequence: number;
  keyFingerprint: string;
  payloadSha256: string;
  packageSha256: string;
  /** Payload sections present, e.g. ["basis", "costCentres", "lines"]. */
  sections: string[];
  package: ExportedFile;
  xlsx: ExportedFile | null;
}

/** One found part of a text: where it is in the user's own text and why it is personal data. */
export interface PrivacyMatchInfo {
  /** [start, end) of the found part in `text`, in UTF-16 units (JavaScript string indices). */
  start: number;
  end: number;
  /** The found part as the user typed it. */
  found: string;
  /** The category: "naam van een medewerker", "voornaam van een medewerker", "personeelsnummer", "naam van een persoon", … */
  what: string;
  /** Why, in Dutch, for the user. */
  reason: string;
  /** Health words beside it, as typed. */
  health: string[];
  /** The found part hides an invisible character or a letter from another script that looks Latin. */
  disguised: 'invisible' | 'look-alike' | null;
}

/**
 * A text of a finance package that names a person (`details.findings` of the refusal). `path` and `what`
 * are the original keys; the rest was added so the user (and a script) sees which text and why.
 */
export interface PrivacyFinding {
  /** Where in the payload, e.g. "lines[3].explanation". */
  path: string;
  /** The category of the first match. */
  what: string;
  /** The field as labelled on its page ("Toelichting"). */
  field: string;
  /** The line it belongs to ("Begrotingsregel OR01 Wegen · 4300 Huisvesting", "Knelpunt KN-2027-001"). */
  line: string;
  /** Short Dutch description as in the message ("toelichting bij OR01/4300"). */
  where: string;
  /** The whole text as the user wrote it. */
  text: string;
  /** The first found part, and why. */
  found: string;
  reason: string;
  /** Every found part of the text. */
  matches: PrivacyMatchInfo[];
  /** How the user can rewrite the text from the refusal, where that is possible. */
  edit: { target: 'budget-line' | 'bottleneck' | 'assignment'; id: number; field: string } | null;
}

export interface ExportLogEntry {
  id: number;
  kind: PackageKind;
  period: string;
  sequence: number;
  createdAt: string;
  actor: string;
  fileName: string;
  xlsxFileName: string | null;
  keyFingerprint: string;
  payloadSha256: string;
  sections: string[];
}

export const IMPORT_OUTCOMES = ['imported', 'duplicate', 'superseding', 'stale', 'rejected'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** One entry per file of `central import` (a public contract: `{ file, outcome, reason }`). */
export interface ImportFileResult {
  file: string;
  outcome: ImportOutcome;
  /** Dutch; for imported packages a short confirmation. */
  reason: string;
  /** The technical finding behind a refusal (which field, which check); null when there is none. */
  detail: string | null;
  /** Stable code of a refusal, for scripts. */
  code: RejectCode | 'stale' | null;
  department: string | null;
  period: string | null;
  sequence: number | null;
  kind: PackageKind | null;
  keyFingerprint: string | null;
  /** The stored package (imported, superseding, duplicate). */
  packageId: number | null;
}

export interface ImportBatchResult {
  files: ImportFileResult[];
  counts: Record<ImportOutcome, number>;
}
