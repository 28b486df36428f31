import { fteOf, termsOn, type EmployeeHistory } from './terms.ts';

/**
 * Who fills which formation position on a day. Most staff files carry no position code, so an
 * employee without an explicit link is matched to a position of the same function on the same cost
 * centre. The head corrects a wrong match by linking the employee to another position, or to none.
 *
 * How an employee came to be on a position (or not):
 * - `linked`: the terms name the position (a position code in the staff file, or chosen by the head);
 * - `matched`: found by function title and cost centre;
 * - `none`: the head said the employee fills no position (a trainee, someone above the formation);
 * - `unmatched`: no position of that function on that cost centre, or the linked position is not
 *   valid on the day.
 */
export type MatchKind = 'linked' | 'matched' | 'none' | 'unmatched';

export interface PositionMatch {
  employeeId: number;
  /** The position the employee fills on the day; null for `none` and `unmatched`. */
  positionId: number | null;
  kind: MatchKind;
  fte: number;
  costCentre: string;
  functionTitle: string;
}

/** What matching needs of a position: it must be valid on the day it is called for. */
export interface MatchablePosition {
  id: number;
  code: string;
  functionTitle: string;
  fte: number;
  costCentre: string;
}

/**
 * Function titles compared as a person reads them: case, accents, punctuation and extra spaces do
 * not matter ("Handhaver (BOA)" is "handhaver boa").
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Matches the employees working on `date` to the positions valid that day (`positions` must be those).
 * Explicit links come first and take their position's room; the others, in order of personnel number,
 * go to the position of their function on their cost centre with the most room left (the lowest code
 * on a tie). When every such position is full the employee still goes to the one with the most room:
 * more people of a function than the formation has room for is over-occupation of that function,
 * and the position is where it shows.
 */
export function matchPositions(date: string, positions: readonly MatchablePosition[], employees: readonly EmployeeHistory[], normalWeekHours: number): Map<number, PositionMatch> {
  const valid = new Map(positions.map((p) => [p.id, p]));
  const room = new Map(positions.map((p) => [p.id, p.fte]));
  const byTitle = new Map<string, MatchablePosition[]>();
  for (const p of [...positions].sort((a, b) => a.code.localeCompare(b.code))) {
    const title = normaliseTitle(p.functionTitle);
    if (title === '') continue;
    const key = `${p.costCentre}\u0000${title}`;
    const list = byTitle.get(key);
    if (list) list.push(p);
    else byTitle.set(key, [p]);
  }

  const result = new Map<number, PositionMatch>();
  const open: PositionMatch[] = [];
  const personnelNumbers = new Map<number, string>();
  for (const employee of employees) {
    const terms = termsOn(employee, date);
    if (!terms) continue;
    const match: PositionMatch = { employeeId: employee.id, positionId: null, kind: 'unmatched', fte: fteOf(terms.hoursPerWeek, normalWeekHours), costCentre: terms.costCentre, functionTitle: terms.functionTitle };
    result.set(employee.id, match);
    if (terms.noPosition) match.kind = 'none';
    else if (terms.formationPositionId !== null) {
      if (valid.has(terms.formationPositionId)) {
        match.kind = 'linked';
        match.positionId = terms.formationPositionId;
        room.set(match.positionId, room.get(match.positionId)! - match.fte);
      }
    } else {
      open.push(match);
      personnelNumbers.set(employee.id, employee.personnelNumber);
    }
  }

  open.sort((a, b) => personnelNumbers.get(a.employeeId)!.localeCompare(personnelNumbers.get(b.employeeId)!, 'nl', { numeric: true }));
  for (const match of open) {
    const title = normaliseTitle(match.functionTitle);
    const candidates = title === '' ? undefined : byTitle.get(`${match.costCentre}\u0000${title}`);
    if (!candidates) continue;
    let best = candidates[0];
    for (const c of candidates) if (room.get(c.id)! > room.get(best.id)! + 1e-9) best = c;
    match.kind = 'matched';
    match.positionId = best.id;
    room.set(best.id, room.get(best.id)! - match.fte);
  }
  return result;
}
