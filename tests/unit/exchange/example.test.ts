import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePublicKeyFile } from '../../../electron/backend/exchange/keys.ts';
import { verifyPackageBytes } from '../../../electron/backend/exchange/package.ts';
import { dayNumber } from '../../../shared/domain/absence/days.ts';
import { computeAbsenceMetrics } from '../../../shared/domain/absence/metrics.ts';
import type { HrPayload } from '../../../shared/exchange/schema.ts';

const examples = path.resolve(import.meta.dirname, '../../../docs/examples');

describe('the worked example in docs/exchange-format.md', () => {
  it('is a valid package signed with the key in the example key file', () => {
    const result = verifyPackageBytes(fs.readFileSync(path.join(examples, 'OR-financien-2027-Q1-v1.wbx')), 'OR-financien-2027-Q1-v1.wbx');
    expect(result.ok).toBe(true);
    const key = parsePublicKeyFile(fs.readFileSync(path.join(examples, 'OR.wbkey'), 'utf8'), 'OR.wbkey');
    expect(result.ok && result.fingerprint).toBe(key.fingerprint);
    expect(key.fingerprint).toBe('56475aa75463474c0285df5dbf2bcab73da651358839e9b77481b2eab107708c');
  });

  it('has an HR package, signed with the same key, whose parts fit together', () => {
    const result = verifyPackageBytes(fs.readFileSync(path.join(examples, 'OR-hr-2027-Q1-v1.wbx')), 'OR-hr-2027-Q1-v1.wbx');
    expect(result.ok).toBe(true);
    expect(result.ok && result.envelope.kind).toBe('hr-summary');
    expect(result.ok && result.fingerprint).toBe('56475aa75463474c0285df5dbf2bcab73da651358839e9b77481b2eab107708c');
  });

  it('states the HR example’s own figures as the metrics code computes them from its staff and cases', () => {
    const p = JSON.parse(fs.readFileSync(path.join(examples, 'OR-hr-2027-Q1-v1.wbx'), 'utf8')).payload as HrPayload;
    const employees = p.staff!.map((s, i) => ({
      id: i,
      employment: [{ from: dayNumber(s.employmentStart), to: s.employmentEnd ? dayNumber(s.employmentEnd) : null }],
      terms: s.terms.map((t) => ({ from: dayNumber(t.validFrom), factor: t.hoursPerWeek / p.basis.normalWeekHours, costCentre: t.costCentre })),
      cases: p
        .absenceCases!.filter((c) => c.personnelNumber === s.personnelNumber)
        .map((c, j) => ({ id: j, firstDay: dayNumber(c.firstDay), lastDay: c.lastSickDay ? dayNumber(c.lastSickDay) : null, episodes: c.incapacity.map((e) => ({ from: dayNumber(e.from), fraction: e.percentage / 100 })) })),
    }));
    const { total } = computeAbsenceMetrics(employees, { start: dayNumber('2027-01-01'), end: dayNumber('2027-03-31'), months: 3 }, { bands: { shortMax: 7, mediumMax: 42, longMax: 365 }, scope: null });
    // 17.25 weighted sick days over 149.75 available days.
    expect(total.sickDays).toBeCloseTo(17.25, 9);
    expect(total.availableDays).toBeCloseTo(149.75, 9);
    expect(p.absenceMetrics).toMatchObject({ percentage: Math.round((17.25 / 149.75) * 10_000) / 100, reports: total.reports, reportFrequency: total.frequency, zeroAbsencePercent: total.zeroAbsencePercentage, averageHeadcount: total.averageHeadcount });
  });
});
