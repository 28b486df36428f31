import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { absenceCaseSchema, envelopeSchema, financeLineSchema, wbxJsonSchema } from '../../../shared/exchange/schema.ts';

const line = {
  costCentre: 'OR01',
  account: '4300',
  accountName: 'Huisvesting',
  kind: 'lasten',
  taakveld: null,
  primitiveCents: 100,
  revisionsCents: 0,
  currentCents: 100,
  actualCents: 50,
  commitmentsCents: 0,
  forecastCents: 50,
  varianceCents: 50,
  forecastOverridden: false,
  forecastNote: null,
  explanation: null,
  explanationRequired: false,
};

describe('the .wbx schema', () => {
  it('is published as JSON Schema exactly as the verifier checks it (run npm run exchange:schema after a change)', () => {
    const committed = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../shared/exchange/wbx.schema.json'), 'utf8'));
    expect(committed).toEqual(wbxJsonSchema());
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts a finance line and refuses any field it does not know', () => {
    expect(financeLineSchema.safeParse(line).success).toBe(true);
    expect(financeLineSchema.safeParse({ ...line, employeeName: 'Jan' }).success).toBe(false);
    expect(financeLineSchema.safeParse({ ...line, actualCents: 50.5 }).success).toBe(false);
  });

  it('has no place for a diagnosis in an absence case', () => {
    const absence = { caseId: 'V1', personnelNumber: '1', firstDay: '2027-01-04', lastSickDay: null, incapacity: [{ from: '2027-01-04', percentage: 100 }], continuesCaseId: null };
    expect(absenceCaseSchema.safeParse(absence).success).toBe(true);
    expect(absenceCaseSchema.safeParse({ ...absence, diagnosis: 'griep' }).success).toBe(false);
  });

  it('keeps the kind and its payload together', () => {
    const result = envelopeSchema.safeParse({ kind: 'hr-summary', payload: { basis: {}, lines: [] } });
    expect(result.success).toBe(false);
  });

  describe('the envelope period and the payload period are one period', () => {
    const example = (name: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/examples', name), 'utf8'));
    const issues = (value: unknown) => {
      const result = envelopeSchema.safeParse(value);
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };

    it('accepts the examples, whose basis is their period (2027-Q1)', () => {
      expect(issues(example('OR-hr-2027-Q1-v1.wbx'))).toEqual([]);
      expect(issues(example('OR-financien-2027-Q1-v1.wbx'))).toEqual([]);
    });

    it('refuses an HR package labelled 2027-Q2 whose basis is 2027-01-01 … 2027-03-31, naming each field', () => {
      expect(issues({ ...example('OR-hr-2027-Q1-v1.wbx'), period: '2027-Q2' })).toEqual([
        'payload.basis.periodStart: "2027-01-01" past niet bij de periode van het pakket (2027-Q2: 2027-04-01 t/m 2027-06-30); verwacht "2027-04-01"',
        'payload.basis.periodEnd: "2027-03-31" past niet bij de periode van het pakket (2027-Q2: 2027-04-01 t/m 2027-06-30); verwacht "2027-06-30"',
        'payload.basis.referenceDate: "2027-03-31" past niet bij de periode van het pakket (2027-Q2: 2027-04-01 t/m 2027-06-30); verwacht "2027-06-30"',
      ]);
    });

    it('refuses a finance package whose year or end date is not its period’s, for a month and a year too', () => {
      const finance = example('OR-financien-2027-Q1-v1.wbx');
      expect(issues({ ...finance, period: '2027-01' })).toEqual([
        expect.stringMatching(/^payload\.basis\.periodEnd: "2027-03-31" .*\(2027-01: 2027-01-01 t\/m 2027-01-31\); verwacht "2027-01-31"$/),
        expect.stringMatching(/^payload\.basis\.actualsUntil: "2027-03-31" .*verwacht "2027-01-31"$/),
      ]);
      expect(issues({ ...finance, period: '2026-Q1' }).map((i) => i.split(':')[0])).toEqual(['payload.basis.periodStart', 'payload.basis.periodEnd', 'payload.basis.year', 'payload.basis.actualsUntil']);
      expect(issues({ ...finance, payload: { ...finance.payload, basis: { ...finance.payload.basis, year: 2028 } } })).toEqual([expect.stringMatching(/^payload\.basis\.year: 2028 past niet .*verwacht 2027$/)]);
    });
  });
});
