import { displayName } from './names.ts';
import { matchPositions } from './matching.ts';
import { fteOf, roundFte, type EmployeeHistory } from './terms.ts';

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
  /** Linked (position code in the staff file, or chosen by the head) or matched by function title and cost centre. */
  match: 'linked' | 'matched';
}

/** Someone working on the day who fills no position: the head can link them to one. */
export interface UnplacedEmployee {
  employeeId: number;
  personnelNumber: string;
  name: string;
  fte: number;
  costCentre: string;
  functionTitle: string;
  /** `none`: the head said so; `unmatched`: no position of that function (or of the staff file's code) on that cost centre. */
  kind: 'none' | 'unmatched';
  /** The staff file's position code that names no position on the cost centre that day; null otherwise. */
  unknownCode: string | null;
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

/**
 * Why formation, vacancy, over-occupation and bezettingsgraad cannot be computed: no formation
 * position has been recorded (yet) for the cost centre on the day. Without positions nobody is
 * "boventallig": the formation is unknown, not zero.
 */
export type FormationGap = 'no-positions';

export interface OccupationFigures {
  /** Null while the formation is unknown (`formationGap`). */
  formationFte: number | null;
  occupiedFte: number;
  /** Room left: formation − occupation where positive. */
  vacancyFte: number | null;
  /** boventalligheid: occupation − formation where positive. */
  overOccupationFte: number | null;
  occupancyPercent: number | null;
  headcount: number;
  /** FTE of employees on no (valid) position: neither linked nor matched. */
  unlinkedFte: number;
  /** External hire working on the cost centre that day, in FTE (hours per week / normal week). */
  hireFte: number;
  formationGap: FormationGap | null;
}

export interface CostCentreOccupation extends OccupationFigures {
  costCentre: string;
}

export interface OccupationResult {
  date: string;
  normalWeekHours: number;
  positions: PositionOccupation[];
  costCentres: CostCentreOccupation[];
  /**
   * Sums over the cost centres whose formation is known: vacancy and over-occupation per cost
   * centre, added up (not netted). Occupation and headcount count everyone.
   */
  total: OccupationFigures;
  /** Cost centres with people on the day but no formation recorded: left out of the formation figures. */
  withoutFormation: string[];
  /** Employees working on the day who fill no position. */
  unplaced: UnplacedEmployee[];
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

function figures(formation: number | null, occupied: number, headcount: number, unlinked: number, hire: number): OccupationFigures {
  const known = formation !== null;
  return {
    formationFte: known ? roundFte(formation) : null,
    occupiedFte: roundFte(occupied),
    vacancyFte: known ? roundFte(Math.max(0, formation - occupied)) : null,
    overOccupationFte: known ? roundFte(Math.max(0, occupied - formation)) : null,
    occupancyPercent: known ? percent(occupied, formation) : null,
    headcount,
    unlinkedFte: roundFte(unlinked),
    hireFte: roundFte(hire),
    formationGap: known ? null : 'no-positions',
  };
}

/**
 * Formation against occupation on one day.
 *
 * Per position: the employees who fill it that day, linked, by the staff file's position code, or
 * matched by function title and cost centre (./matching.ts), so "vacant" means nobody is there. Per cost centre: all
 * positions of the cost centre against everyone working there that day, on a position or not;
 * `unlinkedFte` shows how much fills no position. A cost centre is compared with its formation only
 * once a position has been recorded for it (valid from the day or earlier): before that its formation
 * is unknown and nobody on it is over-occupation. The department total adds the cost centres'
 * vacancies and over-occupations separately: a vacancy on one cost centre is not filled by a
 * surplus on another.
 */
export function occupationOn(date: string, positions: FormationPosition[], employees: EmployeeHistory[], normalWeekHours: number, hires: HireOnPosition[] = []): OccupationResult {
  const valid = positions.filter((p) => isPositionValidOn(p, date));
  // Formation is recorded for a cost centre once a position of it has begun (it may have ended since).
  const recorded = new Set(positions.filter((p) => p.validFrom <= date).map((p) => p.costCentre));
  const matches = matchPositions(date, valid, employees, normalWeekHours);
  const byPosition = new Map<number, Occupant[]>(valid.map((p) => [p.id, []]));
  const exactFte = new Map<number, number>();
  const costCentres = new Map<string, { formation: number; occupied: number; headcount: number; unlinked: number; hire: number }>();
  const hireByPosition = new Map<number, number>();
  const unplaced: UnplacedEmployee[] = [];
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
    const match = matches.get(employee.id);
    if (!match) continue;
    const entry = centre(match.costCentre);
    entry.occupied += match.fte;
    entry.headcount += 1;
    const name = displayName(employee);
    if (match.positionId !== null && (match.kind === 'linked' || match.kind === 'matched')) {
      byPosition.get(match.positionId)!.push({ employeeId: employee.id, personnelNumber: employee.personnelNumber, name, fte: roundFte(match.fte), match: match.kind });
      exactFte.set(match.positionId, (exactFte.get(match.positionId) ?? 0) + match.fte);
    } else {
      entry.unlinked += match.fte;
      unplaced.push({ employeeId: employee.id, personnelNumber: employee.personnelNumber, name, fte: roundFte(match.fte), costCentre: match.costCentre, functionTitle: match.functionTitle, kind: match.kind === 'none' ? 'none' : 'unmatched', unknownCode: match.unknownCode });
    }
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
      formationFte: f.formationFte!,
      occupiedFte: f.occupiedFte,
      vacancyFte: f.vacancyFte!,
      overOccupationFte: f.overOccupationFte!,
      occupancyPercent: f.occupancyPercent,
      status: status(p.fte, occupied),
      occupants,
      hireFte: roundFte(hireByPosition.get(p.id) ?? 0),
    };
  });

  const centreRows: CostCentreOccupation[] = [...costCentres.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, c]) => ({ costCentre: code, ...figures(recorded.has(code) ? c.formation : null, c.occupied, c.headcount, c.unlinked, c.hire) }));
  const sum = (rows: CostCentreOccupation[], key: keyof OccupationFigures) => rows.reduce((s, c) => s + ((c[key] as number | null) ?? 0), 0);
  const known = centreRows.filter((c) => c.formationGap === null);
  const formation = sum(known, 'formationFte');
  const total: OccupationFigures =
    known.length === 0
      ? { ...figures(null, sum(centreRows, 'occupiedFte'), sum(centreRows, 'headcount'), sum(centreRows, 'unlinkedFte'), sum(centreRows, 'hireFte')) }
      : {
          formationFte: roundFte(formation),
          occupiedFte: roundFte(sum(centreRows, 'occupiedFte')),
          vacancyFte: roundFte(sum(known, 'vacancyFte')),
          overOccupationFte: roundFte(sum(known, 'overOccupationFte')),
          // Bezettingsgraad over the cost centres whose formation is known: the others have no denominator.
          occupancyPercent: percent(sum(known, 'occupiedFte'), formation),
          headcount: sum(centreRows, 'headcount'),
          unlinkedFte: roundFte(sum(centreRows, 'unlinkedFte')),
          hireFte: roundFte(sum(centreRows, 'hireFte')),
          formationGap: null,
        };
  const withoutFormation = centreRows.filter((c) => c.formationGap !== null && c.headcount > 0).map((c) => c.costCentre);
  unplaced.sort((a, b) => a.costCentre.localeCompare(b.costCentre) || a.personnelNumber.localeCompare(b.personnelNumber, 'nl', { numeric: true }));
  return { date, normalWeekHours, positions: positionRows, costCentres: centreRows, total, withoutFormation, unplaced };
}
