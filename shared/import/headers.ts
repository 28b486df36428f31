/**
 * Recognising column headers as people write them: "Kostenpl.", "Grootb.rek.", "Bedrag in EUR",
 * "Bedrag (€)", "Omschrijving van de boeking". Pure: the importers' header search and column mapping
 * use it, and anything else that has to find a field by a column name can.
 */
import type { FieldSpec } from './types.ts';

/** Lower case, without accents, spaces or punctuation: "Grootboek-rekening " and "grootboekrekening" are one name. */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9%]/g, '');
}

interface Token {
  text: string;
  /** Written with a dot after it ("Kostenpl.", "rek."): stands for a longer word that starts with it. */
  abbreviated: boolean;
}

/** A currency unit in a header says what the amounts are in, not what the column is. */
const UNIT_WORDS = new Set(['eur', 'euro', 'euros']);
/** Headers that scale the amounts ("x 1.000", "k€", "in duizenden") must be mapped by hand: read as euros they are wrong by a factor. */
const SCALE_WORDS = new Set(['x', 'k', 'keur', 'duizend', 'duizenden', 'dzd', 'mln', 'miljoen', 'miljoenen']);
/** Longer headers are sentences or data, not column names. */
const MAX_TOKENS = 7;
/** At most this many words besides the recognised name ("Omschrijving van de boeking"). */
const MAX_EXTRA_WORDS = 3;

