import { localToday } from '../../../shared/domain/absence/days.ts';
import { api } from '../api/client.ts';
import { useApi } from './useApi.ts';

/**
 * Where the open workbook's pages and reports start: the latest month, quarter and day of its fiscal year that
 * has data, judged on the user's own calendar day (never a period outside the workbook's year).
 */
export function usePeriodDefaults() {
  return useApi(() => api.report.periodDefaults({ today: localToday() }), []);
}

/** What a report of `period` would rest on, with a Dutch warning when it would show (mostly) zeros. */
export function usePeriodData(period: string | null | undefined) {
  return useApi(() => (period ? api.report.periodData({ period }) : Promise.resolve(null)), [period]);
}
