import { describe, expect, it } from 'vitest';
import { publishedNotes, publishedPoortwachter } from '../../../electron/backend/consolidation/hr-export.ts';
import type { HrConsolidation, HrDepartment, HrOverdueMilestone } from '../../../shared/exchange/central.ts';
import type { SuppressionReason } from '../../../shared/exchange/suppression.ts';

const step = (department: string, caseId: string, dueDate: string, daysOverdue: number): HrOverdueMilestone => ({
  department,
  registeredBy: department,
  caseId,
  personnelNumber: `${department}-1`,
  milestone: 'ZIEKMELDING',
  label: 'Ziekmelding bij bedrijfsarts/arbodienst',
  dueDate,
  completedOn: null,
  daysOverdue,
});

/** Only what publishedPoortwachter reads: departments with their suppression, the overdue steps, the organisation's suppression. */
function consolidation(departments: Array<[string, SuppressionReason | null]>, overdue: HrOverdueMilestone[], organisation: SuppressionReason | null = null): HrConsolidation {
  return {
    asOf: '2027-04-10',
    organisation: { absenceSuppressed: organisation },
    departments: departments.map(([code, absenceSuppressed]) => ({ code, absenceSuppressed }) as HrDepartment),
    overdue,
  } as HrConsolidation;
}

describe('overdue Poortwachter steps as they leave the HR workbook', () => {
  it('lists the steps of a published department; a hidden one gets one marker entry with the reason, no case, date or days', () => {
    const c = consolidation([['AA', null], ['BB', 'small'], ['CC', 'complementary']], [step('BB', 'WB-B1', '2027-03-01', 40), step('AA', 'WB-A1', '2027-03-07', 34), step('BB', 'WB-B2', '2027-03-20', 21)]);
    const published = publishedPoortwachter(c);
    expect(published).toMatchObject({ asOf: '2027-04-10', overdueCount: 3, suppressed: null, marker: null });
    expect(published.overdue).toEqual([
      { department: 'AA', caseId: 'WB-A1', milestone: 'ZIEKMELDING', label: 'Ziekmelding bij bedrijfsarts/arbodienst', dueDate: '2027-03-07', daysOverdue: 34, suppressed: null, marker: null, reason: null },
      { department: 'BB', caseId: null, milestone: null, label: null, dueDate: null, daysOverdue: null, suppressed: 'small', marker: '< 5', reason: 'minder dan 5 medewerkers' },
      // CC has no overdue steps and still gets its marker: otherwise BB's count would follow from the total.
      { department: 'CC', caseId: null, milestone: null, label: null, dueDate: null, daysOverdue: null, suppressed: 'complementary', marker: 'x', reason: expect.stringMatching(/niet uit het totaal/) },
    ]);
    expect(JSON.stringify(published)).not.toMatch(/WB-B|2027-03-01|2027-03-20|BB-1/);
  });

  it('hides the total too when the organisation itself has fewer than five people', () => {
    const published = publishedPoortwachter(consolidation([['AA', 'parent']], [step('AA', 'WB-A1', '2027-03-07', 34)], 'small'));
    expect(published).toMatchObject({ overdueCount: null, suppressed: 'small', marker: '< 5' });
    expect(published.overdue).toEqual([{ department: 'AA', caseId: null, milestone: null, label: null, dueDate: null, daysOverdue: null, suppressed: 'parent', marker: 'x', reason: 'de groep waar dit deel van is, is weggelaten' }]);
  });
});

describe('remarks about the data as they leave the HR workbook', () => {
  const base = (transfers: HrConsolidation['transfers'], departments: Array<Partial<HrDepartment>> = []) =>
    ({ minimumGroupSize: 5, departments, transfers, notes: ['Personeelsnummer 123456 staat tegelijk bij AA en BB in dienst'] }) as unknown as HrConsolidation;

  it('counts people, from five on exactly, never by personnel number', () => {
    expect(publishedNotes(base({ peopleInTwoDepartmentsAtOnce: 7, peopleWithJoinedCases: 5 }))).toEqual([
      '7 personen tegelijk in dienst bij twee afdelingen; voor de organisatie telt elke dag één keer.',
      'Bij 5 personen overlappen verzuimgevallen van twee afdelingen (bijvoorbeeld ziek tijdens een overplaatsing); voor de organisatie telt dat als één geval.',
    ]);
  });

  it('gives a count under five as "< 5", says nothing when there is nothing, and keeps the remark about a department', () => {
    expect(publishedNotes(base({ peopleInTwoDepartmentsAtOnce: 0, peopleWithJoinedCases: 4 }, [{ code: 'AA', absence: null }, { code: 'BB', absence: {} as HrDepartment['absence'] }]))).toEqual([
      'Het pakket van AA bevat geen verzuimgevallen; de afdeling telt niet mee in de verzuimcijfers van de organisatie.',
      'Bij < 5 personen overlappen verzuimgevallen van twee afdelingen (bijvoorbeeld ziek tijdens een overplaatsing); voor de organisatie telt dat als één geval.',
    ]);
  });
});
