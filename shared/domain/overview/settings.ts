import { z } from 'zod';

/**
 * Signal values (signaalwaarden) that drive the highlights on the overview, next to the budget's
 * reporting threshold and the Poortwachter lead time (`poortwachterLeadDays`, defined once in
 * shared/domain/absence/settings.ts, which both the overview and the absence area read).
 */
export const signalSettingsShape = {
  /** Absence percentage (verzuimpercentage) from which the overview flags absence; percent, e.g. 5.5. */
  absenceAlertPercent: z.number().min(0).max(100),
};

export const signalSettingsDefaults = {
  absenceAlertPercent: 5.5,
};
