import { disguise, foldTerm, foldText, originalRange } from './privacy-text.ts';

/**
 * The finance privacy check's matcher: finds people in a free text the way department heads write about
 * them. Pure (no workbook), so each way of writing can be tested on its own.
 *
 * What counts as a person:
 * - a full name in any of its registered forms, with particles written apart, together or capitalised
 *   ("van der" / "vander" / "Van Der" / "v.d."), and any spacing;
 * - a personnel number, also written with spaces, dots or hyphens ("pnr 100 007", "100.007"), but not
 *   an amount ("€ 100.007", "100.007,00");
 * - a staff member's first name alone; a first name that is also an ordinary word (a month, "Roos",
 *   "Max", a word of the department's cost centre or account names) only when written as a name in the
 *   middle of a sentence, after a title, or beside a health word;
 * - a staff member's surname after a title ("mevrouw Van der Meer", "dhr. Jansen"), a surname with its
 *   particle written as a name ("Van der Meer"), a surname alone beside a health word;
 * - a title (mevrouw, meneer, mevr., mw., dhr., de heer, …) followed by any name, on staff or not.
 * Texts are folded first (privacy-text.ts), so accents, case, invisible characters and look-alike letters
 * from other scripts change nothing. Health words (ziek, burn-out, re-integratie, bedrijfsarts, zwanger,
 * …) beside a person are named in the finding: health data is a special category (AVG art. 9).
 *
 * Names and numbers are found by running the letters (or digits) of neighbouring words together and
 * looking the result up among the people's keys, so spacing does not matter and the cost does not grow
 * with the number of people (one regular expression with every name took 20 ms a text for 1.000 staff;
 * this takes well under a millisecond).
 */

export type PersonTermKind = 'name' | 'number' | 'first-name' | 'surname';

export interface PersonTerm {
  term: string;
  /** What the term is, as the message names it ("naam van een medewerker", "personeelsnummer"). */
  what: string;
  /** How it is looked for; a full name (or any other phrase) when absent. */
  kind?: PersonTermKind;
}

export interface PrivacyMatch {
  /** [start, end) of the found part in the original text, in UTF-16 units. */
  start: number;
  end: number;
  /** The found part as the user typed it. */
  found: string;
  /** The category, as the existing findings name it: "naam van een medewerker", "personeelsnummer", … */
  what: string;
  /** Why this is personal data, in Dutch, for the user. */
  reason: string;
  /** Health words beside it, as the user typed them. */
  health: string[];
  /** The found part hides a character the user cannot see, or a letter from another script. */
  disguised: 'invisible' | 'look-alike' | null;
}

export interface MatcherOptions {
  /** Words that are not names in this department's texts: the words of its cost centre and account names. */
  vocabulary?: Iterable<string>;
}

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}])';
const BOUNDARY_AFTER = '(?![\\p{L}\\p{N}])';

/** Titles that put a name after them. Abbreviations with or without their dot; academic ones only with it. */
const TITLE = new RegExp(`${BOUNDARY_BEFORE}(mevrouw|mevr|mw|meneer|mnr|dhr|de heer|mr|dr|drs|ir|ing)${BOUNDARY_AFTER}(\\.?)\\s*`, 'gu');
const TITLES_NEEDING_DOT = new Set(['mr', 'dr', 'drs', 'ir', 'ing']);

/**
 * Words that are also first names. Such a first name alone is found only where it is written as a name.
 * Months and days are never taken for a name on capitals alone ("Mei" starts many a sentence).
 */
const CALENDAR_WORDS = new Set([
  'januari', 'jan', 'februari', 'feb', 'maart', 'mrt', 'april', 'apr', 'mei', 'juni', 'jun', 'juli', 'jul', 'augustus', 'aug', 'september', 'sep', 'sept', 'oktober', 'okt', 'november', 'nov', 'december', 'dec',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'may', 'june',
]);
const ORDINARY_WORDS = new Set([
  'van', 'de', 'der', 'den', 'het', 'een', 'en', 'in', 'op', 'aan', 'voor', 'met', 'bij', 'ben', 'wil', 'will', 'roos', 'mark', 'bas', 'hoop', 'max', 'job', 'lot', 'mees', 'merel', 'fleur', 'storm', 'lief', 'sterre', 'jade',
  'iris', 'rik', 'els', 'jet', 'koen', 'rein', 'amber', 'linde', 'berber', 'hazel', 'roel', 'gerard', 'frank', 'vos', 'noor', 'zon', 'dag', 'rob', 'koos', 'kim', 'sam', 'pim', 'ruud', 'tim', 'guus', 'dirk', 'berg', 'groen', 'meer', 'bos', 'beek', 'brug', 'wal', 'dijk', 'kok', 'smit',
  'visser', 'bakker', 'post', 'boer', 'haan', 'vries', 'graaf', 'kort', 'lange', 'klein', 'groot', 'wit', 'zwart', 'bruin', 'schouten', 'molen', 'kerk', 'huis', 'veld', 'water', 'wegen', 'weg', 'park', 'plein',
]);

