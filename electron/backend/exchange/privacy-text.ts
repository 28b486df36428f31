/**
 * Text as the finance privacy check compares it. People write names in many ways, and a name must be
 * found however it was typed or pasted: with or without accents ("Umit" for "Ümit"), in any case, with a
 * zero-width space or a soft hyphen inside it (invisible, often pasted from mail or Teams), in full-width
 * or other compatibility forms, or with a Cyrillic or Greek letter that looks like a Latin one ("Jаn"
 * with a Cyrillic а). So every character is folded to what it looks like, and each folded character
 * remembers where it came from, so the user is shown their own text.
 */

/** Cyrillic and Greek letters that look like Latin ones (the usual confusables of Unicode TR 39), both cases. */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', г: 'r', п: 'n', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y', ь: 'b',
  А: 'A', В: 'B', Е: 'E', Ё: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', Ѕ: 'S', І: 'I', Ї: 'I', Ј: 'J', Һ: 'H', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I', Ү: 'Y',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y', ω: 'w',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

/** Latin letters that Unicode does not decompose but that stand for a plain letter in a name. */
const LATIN_TWINS: Record<string, string> = { ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ħ: 'h' };

/** Invisible characters: format characters (zero-width space and joiners, soft hyphen, BOM, bidi marks) and the blank fillers. */
const INVISIBLE = /[\p{Cf}\u115f\u1160\u3164\uffa0\u2800]/u;
/** Dashes of every kind read as a hyphen ("burn‑out" with a non-breaking hyphen, "P–7781"). */
const DASH = /\p{Pd}/u;
const MARK = /\p{M}/u;
const SPACE = /[\s\u00a0]/u;

export interface FoldedText {
  /** The folded text, letters in their case (for "is this word capitalised?"). */
  cased: string;
  /** The same, lower case; the same length as `cased`. */
  lower: string;
  /** For each folded character, the index of the character it came from in the original. */
  origin: number[];
}

/**
 * Folds a text for matching: compatibility forms (NFKC), no invisible characters, look-alike letters as
 * their Latin twin, no accents, one space for any run of white space.
 */
export function foldText(text: string): FoldedText {
  let cased = '';
  const origin: number[] = [];
  let lastWasSpace = false;
  let index = 0;
  for (const char of text) {
    const at = index;
    index += char.length;
    for (const compat of char.normalize('NFKC')) {
      if (INVISIBLE.test(compat)) continue;
      for (const part of compat.normalize('NFD')) {
        if (MARK.test(part)) continue;
        if (SPACE.test(part)) {
          if (!lastWasSpace) {
            cased += ' ';
            origin.push(at);
          }
          lastWasSpace = true;
          continue;
        }
        lastWasSpace = false;
        const latin = DASH.test(part) ? '-' : (LOOK_ALIKES[part] ?? LATIN_TWINS[part] ?? part);
        // Letters whose lower case is longer (a rare few) keep their own case, so both strings line up.
        const keep = latin.toLowerCase().length === latin.length ? latin : part;
        for (const unit of keep) {
          cased += unit;
          origin.push(at);
        }
      }
    }
  }
  let lower = '';
  for (const char of cased) {
    const down = char.toLowerCase();
    lower += down.length === char.length ? down : char;
  }
  return { cased, lower, origin };
}

/** The original text a match in the folded text came from. */
export function originalSlice(text: string, folded: FoldedText, start: number, end: number): string {
  const from = folded.origin[start] ?? 0;
  const last = folded.origin[end - 1] ?? from;
  // The last folded character's original may be a surrogate pair: take the whole code point.
  const width = text.codePointAt(last)! > 0xffff ? 2 : 1;
  return text.slice(from, last + width).trim();
}

/** Where a match in the folded text lies in the original: [start, end) in UTF-16 units, the whole last code point included. */
export function originalRange(text: string, folded: FoldedText, start: number, end: number): [number, number] {
  const from = folded.origin[start] ?? 0;
  const last = folded.origin[end - 1] ?? from;
  const width = text.codePointAt(last)! > 0xffff ? 2 : 1;
  return [from, last + width];
}

/** Whether a stretch of the original holds a character the user cannot see, or a letter from another script that looks Latin. */
export function disguise(original: string): 'invisible' | 'look-alike' | null {
  for (const char of original) {
    if (INVISIBLE.test(char)) return 'invisible';
  }
  for (const char of original.normalize('NFKC')) {
    for (const part of char.normalize('NFD')) if (LOOK_ALIKES[part]) return 'look-alike';
  }
  return null;
}

/** Folds a single term (a name) the same way, lower case. */
export function foldTerm(term: string): string {
  return foldText(term.trim()).lower;
}
