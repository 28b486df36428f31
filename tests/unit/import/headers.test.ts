import { describe, expect, it } from 'vitest';
import { BUDGET_FIELDS, LEDGER_FIELDS } from '../../../electron/backend/budget/import-fields.ts';
import { autoMap } from '../../../electron/backend/import/mapping.ts';
import { ROSTER_FIELDS } from '../../../electron/backend/staff/import-fields.ts';
import { HeaderMatcher, normaliseHeader } from '../../../shared/import/headers.ts';

/** The field each column is mapped to, by the file's column name. */
function mapped(fields: typeof LEDGER_FIELDS, columns: string[]): Record<string, string> {
  const mapping = autoMap(fields, columns);
  return Object.fromEntries(Object.entries(mapping).filter(([, column]) => column !== null).map(([field, column]) => [column!, field]));
}

describe('column recognition as people write headers', () => {
  it('reads abbreviations with a dot', () => {
    expect(mapped(LEDGER_FIELDS, ['Boekdat.', 'Kostenpl.', 'Grootb.rek.', 'Omschr.', 'Bedr.'])).toEqual({
      'Boekdat.': 'bookingDate',
      'Kostenpl.': 'costCentre',
      'Grootb.rek.': 'account',
      'Omschr.': 'description',
      'Bedr.': 'amount',
    });
    expect(mapped(ROSTER_FIELDS, ['Pers.nr.', 'Achtern.', 'Uren p.w.', 'Dat. in dienst', 'Kostenpl.'])).toEqual({
      'Pers.nr.': 'personnelNumber',
      'Achtern.': 'lastName',
      'Uren p.w.': 'hoursPerWeek',
      'Dat. in dienst': 'startDate',
      'Kostenpl.': 'costCentre',
    });
  });

  it('drops a currency unit, with or without brackets, and ignores case', () => {
    for (const header of ['Bedrag in EUR', 'Bedrag (€)', 'Bedrag EUR', 'bedrag in euro’s', 'BEDRAG [EUR]', 'Bedrag €', 'Bedrag in €']) {
      expect(mapped(LEDGER_FIELDS, ['Boekdatum', 'Kostenplaats', 'Grootboekrekening', header])[header], header).toBe('amount');
    }
    expect(mapped(BUDGET_FIELDS, ['KOSTENPLAATS', 'grootboekrekening', 'Primitieve begroting (€)', 'Actuele begroting in EUR'])).toMatchObject({
      'Primitieve begroting (€)': 'primitive',
      'Actuele begroting in EUR': 'current',
    });
  });

  it('finds a name among extra words, but not when an extra word names another field', () => {
    expect(mapped(LEDGER_FIELDS, ['Datum boeking', 'Kostenplaats', 'Grootboekrekening', 'Omschrijving van de boeking', 'Totaal bedrag'])).toMatchObject({
      'Omschrijving van de boeking': 'description',
      'Totaal bedrag': 'amount',
    });
    // "Omschrijving kostenplaats" describes the cost centre: not the cost centre, not the budget line's description.
    expect(mapped(BUDGET_FIELDS, ['Kostenplaats', 'Omschrijving kostenplaats', 'Grootboekrekening', 'Begroting'])).toEqual({
      Kostenplaats: 'costCentre',
      Grootboekrekening: 'account',
      Begroting: 'primitive',
    });
  });

  it('leaves headers that scale the amounts to the user: read as euros they would be wrong by a factor', () => {
    const matcher = new HeaderMatcher(LEDGER_FIELDS);
    const amount = LEDGER_FIELDS.findIndex((f) => f.key === 'amount');
    for (const header of ['Bedrag x € 1.000', 'Bedrag (k€)', 'Bedrag in duizenden euro', 'Bedrag 2027']) expect(matcher.qualities(header)[amount], header).toBeNull();
  });

  it('prefers the name itself over an abbreviation or extra words, whatever the column order', () => {
    expect(mapped(LEDGER_FIELDS, ['Bedrag BTW', 'Bedrag', 'Boekdatum', 'Kostenpl.', 'Kostenplaats'])).toMatchObject({ Bedrag: 'amount', Kostenplaats: 'costCentre' });
    const matcher = new HeaderMatcher(LEDGER_FIELDS);
    const costCentre = LEDGER_FIELDS.findIndex((f) => f.key === 'costCentre');
    expect(matcher.qualities('Kpl')[costCentre]).toBe(0);
    expect(matcher.qualities('Kostenplaats (€)')[costCentre]).toBe(0);
    expect(matcher.qualities('Kostenplaats in EUR')[costCentre]).toBe(1);
    expect(matcher.qualities('Kostenpl.')[costCentre]).toBeGreaterThanOrEqual(2);
  });

  it('does not read short words or sentences as column names', () => {
    const matcher = new HeaderMatcher(LEDGER_FIELDS);
    expect(matcher.qualities('Opleidingen Stichting Welzijn Samen').every((q) => q === null)).toBe(true);
    expect(matcher.qualities('Per').some((q) => q === 0)).toBe(true);
    expect(matcher.qualities('Bedrag van de boeking voor deze kostenplaats in het jaar').every((q) => q === null)).toBe(true);
    // A short name among other words is too easily a word of something else.
    expect(matcher.qualities('Per kwartaal').every((q) => q === null)).toBe(true);
    expect(matcher.qualities('').every((q) => q === null)).toBe(true);
  });

  it('normalises names without case, accents, spaces or punctuation', () => {
    expect(normaliseHeader(' Geëscaleerd naar ')).toBe('geescaleerdnaar');
    expect(normaliseHeader('GB-rekening')).toBe('gbrekening');
    expect(normaliseHeader('AO %')).toBe('ao%');
  });
});
