// Writes the worked examples of docs/exchange-format.md: a tiny finance package and a tiny HR package
// signed with a fixed, published (so never secret) test key, and its public key file. A unit test
// verifies the files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fingerprintOf, publicKeyPem } from '../electron/backend/exchange/keys.ts';
import { payloadSha256, serialisePackage, signEnvelope } from '../electron/backend/exchange/package.ts';
import type { UnsignedEnvelope } from '../shared/exchange/schema.ts';

// PKCS#8 prefix for an Ed25519 private key, followed by the 32-byte seed 00 01 02 … 1f.
const seed = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const privateKey = crypto.createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
const publicKey = Buffer.from(crypto.createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url').toString('base64');

const payload = {
  basis: { year: 2027, periodStart: '2027-01-01', periodEnd: '2027-03-31', actualsUntil: '2027-03-31', threshold: { amountCents: 2_500_000, percent: 10, rule: 'both' as const }, monthsBooked: 3, rhythmYear: null },
  costCentres: [{ code: 'OR01', name: 'Beheer', taakveld: '5.7' }],
  lines: [
    {
      costCentre: 'OR01',
      account: '4300',
      accountName: 'Huisvesting',
      kind: 'lasten' as const,
      taakveld: '5.7',
      primitiveCents: 10_000_000,
      revisionsCents: 500_000,
      currentCents: 10_500_000,
      actualCents: 4_000_000,
      commitmentsCents: 200_000,
      forecastCents: 4_200_000,
      varianceCents: 6_300_000,
      forecastOverridden: true,
      forecastNote: 'Alleen de lopende huur en het contract',
      forecastMethod: 'manual' as const,
      explanation: 'Groot onderhoud uitgesteld naar 2028',
      explanationRequired: true,
    },
  ],
};
const unsigned = {
  format: 'werkboek-wbx',
  formatVersion: 1,
  kind: 'finance-summary',
  organisation: 'Gemeente Voorbeeld',
  department: { code: 'OR', name: 'Openbare Ruimte' },
  period: '2027-Q1',
  sequence: 1,
  createdAt: '2027-04-03T09:15:00.000Z',
  appVersion: '0.1.0',
  publicKey,
  payload,
  payloadSha256: payloadSha256(payload),
} as UnsignedEnvelope;
const folder = path.resolve(import.meta.dirname, '../docs/examples');
fs.writeFileSync(path.join(folder, 'OR-financien-2027-Q1-v1.wbx'), serialisePackage(signEnvelope(unsigned, privateKey)));

// HR: two people on OR01; 100002 goes from 18 to 27 hours on 1 February and is sick from 1 March, 50 % from 16 March.
// Own figures (docs/exchange-format.md §5): sick 15 × 0.75 + 16 × 0.75 × 0.5 = 17.25; available 90 + 31 × 0.5 + 59 × 0.75 = 149.75.
const terms = { costCentre: 'OR01', functionTitle: 'Beleidsmedewerker', salaryScale: 10, salaryStep: 4, contractType: 'vast', positionId: 'OR-BEL' };
const hrPayload = {
  basis: { periodStart: '2027-01-01', periodEnd: '2027-03-31', referenceDate: '2027-03-31', normalWeekHours: 36 },
  staff: [
    { personnelNumber: '100001', employmentStart: '2019-09-01', employmentEnd: null, terms: [{ validFrom: '2019-09-01', ...terms, hoursPerWeek: 36, fte: 1 }] },
    {
      personnelNumber: '100002',
      employmentStart: '2021-03-01',
      employmentEnd: null,
      terms: [
        { validFrom: '2021-03-01', ...terms, hoursPerWeek: 18, fte: 0.5 },
        { validFrom: '2027-02-01', ...terms, hoursPerWeek: 27, fte: 0.75 },
      ],
    },
  ],
  formation: { positions: [{ positionId: 'OR-BEL', costCentre: 'OR01', functionTitle: 'Beleidsmedewerker', salaryScale: 10, formationFte: 2, occupationFte: 1.75 }] },
  absenceCases: [
    {
      caseId: 'V2027-00012',
      personnelNumber: '100002',
      firstDay: '2027-03-01',
      lastSickDay: null,
      incapacity: [
        { from: '2027-03-01', percentage: 100 },
        { from: '2027-03-16', percentage: 50 },
      ],
      continuesCaseId: null,
    },
  ],
  poortwachter: [
    { caseId: 'V2027-00012', personnelNumber: '100002', milestone: 'ZIEKMELDING', label: 'Ziekmelding bij bedrijfsarts/arbodienst', dueDate: '2027-03-07', completedOn: '2027-03-02', status: 'done' as const },
    { caseId: 'V2027-00012', personnelNumber: '100002', milestone: 'PROBLEEMANALYSE', label: 'Probleemanalyse', dueDate: '2027-04-11', completedOn: null, status: 'open' as const },
    { caseId: 'V2027-00012', personnelNumber: '100002', milestone: 'PLAN-VAN-AANPAK', label: 'Plan van aanpak, casemanager benoemd', dueDate: '2027-04-25', completedOn: null, status: 'open' as const },
    { caseId: 'V2027-00012', personnelNumber: '100002', milestone: 'EVALUATIE-1', label: 'Evaluatie plan van aanpak 1', dueDate: '2027-06-06', completedOn: null, status: 'open' as const },
  ],
  absenceMetrics: {
    percentage: 11.52,
    reportFrequency: 2,
    reports: 1,
    averageDurationDays: null,
    zeroAbsencePercent: 50,
    averageHeadcount: 2,
    durationBands: [
      { label: 'kort', fromDays: 1, toDays: 7, cases: 0 },
      { label: 'middellang', fromDays: 8, toDays: 42, cases: 1 },
      { label: 'lang', fromDays: 43, toDays: 365, cases: 0 },
      { label: 'extra lang', fromDays: 366, toDays: 730, cases: 0 },
    ],
  },
};
const hrUnsigned = { ...unsigned, kind: 'hr-summary', createdAt: '2027-04-03T09:20:00.000Z', payload: hrPayload, payloadSha256: payloadSha256(hrPayload) } as UnsignedEnvelope;
fs.writeFileSync(path.join(folder, 'OR-hr-2027-Q1-v1.wbx'), serialisePackage(signEnvelope(hrUnsigned, privateKey)));
const keyFile = {
  format: 'werkboek-public-key',
  formatVersion: 1,
  algorithm: 'Ed25519',
  organisation: 'Gemeente Voorbeeld',
  department: { code: 'OR', name: 'Openbare Ruimte' },
  publicKey,
  publicKeyPem: publicKeyPem(publicKey),
  fingerprint: fingerprintOf(publicKey),
  createdAt: '2027-01-02T08:00:00.000Z',
};
fs.writeFileSync(path.join(folder, 'OR.wbkey'), `${JSON.stringify(keyFile, null, 2)}\n`);
console.log(`Voorbeeld geschreven in ${folder}`);
