import { describe, expect, it } from 'vitest';
import { dateInTitle, SALARY_TURNED_LAYOUT, SALARY_WIDE_LAYOUT } from '../../../electron/backend/staff/salary-importer.ts';

describe('the cao salary table layout', () => {
  it('reads the step a column header names', () => {
    const key = (header: string) => SALARY_WIDE_LAYOUT.columnKey(header, false);
    expect(['0', '3', '12', 'Trede 3', 'trede3', 'tr. 3', 'Tr 3', 'T3', 'Periodiek 3', 'Step 3', '03'].map(key)).toEqual(['0', '3', '12', '3', '3', '3', '3', '3', '3', '3', '3']);
    expect(['Schaal', '', 'Trede', '2027', 'Bedrag 3', 'min', '€ 2.150,00'].map(key)).toEqual([null, null, null, null, null, null, null]);
  });

  it('reads the scale a column header names in a table turned a quarter (steps as rows)', () => {
    const named = (header: string) => SALARY_TURNED_LAYOUT.columnKey(header, false);
    expect(['Schaal 1', 'schaal10', 'Salarisschaal 18', 'Scale 7', 'Schaal 03'].map(named)).toEqual(['1', '10', '18', '7', '3']);
    // Bare numbers are scales only above a column headed "Trede"; otherwise they are the steps of the usual layout.
    expect(['1', '12', 'Trede 3', 'Schaal', ''].map(named)).toEqual([null, null, null, null, null]);
    expect(['1', '12'].map((header) => SALARY_TURNED_LAYOUT.columnKey(header, true))).toEqual(['1', '12']);
  });

  it('takes the table’s date from a title block as the cao and HR systems write it', () => {
    expect(dateInTitle(['Salaristabel CAO Gemeenten per 1 juli 2027'])).toEqual({ date: '2027-07-01', line: 'Salaristabel CAO Gemeenten per 1 juli 2027' });
    expect(dateInTitle(['Salarisbedragen m.i.v. 01-01-2028'])?.date).toBe('2028-01-01');
    expect(dateInTitle(['Tabel met ingang van 1 oktober 2027 (na loonsverhoging)'])?.date).toBe('2027-10-01');
    expect(dateInTitle(['Ingangsdatum: 1-7-2027'])?.date).toBe('2027-07-01');
    expect(dateInTitle(['Salaristabel', 'Geldig vanaf 15 januari 2027'])?.date).toBe('2027-01-15');
    // A label beside a date cell of an XLSX sheet: the cell reads as an ISO date.
    expect(dateInTitle(['Salaristabel gemeenten', 'Ingangsdatum 2027-07-01'])?.date).toBe('2027-07-01');
  });

  it('takes no date where the title gives none, or an impossible one', () => {
    expect(dateInTitle(['Bedragen per maand'])).toBeNull();
    expect(dateInTitle(['Salaristabel 2027'])).toBeNull();
    expect(dateInTitle(['Export gemaakt op 15-03-2027'])).toBeNull();
    expect(dateInTitle(['per 31 februari 2027'])).toBeNull();
    expect(dateInTitle(['Ingangsdatum 2027-02-31'])).toBeNull();
    expect(dateInTitle([])).toBeNull();
  });
});
