import { z } from 'zod';
import type { SetupChecklist } from '../domain/setup/types.ts';
import { method } from './contract.ts';
import { isoDateSchema } from './schemas.ts';

export const setupApi = {
  /** The first steps of a department workbook and their state; `asOf` is the overview's date (default today). */
  'setup.checklist': method(z.object({ asOf: isoDateSchema.optional() }).strict()).returns<SetupChecklist>(),
  /** Close (or reopen) the checklist on the overview. */
  'setup.dismiss': method(z.object({ dismissed: z.boolean() }).strict(), { mutates: true }).returns<SetupChecklist>(),
};
