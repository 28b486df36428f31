import { absenceHandlers } from './absence/handlers.ts';
import { absenceImporter } from './absence/importer.ts';
import { absenceReportSection } from './absence/report.ts';
import { budgetImporter } from './budget/budget-importer.ts';
import { budgetHandlers } from './budget/handlers.ts';
import { ledgerImporter } from './budget/ledger-importer.ts';
import { budgetReportSection } from './budget/report.ts';
import { importHandlers } from './import/handlers.ts';
import { registerImporter } from './import/registry.ts';
import { buildReport, registerReportSection } from './report.ts';
import type { reportApi } from '../../shared/api/report.ts';
import type { Handlers } from './router.ts';
import { workbookHandlers } from './workbook/handlers.ts';

const reportHandlers: Handlers<typeof reportApi> = {
  'report.build': (input, ctx) => buildReport(ctx.wb(), input.period),
};

/** Each area plugs its handlers, importers and report sections in here, once. */
export const handlers = {
  ...workbookHandlers,
  ...budgetHandlers,
  ...absenceHandlers,
  ...importHandlers,
  ...reportHandlers,
};

let registered = false;
export function registerAreas(): void {
  if (registered) return;
  registered = true;
  registerImporter(budgetImporter);
  registerImporter(ledgerImporter);
  registerImporter(absenceImporter);
  registerReportSection(budgetReportSection);
  registerReportSection(absenceReportSection);
}
