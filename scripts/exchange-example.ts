// Writes the worked example of docs/exchange-format.md: a tiny finance package signed with a fixed,
// published (so never secret) test key, and its public key file. A unit test verifies both files.
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
  basis: { year: 2027, periodStart: '2027-01-01', periodEnd: '2027-03-31', actualsUntil: '2027-03-31', threshold: { amountCents: 2_500_000, percent: 10, rule: 'either' as const } },
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
      forecastOverridden: false,
      forecastNote: null,
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
