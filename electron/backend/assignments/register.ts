import { registerPersonalTermSource } from '../exchange/privacy.ts';
import { registerPackageSection } from '../exchange/sections.ts';
import { registerImporter } from '../import/registry.ts';
import { registerManagementReportSection } from '../management-report/registry.ts';
import { registerOverviewSection } from '../overview/registry.ts';
import { registerReportSection } from '../report.ts';
import { assignmentImporter } from './importer.ts';
import { assignmentsManagementReportSection } from './management-report.ts';
import { assignmentsOverviewSection, benchmarksOverviewSection } from './overview.ts';
import { assignmentPackageSections, assignmentPersonalTerms } from './package-sections.ts';
import { assignmentsReportSection } from './report.ts';

/** What the assignments area plugs in at start-up (called once from areas.ts, after the exchange area). */
export function registerAssignments(): void {
  registerImporter(assignmentImporter);
  registerReportSection(assignmentsReportSection);
  registerOverviewSection(assignmentsOverviewSection);
  registerOverviewSection(benchmarksOverviewSection);
  registerManagementReportSection(assignmentsManagementReportSection);
  for (const section of assignmentPackageSections) registerPackageSection(section);
  registerPersonalTermSource(assignmentPersonalTerms);
}
