import { describe, expect, it } from 'vitest';
import { occupationOn, type FormationPosition } from '../../../shared/domain/staff/formation.ts';
import { staffFigures } from '../../../shared/domain/staff/headcount.ts';
import { fteOf, termsOn, type EmployeeHistory, type Terms } from '../../../shared/domain/staff/terms.ts';

function terms(validFrom: string, hoursPerWeek: number, costCentre: string, formationPositionId: number | null = null): Terms {
  return { validFrom, functionTitle: 'Handhaver', salaryScale: 7, salaryStep: 3, hoursPerWeek, costCentre, contractType: 'Vast', formationPositionId };
}

function employee(id: number, startDate: string, endDate: string | null, history: Terms[]): EmployeeHistory {
  return { id, personnelNumber: String(100 + id), firstName: `Voornaam${id}`, infix: '', lastName: `Achternaam${id}`, startDate, endDate, terms: history };
}

const positions: FormationPosition[] = [
  { id: 1, code: 'OR-HH', functionTitle: 'Handhaver', salaryScale: 7, fte: 2, costCentre: 'OR01', validFrom: '2027-01-01', validTo: null },
  { id: 2, code: 'OR-TL', functionTitle: 'Teamleider', salaryScale: 11, fte: 1, costCentre: 'OR01', validFrom: '2027-01-01', validTo: '2027-06-30' },
  { id: 3, code: 'OR-GR', functionTitle: 'Medewerker groen', salaryScale: 5, fte: 1, costCentre: 'OR02', validFrom: '2027-01-01', validTo: null },
];

// A: 36 h on OR-HH, from 1 April 18 h. B: 36 h on OR-HH. C: 27 h on OR02, not linked. D: on OR-TL, leaves 31 March.
const staff = [
  employee(1, '2020-01-01', null, [terms('2020-01-01', 36, 'OR01', 1), terms('2027-04-01', 18, 'OR01', 1)]),
  employee(2, '2026-06-01', null, [terms('2026-06-01', 36, 'OR01', 1)]),
  employee(3, '2027-02-01', null, [terms('2027-02-01', 27, 'OR02')]),
  employee(4, '2010-01-01', '2027-03-31', [terms('2010-01-01', 36, 'OR01', 2)]),
];

describe('FTE and terms on a date', () => {
  it('divides contract hours by the normal week', () => {
    expect(fteOf(36, 36)).toBe(1);
    expect(fteOf(20.5, 36)).toBeCloseTo(0.569444, 6);
    expect(fteOf(32, 40)).toBe(0.8);
  });

  it('takes the latest change on or before the day, and nothing outside employment', () => {
    const a = staff[0];
    expect(termsOn(a, '2027-03-31')?.hoursPerWeek).toBe(36);
    expect(termsOn(a, '2027-04-01')?.hoursPerWeek).toBe(18);
    expect(termsOn(a, '2019-12-31')).toBeNull();
    expect(termsOn(staff[3], '2027-03-31')?.hoursPerWeek).toBe(36);
    expect(termsOn(staff[3], '2027-04-01')).toBeNull();
  });
});

