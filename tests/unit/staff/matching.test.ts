import { describe, expect, it } from 'vitest';
import { occupationOn, type FormationPosition } from '../../../shared/domain/staff/formation.ts';
import { matchPositions, normaliseTitle } from '../../../shared/domain/staff/matching.ts';
import type { EmployeeHistory, Terms } from '../../../shared/domain/staff/terms.ts';

type Extra = Partial<Pick<Terms, 'formationPositionId' | 'noPosition' | 'positionCode'>>;

function person(id: number, functionTitle: string, costCentre: string, hoursPerWeek: number, extra: Extra = {}): EmployeeHistory {
  return {
    id,
    personnelNumber: String(100_000 + id),
    firstName: `Voornaam${id}`,
    infix: '',
    lastName: `Achternaam${id}`,
    startDate: '2020-01-01',
    endDate: null,
    terms: [{ validFrom: '2020-01-01', functionTitle, salaryScale: 8, salaryStep: 3, hoursPerWeek, costCentre, contractType: 'Vast', formationPositionId: null, ...extra }],
  };
}

function position(id: number, code: string, functionTitle: string, costCentre: string, fte: number, validFrom = '2027-01-01', validTo: string | null = null): FormationPosition {
  return { id, code, functionTitle, salaryScale: 8, fte, costCentre, validFrom, validTo };
}

const DAY = '2027-03-01';

describe('function titles as a person reads them', () => {
  it('ignores case, accents, punctuation and extra spaces', () => {
    expect(normaliseTitle('  Handhaver (BOA) ')).toBe('handhaver boa');
    expect(normaliseTitle('Coördinator  Wmo-consulenten')).toBe('coordinator wmo consulenten');
    expect(normaliseTitle('')).toBe('');
  });
});

