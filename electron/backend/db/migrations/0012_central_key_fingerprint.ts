import type { Migration } from './types.ts';

/**
 * Every package a central workbook imports asks whether its key belongs to another department (one
 * key per department). Without an index that question read every registered key, per package: with
 * hundreds of departments a noticeable share of a whole import.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'central_key_fingerprint',
  sql: `
    CREATE INDEX central_department_key_fingerprint ON central_department_key (fingerprint) WHERE retired_at IS NULL;
  `,
};
