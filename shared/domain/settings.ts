import { z } from 'zod';

/**
 * Every user setting of a workbook. Each key is stored as its own row, so adding a setting needs no
 * migration; areas add their keys to the schema and to the defaults below.
 */
const settingsShape = {
  /** Rapportagegrens: an explanation is required from this variance (cents; null = not used). */
  varianceThresholdCents: z.number().int().nonnegative().nullable(),
  /** … or from this percentage of the current budget (null = not used). */
  varianceThresholdPercent: z.number().nonnegative().max(1000).nullable(),
  varianceThresholdRule: z.enum(['either', 'both']),
  language: z.enum(['nl', 'en']),
};

export const settingsSchema = z.object(settingsShape);
export type Settings = z.infer<typeof settingsSchema>;

/** No defaults in the patch: a key left out stays as it is. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  varianceThresholdCents: 2_500_000,
  varianceThresholdPercent: 10,
  varianceThresholdRule: 'either',
  language: 'nl',
};
