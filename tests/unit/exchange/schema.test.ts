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
});