describe('matching employees to formation positions', () => {
  const positions = [position(1, 'OR-HH-1', 'Handhaver (boa)', 'OR01', 1), position(2, 'OR-HH-2', 'Handhaver (BOA)', 'OR01', 1), position(3, 'OR-TL', 'Teamleider', 'OR01', 1), position(4, 'OR-GR', 'Medewerker groen', 'OR02', 2)];

  it('takes a position code from the staff file first, then fills positions of the same function and cost centre, the one with most room first', () => {
    const staff = [
      person(5, 'Handhaver boa', 'OR01', 36),
      person(3, 'Handhaver (boa)', 'OR01', 18, { formationPositionId: 2 }),
      person(4, 'handhaver (boa)', 'OR01', 36),
      person(7, 'Teamleider', 'OR01', 32),
    ];
    const matches = matchPositions(DAY, positions, staff, 36);
    // Employee 3 is linked to OR-HH-2 (half full); 4 (lower number) goes to OR-HH-1 with the most room; 5 then to OR-HH-2, the one with room left.
    expect(matches.get(3)).toMatchObject({ kind: 'linked', positionId: 2 });
    expect(matches.get(4)).toMatchObject({ kind: 'matched', positionId: 1 });
    expect(matches.get(5)).toMatchObject({ kind: 'matched', positionId: 2 });
    expect(matches.get(7)).toMatchObject({ kind: 'matched', positionId: 3, fte: 32 / 36 });
  });

  it('on equal room takes the lowest code, so the outcome never depends on the order of the file', () => {
    const a = matchPositions(DAY, positions, [person(1, 'Handhaver boa', 'OR01', 36), person(2, 'Handhaver boa', 'OR01', 36)], 36);
    const b = matchPositions(DAY, [...positions].reverse(), [person(2, 'Handhaver boa', 'OR01', 36), person(1, 'Handhaver boa', 'OR01', 36)], 36);
    expect([a.get(1)?.positionId, a.get(2)?.positionId]).toEqual([1, 2]);
    expect([b.get(1)?.positionId, b.get(2)?.positionId]).toEqual([1, 2]);
  });

  it('puts more people of a function than the formation has room for on its positions: that is over-occupation of the function', () => {
    const staff = [person(1, 'Teamleider', 'OR01', 36), person(2, 'Teamleider', 'OR01', 36)];
    const result = occupationOn(DAY, positions, staff, 36);
    expect(result.positions.find((p) => p.code === 'OR-TL')).toMatchObject({ occupiedFte: 2, overOccupationFte: 1, status: 'overOccupied' });
  });

  it('leaves on no position: another cost centre, a function without a position, the head’s "no position", a link to a position not valid that day', () => {
    const staff = [
      person(1, 'Medewerker groen', 'OR01', 36),
      person(2, 'Jurist', 'OR01', 36),
      person(3, 'Teamleider', 'OR01', 36, { noPosition: true }),
      person(4, 'Teamleider', 'OR01', 36, { formationPositionId: 9 }),
      person(5, '', 'OR01', 36),
    ];
    const later = position(9, 'OR-TL-2', 'Teamleider', 'OR01', 1, '2027-07-01');
    const matches = matchPositions(DAY, positions, staff, 36);
    expect([...matches.values()].map((m) => [m.employeeId, m.kind, m.positionId])).toEqual([
      [1, 'unmatched', null],
      [2, 'unmatched', null],
      [3, 'none', null],
      [4, 'unmatched', null],
      [5, 'unmatched', null],
    ]);
    const result = occupationOn(DAY, [...positions, later], staff, 36);
    // OR-TL stays vacant: the Teamleider who fills no position by the head's choice is not put on it, and the link to OR-TL-2 waits for July.
    expect(result.positions.find((p) => p.code === 'OR-TL')).toMatchObject({ occupiedFte: 0, status: 'vacant' });
    expect(result.unplaced.map((u) => [u.employeeId, u.kind])).toEqual([
      [1, 'unmatched'],
      [2, 'unmatched'],
      [3, 'none'],
      [4, 'unmatched'],
      [5, 'unmatched'],
    ]);
    expect(result.costCentres[0]).toMatchObject({ costCentre: 'OR01', unlinkedFte: 5, headcount: 5 });
    // With the position valid, the link counts.
    expect(matchPositions('2027-07-01', [...positions, later], staff, 36).get(4)).toMatchObject({ kind: 'linked', positionId: 9 });
  });

  it('puts an employee on the position whose code the staff file gives, before matching by function, whatever the function title says', () => {
    const staff = [
      // The file says OR-HH-2 for a handhaver whose title is written differently: the code decides.
      person(1, 'Toezichthouder', 'OR01', 36, { positionCode: 'or-hh-2' }),
      person(2, 'Handhaver boa', 'OR01', 36),
    ];
    const matches = matchPositions(DAY, positions, staff, 36);
    expect(matches.get(1)).toMatchObject({ kind: 'linked', positionId: 2, unknownCode: null });
    // The code took OR-HH-2's room first, so the other handhaver goes to OR-HH-1 though his number is lower.
    expect(matches.get(2)).toMatchObject({ kind: 'matched', positionId: 1 });
    const result = occupationOn(DAY, positions, staff, 36);
    expect(result.positions.find((p) => p.code === 'OR-HH-2')?.occupants).toMatchObject([{ employeeId: 1, match: 'linked' }]);
  });

  it('leaves an employee whose code names no position there unmatched, with the code, rather than guessing by function', () => {
    const staff = [
      person(1, 'Handhaver boa', 'OR01', 36, { positionCode: 'OR-HH-9' }),
      // OR-GR is a position of OR02: not a place on OR01.
      person(2, 'Medewerker groen', 'OR01', 36, { positionCode: 'OR-GR' }),
      // The head's link and "no position" go before the file's code.
      person(3, 'Handhaver boa', 'OR01', 36, { positionCode: 'OR-HH-9', formationPositionId: 1 }),
      person(4, 'Teamleider', 'OR01', 36, { positionCode: 'OR-TL', noPosition: true }),
    ];
    const result = occupationOn(DAY, positions, staff, 36);
    expect(result.unplaced.map((u) => [u.employeeId, u.kind, u.unknownCode])).toEqual([
      [1, 'unmatched', 'OR-HH-9'],
      [2, 'unmatched', 'OR-GR'],
      [4, 'none', null],
    ]);
    expect(result.positions.map((p) => [p.code, p.status])).toEqual([
      ['OR-HH-1', 'filled'],
      ['OR-HH-2', 'vacant'],
      ['OR-TL', 'vacant'],
      ['OR-GR', 'vacant'],
    ]);
    // Once the formation has OR-HH-9 on OR01 (or later), the employee is on it.
    const added = [...positions, position(9, 'OR-HH-9', 'Handhaver', 'OR01', 1)];
    expect(matchPositions(DAY, added, staff, 36).get(1)).toMatchObject({ kind: 'linked', positionId: 9, unknownCode: null });
  });

  it('says "vacant" only where nobody of that function works', () => {
    const staff = [person(1, 'Handhaver boa', 'OR01', 36), person(2, 'Teamleider', 'OR01', 36), person(3, 'Medewerker groen', 'OR02', 36)];
    const result = occupationOn(DAY, positions, staff, 36);
    expect(result.positions.map((p) => [p.code, p.status])).toEqual([
      ['OR-HH-1', 'filled'],
      ['OR-HH-2', 'vacant'],
      ['OR-TL', 'filled'],
      ['OR-GR', 'partlyVacant'],
    ]);
    expect(result.unplaced).toEqual([]);
  });
});

