import { fteOf, termsOn, type EmployeeHistory } from './terms.ts';

/**
 * Who fills which formation position on a day. An employee goes, in this order:
 * 1. nowhere when the head said they fill no position;
 * 2. to the position the terms link (chosen by the head, or found at import);
 * 3. to the position with the code the staff file gave, when the formation has it on their cost centre
 *    that day (the staff file may have come before the formation list);
 * 4. to a position of the same function on the same cost centre, when the staff file gave no code.
 * A code the formation does not have (on that cost centre, that day) leaves the employee unmatched,
 * with the code: the file and the formation disagree, and guessing by function would hide it.
 *
 * How an employee came to be on a position (or not):
 * - `linked`: by a link or the staff file's code (steps 2 and 3);
 * - `matched`: found by function title and cost centre;
 * - `none`: the head said the employee fills no position (a trainee, someone above the formation);
 * - `unmatched`: no position of that function on that cost centre, the staff file's code names no
 *   position there, or the linked position is not valid on the day.
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
  /** The staff file's position code when it is what left the employee `unmatched` (no such position); else null. */
  unknownCode: string | null;
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
 * Links and staff-file codes come first and take their position's room; the others, in order of personnel number,
 * go to the position of their function on their cost centre with the most room left (the lowest code
 * on a tie). When every such position is full the employee still goes to the one with the most room:
 * more people of a function than the formation has room for is over-occupation of that function,
 * and the position is where it shows.
 */
export function matchPositions(date: string, positions: readonly MatchablePosition[], employees: readonly EmployeeHistory[], normalWeekHours: number): Map<number, PositionMatch> {
  const valid = new Map(positions.map((p) => [p.id, p]));
  const room = new Map(positions.map((p) => [p.id, p.fte]));
  const byCode = new Map(positions.map((p) => [p.code.toUpperCase(), p]));
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
    const match: PositionMatch = { employeeId: employee.id, positionId: null, kind: 'unmatched', fte: fteOf(terms.hoursPerWeek, normalWeekHours), costCentre: terms.costCentre, functionTitle: terms.functionTitle, unknownCode: null };
    result.set(employee.id, match);
    if (terms.noPosition) match.kind = 'none';
    else if (terms.formationPositionId !== null) {
      if (valid.has(terms.formationPositionId)) {
        match.kind = 'linked';
        match.positionId = terms.formationPositionId;
        room.set(match.positionId, room.get(match.positionId)! - match.fte);
      }
    } else if (terms.positionCode) {
      const position = byCode.get(terms.positionCode.toUpperCase());
      if (position && position.costCentre === terms.costCentre) {
        match.kind = 'linked';
        match.positionId = position.id;
        room.set(position.id, room.get(position.id)! - match.fte);
      } else match.unknownCode = terms.positionCode;
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
