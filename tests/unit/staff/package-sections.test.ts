import { describe, expect, it } from 'vitest';
import { termsForPeriod } from '../../../electron/backend/staff/package-sections.ts';

const t = (validFrom: string) => ({ validFrom });

describe('the terms an HR package carries for a period', () => {
  const history = [t('2019-01-01'), t('2026-07-01'), t('2027-02-01'), t('2027-05-01')];

  it('holds the terms in force on the first day that counts and every change up to the last', () => {
    expect(termsForPeriod(history, '2027-01-01', '2027-03-31').map((x) => x.validFrom)).toEqual(['2026-07-01', '2027-02-01']);
    // A change on the period's first day: the older terms are not needed.
    expect(termsForPeriod(history, '2027-02-01', '2027-03-31').map((x) => x.validFrom)).toEqual(['2027-02-01']);
    expect(termsForPeriod(history, '2027-04-01', '2027-06-30').map((x) => x.validFrom)).toEqual(['2027-02-01', '2027-05-01']);
    // Someone who leaves on 15 April takes no change after that.
    expect(termsForPeriod(history, '2027-04-01', '2027-04-15').map((x) => x.validFrom)).toEqual(['2027-02-01']);
  });

  it('keeps the first terms when the history starts after the employment (as the absence figures treat those days)', () => {
    expect(termsForPeriod([t('2027-03-01'), t('2027-06-01')], '2027-01-01', '2027-03-31').map((x) => x.validFrom)).toEqual(['2027-03-01']);
  });
});
