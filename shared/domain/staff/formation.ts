import { displayName } from './names.ts';
import { fteOf, roundFte, termsOn, type EmployeeHistory } from './terms.ts';

/** A formation position (formatieplaats): budgeted FTE of a function on a cost centre, for a span of time. */
export interface FormationPosition {
  id: number;
  code: string;
  functionTitle: string;
  salaryScale: number | null;
  fte: number;
  costCentre: string;
  validFrom: string;
  /** Last day, inclusive; null = open-ended. */
  validTo: string | null;
}

export type PositionStatus = 'vacant' | 'partlyVacant' | 'filled' | 'overOccupied';

export interface Occupant {
  employeeId: number;
  personnelNumber: string;
  name: string;
  fte: number;
}

export interface PositionOccupation {
  positionId: number;
  code: string;
  functionTitle: string;
  salaryScale: number | null;
  costCentre: string;
  formationFte: number;
  occupiedFte: number;
  vacancyFte: number;
  overOccupationFte: number;
  /** bezettingsgraad = occupation / formation × 100. */
  occupancyPercent: number | null;
  status: PositionStatus;
  occupants: Occupant[];
  /** External hire on this position that day (not occupation, shown beside it: hire often fills a vacancy). */
  hireFte: number;
}

export interface OccupationFigures {
  formationFte: number;
  occupiedFte: number;
  /** Room left: formation − occupation where positive. */
  vacancyFte: number;
  /** boventalligheid: occupation − formation where positive. */
  overOccupationFte: number;
  occupancyPercent: number | null;
  headcount: number;
  /** FTE of employees on no (valid) position. */
  unlinkedFte: number;
  /** External hire working on the cost centre that day, in FTE (hours per week / normal week). */
  hireFte: number;
}

export interface CostCentreOccupation extends OccupationFigures {
  costCentre: string;
}

export interface OccupationResult {
  date: string;
  normalWeekHours: number;
  positions: PositionOccupation[];
  costCentres: CostCentreOccupation[];
  /** Sums over the cost centres: vacancy and over-occupation per cost centre, added up (not netted). */
  total: OccupationFigures;
}

/** What occupation needs to know of an external hire. */
export interface HireOnPosition {
  costCentre: string;
  /** Null when the assignment does not state hours: it then adds no FTE. */
  hoursPerWeek: number | null;
  startDate: string;
  endDate: string;
  formationPositionId: number | null;
}

export function isPositionValidOn(position: Pick<FormationPosition, 'validFrom' | 'validTo'>, date: string): boolean {
  return position.validFrom <= date && (position.validTo === null || date <= position.validTo);
}

function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100 * 100) / 100 : null;
}

function status(formation: number, occupied: number): PositionStatus {
  const diff = roundFte(occupied - formation);
  if (diff > 0) return 'overOccupied';
  if (diff === 0) return 'filled';
  return roundFte(occupied) === 0 ? 'vacant' : 'partlyVacant';
}

function figures(formation: number, occupied: number, headcount: number, unlinked: number, hire: number): OccupationFigures {
  return {
    formationFte: roundFte(formation),
    occupiedFte: roundFte(occupied),
    vacancyFte: roundFte(Math.max(0, formation - occupied)),
    overOccupationFte: roundFte(Math.max(0, occupied - formation)),
    occupancyPercent: percent(occupied, formation),
    headcount,
    unlinkedFte: roundFte(unlinked),
    hireFte: roundFte(hire),
  };
}

/**
 * Formation against occupation on one day.
 *
 * Per position: the employees whose terms on that day point to it. Per cost centre: all positions
 * of the cost centre against everyone working there that day, linked to a position or not, so the
 * figures are right even before anyone has been linked; `unlinkedFte` shows how much is not linked.
 * The department total adds the cost centres' vacancies and over-occupations separately: a vacancy
 * on one cost centre is not filled by a surplus on another.
 */
export function occupationOn(date: string, positions: FormationPosition[], employees: EmployeeHistory[], normalWeekHours: number, hires: HireOnPosition[] = []): OccupationResult {
  const valid = positions.filter((p) => isPositionValidOn(p, date));
  const byPosition = new Map<number, Occupant[]>(valid.map((p) => [p.id, []]));
  const exactFte = new Map<number, number>();
  const costCentres = new Map<string, { formation: number; occupied: number; headcount: number; unlinked: number; hire: number }>();
  const hireByPosition = new Map<number, number>();
  const centre = (code: string) => {
    let entry = costCentres.get(code);
    if (!entry) {
      entry = { formation: 0, occupied: 0, headcount: 0, unlinked: 0, hire: 0 };
      costCentres.set(code, entry);
    }
    return entry;
  };
  for (const position of valid) centre(position.costCentre).formation += position.fte;
  for (const employee of employees) {
    const terms = termsOn(employee, date);
    if (!terms) continue;
    const fte = fteOf(terms.hoursPerWeek, normalWeekHours);
    const entry = centre(terms.costCentre);
    entry.occupied += fte;
    entry.headcount += 1;
    const occupants = terms.formationPositionId === null ? undefined : byPosition.get(terms.formationPositionId);
    if (occupants) {
      occupants.push({ employeeId: employee.id, personnelNumber: employee.personnelNumber, name: displayName(employee), fte: roundFte(fte) });
      exactFte.set(terms.formationPositionId!, (exactFte.get(terms.formationPositionId!) ?? 0) + fte);
    } else entry.unlinked += fte;
  }

  for (const hire of hires) {
    if (hire.startDate > date || hire.endDate < date || hire.hoursPerWeek === null) continue;
    const fte = fteOf(hire.hoursPerWeek, normalWeekHours);
    centre(hire.costCentre).hire += fte;
    if (hire.formationPositionId !== null && byPosition.has(hire.formationPositionId)) {
      hireByPosition.set(hire.formationPositionId, (hireByPosition.get(hire.formationPositionId) ?? 0) + fte);
    }
  }

  const positionRows: PositionOccupation[] = valid.map((p) => {
    const occupants = byPosition.get(p.id) ?? [];
    const occupied = exactFte.get(p.id) ?? 0;
    const f = figures(p.fte, occupied, occupants.length, 0, 0);
    return {
      positionId: p.id,
      code: p.code,
      functionTitle: p.functionTitle,
      salaryScale: p.salaryScale,
      costCentre: p.costCentre,
      formationFte: f.formationFte,
      occupiedFte: f.occupiedFte,
      vacancyFte: f.vacancyFte,
      overOccupationFte: f.overOccupationFte,
      occupancyPercent: f.occupancyPercent,
      status: status(p.fte, occupied),
      occupants,
      hireFte: roundFte(hireByPosition.get(p.id) ?? 0),
    };
  });

  const centreRows: CostCentreOccupation[] = [...costCentres.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, c]) => ({ costCentre: code, ...figures(c.formation, c.occupied, c.headcount, c.unlinked, c.hire) }));
  const sum = (key: keyof OccupationFigures) => centreRows.reduce((s, c) => s + (c[key] ?? 0), 0);
  const formation = sum('formationFte');
  const occupied = sum('occupiedFte');
  const total: OccupationFigures = {
    formationFte: roundFte(formation),
    occupiedFte: roundFte(occupied),
    vacancyFte: roundFte(sum('vacancyFte')),
    overOccupationFte: roundFte(sum('overOccupationFte')),
    occupancyPercent: percent(occupied, formation),
    headcount: sum('headcount'),
    unlinkedFte: roundFte(sum('unlinkedFte')),
    hireFte: roundFte(sum('hireFte')),
  };
  return { date, normalWeekHours, positions: positionRows, costCentres: centreRows, total };
}
