import type { Period } from '../../../shared/domain/period.ts';

/**
 * The quarterly management report as one model, rendered to PDF and to XLSX by the same code. An
 * area contributes a section made of generic blocks, so it needs no PDF or XLSX code of its own.
 */

/** How a value is shown: Dutch formats in the PDF, typed cells with Dutch number formats in the XLSX. */
export type ValueType = 'text' | 'money' | 'percent' | 'integer' | 'decimal' | 'fte' | 'date';

/** money: integer cents · percent: 12.5 means 12,5 % · decimal: one decimal · fte: two decimals (0,89) · date: ISO text · text: shown as is. */
export type ReportValue = string | number | null;

export interface ReportColumn {
  title: string;
  type: ValueType;
  /** Relative width in the PDF (default 1). */
  width?: number;
}

export interface KeyFiguresBlock {
  kind: 'keyFigures';
  title?: string;
  items: Array<{ label: string; value: ReportValue; type: ValueType }>;
}

export interface TableBlock {
  kind: 'table';
  title: string;
  columns: ReportColumn[];
  rows: ReportValue[][];
  totals?: ReportValue[];
  /** Shown instead of an empty table. */
  emptyText?: string;
}

export interface ChartSeries {
  name: string;
  values: Array<number | null>;
}

/** Drawn as vector graphics in the PDF; in the XLSX its data as a table. */
export interface ChartBlock {
  kind: 'chart';
  chart: 'line' | 'bar';
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** The unit of the values: money in cents, percent as 12.5. */
  valueType: 'money' | 'percent' | 'integer' | 'decimal';
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
}

export type ReportBlock = KeyFiguresBlock | TableBlock | ChartBlock | ParagraphBlock;

export interface ReportSection {
  key: string;
  /** Dutch; also the sheet name in the XLSX (cut to 31 characters). */
  title: string;
  blocks: ReportBlock[];
}

export interface ReportMeta {
  organisation: string;
  departmentCode: string;
  departmentName: string;
  period: Period;
  /** "2e kwartaal 2027" */
  periodLabel: string;
  /** ISO date of generation. */
  generatedOn: string;
  includeNames: boolean;
}

export interface ManagementReport {
  meta: ReportMeta;
  sections: ReportSection[];
}
