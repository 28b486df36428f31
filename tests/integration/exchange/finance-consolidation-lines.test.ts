import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionProtectors } from '../../../electron/backend/exchange/handlers.ts';
import { signingKey } from '../../../electron/backend/exchange/keys.ts';
import { payloadSha256, serialisePackage, signEnvelope } from '../../../electron/backend/exchange/package.ts';
import type { FinanceEnvelope, FinanceLine, UnsignedEnvelope } from '../../../shared/exchange/schema.ts';
import { centralWorkbook, departmentWithBudget, type DepartmentHandle } from '../../helpers/exchange.ts';
import { tempDir } from '../../helpers/workbook.ts';
import { DEPARTMENTS } from './fixtures.ts';

/**
 * The consolidation reads the lines back from the central workbook field by field. Here every field of
 * every line holds its own value (no two texts alike, no two figures alike, no nulls), so a field read
 * into the wrong place shows, also for the fields that are usually empty (taakveld, forecast note).
 */
describe('a consolidated finance line carries every field of the delivered line', () => {
  const dir = tempDir('werkboek-consolidated-lines-');
  let or: DepartmentHandle;
  let central: Awaited<ReturnType<typeof centralWorkbook>>;
  let sent: FinanceLine[];

  beforeAll(async () => {
    or = await departmentWithBudget(dir, 'OR', 'Openbare Ruimte', DEPARTMENTS[0].lines, DEPARTMENTS[0].ledger);
    central = await centralWorkbook(dir, 'central-finance');
    await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR.wbx') });
    const exported = JSON.parse(fs.readFileSync(path.join(dir, 'OR.wbx'), 'utf8')) as FinanceEnvelope;
    sent = exported.payload.lines.map((line, i) => {
      const base = (i + 1) * 1_000_000;
      return {
        ...line,
        accountName: `Rekeningnaam ${i}`,
        taakveld: `7.${i}`,
        primitiveCents: base + 1,
        revisionsCents: base + 2,
        currentCents: base + 3,
        actualCents: base + 4,
        commitmentsCents: base + 5,
        forecastCents: base + 6,
        // A few cents: below any threshold, so the line's flag is the department's own.
        varianceCents: -(i + 1),
        forecastNote: `Prognose ${i}`,
        explanation: `Toelichting ${i}`,
        explanationRequired: i % 2 === 0,
      };
    });
    expect(sent.length).toBeGreaterThan(1);
    const payload = { ...exported.payload, lines: sent };
    const { signature: _signature, ...unsigned } = exported;
    const { privateKey } = signingKey(or.session.workbook!, sessionProtectors(or.session).all);
    const signed = signEnvelope({ ...unsigned, payload, payloadSha256: payloadSha256(payload) } as UnsignedEnvelope, privateKey);
    fs.writeFileSync(path.join(dir, 'OR-all-fields.wbx'), serialisePackage(signed));
  });
  afterAll(() => {
    or.session.close();
    central.session.close();
  });

  it('returns each line with its own texts and figures', async () => {
    const imported = await central.client.central.import({ sources: [{ path: path.join(dir, 'OR-all-fields.wbx') }], trustNew: true });
    expect(imported.files[0]).toMatchObject({ outcome: 'imported' });
    const { lines } = await central.client.central.finance({ period: '2027-Q1' });
    const key = (l: { costCentre: string; account: string }) => `${l.costCentre}/${l.account}`;
    const expected = sent
      .map(({ forecastOverridden: _overridden, ...line }) => ({ department: 'OR', ...line, explanationMissing: false }))
      .sort((a, b) => key(a).localeCompare(key(b)));
    expect(lines).toEqual(expected);
    expect(lines.filter((l) => l.explanationRequired).length).toBe(Math.ceil(sent.length / 2));
  });
});
