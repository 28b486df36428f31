import type { Migration } from './types.ts';

/**
 * Finance packages say per line how its forecast was made (lineair, ritme, nog verwacht, handmatig), so
 * the controller's review shows the method beside the forecast. Null for lines of packages made before
 * packages carried it.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'finance_forecast_method',
  sql: `
    ALTER TABLE central_finance_line ADD COLUMN forecast_method TEXT CHECK (forecast_method IN ('manual', 'expected', 'rhythm', 'linear'));
  `,
};
