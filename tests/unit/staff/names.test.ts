import { describe, expect, it } from 'vitest';
import { compareNames, displayName, matchesNameSearch, sortName } from '../../../shared/domain/staff/names.ts';

const thijs = { firstName: 'Thijs', infix: 'van den', lastName: 'Berg', personnelNumber: '100000' };
const ismail = { firstName: 'Ismail', infix: 'van', lastName: 'Dijk', personnelNumber: '100399' };
const gijs = { firstName: 'Gijs', infix: '', lastName: 'Bos', personnelNumber: '100301' };
const sanne = { firstName: 'Sanne', infix: '', lastName: 'Çelik', personnelNumber: '100112' };
const mohamed = { firstName: 'Mohamed', infix: 'de', lastName: 'Vries', personnelNumber: '100028' };

describe('Dutch names with a tussenvoegsel', () => {
  it('displays first name, tussenvoegsel and surname, and the sort form with the tussenvoegsel last', () => {
    expect(displayName(thijs)).toBe('Thijs van den Berg');
    expect(sortName(thijs)).toBe('Berg, Thijs van den');
    expect(displayName(gijs)).toBe('Gijs Bos');
    expect(sortName(gijs)).toBe('Bos, Gijs');
    expect(sortName({ firstName: '', infix: '', lastName: 'Jansen' })).toBe('Jansen');
  });

  it('sorts on the surname without tussenvoegsel, accents not counting', () => {
    const sorted = [mohamed, ismail, sanne, gijs, thijs].sort(compareNames).map(displayName);
    expect(sorted).toEqual(['Thijs van den Berg', 'Gijs Bos', 'Sanne Çelik', 'Ismail van Dijk', 'Mohamed de Vries']);
  });

  it('finds people by the start of their surname, first name, number or full name, but not every "van" by a "v"', () => {
    const people = [thijs, ismail, gijs, sanne, mohamed];
    const find = (q: string) => people.filter((p) => matchesNameSearch(p, q)).map(displayName);
    expect(find('berg')).toEqual(['Thijs van den Berg']);
    expect(find('v')).toEqual(['Mohamed de Vries']);
    expect(find('van den b')).toEqual(['Thijs van den Berg']);
    expect(find('celik')).toEqual(['Sanne Çelik']);
    expect(find('1003')).toEqual(['Ismail van Dijk', 'Gijs Bos']);
    expect(find('Thijs van')).toEqual(['Thijs van den Berg']);
    expect(find('Dijk, Ism')).toEqual(['Ismail van Dijk']);
    expect(find('')).toHaveLength(5);
  });
});
