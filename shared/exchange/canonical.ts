/**
 * Canonical JSON: the exact bytes that are hashed and signed. Object keys sorted by UTF-16 code units,
 * no whitespace, strings and numbers serialised as ECMAScript's JSON.stringify does. For the values a
 * package holds (objects, arrays, strings, booleans, null, finite numbers) this is the JSON
 * Canonicalization Scheme of RFC 8785, so another system can reproduce the bytes with any JCS library.
 */
export function canonicalJson(value: unknown, known?: ReadonlyMap<object, string>): string {
  return serialise(value, '$', known);
}

/**
 * `known` holds canonical forms already computed for some objects (the payload, when the verifier has
 * just hashed it), so a large payload is serialised once for its hash and its signature together.
 */
function serialise(value: unknown, where: string, known?: ReadonlyMap<object, string>): string {
  if (value === null) return 'null';
  if (known && typeof value === 'object') {
    const precomputed = known.get(value);
    if (precomputed !== undefined) return precomputed;
  }
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Canonical JSON: ${where} is not a finite number`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item, i) => serialise(item, `${where}[${i}]`, known)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      // Default sort compares UTF-16 code units, which is what RFC 8785 prescribes.
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${serialise(v, `${where}.${k}`, known)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`Canonical JSON: ${where} has unsupported type ${typeof value}`);
  }
}

/** UTF-8 bytes of the canonical form (TextEncoder exists in browsers and in Node). */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

/**
 * The first object member whose name occurs twice in one object of `text` (valid JSON), with the path
 * of that object ("payload.lines.0"; "" for the top level). RFC 8785 canonicalises I-JSON (RFC 7493),
 * where names are unique: with a name twice, JSON.parse keeps the last value and other readers the first,
 * so two programs could read different figures from one validly signed file.
 */
export function duplicateMember(text: string, parsed?: unknown): { name: string; path: string } | null {
  // With the parsed value at hand, a count settles the common case: names in the text that JSON.parse
  // kept all as keys. The pattern below also matches some strings that are not names (a string value
  // starting with ":"), so the count can come out too high but never too low: equal counts prove that
  // no name was written twice, and any other count falls through to the exact scan.
  if (parsed !== undefined && countNamePatterns(text) === countMembers(parsed)) return null;
  // One frame per open object or array; the path is only put together when a duplicate is found.
  type Frame = { parent: Frame | null; key: string; names: Set<string> | null; member: string; index: number };
  let top = null as Frame | null;
  let expectName = false;
  const pathOf = (frame: Frame): string => {
    const keys: string[] = [];
    for (let f: Frame | null = frame; f?.parent; f = f.parent) keys.push(f.key);
    return keys.reverse().join('.');
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (ch === 0x7b || ch === 0x5b) {
      const key: string = top === null ? '' : top.names ? top.member : String(top.index);
      top = { parent: top, key, names: ch === 0x7b ? new Set() : null, member: '', index: 0 };
      expectName = ch === 0x7b;
    } else if (ch === 0x7d || ch === 0x5d) {
      top = top?.parent ?? null;
    } else if (ch === 0x2c) {
      if (top?.names) expectName = true;
      else if (top) top.index += 1;
    } else if (ch === 0x22) {
      let end = text.indexOf('"', i + 1);
      let escaped = false;
      for (;;) {
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes += 1;
        if (backslashes % 2 === 0) break;
        escaped = true;
        end = text.indexOf('"', end + 1);
      }
      if (expectName && top?.names) {
        const raw = text.slice(i + 1, end);
        const name = escaped || raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.names.has(name)) return { name, path: pathOf(top) };
        top.names.add(name);
        top.member = name;
        expectName = false;
      }
      i = end;
    }
  }
  return null;
}

/**
 * Quotes followed by optional JSON whitespace and a colon: every member name, and possibly a few other
 * strings. Counted from the colons, each looking back past whitespace for a quote: the same count as the
 * pattern /"[ \t\r\n]*:/g, about five times faster on large packages.
 */
function countNamePatterns(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let before = colon - 1;
    let ch = text.charCodeAt(before);
    while (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) ch = text.charCodeAt(--before);
    if (ch === 0x22) count += 1;
  }
  return count;
}

/** Object members in a parsed JSON value, at every depth; iterative, so no nesting can overflow the stack. */
function countMembers(value: unknown): number {
  let count = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) continue;
    if (Array.isArray(next)) {
      for (const item of next) if (typeof item === 'object' && item !== null) pending.push(item);
      continue;
    }
    for (const key in next) {
      count += 1;
      const member = (next as Record<string, unknown>)[key];
      if (typeof member === 'object' && member !== null) pending.push(member);
    }
  }
  return count;
}

/**
 * How deep objects and arrays nest in JSON text, counted without parsing it (brackets inside strings do
 * not count); stops at `limit + 1`. The code that walks a parsed package (member count, canonical form,
 * schema check) recurses per level, so a file of a few kilobytes (`{"a":` five thousand times) must be
 * refused before it is parsed, not overflow the stack after.
 */
export function jsonNestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      // Skip the string: to the next quote not escaped by an odd number of backslashes.
      for (i += 1; i < text.length; i += 1) {
        const c = text.charCodeAt(i);
        if (c === 0x5c) i += 1;
        else if (c === 0x22) break;
      }
    } else if (ch === 0x7b || ch === 0x5b) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (ch === 0x7d || ch === 0x5d) {
      depth -= 1;
    }
  }
  return deepest;
}