function tokenise(name: string): Token[] {
  const text = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/€/g, ' eur ')
    .replace(/euro['’]?s\b/g, 'euro');
  const tokens: Token[] = [];
  for (const match of text.matchAll(/([a-z0-9%]+)(\.(?![0-9]))?/g)) {
    tokens.push({ text: match[1], abbreviated: match[2] !== undefined && /[a-z]$/.test(match[1]) });
  }
  return tokens;
}

/** The tokens without currency units ("Bedrag in EUR" → "Bedrag"), or null when the header scales its amounts or holds numbers. */
function withoutUnits(tokens: Token[]): Token[] | null {
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (SCALE_WORDS.has(token.text) || /^\d+$/.test(token.text)) return null;
    if (UNIT_WORDS.has(token.text)) continue;
    // "in" before a unit: "Bedrag in EUR".
    if (token.text === 'in' && tokens[i + 1] !== undefined && UNIT_WORDS.has(tokens[i + 1].text)) continue;
    kept.push(token);
  }
  return kept;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How well a header matches a field: lower is better; null is no match. */
export type MatchQuality = number;

/**
 * Matches headers against a set of fields, best match first:
 *   0 — the name itself, ignoring case, accents, spaces and punctuation ("Kosten-plaats");
 *   1 — the same after dropping a currency unit ("Bedrag in EUR", "Bedrag (€)", "Bedrag EUR");
 *   2… — abbreviations with a dot ("Kostenpl.", "Grootb.rek.", "Omschr.") and names among extra words
 *        ("Omschrijving van de boeking"); fewer extra words and a longer abbreviation match better.
 * A name among extra words does not count when an extra word is itself another field's name:
 * "Omschrijving kostenplaats" describes the cost centre and is neither the description nor the cost centre.
 */
export class HeaderMatcher {
  private readonly names: Array<Set<string>>;

  constructor(readonly fields: FieldSpec[]) {
    this.names = fields.map((field) => {
      const names = new Set<string>();
      for (const name of [field.key, ...field.synonyms]) {
        const normalised = normaliseHeader(name);
        if (normalised !== '') names.add(normalised);
      }
      return names;
    });
  }

  /** The quality of the best match of `header` for each field (same order as the fields), null where none. */
  qualities(header: string): Array<MatchQuality | null> {
    const normalised = normaliseHeader(header);
    const result: Array<MatchQuality | null> = this.fields.map(() => null);
    if (normalised === '') return result;
    let open = 0;
    for (let f = 0; f < this.fields.length; f += 1) {
      if (this.names[f].has(normalised)) result[f] = 0;
      else open += 1;
    }
    if (open === 0) return result;
    const tokens = tokenise(header);
    if (tokens.length > MAX_TOKENS) return result;
    const cleaned = withoutUnits(tokens);
    if (cleaned === null || cleaned.length === 0) return result;
    const cleanedName = cleaned.map((t) => t.text).join('');
    for (let f = 0; f < this.fields.length; f += 1) {
      if (result[f] === null && this.names[f].has(cleanedName)) result[f] = 1;
    }
    // Runs of consecutive words, longest first: the run is the name, the other words are extra.
    for (let length = cleaned.length; length >= 1; length -= 1) {
      const extras = cleaned.length - length;
      if (extras > MAX_EXTRA_WORDS) break;
      for (let start = 0; start + length <= cleaned.length; start += 1) {
        const run = cleaned.slice(start, start + length);
        const abbreviated = run.some((t) => t.abbreviated);
        if (extras === 0 && !abbreviated) continue; // tier 0 and 1 covered this
        const letters = run.reduce((sum, t) => sum + t.text.length, 0);
        if (abbreviated && (letters < 3 || run[0].text.length < 2)) continue;
        const rest = [...cleaned.slice(0, start), ...cleaned.slice(start + length)];
        if (rest.some((t) => t.abbreviated || !/^[a-z]+$/.test(t.text))) continue;
        const pattern = abbreviated ? new RegExp(`^${run.map((t) => escape(t.text) + (t.abbreviated ? '[a-z0-9%]*' : '')).join('')}$`) : null;
        const plain = run.map((t) => t.text).join('');
        for (let f = 0; f < this.fields.length; f += 1) {
          if (result[f] !== null && result[f]! < 2) continue;
          let best: number | null = null;
          for (const name of this.names[f]) {
            const matches = pattern ? pattern.test(name) : name === plain;
            // A short name among extra words is too easily a word of something else ("Van", "Per", "Code").
            if (!matches || (extras > 0 && name.length < 4)) continue;
            // Fewer extra words first; then the abbreviation that leaves least of the name unwritten.
            const quality = 2 + extras + (name.length - letters) / 1000;
            if (best === null || quality < best) best = quality;
          }
          if (best !== null && extras > 0 && this.namesAnotherField(rest, f)) best = null;
          if (best !== null && (result[f] === null || best < result[f]!)) result[f] = best;
        }
      }
    }
    return result;
  }

  /** Whether extra words (one, or two together: "uit dienst") are the name of a field other than `field`. */
  private namesAnotherField(rest: Token[], field: number): boolean {
    const words = rest.map((t) => t.text);
    for (let i = 0; i < words.length; i += 1) {
      const single = words[i];
      const pair = i + 1 < words.length ? single + words[i + 1] : null;
      for (let f = 0; f < this.names.length; f += 1) {
        if (f === field) continue;
        if ((single.length >= 3 && this.names[f].has(single)) || (pair !== null && this.names[f].has(pair))) return true;
      }
    }
    return false;
  }

  /**
   * Assigns each field at most one column and each column at most one field, best matches first; ties go
   * to the earlier field, then the earlier column (as the fields and the file list them).
   */
  assign(columns: string[]): Array<number | null> {
    const candidates: Array<{ quality: number; field: number; column: number }> = [];
    columns.forEach((column, c) => {
      this.qualities(column).forEach((quality, f) => {
        if (quality !== null) candidates.push({ quality, field: f, column: c });
      });
    });
    candidates.sort((a, b) => a.quality - b.quality || a.field - b.field || a.column - b.column);
    const byField: Array<number | null> = this.fields.map(() => null);
    const taken = new Set<number>();
    for (const candidate of candidates) {
      if (byField[candidate.field] !== null || taken.has(candidate.column)) continue;
      byField[candidate.field] = candidate.column;
      taken.add(candidate.column);
    }
    return byField;
  }
}
