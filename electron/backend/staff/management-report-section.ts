import { gapTextNl, STEP_ACTION_NL } from '../../../shared/domain/setup/texts.ts';
import type { PositionStatus } from '../../../shared/domain/staff/formation.ts';
import { formatDate, formatNumber } from '../../../shared/format/nl.ts';
import type { ReportBlock, ReportValue } from '../management-report/model.ts';
import type { ManagementReportSectionProvider } from '../management-report/registry.ts';
import { occupation } from './formation.ts';
import { staffSettings } from './settings.ts';

const STATUS_LABELS: Record<PositionStatus, string> = { vacant: 'Vacant', partlyVacant: 'Deels vacant', filled: 'Bezet', overOccupied: 'Boventallig' };

/**
 * What the report says where formation figures are missing: for the whole department (no position
 * recorded at all) or for the cost centres with people but no positions, which the totals leave out.
 */
function formationGapParagraphs(noFormation: boolean, withoutFormation: string[]): ReportBlock[] {
  if (noFormation) return [{ kind: 'paragraph', text: `Formatie, vacatureruimte, boventalligheid en bezettingsgraad: ${gapTextNl('no-positions')}.` }];
  if (withoutFormation.length === 0) return [];
  return [
    {
      kind: 'paragraph',
      text: `Voor kostenplaats ${withoutFormation.join(', ')} is geen formatie vastgelegd (${STEP_ACTION_NL.formation.toLowerCase()}): vacatureruimte, boventalligheid en bezettingsgraad zijn daar niet te berekenen; de totalen gaan alleen over de kostenplaatsen met formatie.`,
    },
  ];
}

/**
 * Formation against occupation on the quarter's last day (the peildatum of municipal reports): the
 * department, each cost centre and each position valid that day. No people: occupants are not listed.
 * Left out of the report while the workbook holds neither positions nor employees.
 */
export const formationReportSection: ManagementReportSectionProvider = {
  key: 'formation',
  order: 20,
  build(wb, { period }) {
    const positions = wb.first(wb.db.selectFrom('formation_position').select('id').limit(1));
    const employees = wb.first(wb.db.selectFrom('employee').select('id').limit(1));
    if (!positions && !employees) return null;
    const result = occupation(wb, period.end);
    const t = result.total;
    const on = formatDate(period.end);
    const blocks: ReportBlock[] = [
      {
        kind: 'keyFigures',
        title: `Formatie en bezetting op ${on}`,
        items: [
          { label: 'Formatie (fte)', value: t.formationFte, type: 'fte' },
          { label: 'Bezetting (fte)', value: t.occupiedFte, type: 'fte' },
          { label: 'Vacatureruimte (fte)', value: t.vacancyFte, type: 'fte' },
          { label: 'Boventallig (fte)', value: t.overOccupationFte, type: 'fte' },
          { label: 'Bezettingsgraad', value: t.occupancyPercent, type: 'percent' },
          { label: 'Medewerkers', value: t.headcount, type: 'integer' },
        ],
      },
      ...formationGapParagraphs(t.formationGap !== null, result.withoutFormation),
      {
        kind: 'table',
        title: `Per kostenplaats op ${on}`,
        columns: [
          { title: 'Kostenplaats', type: 'text', width: 0.8 },
          { title: 'Naam', type: 'text', width: 1.4 },
          { title: 'Formatie (fte)', type: 'fte' },
          { title: 'Bezetting (fte)', type: 'fte' },
          { title: 'Vacatureruimte (fte)', type: 'fte' },
          { title: 'Boventallig (fte)', type: 'fte' },
          { title: 'Bezettingsgraad', type: 'percent' },
          { title: 'Medewerkers', type: 'integer', width: 0.8 },
          { title: 'Niet gekoppeld (fte)', type: 'fte' },
          { title: 'Inhuur (fte)', type: 'fte', width: 0.8 },
        ],
        rows: result.costCentres.map((c): ReportValue[] => [c.costCentre, c.name, c.formationFte, c.occupiedFte, c.vacancyFte, c.overOccupationFte, c.occupancyPercent, c.headcount, c.unlinkedFte, c.hireFte]),
        totals: ['Totaal', '', t.formationFte, t.occupiedFte, t.vacancyFte, t.overOccupationFte, t.occupancyPercent, t.headcount, t.unlinkedFte, t.hireFte],
        emptyText: 'Geen formatie en geen medewerkers op deze datum.',
      },
      {
        kind: 'table',
        title: `Per formatieplaats op ${on}`,
        columns: [
          { title: 'Code', type: 'text', width: 0.8 },
          { title: 'Functie', type: 'text', width: 1.8 },
          { title: 'Kostenplaats', type: 'text', width: 0.8 },
          { title: 'Schaal', type: 'integer', width: 0.5 },
          { title: 'Formatie (fte)', type: 'fte' },
          { title: 'Bezetting (fte)', type: 'fte' },
          { title: 'Vacature (fte)', type: 'fte' },
          { title: 'Boventallig (fte)', type: 'fte' },
          { title: 'Stand', type: 'text', width: 0.9 },
        ],
        rows: result.positions.map((p): ReportValue[] => [p.code, p.functionTitle, p.costCentre, p.salaryScale, p.formationFte, p.occupiedFte, p.vacancyFte, p.overOccupationFte, STATUS_LABELS[p.status]]),
        emptyText: 'Er zijn geen formatieplaatsen vastgelegd die op deze datum gelden.',
      },
      {
        kind: 'paragraph',
        text:
          `FTE = uren per week / ${formatNumber(staffSettings(wb).normalWeekHours, 0)}. Vacatureruimte en boventalligheid worden per kostenplaats bepaald en daarna opgeteld: ` +
          'een overschot op de ene kostenplaats vult geen vacature op een andere. Inhuur staat naast de bezetting en telt er niet in mee.',
      },
    ];
    return { key: 'formation', title: 'Formatie en bezetting', blocks };
  },
};
