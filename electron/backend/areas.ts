import { bottleneckImporter } from './bottlenecks/importer.ts';
import { yearTurnReportSection } from './workbook/year-turn-report.ts';
import { bottlenecksHandlers } from './bottlenecks/handlers.ts';
import { bottleneckOverviewSection } from './bottlenecks/overview.ts';
import { bottleneckReportSection } from './bottlenecks/report.ts';
import { absenceHandlers } from './absence/handlers.ts';
import { assignmentsHandlers } from './assignments/handlers.ts';
import { registerAssignments } from './assignments/register.ts';
import { absenceImporter } from './absence/importer.ts';
import { absenceReportSection as absenceManagementReportSection, poortwachterReportSection } from './absence/management-report-sections.ts';
import { absenceOverviewSection, poortwachterOverviewSection } from './absence/overview-sections.ts';
import { absencePackageSections } from './absence/package-sections.ts';
import { absenceReportSection } from './absence/report.ts';
import { budgetImporter } from './budget/budget-importer.ts';
import { budgetHandlers } from './budget/handlers.ts';
import { ledgerImporter } from './budget/ledger-importer.ts';
import { budgetReportSection } from './budget/report.ts';
import { centralHandlers } from './consolidation/handlers.ts';
import { exchangeHandlers } from './exchange/handlers.ts';
import { registerExchange } from './exchange/register.ts';
import { importHandlers } from './import/handlers.ts';
import { registerImporter } from './import/registry.ts';
import { budgetReportSection as budgetManagementReportSection } from './management-report/budget-section.ts';
import { registerManagementReportSection } from './management-report/registry.ts';
import { budgetOverviewSection } from './overview/budget-section.ts';
import { overviewHandlers } from './overview/handlers.ts';
import { registerOverviewSection } from './overview/registry.ts';
import { bottleneckPackageSections } from './bottlenecks/package-section.ts';
import { registerPackageSection } from './exchange/sections.ts';
import { buildReport, registerReportSection } from './report.ts';
import { setupHandlers } from './setup/handlers.ts';
import { staffHandlers } from './staff/handlers.ts';
import { formationReportSection } from './staff/management-report-section.ts';
import { formationOverviewSection } from './staff/overview-section.ts';
import { staffPackageSections } from './staff/package-sections.ts';
import { staffReportSection } from './staff/report.ts';
import { rosterImporter } from './staff/roster-importer.ts';
import { salaryTableImporter } from './staff/salary-importer.ts';
import { formationImporter } from './staff/formation-importer.ts';
import type { reportApi } from '../../shared/api/report.ts';
import type { Handlers } from './router.ts';
import { workbookHandlers } from './workbook/handlers.ts';
import { periodData, periodDefaults } from './workbook/periods.ts';

const reportHandlers: Handlers<typeof reportApi> = {
  'report.build': (input, ctx) => buildReport(ctx.wb(), input.period),
  'report.periodDefaults': (input, ctx) => periodDefaults(ctx.wb(), input.today),
  'report.periodData': (input, ctx) => periodData(ctx.wb(), input.period),
};

/** Each area plugs its handlers, importers and report sections in here, once. */
export const handlers = {
  ...workbookHandlers,
  ...budgetHandlers,
  ...absenceHandlers,
  ...importHandlers,
  ...reportHandlers,
  ...bottlenecksHandlers,
  ...overviewHandlers,
  ...exchangeHandlers,
  ...centralHandlers,
  ...staffHandlers,
  ...assignmentsHandlers,
  ...setupHandlers,
};

let registered = false;
export function registerAreas(): void {
  if (registered) return;
  registered = true;
  registerImporter(budgetImporter);
  registerImporter(ledgerImporter);
  registerImporter(absenceImporter);
  registerReportSection(budgetReportSection);
  registerImporter(bottleneckImporter);
  // The overview and the quarterly management report: one section per area (see docs/architecture.md).
  registerOverviewSection(budgetOverviewSection);
  registerOverviewSection(bottleneckOverviewSection);
  registerOverviewSection(formationOverviewSection);
  registerOverviewSection(absenceOverviewSection);
  registerOverviewSection(poortwachterOverviewSection);
  registerManagementReportSection(budgetManagementReportSection);
  registerManagementReportSection(bottleneckReportSection);
  registerManagementReportSection(formationReportSection);
  registerManagementReportSection(absenceManagementReportSection);
  registerManagementReportSection(poortwachterReportSection);
  registerExchange();
  // Package sections in the order they appear in a package: staff and absence, then escalated bottlenecks.
  for (const section of [...staffPackageSections, ...absencePackageSections, ...bottleneckPackageSections]) registerPackageSection(section);
  registerImporter(rosterImporter);
  registerImporter(salaryTableImporter);
  registerImporter(formationImporter);
  registerReportSection(staffReportSection);
  registerReportSection(absenceReportSection);
  registerReportSection(yearTurnReportSection);
  registerAssignments();
}
