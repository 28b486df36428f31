import { ApiError } from '../../../shared/api/errors.ts';
import { parsePeriod, type Period } from '../../../shared/domain/period.ts';
import type { Settings } from '../../../shared/domain/settings.ts';
import { getSettings } from '../workbook/settings.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { periodWords, wordOr } from '../words.ts';
import type { ManagementReport, ReportSection } from './model.ts';

export interface ReportContext {
  period: Period;
  /** Personal names only when the head chose to include them; otherwise employees by number only. */
  includeNames: boolean;
  settings: Settings;
  generatedOn: string;
}

/**
 * One section of the quarterly management report, supplied by an area. It must never put a
 * diagnosis or other medical detail in the report, and names only when `includeNames` is set.
 */
export interface ManagementReportSectionProvider {
  key: string;
  /** Order in the report: budget 10, formation 20, absence 30, poortwachter 40, bottlenecks 50. */
  order: number;
  build(wb: Workbook, ctx: ReportContext): ReportSection | null;
}

const providers = new Map<string, ManagementReportSectionProvider>();

export function registerManagementReportSection(provider: ManagementReportSectionProvider): void {
  providers.set(provider.key, provider);
}

export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

export function buildManagementReport(wb: Workbook, quarter: string, options: { includeNames: boolean; generatedOn: string }): ManagementReport {
  wb.requireKind('department');
  const period = QUARTER_PATTERN.test(quarter.toUpperCase()) ? parsePeriod(quarter) : null;
  if (!period) throw new ApiError('invalid_input', `Kwartaal "${quarter}" moet de vorm jjjj-Qn hebben, bijvoorbeeld 2027-Q2.`);
  const ctx: ReportContext = { period, includeNames: options.includeNames, settings: getSettings(wb), generatedOn: options.generatedOn };
  const sections = [...providers.values()]
    .sort((a, b) => a.order - b.order)
    .map((p) => p.build(wb, ctx))
    .filter((s): s is ReportSection => s !== null)
    // The section's title in the window's language (the providers write Dutch).
    .map((s) => ({ ...s, title: wordOr(`reportSections.${s.key}`, s.title) }));
  return {
    meta: {
      organisation: wb.meta.organisation,
      departmentCode: wb.meta.department_code ?? '',
      departmentName: wb.meta.department_name ?? '',
      period,
      periodLabel: periodWords(period.code),
      generatedOn: options.generatedOn,
      includeNames: options.includeNames,
    },
    sections,
  };
}
