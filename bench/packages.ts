import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { APP_VERSION } from '../shared/version.ts';
import { payloadSha256, serialisePackage, signEnvelope } from '../electron/backend/exchange/package.ts';
import { isoDay, dayNumber } from '../shared/domain/absence/days.ts';
import { parsePeriod } from '../shared/domain/period.ts';
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

export interface HrOptions {
  /** The package period (default 2027-Q2): a quarter or a month. */
  period?: string;
  /** Staff per department (default 80). */
  staff?: number;
  /**
   * A fuller organisation, for tests that compare consolidations: every tenth department hands two
   * people over to the next one during the period (employment overlapping by a few days, one of them ill
   * across the move, registered by both), Poortwachter steps for long cases (some done, some overdue),
   * formation positions, and every 25th department without absence cases.
   */
  organisation?: boolean;
}

interface HrPerson {
  personnelNumber: string;
  employmentStart: string;
  employmentEnd: string | null;
  hours: number;
  costCentre: string;
}

/** `staff` people with their terms and a year of sickness cases (about 1,2 reports per person), no personal names. */
function hrPayload(code: string, index: number, next: () => number, options: HrOptions) {
  const period = parsePeriod(options.period ?? PERIOD)!;
  // Cases from nine months before the period (2026-07-01 for 2027-Q2).
  const start = dayNumber(period.start) - 274;
  const end = dayNumber(period.end);
  const richer = options.organisation === true;
  const people: HrPerson[] = [];
  for (let i = 0; i < (options.staff ?? 80); i += 1) {
    const hours = [16, 20, 24, 28, 32, 36][Math.floor(next() * 6)];
    people.push({ personnelNumber: `${code}${String(i).padStart(4, '0')}`, employmentStart: isoDay(dayNumber('2015-01-01') + Math.floor(next() * 3000)), employmentEnd: null, hours, costCentre: `${code}0${1 + (i % 3)}` });
  }
  // Handed over: the last two of every tenth department leave a week before the period's middle; the
  // next department takes them on three days before they leave (both count those days).
  const middle = Math.floor((dayNumber(period.start) + end) / 2);
  const handedOver = richer && index % 10 === 0 ? people.slice(-2) : [];
  for (const person of handedOver) person.employmentEnd = isoDay(middle - 7);
  const takenOver = richer && index % 10 === 1 ? [0, 1].map((k) => `D${String(index - 1).padStart(3, '0')}${String((options.staff ?? 80) - 2 + k).padStart(4, '0')}`) : [];
  for (const personnelNumber of takenOver) people.push({ personnelNumber, employmentStart: isoDay(middle - 10), employmentEnd: null, hours: 36, costCentre: `${code}01` });

  const staff = people.map((p) => ({
    personnelNumber: p.personnelNumber,
    employmentStart: p.employmentStart,
    employmentEnd: p.employmentEnd,
    terms: [{ validFrom: p.employmentStart, costCentre: p.costCentre, functionTitle: 'Medewerker', salaryScale: 8, salaryStep: 5, contractType: 'vast', positionId: richer ? `${p.costCentre}-${p.personnelNumber.slice(-2)}` : null, hoursPerWeek: p.hours, fte: Math.round((p.hours / 36) * 10000) / 10000 }],
  }));
  const cases = [];
  const poortwachter = [];
  for (const person of people) {
    const personStart = Math.max(start, dayNumber(person.employmentStart));
    const personEnd = person.employmentEnd === null ? end : dayNumber(person.employmentEnd);
    let day = personStart + Math.floor(next() * 200);
    // Ill across the move: the old department registers a case it never closes. The new department
    // registers its own for the first of the two (one case for the organisation), none for the second
    // (whose overdue steps then count at the new department).
    const illAcrossMove = handedOver.includes(person);
    if (illAcrossMove) day = personEnd - 5;
    if (takenOver[0] === person.personnelNumber) day = dayNumber(person.employmentStart);
    if (takenOver[1] === person.personnelNumber) day = Infinity;
    while (day <= personEnd) {
      const length = next() < 0.8 ? 1 + Math.floor(next() * 7) : 8 + Math.floor(next() * 60);
      const last = day + length - 1;
      const open = last > end || (illAcrossMove && day === personEnd - 5);
      const incapacity = [{ from: isoDay(day), percentage: 100 }];
      if (length > 20 && next() < 0.4) incapacity.push({ from: isoDay(day + 10), percentage: 50 });
      const caseId: string = `V-${person.personnelNumber}-${cases.length}`;
      cases.push({ caseId, personnelNumber: person.personnelNumber, firstDay: isoDay(day), lastSickDay: open ? null : isoDay(last), incapacity, continuesCaseId: null });
      if (richer && (open || length > 42)) {
        const due = day + 42;
        const done = !illAcrossMove && next() < 0.5;
        poortwachter.push({ caseId, personnelNumber: person.personnelNumber, milestone: 'PROBLEEMANALYSE', label: 'Probleemanalyse', dueDate: isoDay(due), completedOn: done ? isoDay(due - 2) : null, status: done ? ('done' as const) : due < end ? ('overdue' as const) : ('open' as const) });
      }
      if (open) break;
      day = last + 29 + Math.floor(next() * 250);
    }
  }
  const withAbsence = !(richer && index % 25 === 24);
  const formation = richer
    ? { positions: staff.map((m) => ({ positionId: m.terms[0].positionId!, costCentre: m.terms[0].costCentre, functionTitle: 'Medewerker', salaryScale: 8, formationFte: 1, occupationFte: m.terms[0].fte })) }
    : undefined;
  return {
    basis: { periodStart: period.start, periodEnd: period.end, referenceDate: period.end, normalWeekHours: 36 },
    ...(formation ? { formation } : {}),
    staff,
    ...(withAbsence ? { absenceCases: cases, poortwachter } : {}),
    absenceMetrics: { percentage: 5, reportFrequency: 1.2, reports: cases.length, averageDurationDays: 6, zeroAbsencePercent: 40, averageHeadcount: people.length, durationBands: [] },
  };
}

