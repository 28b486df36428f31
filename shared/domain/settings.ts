import { z } from 'zod';
import { absenceSettingsDefaults, absenceSettingsShape } from './absence/settings.ts';
import { budgetSettingsDefaults, budgetSettingsShape } from './budget/settings.ts';
import { signalSettingsDefaults, signalSettingsShape } from './overview/settings.ts';
import { exchangeSettingsDefaults, exchangeSettingsShape } from './exchange/settings.ts';
import { setupSettingsDefaults, setupSettingsShape } from './setup/settings.ts';
import { staffSettingsDefaults, staffSettingsShape } from './staff/settings.ts';
import { workbookSettingsDefaults, workbookSettingsShape } from './workbook/settings.ts';

/**
 * Every user setting of a workbook. Each key is stored as its own row, so adding a setting needs no
 * migration. Each area keeps its shape and defaults beside its domain code and adds them here.
 */
const settingsShape = {
  language: z.enum(['nl', 'en']),
  ...workbookSettingsShape,
  ...budgetSettingsShape,
  ...signalSettingsShape,
  ...exchangeSettingsShape,
  ...staffSettingsShape,
  ...absenceSettingsShape,
  ...setupSettingsShape,
};

export const settingsSchema = z.object(settingsShape);
export type Settings = z.infer<typeof settingsSchema>;

/** No defaults in the patch: a key left out stays as it is. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'nl',
  ...workbookSettingsDefaults,
  ...budgetSettingsDefaults,
  ...signalSettingsDefaults,
  ...exchangeSettingsDefaults,
  ...staffSettingsDefaults,
  ...absenceSettingsDefaults,
  ...setupSettingsDefaults,
};
