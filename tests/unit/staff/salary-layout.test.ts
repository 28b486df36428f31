import { describe, expect, it } from 'vitest';
import { dateInTitle, SALARY_WIDE_LAYOUT } from '../../../electron/backend/staff/salary-importer.ts';

describe('the cao salary table layout', () => {
  it('reads the step a column header names', () => {
    const key = SALARY_WIDE_LAYOUT.columnKey;
    expect(['0', '3', '12', 'Trede 3', 'trede3', 'tr. 3', 'Tr 3', 'T3', 'Periodiek 3', 'Step 3', '03'].map(key)).toEqual(['0', '3', '12', '3', '3', '3', '3', '3', '3', '3', '3']);
    expect(['Schaal', '', 'Trede', '2027', 'Bedrag 3', 'min', '€ 2.150,00'].map(key)).toEqual([null, null, null, null, null, null, null]);
  });

  it('takes the table’s date from a title block as the cao and HR systems write it', () => {
    expect(dateInTitle(['Salaristabel CAO Gemeenten per 1 juli 2027'])).toEqual({ date: '2027-07-01', line: 'Salaristabel CAO Gemeenten per 1 juli 2027' });
    expect(dateInTitle(['Salarisbedragen m.i.v. 01-01-2028'])?.date).toBe('2028-01-01');
    expect(dateInTitle(['Tabel met ingang van 1 oktober 2027 (na loonsverhoging)'])?.date).toBe('2027-10-01');
    expect(dateInTitle(['Ingangsdatum: 1-7-2027'])?.date).toBe('2027-07-01');
    expect(dateInTitle(['Salaristabel', 'Geldig vanaf 15 januari 2027'])?.date).toBe('2027-01-15');
  });

  it('takes no date where the title gives none, or an impossible one', () => {
    expect(dateInTitle(['Bedragen per maand'])).toBeNull();
    expect(dateInTitle(['Salaristabel 2027'])).toBeNull();
    expect(dateInTitle(['Export gemaakt op 15-03-2027'])).toBeNull();
    expect(dateInTitle(['per 31 februari 2027'])).toBeNull();
    expect(dateInTitle([])).toBeNull();
  });
});
