import fs from 'node:fs';
import path from 'node:path';
import { createStaff, hrDepartment, type DepartmentHandle } from '../../helpers/exchange.ts';

/**
 * Three departments whose first quarter of 2027 (1 January – 31 March: 90 days, 3 months) is small
 * enough to compute by hand. Everything is created through the staff and absence APIs, as a head does.
 * All contracts are 36 hours (part-time factor 1) except where 18 hours (0.5) is said.
 *
 * OR Openbare Ruimte, 6 people (OR01: 100001, 100002, 100006; OR02: 100003, 100004, 100005)
 *   100001  sick 4–13 Jan at 100 % (10 days, recovered 14 Jan)                 sick 10      available 90
 *   100002  18 h; sick from 1 Mar (100 %), 50 % from 16 Mar, still sick        sick 15×0.5 + 16×0.5×0.5 = 11.5   available 45
 *   100003, 100004                                                                          available 90 + 90
 *   100005  joins 1 Feb                                                                      available 59
 *   100006  leaves 14 Feb (moves to SO)                                                      available 45
 *   OR: sick 21.5 / available 419 = 5.1313 %; reports 2; person-days 464
 *   Formation on 31 March: OR01 3.0 fte (100001 + 100002 linked: 1.5 occupied), OR02 2.0 fte (100003–100005
 *   linked: 3.0): formation 5.0, occupied 4.5, vacancy 1.5, over-occupation 1.0 (not netted), 5 people.
 * BZ Burgerzaken, 4 people (BZ01): 200001 sick 1–5 Feb (5 days); 200002–200004 never sick.
 *   BZ: 5 / 360 = 1.3889 %; reports 1. Formation: BZ01 4.0 fte, nobody linked; occupied 4.0.
 * SO Sociaal Domein, 5 people (SO01)
 *   300001  sick since 2 Nov 2026 at 100 %, still sick: all 90 days                sick 90     available 90
 *   300002  18 h; sick 22–31 Mar (10 days, recovered 1 Apr)                        sick 5      available 45
 *   300003, 300004                                                                            available 90 + 90
 *   100006  joins 15 Feb (from OR)                                                            available 45
 *   SO: 95 / 360 = 26.3889 %; reports 1 (300001's case began in 2026). No formation set up.
 *
 * The organisation, from the day counts (never from the three percentages, whose mean would be 10.97 %):
 *   sick 21.5 + 5 + 95 = 121.5; available 419 + 360 + 360 = 1139 → 10.6673 %
 *   reports 2 + 1 + 1 = 4; person-days 464 + 360 + 405 = 1229, average headcount 1229 / 90 = 13.6556;
 *   frequency 4 / 13.6556 × 12 / 3 = 1440 / 1229 = 1.1717
 *   closed in the quarter: 100001 (10 days), 200001 (5), 300002 (10) → average duration 25 / 3 = 8.33
 *   people: 14 (100006 once, though in two packages), of whom 5 were sick → zero absence 9 / 14 = 64.29 %
 *   (counting 100006 twice would give 10 / 15 = 66.67 %)
 *   bands (cases with a sick day in the quarter, by length up to recovery or 31 March): short 200001;
 *   medium 100001 (10), 100002 (31), 300002 (10); long 300001 (150 days); every band under 5 cases.
 *
 * Poortwachter on 10 April 2027: SO 300001 (first day 2 Nov 2026): sick report and problem analysis
 * done; plan of action due 27 Dec 2026 (week 8) not done → 104 days overdue; its first evaluation due
 * six weeks later, 7 Feb 2027 → 62 days. OR 100002 (first day 1 Mar): sick report due 7 Mar → 34 days;
 * problem analysis due 11 April, not yet. The missed sick reports of recovered cases (100001, 200001,
 * 300002) no longer count.
 */
