import { z } from 'zod';

/** Settings of the workbook file itself. */
export const workbookSettingsShape = {
  /** How many backups Werkboek keeps that it made by itself (on open, before a migration or a restore). */
  backupsToKeep: z.number().int().min(1).max(100),
};

export const workbookSettingsDefaults = {
  backupsToKeep: 10,
};
