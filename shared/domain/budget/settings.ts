import { z } from 'zod';

/** Budget settings: the reporting threshold (rapportagegrens) for variances. */
export const budgetSettingsShape = {
  /** An explanation is required from this variance (cents; null = not used). */
  varianceThresholdCents: z.number().int().nonnegative().nullable(),
  /** … or from this percentage of the current budget (null = not used). */
  varianceThresholdPercent: z.number().nonnegative().max(1000).nullable(),
  varianceThresholdRule: z.enum(['either', 'both']),
};

export const budgetSettingsDefaults = {
  varianceThresholdCents: 2_500_000,
  varianceThresholdPercent: 10,
  varianceThresholdRule: 'either' as const,
};
