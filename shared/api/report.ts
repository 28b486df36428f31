import { z } from 'zod';
import { method } from './contract.ts';
import { isoDateSchema, periodSchema } from './schemas.ts';

/** Where a workbook's pages and reports open: the latest period of its fiscal year that has data. */
export interface PeriodDefaults {
  fiscalYear: number;
  /** The latest day of the fiscal year with data (a booking, a sick day, a bottleneck; central: a package's period end), or null. */
  latestData: string | null;
  /** 'jjjj-mm', 'jjjj-Qn', 'jjjj' and a day ('jjjj-mm-dd', the peildatum): never outside the fiscal year. */
  month: string;
  quarter: string;
  year: string;
  day: string;
}

/** What a report of a period would rest on; `warning` (Dutch) when it would show (mostly) zeros. */
export interface PeriodData {
  period: string;
  empty: boolean;
  counts: Record<string, number>;
  warning: string | null;
}

export const reportApi = {
  /** The figures of `werkboek report --json`: one section per area under stable keys. */
  'report.build': method(z.object({ period: periodSchema.optional() }).strict()).returns<Record<string, unknown>>(),
  /** The periods pages and reports open on (`today`: the user's own calendar day). */
  'report.periodDefaults': method(z.object({ today: isoDateSchema.optional() }).strict()).returns<PeriodDefaults>(),
  /** Whether a period has data to report on, asked before a report of it is made. */
  'report.periodData': method(z.object({ period: periodSchema }).strict()).returns<PeriodData>(),
};
