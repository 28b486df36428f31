import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/domain/settings.ts';
import type { Workbook } from './workbook.ts';

export function getSettings(wb: Workbook): Settings {
  const rows = wb.all(wb.db.selectFrom('setting').select(['key', 'value_json']));
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value_json);
  // A stored value that no longer fits the schema (an older version's) falls back to the default.
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    if (!(key in stored)) continue;
    const field = settingsSchema.shape[key as keyof Settings];
    if (field.safeParse(stored[key]).success) merged[key] = stored[key];
  }
  return merged as Settings;
}

export function updateSettings(wb: Workbook, patch: SettingsPatch): Settings {
  wb.tx(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) wb.setSetting(key, value);
    }
  });
  return getSettings(wb);
}
