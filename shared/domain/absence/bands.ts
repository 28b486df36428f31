import type { DurationBands } from './settings.ts';

export const BAND_KEYS = ['short', 'medium', 'long', 'extraLong'] as const;
export type BandKey = (typeof BAND_KEYS)[number];

/** A case counts at most this many days in durations and bands (domain.md §4). */
export const MAX_CASE_DAYS = 730;

/** The band of a case by its length in calendar days (≥ 1). */
export function bandOf(lengthDays: number, bands: DurationBands): BandKey {
  if (lengthDays <= bands.shortMax) return 'short';
  if (lengthDays <= bands.mediumMax) return 'medium';
  if (lengthDays <= bands.longMax) return 'long';
  return 'extraLong';
}

/** "1–7", "8–42", "43–365", "366–730": the bounds of each band, for labels. */
export function bandRanges(bands: DurationBands): Record<BandKey, { from: number; to: number }> {
  return {
    short: { from: 1, to: bands.shortMax },
    medium: { from: bands.shortMax + 1, to: bands.mediumMax },
    long: { from: bands.mediumMax + 1, to: bands.longMax },
    extraLong: { from: bands.longMax + 1, to: MAX_CASE_DAYS },
  };
}
