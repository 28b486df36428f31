import { z } from 'zod';
import { method } from './contract.ts';
import { periodSchema } from './schemas.ts';

export const reportApi = {
  /** The figures of `werkboek report --json`: one section per area under stable keys. */
  'report.build': method(z.object({ period: periodSchema.optional() }).strict()).returns<Record<string, unknown>>(),
};
