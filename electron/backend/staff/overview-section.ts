import { formationOverview } from '../../../shared/domain/overview/people.ts';
import type { FormationOverviewData, Highlight } from '../../../shared/domain/overview/types.ts';
import { formatNumber } from '../../../shared/format/nl.ts';
import type { OverviewSectionProvider } from '../overview/registry.ts';
import { occupation } from './formation.ts';
import { tr } from '../words.ts';

const fte = (value: number) => formatNumber(value, 2);

/**
 * Over-occupation (boventalligheid) costs money the formation does not cover: a signal per cost
 * centre. Only where a formation is recorded: a cost centre without positions has an unknown
 * formation, and nobody on it is "boventallig" for that (its figures say what is missing).
 * Vacancies are shown in the section, not signalled: a vacancy is normal until it lasts.
 */
export function formationHighlights(data: FormationOverviewData): Highlight[] {
  return data.costCentres
    .filter((c) => c.formationFte !== null && c.overOccupationFte !== null && c.overOccupationFte > 0)
    .map((c) => ({
      level: 'attention' as const,
      text: tr('signals.overOccupied', { code: c.costCentre, occupied: fte(c.occupiedFte), formation: fte(c.formationFte!), over: fte(c.overOccupationFte!) }),
      route: 'formation',
    }));
}

/** Formation against occupation on the overview's date, per cost centre, with the positions that are not exactly filled. */
export const formationOverviewSection: OverviewSectionProvider = {
  key: 'formation',
  order: 20,
  workbookKinds: ['department'],
  build(wb, { asOf }) {
    const result = occupation(wb, asOf);
    const hasStaff = wb.first(wb.db.selectFrom('formation_position').select('id').limit(1)) !== undefined || wb.first(wb.db.selectFrom('employee').select('id').limit(1)) !== undefined;
    const data = formationOverview(result, hasStaff);
    return { key: 'formation', title: tr('overviewSections.formation'), route: 'formation', highlights: formationHighlights(data), data };
  },
};
