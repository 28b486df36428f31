import { ApiError } from '../../shared/api/errors.ts';
import { parsePeriod, type Period } from '../../shared/domain/period.ts';
import { periodData } from './workbook/periods.ts';
import type { Workbook } from './workbook/workbook.ts';

/**
 * `werkboek report --json`: each area adds its own section (budget, staff, absence, …) under a stable
 * key. Keys named in issues are a public contract for scripts: add, never rename.
 */
export type ReportSection = (wb: Workbook, period: Period) => Record<string, unknown>;

const sections: ReportSection[] = [];

export function registerReportSection(section: ReportSection): void {
  sections.push(section);
}

export function buildReport(wb: Workbook, periodCode?: string): Record<string, unknown> {
  const code = periodCode ?? String(wb.meta.fiscal_year);
  const period = parsePeriod(code);
  if (!period) throw new ApiError('invalid_input', `Periode "${code}" moet jjjj, jjjj-Qn of jjjj-mm zijn.`);
  const report: Record<string, unknown> = {
    workbook: {
      kind: wb.meta.kind,
      organisation: wb.meta.organisation,
      departmentCode: wb.meta.department_code,
      departmentName: wb.meta.department_name,
      fiscalYear: wb.meta.fiscal_year,
    },
    period: { code: period.code, start: period.start, end: period.end },
  };
  for (const section of sections) Object.assign(report, section(wb, period));
  // Said in the figures themselves, so a script sees that a period of zeros is a period without data.
  const data = periodData(wb, period.code);
  report.warnings = data.warning ? [data.warning] : [];
  return report;
}
