/**
 * Small-group suppression for HR figures that leave the central HR workbook (AVG: figures about a
 * handful of people are personal data about those people). A figure about a group of fewer than
 * `MINIMUM_GROUP_SIZE` people — a department, a cost centre, a duration band — is not published;
 * a visible marker stands in its place.
 *
 * Suppressing the small group alone is not enough when the total is published beside its parts: the
 * total minus the published parts gives the small group back (report counts add up exactly). So,
 * as statistical offices do, a second group is suppressed as well (secondary or complementary
 * suppression): the smallest other groups are added until the suppressed groups are at least two and
 * hold at least `MINIMUM_GROUP_SIZE` people together. Groups of zero people describe nobody and stay.
 */

export const MINIMUM_GROUP_SIZE = 5;

/** `small`: fewer than the minimum itself; `complementary`: hidden so a small group cannot be derived; `parent`: the group it belongs to is hidden. */
export type SuppressionReason = 'small' | 'complementary' | 'parent';

/** What stands in the place of a suppressed figure, in exports and printed reports. */
export const SUPPRESSION_MARKERS: Record<SuppressionReason, string> = { small: `< ${MINIMUM_GROUP_SIZE}`, complementary: 'x', parent: 'x' };

export const SUPPRESSION_NOTE =
  `Cijfers over een groep van minder dan ${MINIMUM_GROUP_SIZE} medewerkers (een afdeling, kostenplaats of duurklasse) zijn weggelaten ("< ${MINIMUM_GROUP_SIZE}"): ` +
  'met zo weinig mensen zijn ze tot personen te herleiden (AVG). Waar een totaal naast de delen staat, is ook een tweede groep weggelaten ("x"), ' +
  'anders is de kleine groep uit het totaal terug te rekenen. Delen van een weggelaten groep (bijvoorbeeld de kostenplaatsen van een weggelaten afdeling) zijn ook weggelaten ("x").';

export interface Group<K> {
  key: K;
  /** People in the group (for duration bands: cases). */
  size: number;
}

/**
 * Which groups to suppress. `totalPublished`: the total of these groups is shown (then a lone
 * suppressed group is protected by suppressing others too). A group of zero people is never suppressed.
 */
export function suppressGroups<K>(groups: readonly Group<K>[], options: { totalPublished: boolean; minimum?: number }): Map<K, SuppressionReason> {
  const minimum = options.minimum ?? MINIMUM_GROUP_SIZE;
  const result = new Map<K, SuppressionReason>();
  for (const g of groups) if (g.size > 0 && g.size < minimum) result.set(g.key, 'small');
  if (!options.totalPublished || result.size === 0) return result;
  const remaining = groups.filter((g) => g.size > 0 && !result.has(g.key)).sort((a, b) => a.size - b.size);
  let people = groups.filter((g) => result.has(g.key)).reduce((sum, g) => sum + g.size, 0);
  while ((result.size < 2 || people < minimum) && remaining.length > 0) {
    const next = remaining.shift()!;
    result.set(next.key, 'complementary');
    people += next.size;
  }
  return result;
}