describe('formation against occupation on a date', () => {
  it('on the day before a change of hours: OR-HH filled, OR-TL filled, OR02 partly occupied by an unlinked employee', () => {
    const result = occupationOn('2027-03-31', positions, staff, 36);
    const hh = result.positions.find((p) => p.code === 'OR-HH')!;
    expect(hh).toMatchObject({ formationFte: 2, occupiedFte: 2, vacancyFte: 0, overOccupationFte: 0, occupancyPercent: 100, status: 'filled' });
    expect(hh.occupants.map((o) => o.employeeId)).toEqual([1, 2]);
    expect(result.positions.find((p) => p.code === 'OR-TL')).toMatchObject({ occupiedFte: 1, status: 'filled' });
    expect(result.positions.find((p) => p.code === 'OR-GR')).toMatchObject({ occupiedFte: 0, vacancyFte: 1, status: 'vacant' });
    expect(result.costCentres).toEqual([
      { costCentre: 'OR01', formationFte: 3, occupiedFte: 3, vacancyFte: 0, overOccupationFte: 0, occupancyPercent: 100, headcount: 3, unlinkedFte: 0, hireFte: 0, formationGap: null },
      { costCentre: 'OR02', formationFte: 1, occupiedFte: 0.75, vacancyFte: 0.25, overOccupationFte: 0, occupancyPercent: 75, headcount: 1, unlinkedFte: 0.75, hireFte: 0, formationGap: null },
    ]);
    expect(result.total).toMatchObject({ formationFte: 4, occupiedFte: 3.75, vacancyFte: 0.25, overOccupationFte: 0, headcount: 4 });
  });

  it('on the day of the change: half a vacancy on OR-HH, the leaver gone from OR-TL', () => {
    const result = occupationOn('2027-04-01', positions, staff, 36);
    expect(result.positions.find((p) => p.code === 'OR-HH')).toMatchObject({ occupiedFte: 1.5, vacancyFte: 0.5, status: 'partlyVacant', occupancyPercent: 75 });
    expect(result.positions.find((p) => p.code === 'OR-TL')).toMatchObject({ occupiedFte: 0, vacancyFte: 1, status: 'vacant' });
    expect(result.costCentres[0]).toMatchObject({ costCentre: 'OR01', formationFte: 3, occupiedFte: 1.5, vacancyFte: 1.5, headcount: 2 });
  });

  it('after a position ends its occupants count as unlinked, and a surplus on one cost centre does not fill a vacancy on another', () => {
    const extra = [...staff, employee(5, '2027-01-01', null, [terms('2027-01-01', 36, 'OR01', 2)]), employee(6, '2027-01-01', null, [terms('2027-01-01', 36, 'OR01')])];
    const result = occupationOn('2027-07-01', positions, extra, 36);
    expect(result.positions.map((p) => p.code)).toEqual(['OR-HH', 'OR-GR']);
    // OR01: formation 2 (OR-TL ended); occupation 0.5 + 1 + 1 (employee 5, its position ended) + 1 = 3.5.
    // Employee 6 (no link, a Handhaver on OR01) is matched to OR-HH by function; employee 5 stays on no position,
    // and so does employee 3 (a Handhaver on OR02, which has no Handhaver position).
    expect(result.costCentres[0]).toMatchObject({ formationFte: 2, occupiedFte: 3.5, overOccupationFte: 1.5, vacancyFte: 0, unlinkedFte: 1, occupancyPercent: 175 });
    expect(result.positions.find((p) => p.code === 'OR-HH')!.occupants.map((o) => [o.employeeId, o.match])).toEqual([
      [1, 'linked'],
      [2, 'linked'],
      [6, 'matched'],
    ]);
    expect(result.unplaced.map((u) => [u.employeeId, u.costCentre, u.kind])).toEqual([
      [5, 'OR01', 'unmatched'],
      [3, 'OR02', 'unmatched'],
    ]);
    expect(result.costCentres[1]).toMatchObject({ formationFte: 1, occupiedFte: 0.75, vacancyFte: 0.25 });
    expect(result.total).toMatchObject({ formationFte: 3, occupiedFte: 4.25, vacancyFte: 0.25, overOccupationFte: 1.5 });
  });

  it('shows external hire beside the occupation, on its position and cost centre, only while it runs', () => {
    const hires = [
      { costCentre: 'OR01', hoursPerWeek: 18, startDate: '2027-04-01', endDate: '2027-09-30', formationPositionId: 2 },
      { costCentre: 'OR02', hoursPerWeek: 9, startDate: '2027-01-01', endDate: '2027-12-31', formationPositionId: null },
    ];
    const april = occupationOn('2027-04-15', positions, staff, 36, hires);
    expect(april.positions.find((p) => p.code === 'OR-TL')).toMatchObject({ occupiedFte: 0, vacancyFte: 1, hireFte: 0.5 });
    expect(april.costCentres.map((c) => [c.costCentre, c.occupiedFte, c.hireFte])).toEqual([
      ['OR01', 1.5, 0.5],
      ['OR02', 0.75, 0.25],
    ]);
    expect(april.total.hireFte).toBe(0.75);
    expect(occupationOn('2027-10-01', positions, staff, 36, hires).total.hireFte).toBe(0.25);
  });

  it('marks over-occupation of a position', () => {
    const two = [employee(1, '2027-01-01', null, [terms('2027-01-01', 36, 'OR02', 3)]), employee(2, '2027-01-01', null, [terms('2027-01-01', 9, 'OR02', 3)])];
    expect(occupationOn('2027-05-01', positions, two, 36).positions.find((p) => p.code === 'OR-GR')).toMatchObject({ occupiedFte: 1.25, overOccupationFte: 0.25, status: 'overOccupied' });
  });
});

describe('headcount and FTE over a period', () => {
  it('counts on the last day and averages over the days, per cost centre of each day', () => {
    // April 2027 (30 days): A 0.5 FTE all month, B 1.0, C 0.75 on OR02, D gone.
    const april = staffFigures(staff, '2027-04-01', '2027-04-30', 36);
    expect(april.total).toEqual({ headcount: 3, fte: 2.25, averageHeadcount: 3, averageFte: 2.25 });
    expect(april.costCentres.OR01).toEqual({ headcount: 2, fte: 1.5, averageHeadcount: 2, averageFte: 1.5 });
    // Q1 2027 (90 days): A 1.0 ×90, B 1.0 ×90, C 0.75 × 59 (from 1 Feb), D 1.0 × 90 (leaves 31 March).
    const q1 = staffFigures(staff, '2027-01-01', '2027-03-31', 36);
    expect(q1.total.headcount).toBe(4);
    expect(q1.total.fte).toBe(3.75);
    expect(q1.total.averageHeadcount).toBeCloseTo((90 * 3 + 59) / 90, 2);
    expect(q1.total.averageFte).toBeCloseTo((270 + 0.75 * 59) / 90, 4);
  });
});
