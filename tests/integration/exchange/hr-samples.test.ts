import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralWorkbook, hrDepartment, type DepartmentHandle } from '../../helpers/exchange.ts';
import { sample, tempDir } from '../../helpers/workbook.ts';

/**
 * The realistic sample files: three departments each import the organisation's roster (keeping their own
 * cost centres) and absence list (keeping their own people), and send their HR summary of the second
 * quarter. Central HR must arrive at exactly each department's own figures, computed in the department
 * workbook, and at an organisation figure that is the ratio of the summed days.
 */
describe('HR round trip with the sample roster and absence list', () => {
  const dir = tempDir('werkboek-hr-samples-');
  const inbox = path.join(dir, 'inbox');
  const departments: DepartmentHandle[] = [];
  let central: Awaited<ReturnType<typeof centralWorkbook>>;

  beforeAll(async () => {
    fs.mkdirSync(inbox);
    for (const [code, name, costCentre] of [
      ['OR', 'Openbare Ruimte', 'OR01'],
      ['BZ', 'Burgerzaken', 'BZ01'],
      ['DV', 'Dienstverlening', 'DV01'],
    ]) {
      const d = await hrDepartment(dir, code, name, [costCentre]);
      await d.client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '2027-01-01' } });
      await d.client.import.commit({ kind: 'absence', source: { path: sample('verzuim-2027.csv') } });
      await d.client.exchange.export({ kind: 'hr-summary', period: '2027-Q2', path: path.join(inbox, `${code}.wbx`) });
      departments.push(d);
    }
    central = await centralWorkbook(dir, 'central-hr');
    const imported = await central.client.central.import({ sources: [{ folder: inbox }], trustNew: true });
    expect(imported.counts).toMatchObject({ imported: 3, rejected: 0 });
  }, 60_000);
  afterAll(() => {
    for (const d of departments) d.session.close();
    central?.session.close();
  });

  it('recomputes each department’s own figures exactly, and the organisation’s from the summed days', async () => {
    const hr = await central.client.central.hr({ period: '2027-Q2', asOf: '2027-07-10' });
    let sick = 0;
    let available = 0;
    let reports = 0;
    for (const d of departments) {
      const own = await d.client.absence.metrics({ period: '2027-Q2', today: '2027-07-10' });
      const recomputed = hr.departments.find((x) => x.code === d.code)!.absence!;
      expect(recomputed.sickDays).toBeCloseTo(own.department.sickDays, 9);
      expect(recomputed.availableDays).toBeCloseTo(own.department.availableDays, 9);
      expect(recomputed.percentage).toBeCloseTo(own.department.percentage!, 9);
      expect(recomputed.frequency).toBeCloseTo(own.department.frequency!, 9);
      expect(recomputed.reports).toBe(own.department.reports);
      expect(recomputed.zeroAbsencePercentage).toBeCloseTo(own.department.zeroAbsencePercentage!, 9);
      expect(recomputed.employees).toBe(own.department.employees);
      sick += own.department.sickDays;
      available += own.department.availableDays;
      reports += own.department.reports;
    }
    expect(sick).toBeGreaterThan(0);
    expect(hr.organisation.absence!.percentage).toBeCloseTo((sick / available) * 100, 9);
    expect(hr.organisation.absence!.reports).toBe(reports);
    expect(hr.notes).toEqual([]);
  });

  it('lists the overdue Poortwachter steps of the departments’ own timelines that still run on that day', async () => {
    const today = '2027-06-30';
    const hr = await central.client.central.hr({ period: '2027-Q2', asOf: today });
    let total = 0;
    for (const d of departments) {
      const own: string[] = [];
      for (const view of await d.client.absence.poortwachter({ today, openOnly: false })) {
        const last = await d.client.absence.case({ id: view.caseId, today });
        if (last.lastDay !== null && last.lastDay < today) continue;
        for (const step of view.steps) if (step.status === 'overdue') own.push(`${view.caseNumber} ${step.due}`);
      }
      const recomputed = hr.overdue.filter((o) => o.department === d.code).map((o) => `${o.caseId} ${o.dueDate}`);
      expect(recomputed.sort()).toEqual(own.sort());
      total += own.length;
    }
    expect(total).toBeGreaterThan(0);
  });
});