describe('formation figures without positions', () => {
  const staff = [person(1, 'Handhaver', 'OR01', 36), person(2, 'Jurist', 'OR02', 18)];

  it('calls nobody "boventallig" while no position is recorded: the formation is unknown, not zero', () => {
    const result = occupationOn(DAY, [], staff, 36);
    expect(result.total).toMatchObject({ formationFte: null, vacancyFte: null, overOccupationFte: null, occupancyPercent: null, occupiedFte: 1.5, headcount: 2, formationGap: 'no-positions' });
    expect(result.costCentres.map((c) => [c.costCentre, c.formationFte, c.overOccupationFte, c.formationGap])).toEqual([
      ['OR01', null, null, 'no-positions'],
      ['OR02', null, null, 'no-positions'],
    ]);
    expect(result.withoutFormation).toEqual(['OR01', 'OR02']);
  });

  it('compares a cost centre with its formation once it has a position, and leaves the others out of the totals', () => {
    const result = occupationOn(DAY, [position(1, 'OR-HH', 'Handhaver', 'OR01', 0.5)], staff, 36);
    expect(result.costCentres.map((c) => [c.costCentre, c.formationFte, c.overOccupationFte, c.formationGap])).toEqual([
      ['OR01', 0.5, 0.5, null],
      ['OR02', null, null, 'no-positions'],
    ]);
    // Totals over OR01 only for formation, vacancy, over-occupation and occupancy; occupation counts everyone.
    expect(result.total).toMatchObject({ formationFte: 0.5, overOccupationFte: 0.5, vacancyFte: 0, occupancyPercent: 200, occupiedFte: 1.5, formationGap: null });
    expect(result.withoutFormation).toEqual(['OR02']);
  });

  it('counts a formation that has not begun on the day as not recorded, and one that has ended as a formation of zero', () => {
    const future = occupationOn(DAY, [position(1, 'OR-HH', 'Handhaver', 'OR01', 1, '2027-06-01')], staff, 36);
    expect(future.costCentres[0]).toMatchObject({ costCentre: 'OR01', formationFte: null, formationGap: 'no-positions' });
    const ended = occupationOn(DAY, [position(1, 'OR-HH', 'Handhaver', 'OR01', 1, '2026-01-01', '2026-12-31')], staff, 36);
    expect(ended.costCentres[0]).toMatchObject({ costCentre: 'OR01', formationFte: 0, overOccupationFte: 1, formationGap: null });
  });
});
