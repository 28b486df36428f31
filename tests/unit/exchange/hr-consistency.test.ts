import { describe, expect, it } from 'vitest';
import { hrPayloadSchema } from '../../../shared/exchange/schema.ts';

const terms = { validFrom: '2020-01-01', costCentre: 'OR01', functionTitle: 'Medewerker', salaryScale: 8, salaryStep: 3, hoursPerWeek: 36, fte: 1, contractType: 'vast', positionId: null };

function payload() {
  return {
    basis: { periodStart: '2027-01-01', periodEnd: '2027-03-31', referenceDate: '2027-03-31', normalWeekHours: 36 },
    staff: [
      { personnelNumber: '1', employmentStart: '2020-01-01', employmentEnd: null, terms: [terms, { ...terms, validFrom: '2027-02-01', hoursPerWeek: 18, fte: 0.5 }] },
      { personnelNumber: '2', employmentStart: '2020-01-01', employmentEnd: null, terms: [terms] },
    ],
    absenceCases: [
      { caseId: 'V1', personnelNumber: '1', firstDay: '2027-01-04', lastSickDay: '2027-01-20', incapacity: [{ from: '2027-01-04', percentage: 100 }, { from: '2027-01-11', percentage: 50 }], continuesCaseId: null },
      { caseId: 'V2', personnelNumber: '1', firstDay: '2027-02-01', lastSickDay: null, incapacity: [{ from: '2027-02-01', percentage: 100 }], continuesCaseId: 'V1' },
    ],
    poortwachter: [{ caseId: 'V2', personnelNumber: '1', milestone: 'ZIEKMELDING', label: 'Ziekmelding', dueDate: '2027-02-07', completedOn: null, status: 'open' as const }],
    formation: { positions: [{ positionId: 'P1', costCentre: 'OR01', functionTitle: 'Medewerker', salaryScale: 8, formationFte: 2, occupationFte: 1.5 }] },
  };
}

/** The messages of the issues zod reports, with their paths. */
function problems(value: unknown): string[] {
  const result = hrPayloadSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('an HR payload whose parts do not fit together is refused, with the item named', () => {
  it('accepts a consistent payload', () => {
    expect(problems(payload())).toEqual([]);
  });

  it('refuses a case of someone not on the staff list, and a personnel number listed twice', () => {
    const p = payload();
    p.absenceCases[1].personnelNumber = '9';
    p.poortwachter[0].personnelNumber = '9';
    expect(problems(p)).toEqual(['absenceCases.1.personnelNumber: verzuimgeval V2 hoort bij personeelsnummer 9, dat niet in de personeelslijst staat']);
    const twice = payload();
    twice.staff[1].personnelNumber = '1';
    expect(problems(twice)).toEqual(['staff.1.personnelNumber: personeelsnummer 1 staat twee keer in de personeelslijst']);
  });

  it('refuses overlapping cases of one person (central could not count their days once)', () => {
    const p = payload();
    p.absenceCases[0].lastSickDay = '2027-02-01';
    expect(problems(p)).toEqual(['absenceCases.1.firstDay: verzuimgeval V2 overlapt met verzuimgeval V1 van dezelfde medewerker']);
  });

  it('refuses percentages that do not start on the first sick day, run out of order or after the last sick day', () => {
    const p = payload();
    p.absenceCases[0].incapacity[0].from = '2027-01-05';
    expect(problems(p)).toEqual(['absenceCases.0.incapacity.0.from: het eerste percentage van verzuimgeval V1 begint niet op de eerste ziektedag']);
    const late = payload();
    late.absenceCases[0].incapacity[1].from = '2027-01-25';
    expect(problems(late)).toEqual(['absenceCases.0.incapacity.1.from: een percentage van verzuimgeval V1 begint na de laatste ziektedag']);
    const order = payload();
    order.staff[0].terms[1].validFrom = '2019-01-01';
    expect(problems(order)).toEqual(['staff.0.terms.1.validFrom: de arbeidsvoorwaarden van 1 staan niet op oplopende ingangsdatum']);
  });

  it('refuses a Poortwachter step on a case that is not in the package, or under another personnel number', () => {
    const p = payload();
    p.poortwachter[0].caseId = 'V7';
    expect(problems(p)).toEqual(['poortwachter.0.caseId: Poortwachter-stap bij verzuimgeval V7, dat niet in de verzuimgevallen staat']);
    const other = payload();
    other.poortwachter[0].personnelNumber = '2';
    expect(problems(other)).toEqual(['poortwachter.0.personnelNumber: Poortwachter-stap bij verzuimgeval V2 noemt een ander personeelsnummer dan het geval']);
  });

  it('refuses cases without a staff list, and a formation position listed twice', () => {
    const { staff: _staff, ...withoutStaff } = payload();
    expect(problems(withoutStaff)).toContain('absenceCases: verzuimgevallen zonder personeelslijst kunnen niet worden verwerkt');
    const p = payload();
    p.formation.positions.push({ ...p.formation.positions[0] });
    expect(problems(p)).toEqual(['formation.positions.1.positionId: formatieplaats P1 komt twee keer voor']);
  });
});