/** Health words (folded). Beside a person they are health data; alone they are ordinary budget words ("ziektevervanging"). */
const HEALTH_WORDS = [
  'langdurig ziek', 'ziek', 'zieke', 'ziekte', 'ziektes', 'ziekgemeld', 'ziek gemeld', 'ziekmelding', 'ziekteverlof', 'ziektewet', 'ziekenhuis', 'ziekenhuisopname', 'verzuim', 'verzuimt', 'arbeidsongeschikt',
  'burn-out', 'burnout', 'burn out', 'overspannen', 'overspanning', 'depressie', 'depressief', 'psycholoog', 'psychiater', 'ptss', 'stress',
  're-integratie', 're-integreert', 're-integreren', 'reintegratie', 'reintegreert', 'reintegratietraject', 're-integratietraject', 'bedrijfsarts', 'arbo-arts', 'arboarts', 'arbodienst', 'poortwachter', 'wia', 'uwv',
  'zwanger', 'zwangerschap', 'zwangerschapsverlof', 'bevallingsverlof', 'bevalling', 'operatie', 'geopereerd', 'herstellende', 'revalidatie', 'revalideert', 'kanker', 'chemo', 'chemotherapie', 'hernia', 'rugklachten',
  'fysiotherapie', 'hartinfarct', 'beroerte', 'diagnose', 'medisch', 'medische', 'therapie',
];

/** How near (in folded characters) a health word must be to count as "beside" a name. */
const HEALTH_REACH = 60;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs of letters or of digits: "pnr100007" is "pnr" and "100007", "P-7781" is "p", "7781". */
interface Token {
  start: number;
  end: number;
  text: string;
}

