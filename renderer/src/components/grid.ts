import { AG_GRID_LOCALE_EN, AG_GRID_LOCALE_NL } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef, type ValueFormatterParams, type ValueSetterParams } from 'ag-grid-community';
import { formatCents, formatCentsPlain, formatDate, formatPercent } from '../../../shared/format/nl.ts';
import { parseDate, parseUserAmountCents } from '../../../shared/import/values.ts';

ModuleRegistry.registerModules([AllCommunityModule]);

/** Our palette on AG Grid's Quartz theme: colours chosen for WCAG AA contrast on white. */
export const gridTheme = themeQuartz.withParams({
  accentColor: '#1a4d8f',
  foregroundColor: '#1b1f24',
  headerTextColor: '#1b1f24',
  headerBackgroundColor: '#eef2f7',
  fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif',
  fontSize: 14,
  rowHeight: 34,
  headerHeight: 38,
  cellHorizontalPadding: 10,
});

export function gridLocale(language: string): Record<string, string> {
  return language === 'en' ? AG_GRID_LOCALE_EN : AG_GRID_LOCALE_NL;
}

/** Reports a cell value the user typed that cannot be parsed; the cell keeps its old value. */
export type InvalidValueReporter = (message: string) => void;

/**
 * A money column over an integer-cents field: shown as "€ 1.234,56", edited as "1.234,56",
 * parsed with the same Dutch rules as the importers, sorted and filtered as numbers.
 */
export function moneyColumn<T>(field: keyof T & string, headerName: string, options: { editable?: boolean; onInvalid?: InvalidValueReporter; nullable?: boolean } & Partial<ColDef<T>> = {}): ColDef<T> {
  const { editable, onInvalid, nullable, ...rest } = options;
  return {
    colId: field,
    headerName,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    filterValueGetter: (p) => {
      const cents = p.data?.[field] as number | null | undefined;
      return cents === null || cents === undefined ? null : cents / 100;
    },
    valueGetter: (p) => {
      const cents = p.data?.[field] as number | null | undefined;
      return editable ? (cents === null || cents === undefined ? '' : formatCentsPlain(cents)) : cents;
    },
    valueFormatter: (p: ValueFormatterParams<T>) => {
      const cents = p.data?.[field] as number | null | undefined;
      return cents === null || cents === undefined ? '' : formatCents(cents);
    },
    comparator: (_a, _b, nodeA, nodeB) => Number(nodeA.data?.[field] ?? 0) - Number(nodeB.data?.[field] ?? 0),
    editable: editable ? (p) => !p.node.rowPinned : false,
    valueSetter: editable
      ? (p: ValueSetterParams<T>) => {
          const text = String(p.newValue ?? '').trim();
          if (text === '' && nullable) {
            (p.data as Record<string, unknown>)[field] = null;
            return true;
          }
          const parsed = parseUserAmountCents(text === '' ? '0' : text);
          if (!parsed.ok) {
            onInvalid?.(parsed.reason);
            return false;
          }
          if (parsed.value === p.data[field]) return false;
          (p.data as Record<string, unknown>)[field] = parsed.value;
          return true;
        }
      : undefined,
    minWidth: 130,
    context: { cellKind: { type: 'money', nullable } },
    ...rest,
  };
}

export function percentColumn<T>(field: keyof T & string, headerName: string, extra: Partial<ColDef<T>> = {}): ColDef<T> {
  return {
    colId: field,
    field: field as never,
    headerName,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    valueFormatter: (p) => formatPercent(p.value as number | null),
    minWidth: 110,
    context: { cellKind: { type: 'decimal', percent: true } },
    ...extra,
  };
}

export function dateColumn<T>(field: keyof T & string, headerName: string, options: { editable?: boolean; onInvalid?: InvalidValueReporter } & Partial<ColDef<T>> = {}): ColDef<T> {
  const { editable, onInvalid, ...rest } = options;
  return {
    colId: field,
    headerName,
    filter: 'agTextColumnFilter',
    valueGetter: (p) => formatDate(p.data?.[field] as string | null),
    comparator: (_a, _b, nodeA, nodeB) => String(nodeA.data?.[field] ?? '').localeCompare(String(nodeB.data?.[field] ?? '')),
    editable: editable ? (p) => !p.node.rowPinned : false,
    valueSetter: editable
      ? (p) => {
          const parsed = parseDate(String(p.newValue ?? ''));
          if (!parsed.ok) {
            onInvalid?.(parsed.reason);
            return false;
          }
          if (parsed.value === p.data[field]) return false;
          (p.data as Record<string, unknown>)[field] = parsed.value;
          return true;
        }
      : undefined,
    minWidth: 120,
    context: { cellKind: { type: 'date' } },
    ...rest,
  };
}
