import { departmentWorkbook } from './workbook.ts';

/**
 * A small hand-made department workbook with staff and absence, set up through the real staff and
 * absence APIs, whose figures the tests compute by hand:
 *
 * | position | cost centre | fte | valid from  |
 * |----------|-------------|-----|-------------|
 * | BEH-1    | OR01        | 2   | 01-01-2026  |
 * | GRO-1    | OR02        | 1   | 01-01-2026  |
 *
 * | nr   | name            | hours | cost centre, position | employed from |
 * |------|-----------------|-------|-----------------------|---------------|
 * | 1001 | Anna Jansen     | 36    | OR01, BEH-1           | 01-01-2026    |
 * | 1002 | Bram de Vries   | 18    | OR01, BEH-1           | 01-01-2026    |
 * | 1003 | Cor Bakker      | 36    | OR02, GRO-1           | 01-01-2026    |
 * | 1004 | Dirk Smit       | 18    | OR02, GRO-1           | 01-03-2027    |
 *
 * Sickness: Bram 4–8 May 2026 (5 days, recovered per 9 May); Anna 3–12 May 2027 (10 days,
 * recovered per 13 May); Cor from 1 June 2027, still sick.
 */
export async function peopleWorkbook() {
  const wb = await departmentWorkbook();
  const { client } = wb;
  const position = (code: string, costCentre: string, fte: number) =>
    client.formation.createPosition({ code, functionTitle: costCentre === 'OR01' ? 'Medewerker beheer' : 'Hovenier', salaryScale: 7, fte, costCentre, validFrom: '2026-01-01' });
  const beh = await position('BEH-1', 'OR01', 2);
  const gro = await position('GRO-1', 'OR02', 1);
  const employee = (personnelNumber: string, firstName: string, infix: string, lastName: string, hoursPerWeek: number, costCentre: string, positionId: number, startDate = '2026-01-01') =>
    client.staff.createEmployee({
      personnelNumber,
      firstName,
      infix,
      lastName,
      startDate,
      terms: { functionTitle: 'Medewerker', salaryScale: 7, salaryStep: 3, hoursPerWeek, costCentre, contractType: 'Vast', formationPositionId: positionId },
    });
  const anna = await employee('1001', 'Anna', '', 'Jansen', 36, 'OR01', beh.id);
  const bram = await employee('1002', 'Bram', 'de', 'Vries', 18, 'OR01', beh.id);
  const cor = await employee('1003', 'Cor', '', 'Bakker', 36, 'OR02', gro.id);
  const dirk = await employee('1004', 'Dirk', '', 'Smit', 18, 'OR02', gro.id, '2027-03-01');

  const today = '2027-06-15';
  const bramCase = await client.absence.register({ today, employeeId: bram.id, firstDay: '2026-05-04', caseNumber: 'V-BRAM' });
  await client.absence.recover({ today, caseId: bramCase.id, recoveredOn: '2026-05-09' });
  const annaCase = await client.absence.register({ today, employeeId: anna.id, firstDay: '2027-05-03', caseNumber: 'V-ANNA' });
  await client.absence.recover({ today, caseId: annaCase.id, recoveredOn: '2027-05-13' });
  const corCase = await client.absence.register({ today, employeeId: cor.id, firstDay: '2027-06-01', caseNumber: 'V-COR' });
  return { ...wb, employees: { anna, bram, cor, dirk }, cases: { anna: annaCase, bram: bramCase, cor: corCase } };
}
