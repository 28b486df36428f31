import { z } from 'zod';

/** Budget settings: the reporting threshold (rapportagegrens) for variances. */
export const budgetSettingsShape = {
  /** An explanation is required from this variance (cents; null = not used). */
  varianceThresholdCents: z.number().int().nonnegative().nullable(),
  /** … and (or, with rule 'either') from this percentage of the current budget (null = not used). */
  varianceThresholdPercent: z.number().nonnegative().max(1000).nullable(),
  /** 'both' (the default): a variance must pass both limits, which is what a controller asks about. */
  varianceThresholdRule: z.enum(['either', 'both']),
};

export const budgetSettingsDefaults = {
  varianceThresholdCents: 2_500_000,
  varianceThresholdPercent: 10,
  varianceThresholdRule: 'both' as const,
};
