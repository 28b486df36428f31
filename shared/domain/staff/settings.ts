import { z } from 'zod';

const accountList = z.array(z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9._-]+$/, 'Grootboekrekening mag alleen letters, cijfers, punt en streep bevatten')).max(20);

/**
 * Staff settings. `normalWeekHours` is also read by the absence area (part-time factor = hours / normal
 * week) under exactly this key: never rename it.
 */
export const staffSettingsShape = {
  /** The normal working week; FTE = contract hours / this. 36 in the CAO Gemeenten. */
  normalWeekHours: z.number().min(1, 'Normale werkweek moet minstens 1 uur zijn').max(60, 'Normale werkweek kan niet meer dan 60 uur zijn'),
  /** Individueel keuzebudget as a percentage of the annual salary (17,05 % in the CAO Gemeenten). */
  ikbPercent: z.number().min(0).max(100),
  /** Employer charges (pension, social insurance) as one surcharge on salary + IKB. */
  employerChargesPercent: z.number().min(0).max(200),
  /** Ledger accounts where salaries are budgeted and booked; employees' costs go to the first. */
  personnelSalaryAccounts: accountList.min(1, 'Noem ten minste één grootboekrekening voor salarissen'),
  /** Ledger accounts for external hire (inhuur derden). */
  personnelHireAccounts: accountList,
  /** A ZZP assignment that runs this many months or longer is flagged (Wet DBA: schijnzelfstandigheid). */
  zzpFlagMonths: z.number().int().min(1).max(120),
};

export const staffSettingsDefaults = {
  normalWeekHours: 36,
  ikbPercent: 17.05,
  employerChargesPercent: 33,
  personnelSalaryAccounts: ['4100'],
  personnelHireAccounts: ['4200'],
  zzpFlagMonths: 12,
};

export type StaffSettings = typeof staffSettingsDefaults;