function tokenize(lower: string): Token[] {
  return [...lower.matchAll(/\p{L}+|\p{N}+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/**
 * The keys a term is found by: its letters and digits run together, so that spacing does not matter
 * ("van der Meer", "vander Meer", "vandermeer"); "van de(r|n)" also as "vd" (for "v.d." and "v/d").
 */
function termKeys(folded: string): string[] {
  const parts = tokenize(folded).map((t) => t.text);
  const keys = [parts.join('')];
  const at = parts.findIndex((part, i) => part === 'van' && ['de', 'der', 'den'].includes(parts[i + 1]));
  if (at >= 0) keys.push([...parts.slice(0, at), 'vd', ...parts.slice(at + 2)].join(''));
  return keys;
}

/** Between the words of a name: spaces, dots (initials, "v.d."), a comma ("Vries, Jan de"), a hyphen, an apostrophe or "v/d"'s slash. */
const NAME_GAP = /^[\s.,'’/-]{1,3}$/u;
/** Inside a personnel number: nothing, or one space, dot or hyphen ("100 007", "100.007", "P-7781"). */
const NUMBER_GAP = /^[\s.-]?$/u;
/** Letters glued before a personnel number that still leave it a personnel number ("pnr100007"). */
const NUMBER_PREFIXES = new Set(['nr', 'pnr', 'persnr', 'personeelsnr', 'personeelsnummer']);

interface TermIndex {
  byKey: Map<string, PersonTerm>;
  /** The most tokens a key of this index can span. */
  span: number;
}

function index(terms: PersonTerm[], minKeyLength: number): TermIndex {
  const byKey = new Map<string, PersonTerm>();
  let span = 1;
  for (const term of terms) {
    const folded = foldTerm(term.term);
    for (const key of termKeys(folded)) {
      if (key.length < minKeyLength || byKey.has(key)) continue;
      byKey.set(key, term);
      // A key may be written with every letter apart at most for numbers; names span a few more tokens than they have ("v.d.").
      span = Math.max(span, tokenize(folded).length + 2);
    }
  }
  return { byKey, span };
}

interface Window {
  /** Token range [first, last]. */
  first: number;
  last: number;
  start: number;
  end: number;
  term: PersonTerm;
}

/** The longest run of tokens from each position whose letters spell a key of the index. */
function windows(lower: string, tokens: Token[], idx: TermIndex, gap: RegExp, maxSpan = idx.span, possessive = gap === NAME_GAP): Window[] {
  const found: Window[] = [];
  if (idx.byKey.size === 0) return found;
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    let best: Window | null = null;
    for (let j = i; j < tokens.length && j < i + maxSpan; j++) {
      if (j > i && !gap.test(lower.slice(tokens[j - 1].end, tokens[j].start))) break;
      key += tokens[j].text;
      // A name in the possessive ("Ümits vervanging", "Jans uren") is the name; not a two-letter one ("Bo", "bos").
      const term = idx.byKey.get(key) ?? (possessive && key.length > 3 && key.endsWith('s') ? idx.byKey.get(key.slice(0, -1)) : undefined);
      if (term) best = { first: i, last: j, start: tokens[i].start, end: tokens[j].end, term };
    }
    if (best) found.push(best);
  }
  return found;
}

/** A name is a word (or words) of its own: not glued to digits before or after it ("Jan2027"). */
function standsAlone(tokens: Token[], w: Window): boolean {
  const before = tokens[w.first - 1];
  const after = tokens[w.last + 1];
  return (!before || before.end < w.start) && (!after || after.start > w.end);
}

interface Hit {
  /** Range in the folded text. */
  start: number;
  end: number;
  what: string;
  reason: string;
  /** Longer and more certain hits win an overlap. */
  rank: number;
}

export interface PrivacyMatcher {
  find(text: string): PrivacyMatch[];
}

/** A matcher for these people (terms from the areas that hold people) and this department's vocabulary. */
export function createMatcher(terms: PersonTerm[], options: MatcherOptions = {}): PrivacyMatcher {
  const phrases = index(terms.filter((t) => !t.kind || t.kind === 'name'), 3);
  const numbers = index(terms.filter((t) => t.kind === 'number'), 3);
  const firstNames = index(terms.filter((t) => t.kind === 'first-name'), 2);
  const surnames = index(terms.filter((t) => t.kind === 'surname'), 2);
  const vocabulary = new Set<string>();
  for (const entry of options.vocabulary ?? []) for (const token of tokenize(foldTerm(entry))) vocabulary.add(token.text);
  const health = new RegExp(`${BOUNDARY_BEFORE}(?:${[...HEALTH_WORDS].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w).replace(/ /g, '\\s?').replace(/-/g, '-?')).join('|')})${BOUNDARY_AFTER}`, 'gu');

  function isOrdinary(word: string): boolean {
    return CALENDAR_WORDS.has(word) || ORDINARY_WORDS.has(word) || vocabulary.has(word);
  }

  return {
    find(text: string): PrivacyMatch[] {
      const folded = foldText(text);
      const { lower, cased } = folded;
      const tokens = tokenize(lower);
      const healthSpans = [...lower.matchAll(health)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      const healthNear = (start: number, end: number) => healthSpans.filter((h) => h.start < end + HEALTH_REACH && h.end > start - HEALTH_REACH);
      const capitalisedAt = (i: number) => cased[i] !== lower[i];
      const hits: Hit[] = [];

      for (const w of windows(lower, tokens, phrases, NAME_GAP)) {
        if (standsAlone(tokens, w)) hits.push({ start: w.start, end: w.end, what: w.term.what, reason: `noemt de ${w.term.what}`, rank: 4 });
      }

      for (const w of windows(lower, tokens, numbers, NUMBER_GAP, 12)) {
        const parts = tokens.slice(w.first, w.last + 1);
        const key = parts.map((t) => t.text).join('');
        // Short numbers only as written: "1 2 3" in a list is not a personnel number.
        if (key.length < 5 && w.last > w.first && lower.slice(w.start, w.end) !== foldTerm(w.term.term)) continue;
        // Written apart, a personnel number keeps groups of three or more digits ("100 007"); "10-01-27" is a date.
        if (parts.filter((t) => /\p{N}/u.test(t.text)).length > 1 && parts.some((t) => /\p{N}/u.test(t.text) && t.text.length < 3)) continue;
        const before = tokens[w.first - 1];
        const after = tokens[w.last + 1];
        if (before && before.end === w.start && !(NUMBER_PREFIXES.has(before.text) && !/\p{N}/u.test(before.text))) continue;
        if (after && after.start === w.end) continue;
        if (looksLikeAmount(lower, w.start, w.end)) continue;
        hits.push({ start: w.start, end: w.end, what: w.term.what, reason: `noemt het ${w.term.what === 'personeelsnummer' ? 'personeelsnummer van een medewerker' : w.term.what}`, rank: 4 });
      }

      // Titles: "mevrouw Van der Meer" (staff), "dhr. Bakker" (anyone).
      const surnameWindows = windows(lower, tokens, surnames, NAME_GAP);
      for (const m of lower.matchAll(TITLE)) {
        const titleStart = m.index;
        const after = m.index + m[0].length;
        if (m[1].startsWith('mw') && cased.slice(titleStart, titleStart + 2) === 'MW') continue; // megawatt
        if (TITLES_NEEDING_DOT.has(m[1]) && !m[2]) continue;
        if (after === m.index + m[1].length + m[2].length && !m[2]) continue; // "dhr," is no title before a name
        const staffName = surnameWindows.find((w) => w.start === after && standsAlone(tokens, w));
        if (staffName) {
          hits.push({ start: titleStart, end: staffName.end, what: 'naam van een medewerker', reason: 'noemt een medewerker met aanspreekvorm en achternaam', rank: 3 });
          continue;
        }
        const name = /((?:(?:van|de|der|den|ter|ten|te|het|in 't|op|la|le|el|al|von|du|da)\s+)*)(\p{L}[\p{L}'’-]+)/uy;
        name.lastIndex = after;
        const n = name.exec(lower);
        if (!n) continue;
        const wordStart = after + n[1].length;
        // After a title any capitalised word is a name ("meneer Bakker"), a month or weekday excepted.
        if (!capitalisedAt(wordStart) || CALENDAR_WORDS.has(n[2])) continue;
        hits.push({ start: titleStart, end: after + n[0].length, what: 'naam van een persoon', reason: 'noemt iemand met aanspreekvorm en naam', rank: 2 });
      }

      for (const w of surnameWindows) {
        if (!standsAlone(tokens, w)) continue;
        const last = tokens[w.last];
        const capitalised = capitalisedAt(last.start);
        const withParticle = w.last > w.first || termKeys(foldTerm(w.term.term))[0] !== last.text;
        const near = healthNear(w.start, w.end).length > 0;
        const ordinary = isOrdinary(last.text);
        if ((withParticle && capitalised && !ordinary) || (capitalised && near && (!ordinary || !atSentenceStart(cased, w.start)))) {
          hits.push({ start: w.start, end: w.end, what: 'naam van een medewerker', reason: 'noemt de achternaam van een medewerker', rank: 1 });
        }
      }

      for (const w of windows(lower, tokens, firstNames, NAME_GAP)) {
        if (!standsAlone(tokens, w)) continue;
        const word = tokens.slice(w.first, w.last + 1).map((t) => t.text).join('');
        if (isOrdinary(word)) {
          const capitalised = capitalisedAt(w.start);
          const asName = capitalised && !atSentenceStart(cased, w.start) && !CALENDAR_WORDS.has(word) && !vocabulary.has(word);
          const near = healthNear(w.start, w.end).length > 0 && (capitalised || !CALENDAR_WORDS.has(word));
          if (!asName && !near) continue;
        }
        hits.push({ start: w.start, end: w.end, what: 'voornaam van een medewerker', reason: 'noemt de voornaam van een medewerker', rank: 1 });
      }

      return keepOutermost(hits).map((hit) => {
        const [start, end] = originalRange(text, folded, hit.start, hit.end);
        const near = healthNear(hit.start, hit.end);
        const healthWords = [...new Set(near.map((h) => text.slice(...originalRange(text, folded, h.start, h.end))))];
        const found = text.slice(start, end);
        const hidden = disguise(found);
        let reason = hit.reason;
        if (healthWords.length > 0) reason += `, met gezondheidsgegevens (${healthWords.join(', ')})`;
        if (hidden === 'invisible') reason += '; er staat een onzichtbaar teken in';
        if (hidden === 'look-alike') reason += '; er staat een letter uit een ander alfabet in die op een gewone letter lijkt';
        return { start, end, found, what: hit.what, reason, health: healthWords, disguised: hidden };
      });
    },
  };
}

/** The longest of overlapping hits (a full name over the first name inside it), in text order. */
function keepOutermost(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || b.rank - a.rank || a.start - b.start);
  const kept: Hit[] = [];
  for (const hit of sorted) if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  return kept.sort((a, b) => a.start - b.start);
}

/** A word at the start of the text or of a sentence: a capital there says nothing about a name. */
function atSentenceStart(cased: string, index: number): boolean {
  const before = cased.slice(0, index).trimEnd();
  return before === '' || /[.!?:;\n(•*-]$/u.test(before);
}

/** A personnel number is a word of its own, or follows "nr"/"pnr" ("pnr100007"). */
function numberStandsAlone(lower: string, start: number, end: number): boolean {
  if (/[\p{L}\p{N}]/u.test(lower[end] ?? '')) return false;
  const before = lower.slice(0, start);
  if (!/\p{L}$/u.test(before)) return true;
  return /(?:^|[^\p{L}])(?:p?nr|persnr|pers\.nr|personeelsnr|personeelsnummer)$/u.test(before);
}

/** "€ 100.007", "100.007,00", "100 007 euro": an amount that happens to share its digits. */
function looksLikeAmount(lower: string, start: number, end: number): boolean {
  const before = lower.slice(Math.max(0, start - 6), start);
  const after = lower.slice(end, end + 8);
  return /(?:€|eur|euro)\s*$/u.test(before) || /^(?:,\d|,-|\s*(?:euro|eur)(?![\p{L}])|\s*%)/u.test(after);
}


