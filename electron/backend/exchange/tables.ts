import type { Generated } from 'kysely';

/** The department's signing key; the current one has retired_at null. */
export interface ExchangeKeyTable {
  id: Generated<number>;
  /** Raw 32-byte Ed25519 public key, base64. */
  public_key: string;
  /** SHA-256 of the raw public key, hex. */
  fingerprint: string;
  /** Which KeyProtector can open protected_private_key. */
  protector: string;
  protected_private_key: string;
  created_at: string;
  retired_at: string | null;
}

/** One row per package the department made: the export log. */
export interface ExchangeExportTable {
  id: Generated<number>;
  kind: 'finance-summary' | 'hr-summary';
  period: string;
  sequence: number;
  created_at: string;
  actor: string;
  file_name: string;
  xlsx_file_name: string | null;
  payload_sha256: string;
  package_sha256: string;
  key_fingerprint: string;
  sections_json: string;
}

export interface ExchangeTables {
  exchange_key: ExchangeKeyTable;
  exchange_export: ExchangeExportTable;
}
