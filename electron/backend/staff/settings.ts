import type { StaffSettings } from '../../../shared/domain/staff/settings.ts';
import { getSettings } from '../workbook/settings.ts';
import type { Workbook } from '../workbook/workbook.ts';

export function staffSettings(wb: Workbook): StaffSettings {
  const s = getSettings(wb);
  return {
    normalWeekHours: s.normalWeekHours,
    ikbPercent: s.ikbPercent,
    employerChargesPercent: s.employerChargesPercent,
    personnelSalaryAccounts: s.personnelSalaryAccounts,
    personnelHireAccounts: s.personnelHireAccounts,
    zzpFlagMonths: s.zzpFlagMonths,
  };
}

/** Today, when it falls in the workbook's fiscal year; otherwise that year's first or last day. */
export function defaultDate(wb: Workbook, today = new Date().toISOString().slice(0, 10)): string {
  const year = wb.meta.fiscal_year;
  if (today < `${year}-01-01`) return `${year}-01-01`;
  if (today > `${year}-12-31`) return `${year}-12-31`;
  return today;
}
