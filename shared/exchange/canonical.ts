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
export function duplicateMember(text: string): { name: string; path: string } | null {
  type Frame = { names: Set<string> | null; segments: string[]; member: string | null; index: number };
  const stack: Frame[] = [];
  let expectName = false;
  const childSegments = (): string[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    return [...top.segments, top.names ? (top.member ?? '') : String(top.index)];
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      stack.push({ names: ch === '{' ? new Set() : null, segments: childSegments(), member: null, index: 0 });
      expectName = ch === '{';
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.names) expectName = true;
      else if (top) top.index += 1;
    } else if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectName && top?.names) {
        const name = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.names.has(name)) return { name, path: top.segments.join('.') };
        top.names.add(name);
        top.member = name;
        expectName = false;
      }
      i = end;
    }
  }
  return null;
}
