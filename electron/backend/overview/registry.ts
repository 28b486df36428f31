import type { WorkbookKind } from '../../../shared/domain/workbook/types.ts';
import type { Overview, OverviewSection } from '../../../shared/domain/overview/types.ts';
import type { Settings } from '../../../shared/domain/settings.ts';
import { getSettings } from '../workbook/settings.ts';
import type { Workbook } from '../workbook/workbook.ts';

export interface OverviewContext {
  /** The day the overview is for (ISO): Poortwachter deadlines, ages of cases. */
  asOf: string;
  /** All settings, including the signal values (varianceThreshold…, absenceAlertPercent, poortwachterLeadDays). */
  settings: Settings;
}

/**
 * One block of the overview, supplied by an area. `build` returns null when the area has nothing to
 * show in this workbook (e.g. no staff imported yet); the renderer then shows nothing for it.
 */
export interface OverviewSectionProvider {
  key: string;
  /** Position on the page: lower first (budget 10, formation 20, absence 30, poortwachter 40, bottlenecks 50). */
  order: number;
  workbookKinds: WorkbookKind[];
  build(wb: Workbook, ctx: OverviewContext): OverviewSection | null;
}

const providers = new Map<string, OverviewSectionProvider>();

export function registerOverviewSection(provider: OverviewSectionProvider): void {
  providers.set(provider.key, provider);
}

export function buildOverview(wb: Workbook, asOf: string): Overview {
  const ctx: OverviewContext = { asOf, settings: getSettings(wb) };
  const sections = [...providers.values()]
    .filter((p) => p.workbookKinds.includes(wb.kind))
    .sort((a, b) => a.order - b.order)
    .map((p) => p.build(wb, ctx))
    .filter((s): s is OverviewSection => s !== null);
  return { asOf, sections };
}
