import type { Migration } from './types.ts';

/**
 * The position code a staff file gives an employee (its "Formatieplaats" column), kept as the file says
 * it. A staff file is often imported before the formation list: the code then names no position yet and
 * used to be refused. Kept, it links the employee as soon as a position with that code exists
 * (staff/matching), before any match by function title. formation_position_id stays the link chosen
 * or found at import; this column is what the file said, so a later file can be compared with it.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'terms_position_code',
  sql: `
    ALTER TABLE employee_terms ADD COLUMN position_code TEXT;
  `,
};
