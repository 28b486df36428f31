import { z } from 'zod';

/** The set-up checklist's own setting: the head closed it on the overview (pages still say what is missing). */
export const setupSettingsShape = {
  setupChecklistDismissed: z.boolean(),
};

export const setupSettingsDefaults = {
  setupChecklistDismissed: false,
};