/**
 * `departments` signed packages of one kind for one quarter, each from its own department key, written
 * to `folder` as a department's export would be. Deterministic apart from the keys.
 */
export function writePackages(
  folder: string,
  kind: 'finance-summary' | 'hr-summary',
  departments: number,
  /** keys: each department's key pair, kept across calls, so the packages of several periods come from the same departments. */
  options: HrOptions & { secondVersionOf?: number; keys?: Map<string, crypto.KeyPairKeyObjectResult>; seed?: number } = {},
): { files: string[]; rows: number } {
  fs.mkdirSync(folder, { recursive: true });
  const next = random(options.seed ?? (kind === 'hr-summary' ? 5151 : 7171));
  const period = options.period ?? PERIOD;
  const files: string[] = [];
  let rows = 0;
  for (let i = 0; i < departments; i += 1) {
    const code = `D${String(i).padStart(3, '0')}`;
    const pair = options.keys?.get(code) ?? crypto.generateKeyPairSync('ed25519');
    options.keys?.set(code, pair);
    const { privateKey, publicKey } = pair;
    // secondVersionOf: that department sent a corrected package (sequence 2), whose file name sorts before the first's.
    for (const sequence of i === options.secondVersionOf ? [1, 2] : [1]) {
      const payload = kind === 'finance-summary' ? financePayload(code, next) : hrPayload(code, i, next, options);
      rows += 'lines' in payload ? payload.lines.length : payload.staff.length + (payload.absenceCases?.length ?? 0);
      const envelope = signEnvelope(
        {
          format: 'werkboek-wbx',
          formatVersion: 1,
          kind,
          organisation: ORGANISATION,
          department: { code, name: `Afdeling ${code}` },
          period,
          sequence,
          createdAt: `2027-07-0${2 + sequence}T09:00:00.000Z`,
          appVersion: APP_VERSION,
          publicKey: rawPublicKey(publicKey),
          payload,
          payloadSha256: payloadSha256(payload),
        } as never,
        privateKey,
      );
      const file = path.join(folder, `${code}-${period}${sequence > 1 ? `-v${sequence}` : ''}.wbx`);
      fs.writeFileSync(file, serialisePackage(envelope));
      files.push(file);
    }
  }
  return { files, rows };
}
