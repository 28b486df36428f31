import type { ComponentType } from 'react';
import type { OverviewSection } from '../../../../shared/domain/overview/types.ts';
import { AssignmentsSection, BenchmarksSection } from '../assignments/OverviewSections.tsx';
import { BottleneckSection } from './BottleneckSection.tsx';
import { BudgetSection } from './BudgetSection.tsx';

/**
 * The renderer half of an overview section: the component that shows a backend section's `data`,
 * by the section's key. An area adds its component here (formation, absence, poortwachter, …).
 */
export const OVERVIEW_SECTION_VIEWS: Record<string, ComponentType<{ section: OverviewSection }>> = {
  budget: BudgetSection,
  bottlenecks: BottleneckSection,
  assignments: AssignmentsSection,
  benchmarks: BenchmarksSection,
};
