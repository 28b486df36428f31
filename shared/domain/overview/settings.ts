import { z } from 'zod';

/**
 * Signal values (signaalwaarden) that drive the highlights on the overview, next to the budget's
 * reporting threshold. The absence area reads the same keys: one definition, here.
 */
export const signalSettingsShape = {
  /** Absence percentage (verzuimpercentage) from which the overview flags absence; percent, e.g. 5.5. */
  absenceAlertPercent: z.number().min(0).max(100),
  /** Days before a Poortwachter deadline from which it shows as due. */
  poortwachterLeadDays: z.number().int().min(0).max(365),
};

export const signalSettingsDefaults = {
  absenceAlertPercent: 5.5,
  poortwachterLeadDays: 14,
};
