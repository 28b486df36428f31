import type { Migration } from './types.ts';

/**
 * The finance consolidation needs a few small parts of each package's payload (personnel costs, external
 * hire, the number of bottlenecks, the year and forecast basis). Taking them from the stored envelope made SQLite parse the whole
 * package every time: for a package of 100.000 lines some 50 MB of JSON and about 80 MB of memory, on
 * every consolidation and every consolidated XLSX. The import now keeps them beside the package; for
 * packages already held they are taken out once, here.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'central_package_extras',
  sql: `
    ALTER TABLE central_package ADD COLUMN extras_json TEXT;
    UPDATE central_package
       SET extras_json = json_object(
             'personnelCosts', json_extract(envelope_json, '$.payload.personnelCosts'),
             'externalHire', json_extract(envelope_json, '$.payload.externalHire'),
             'bottlenecks', json_array_length(envelope_json, '$.payload.bottlenecks'),
             'year', json_extract(envelope_json, '$.payload.basis.year'),
             'monthsBooked', json_extract(envelope_json, '$.payload.basis.monthsBooked'),
             'rhythmYear', json_extract(envelope_json, '$.payload.basis.rhythmYear'))
     WHERE kind = 'finance-summary';
  `,
};
