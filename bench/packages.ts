import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { APP_VERSION } from '../shared/version.ts';
import { payloadSha256, serialisePackage, signEnvelope } from '../electron/backend/exchange/package.ts';
import { isoDay, dayNumber } from '../shared/domain/absence/days.ts';
import { random } from './generate.ts';

export const ORGANISATION = 'Gemeente Benchmark';
export const PERIOD = '2027-Q2';
const PERIOD_START = '2027-04-01';
const PERIOD_END = '2027-06-30';
const ACCOUNTS = ['4100', '4110', '4200', '4300', '4400', '4500', '4600', '4700', '4800', '8100'];

function rawPublicKey(key: crypto.KeyObject): string {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
}

function financePayload(code: string, next: () => number) {
  const costCentres = [1, 2, 3].map((n) => ({ code: `${code}0${n}`, name: `Kostenplaats ${n}`, taakveld: '0.4' }));
  const lines = costCentres.flatMap((cc) =>
    ACCOUNTS.map((account) => {
      const primitive = Math.round(next() * 50_000_000);
      const revisions = Math.round((next() - 0.5) * 1_000_000);
      const actual = Math.round(next() * primitive * 0.6);
      const commitments = Math.round(next() * 1_000_000);
      const forecast = actual + commitments + Math.round(next() * primitive * 0.4);
      const current = primitive + revisions;
      const variance = current - forecast;
      const required = Math.abs(variance) >= 2_500_000;
      return {
        costCentre: cc.code,
        account,
        accountName: `Rekening ${account}`,
        kind: account.startsWith('8') ? ('baten' as const) : ('lasten' as const),
        taakveld: '0.4',
        primitiveCents: primitive,
        revisionsCents: revisions,
        currentCents: current,
        actualCents: actual,
        commitmentsCents: commitments,
        forecastCents: forecast,
        varianceCents: variance,
        forecastOverridden: false,
        forecastNote: null,
        explanation: required && next() < 0.7 ? 'Toelichting bij de afwijking' : null,
        explanationRequired: required,
      };
    }),
  );
  return { basis: { year: 2027, periodStart: PERIOD_START, periodEnd: PERIOD_END, actualsUntil: PERIOD_END, threshold: { amountCents: 2_500_000, percent: 10, rule: 'either' as const } }, costCentres, lines };
}

/** 80 staff with their terms and a year of sickness cases (about 1,2 reports per person), no personal names. */
function hrPayload(code: string, next: () => number) {
  const start = dayNumber('2026-07-01');
  const end = dayNumber(PERIOD_END);
  const staff = [];
  const cases = [];
  for (let i = 0; i < 80; i += 1) {
    const personnelNumber = `${code}${String(i).padStart(4, '0')}`;
    const hours = [16, 20, 24, 28, 32, 36][Math.floor(next() * 6)];
    const employmentStart = isoDay(dayNumber('2015-01-01') + Math.floor(next() * 3000));
    staff.push({
      personnelNumber,
      employmentStart,
      employmentEnd: null,
      terms: [{ validFrom: employmentStart, costCentre: `${code}0${1 + (i % 3)}`, functionTitle: 'Medewerker', salaryScale: 8, salaryStep: 5, contractType: 'vast', positionId: null, hoursPerWeek: hours, fte: Math.round((hours / 36) * 10000) / 10000 }],
    });
    let day = start + Math.floor(next() * 200);
    while (day <= end) {
      const length = next() < 0.8 ? 1 + Math.floor(next() * 7) : 8 + Math.floor(next() * 60);
      const last = day + length - 1;
      const open = last > end;
      const incapacity = [{ from: isoDay(day), percentage: 100 }];
      if (length > 20 && next() < 0.4) incapacity.push({ from: isoDay(day + 10), percentage: 50 });
      cases.push({ caseId: `V-${personnelNumber}-${cases.length}`, personnelNumber, firstDay: isoDay(day), lastSickDay: open ? null : isoDay(last), incapacity, continuesCaseId: null });
      if (open) break;
      day = last + 29 + Math.floor(next() * 250);
    }
  }
  return {
    basis: { periodStart: PERIOD_START, periodEnd: PERIOD_END, referenceDate: PERIOD_END, normalWeekHours: 36 },
    staff,
    absenceCases: cases,
    poortwachter: [],
    absenceMetrics: { percentage: 5, reportFrequency: 1.2, reports: cases.length, averageDurationDays: 6, zeroAbsencePercent: 40, averageHeadcount: 80, durationBands: [] },
  };
}

/**
 * `departments` signed packages of one kind for one quarter, each from its own department key, written
 * to `folder` as a department's export would be. Deterministic apart from the keys.
 */
export function writePackages(folder: string, kind: 'finance-summary' | 'hr-summary', departments: number): { files: string[]; rows: number } {
  fs.mkdirSync(folder, { recursive: true });
  const next = random(kind === 'hr-summary' ? 5151 : 7171);
  const files: string[] = [];
  let rows = 0;
  for (let i = 0; i < departments; i += 1) {
    const code = `D${String(i).padStart(3, '0')}`;
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const payload = kind === 'finance-summary' ? financePayload(code, next) : hrPayload(code, next);
    rows += 'lines' in payload ? payload.lines.length : payload.staff.length + payload.absenceCases.length;
    const envelope = signEnvelope(
      {
        format: 'werkboek-wbx',
        formatVersion: 1,
        kind,
        organisation: ORGANISATION,
        department: { code, name: `Afdeling ${code}` },
        period: PERIOD,
        sequence: 1,
        createdAt: '2027-07-03T09:00:00.000Z',
        appVersion: APP_VERSION,
        publicKey: rawPublicKey(publicKey),
        payload,
        payloadSha256: payloadSha256(payload),
      } as never,
      privateKey,
    );
    const file = path.join(folder, `${code}-${PERIOD}.wbx`);
    fs.writeFileSync(file, serialisePackage(envelope));
    files.push(file);
  }
  return { files, rows };
}
