import { z } from 'zod';

/**
 * Duration bands as upper bounds in calendar days: short 1..shortMax, medium ..mediumMax, long
 * ..longMax, extra long above that (a case counts at most 730 days). Default: the national absence
 * standard's 1–7 / 8–42 / 43–365 / 366–730; some benchmark services use 14 / 91 / 365.
 */
export const durationBandsSchema = z
  .object({
    shortMax: z.number().int().min(1),
    mediumMax: z.number().int().min(2),
    longMax: z.number().int().min(3).max(729),
  })
  .strict()
  .refine((b) => b.shortMax < b.mediumMax && b.mediumMax < b.longMax, 'De grenzen van de duurklassen moeten oplopen (kort < middellang < lang)');

export type DurationBands = z.infer<typeof durationBandsSchema>;

export const absenceSettingsShape = {
  absenceDurationBands: durationBandsSchema,
  /** Poortwachter steps due within this many days are listed as "due soon". */
  poortwachterLeadDays: z.number().int().min(1, 'Minstens 1 dag').max(365, 'Hoogstens 365 dagen'),
  /** Closed absence cases are purged this many months after the last sick day (AVG: no longer than needed). */
  absenceRetentionMonths: z.number().int().min(12, 'Minstens 12 maanden (vergelijking met vorig jaar)').max(120, 'Hoogstens 120 maanden'),
};

export const absenceSettingsDefaults = {
  absenceDurationBands: { shortMax: 7, mediumMax: 42, longMax: 365 },
  poortwachterLeadDays: 28,
  absenceRetentionMonths: 24,
};
