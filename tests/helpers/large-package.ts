import crypto from 'node:crypto';
import fs from 'node:fs';
import { payloadSha256, serialisePackage, signEnvelope } from '../../electron/backend/exchange/package.ts';
import { APP_VERSION } from '../../shared/version.ts';

/**
 * A signed finance package of `lines` lines (up to the format's 100.000): 500 cost centres × as many
 * accounts as needed, each line with an explanation, one in seven needing it. Signed with a key of its
 * own, so a central workbook imports it with `trustNew`. `text` goes into every explanation (a signed
 * text with odd characters, say).
 */
export function writeLargeFinancePackage(file: string, lines: number, options: { organisation: string; department?: string; text?: string }): void {
  const department = options.department ?? 'GR';
  const costCentres = Array.from({ length: 500 }, (_, i) => ({ code: `${department}${String(i).padStart(3, '0')}`, name: `Kostenplaats ${i}`, taakveld: '0.4' }));
  const payloadLines = Array.from({ length: lines }, (_, i) => {
    const current = 1_000_000 + (i % 97) * 1_000;
    const forecast = current - (i % 7 === 0 ? 400_000 : 1_000);
    return {
      costCentre: costCentres[i % 500].code,
      account: String(4000 + Math.floor(i / 500)),
      accountName: `Rekening ${4000 + Math.floor(i / 500)}`,
      kind: 'lasten' as const,
      taakveld: '0.4',
      primitiveCents: current,
      revisionsCents: 0,
      currentCents: current,
      actualCents: Math.round(forecast / 2),
      commitmentsCents: 0,
      forecastCents: forecast,
      varianceCents: current - forecast,
      forecastOverridden: false,
      forecastNote: null,
      explanation: `${options.text ?? 'Toelichting'} ${i}`,
      explanationRequired: i % 7 === 0,
    };
  });
  const payload = {
    basis: { year: 2027, periodStart: '2027-04-01', periodEnd: '2027-06-30', actualsUntil: '2027-06-30', threshold: { amountCents: 2_500_000, percent: 10, rule: 'either' as const } },
    costCentres,
    lines: payloadLines,
  };
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const envelope = signEnvelope(
    {
      format: 'werkboek-wbx',
      formatVersion: 1,
      kind: 'finance-summary',
      organisation: options.organisation,
      department: { code: department, name: `Afdeling ${department}` },
      period: '2027-Q2',
      sequence: 1,
      createdAt: '2027-07-03T09:00:00.000Z',
      appVersion: APP_VERSION,
      publicKey: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64'),
      payload,
      payloadSha256: payloadSha256(payload),
    } as never,
    privateKey,
  );
  fs.writeFileSync(file, serialisePackage(envelope));
}
