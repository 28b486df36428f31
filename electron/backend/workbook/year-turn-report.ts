import { poortwachterCases } from '../absence/poortwachter.ts';
import type { ReportSection } from '../report.ts';
import { carriedOver } from './year-turn.ts';

/** `carriedOver` in `werkboek report`: see carriedOver() in year-turn.ts and docs/year-turn.md. */
export const yearTurnReportSection: ReportSection = (wb, period) => {
  if (wb.meta.kind !== 'department') return {};
  return { carriedOver: carriedOver(wb, period, (today) => poortwachterCases(wb, { today, openOnly: false })) };
};
