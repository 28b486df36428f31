/**
 * A migration is plain SQL frozen at the moment it shipped: it must never import the current
 * schema types, because those keep changing while the migration must not.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
