import { bottlenecksApi } from './bottlenecks.ts';
import { absenceApi } from './absence.ts';
import { assignmentsApi } from './assignments.ts';
import { budgetApi } from './budget.ts';
import { centralApi } from './central.ts';
import type { ApiClient } from './client.ts';
import { exchangeApi } from './exchange.ts';
import { importApi } from './imports.ts';
import { overviewApi } from './overview.ts';
import { reportApi } from './report.ts';
import { setupApi } from './setup.ts';
import { shellApi } from './shell.ts';
import { staffApi } from './staff.ts';
import { workbookApi } from './workbook.ts';

/** The single seam between the renderer (or CLI, or tests) and the backend: every method, once. */
export const api = {
  ...workbookApi,
  ...budgetApi,
  ...absenceApi,
  ...importApi,
  ...reportApi,
  ...shellApi,
  ...bottlenecksApi,
  ...overviewApi,
  ...exchangeApi,
  ...centralApi,
  ...staffApi,
  ...assignmentsApi,
  ...setupApi,
};

export type Api = typeof api;
export type MethodName = keyof Api;
export type WerkboekClient = ApiClient<Api>;
