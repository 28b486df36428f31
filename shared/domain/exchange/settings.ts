import { z } from 'zod';

/** Central workbooks: the delivery calendar that new periods get. */
export const exchangeSettingsShape = {
  /** A period's package is due this many days after the period ends (its due date can be changed per period). */
  deliveryDueDays: z.number().int().min(0).max(365),
  /** The periods a new central workbook expects for its fiscal year. */
  deliveryPeriodKind: z.enum(['month', 'quarter', 'year']),
};

export const exchangeSettingsDefaults = {
  deliveryDueDays: 15,
  deliveryPeriodKind: 'quarter' as const,
};
