import type { ComponentType } from 'react';
import type { OverviewSection } from '../../../../shared/domain/overview/types.ts';
import { AbsenceSection } from './AbsenceSection.tsx';
import { AssignmentsSection, BenchmarksSection } from '../assignments/OverviewSections.tsx';
import { BottleneckSection } from './BottleneckSection.tsx';
import { BudgetSection } from './BudgetSection.tsx';
import { FormationSection } from './FormationSection.tsx';
import { PoortwachterSection } from './PoortwachterSection.tsx';

/**
 * The renderer half of an overview section: the component that shows a backend section's `data`,
 * by the section's key. An area adds its component here.
 */
export const OVERVIEW_SECTION_VIEWS: Record<string, ComponentType<{ section: OverviewSection }>> = {
  budget: BudgetSection,
  formation: FormationSection,
  absence: AbsenceSection,
  poortwachter: PoortwachterSection,
  bottlenecks: BottleneckSection,
  assignments: AssignmentsSection,
  benchmarks: BenchmarksSection,
};
