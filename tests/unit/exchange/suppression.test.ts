import { describe, expect, it } from 'vitest';
import { MINIMUM_GROUP_SIZE, suppressGroups } from '../../../shared/exchange/suppression.ts';

const groups = (sizes: Record<string, number>) => Object.entries(sizes).map(([key, size]) => ({ key, size }));
const hidden = (result: Map<string, string>) => Object.fromEntries([...result].sort(([a], [b]) => a.localeCompare(b)));

describe('small-group suppression', () => {
  it('hides a group of fewer than five people, and nothing else when no total is shown beside it', () => {
    expect(MINIMUM_GROUP_SIZE).toBe(5);
    expect(hidden(suppressGroups(groups({ OR: 6, BZ: 4, SO: 5 }), { totalPublished: false }))).toEqual({ BZ: 'small' });
    expect(hidden(suppressGroups(groups({ OR: 5, SO: 12 }), { totalPublished: true }))).toEqual({});
  });

  it('with a total shown, also hides the smallest other group, so the small one cannot be derived by subtraction', () => {
    // Total 15 − OR 6 would otherwise give BZ's 4 back.
    expect(hidden(suppressGroups(groups({ OR: 6, BZ: 4, SO: 5 }), { totalPublished: true }))).toEqual({ BZ: 'small', SO: 'complementary' });
  });

  it('keeps adding groups until the hidden ones hold five people together', () => {
    // Hidden 1 + 2 would still be a group of 3 (total − the rest): C is small itself and brings it to 6;
    // with a C of 9 instead, C is hidden to protect A and B.
    expect(hidden(suppressGroups(groups({ A: 1, B: 2, C: 3, D: 40 }), { totalPublished: true }))).toEqual({ A: 'small', B: 'small', C: 'small' });
    expect(hidden(suppressGroups(groups({ A: 1, B: 2, C: 9, D: 40 }), { totalPublished: true }))).toEqual({ A: 'small', B: 'small', C: 'complementary' });
  });

  it('never hides a group of nobody, and hides everything when there is nothing else to hide behind', () => {
    expect(hidden(suppressGroups(groups({ short: 0, medium: 7, long: 2, extraLong: 0 }), { totalPublished: true }))).toEqual({ long: 'small', medium: 'complementary' });
    expect(hidden(suppressGroups(groups({ only: 3 }), { totalPublished: true }))).toEqual({ only: 'small' });
  });
});
