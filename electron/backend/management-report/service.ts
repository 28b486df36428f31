import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import type { RenderedReport } from '../../../shared/api/overview.ts';
import type { ProgressReporter } from '../progress.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import type { ManagementReport } from './model.ts';
import { buildManagementReport } from './registry.ts';
import { renderXlsx } from './xlsx.ts';

export interface ReportRequest {
  quarter: string;
  includeNames: boolean;
  /** ISO date printed on every page; today when left out. */
  generatedOn?: string;
}

/** pdfkit is loaded only when a PDF is made: it is large, and most commands never need it. */
async function renderPdfLazily(report: ManagementReport): Promise<Buffer> {
  const { renderPdf } = await import('./pdf.ts');
  return renderPdf(report);
}

function build(wb: Workbook, request: ReportRequest): ManagementReport {
  return buildManagementReport(wb, request.quarter, { includeNames: request.includeNames, generatedOn: request.generatedOn ?? nowIso().slice(0, 10) });
}

export function reportFileName(wb: Workbook, quarter: string, format: 'pdf' | 'xlsx'): string {
  return `managementrapportage-${(wb.meta.department_code ?? 'afdeling').toLowerCase()}-${quarter.toLowerCase()}.${format}`;
}

export async function renderReport(wb: Workbook, request: ReportRequest & { format: 'pdf' | 'xlsx' }, progress?: ProgressReporter): Promise<RenderedReport> {
  progress?.report('Rapportage samenstellen', 0, 2);
  const report = build(wb, request);
  progress?.report(request.format === 'pdf' ? 'PDF maken' : 'XLSX maken', 1, 2);
  const bytes = request.format === 'pdf' ? await renderPdfLazily(report) : await renderXlsx(report);
  progress?.report('Klaar', 2, 2, undefined, true);
  return {
    fileName: reportFileName(wb, request.quarter, request.format),
    mime: request.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: bytes.toString('base64'),
  };
}

/** Builds the model once and writes each requested file whole (temp file, then rename), so a reader never sees half a report. */
export async function writeReport(wb: Workbook, request: ReportRequest & { pdfPath?: string; xlsxPath?: string }, progress?: ProgressReporter): Promise<{ written: string[] }> {
  const targets = [request.pdfPath ? { format: 'pdf' as const, file: path.resolve(request.pdfPath) } : null, request.xlsxPath ? { format: 'xlsx' as const, file: path.resolve(request.xlsxPath) } : null].filter(
    (t): t is { format: 'pdf' | 'xlsx'; file: string } => t !== null,
  );
  for (const target of targets) {
    if (!fs.existsSync(path.dirname(target.file))) throw new ApiError('file_unreadable', `De map ${path.dirname(target.file)} bestaat niet; ${path.basename(target.file)} kan daar niet worden opgeslagen.`);
  }
  progress?.report('Rapportage samenstellen', 0, targets.length + 1);
  const report = build(wb, request);
  const written: string[] = [];
  for (const [index, target] of targets.entries()) {
    progress?.report(target.format === 'pdf' ? 'PDF maken' : 'XLSX maken', index + 1, targets.length + 1);
    const bytes = target.format === 'pdf' ? await renderPdfLazily(report) : await renderXlsx(report);
    const temp = `${target.file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, target.file);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw new ApiError('file_unreadable', `${target.file} kan niet worden geschreven: ${(error as Error).message}`);
    }
    written.push(target.file);
  }
  progress?.report('Klaar', targets.length + 1, targets.length + 1, undefined, true);
  return { written };
}