export async function hrDepartments(dir: string): Promise<{ or: DepartmentHandle; bz: DepartmentHandle; so: DepartmentHandle }> {
  const or = await hrDepartment(dir, 'OR', 'Openbare Ruimte', ['OR01', 'OR02']);
  const bel = await or.client.formation.createPosition({ code: 'OR-BEL', functionTitle: 'Beleidsmedewerker', salaryScale: 10, fte: 3, costCentre: 'OR01', validFrom: '2020-01-01' });
  const uitv = await or.client.formation.createPosition({ code: 'OR-UITV', functionTitle: 'Uitvoerder', salaryScale: 8, fte: 2, costCentre: 'OR02', validFrom: '2020-01-01' });
  const orIds = await createStaff(or, [
    { personnelNumber: '100001', lastName: 'Jansen', hours: 36, costCentre: 'OR01', positionId: bel.id },
    { personnelNumber: '100002', lastName: 'de Vries', hours: 18, costCentre: 'OR01', positionId: bel.id },
    { personnelNumber: '100003', lastName: 'Bakker', hours: 36, costCentre: 'OR02', positionId: uitv.id },
    { personnelNumber: '100004', lastName: 'Visser', hours: 36, costCentre: 'OR02', positionId: uitv.id },
    { personnelNumber: '100005', lastName: 'Smit', hours: 36, costCentre: 'OR02', positionId: uitv.id, start: '2027-02-01' },
    { personnelNumber: '100006', lastName: 'Meijer', hours: 36, costCentre: 'OR01', positionId: bel.id, end: '2027-02-14' },
  ]);
  const a = await or.client.absence.register({ employeeId: orIds.get('100001')!, firstDay: '2027-01-04', today: '2027-04-05' });
  await or.client.absence.recover({ caseId: a.id, recoveredOn: '2027-01-14', today: '2027-04-05' });
  const b = await or.client.absence.register({ employeeId: orIds.get('100002')!, firstDay: '2027-03-01', today: '2027-04-05' });
  await or.client.absence.changePercentage({ caseId: b.id, from: '2027-03-16', percentage: 50, today: '2027-04-05' });

  const bz = await hrDepartment(dir, 'BZ', 'Burgerzaken', ['BZ01']);
  await bz.client.formation.createPosition({ code: 'BZ-BALIE', functionTitle: 'Baliemedewerker', salaryScale: 6, fte: 4, costCentre: 'BZ01', validFrom: '2020-01-01' });
  const bzIds = await createStaff(bz, [
    { personnelNumber: '200001', lastName: 'Hoekstra', hours: 36, costCentre: 'BZ01' },
    { personnelNumber: '200002', lastName: 'Kok', hours: 36, costCentre: 'BZ01' },
    { personnelNumber: '200003', lastName: 'Peters', hours: 36, costCentre: 'BZ01' },
    { personnelNumber: '200004', lastName: 'Vos', hours: 36, costCentre: 'BZ01' },
  ]);
  const c = await bz.client.absence.register({ employeeId: bzIds.get('200001')!, firstDay: '2027-02-01', today: '2027-04-05' });
  await bz.client.absence.recover({ caseId: c.id, recoveredOn: '2027-02-06', today: '2027-04-05' });

  const so = await hrDepartment(dir, 'SO', 'Sociaal Domein', ['SO01']);
  const soIds = await createStaff(so, [
    { personnelNumber: '300001', lastName: 'Mulder', hours: 36, costCentre: 'SO01' },
    { personnelNumber: '300002', lastName: 'de Boer', hours: 18, costCentre: 'SO01' },
    { personnelNumber: '300003', lastName: 'Dekker', hours: 36, costCentre: 'SO01' },
    { personnelNumber: '300004', lastName: 'Brouwer', hours: 36, costCentre: 'SO01' },
    { personnelNumber: '100006', lastName: 'Meijer', hours: 36, costCentre: 'SO01', start: '2027-02-15' },
  ]);
  const long = await so.client.absence.register({ employeeId: soIds.get('300001')!, firstDay: '2026-11-02', today: '2027-04-05' });
  await so.client.absence.setStep({ caseId: long.id, step: 'sickReport', doneOn: '2026-11-03', today: '2027-04-05' });
  await so.client.absence.setStep({ caseId: long.id, step: 'problemAnalysis', doneOn: '2026-12-10', today: '2027-04-05' });
  const short = await so.client.absence.register({ employeeId: soIds.get('300002')!, firstDay: '2027-03-22', today: '2027-04-05' });
  await so.client.absence.recover({ caseId: short.id, recoveredOn: '2027-04-01', today: '2027-04-05' });
  return { or, bz, so };
}

/** Each department's HR package for 2027-Q1 into one folder; returns the file of each. */
export async function exportHrPackages(folder: string, departments: DepartmentHandle[], period = '2027-Q1'): Promise<Record<string, string>> {
  fs.mkdirSync(folder, { recursive: true });
  const files: Record<string, string> = {};
  for (const d of departments) {
    const result = await d.client.exchange.export({ kind: 'hr-summary', period, path: path.join(folder, `${d.code}-hr-${period}.wbx`) });
    files[d.code] = result.package.path!;
  }
  return files;
}

/** The person who moves between departments while ill (hr-transfer-privacy.test.ts, central-hr-transfer.spec.ts). */
export const MOVER = '471147';

/**
 * 471147 works at AA until 20 February 2027 and at CC from 21 February. AA registered a sickness from
 * 11 January that it never closed (the person left); CC did not register it. Four colleagues each.
 */
export async function movedWhileIll(dir: string): Promise<{ aa: DepartmentHandle; cc: DepartmentHandle }> {
  const aa = await hrDepartment(dir, 'AA', 'Afdeling A', ['AA01']);
  const cc = await hrDepartment(dir, 'CC', 'Afdeling C', ['CC01']);
  const aaIds = await createStaff(aa, [
    ...['410001', '410002', '410003', '410004'].map((personnelNumber) => ({ personnelNumber, lastName: 'Jansen', hours: 36, costCentre: 'AA01' })),
    { personnelNumber: MOVER, lastName: 'Verhuizer', hours: 36, costCentre: 'AA01', end: '2027-02-20' },
  ]);
  await aa.client.absence.register({ employeeId: aaIds.get(MOVER)!, firstDay: '2027-01-11', today: '2027-02-20' });
  await createStaff(cc, [
    ...['430001', '430002', '430003', '430004'].map((personnelNumber) => ({ personnelNumber, lastName: 'Bakker', hours: 36, costCentre: 'CC01' })),
    { personnelNumber: MOVER, lastName: 'Verhuizer', hours: 36, costCentre: 'CC01', start: '2027-02-21' },
  ]);
  return { aa, cc };
}
