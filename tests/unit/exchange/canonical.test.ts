import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, duplicateMember, jsonNestingDepth } from '../../../shared/exchange/canonical.ts';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys at every level, keeps array order and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1,2]},"b":1}');
  });

  it('matches the example of RFC 8785 section 3.2.2', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('sorts keys by UTF-16 code units, so capitals come before lower case and é after z', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, a: 4 })).toBe('{"Z":3,"a":4,"z":2,"é":1}');
  });

  it('refuses values JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/a is not a finite number/);
    expect(() => canonicalJson({ a: [1, Infinity] })).toThrow(/a\[1\]/);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/unsupported type function/);
  });

  it('leaves out undefined object members, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});

/** Both ways of asking: the text alone (exact scan), and the text with its parsed value (count first). */
const finders = {
  'from the text alone': (text: string) => duplicateMember(text),
  'with the parsed value': (text: string) => duplicateMember(text, JSON.parse(text)),
};

describe.each(Object.entries(finders))('a member name twice in one object, %s', (_how, find) => {
  it('is found with the path of its object, at any depth, also when written with escapes', () => {
    expect(find('{"a":1,"b":2,"a":3}')).toEqual({ name: 'a', path: '' });
    expect(find('{"payload":{"lines":[{"x":1},{"x":1,"y":"}{,[","\\u0078":2}]}}')).toEqual({ name: 'x', path: 'payload.lines.1' });
    expect(find('[{"k":[1,{"a":"\\"","a":0}]}]')).toEqual({ name: 'a', path: '0.k.1' });
    // A string value that looks like a name does not hide a duplicate from the count.
    expect(find('{"a":":","b":"\\":","a":2}')).toEqual({ name: 'a', path: '' });
    expect(find('{"__proto__":1,"__proto__":2}')).toEqual({ name: '__proto__', path: '' });
    // Whitespace between a name and its colon: a count that missed these names would come out equal here.
    for (const space of [' ', '\t', '\n', '\r\n ']) expect(find(`{"a"${space}:1,"a":2}`)).toEqual({ name: 'a', path: '' });
  });

  it('is not confused by equal names in different objects, by names inside strings, or by arrays', () => {
    expect(find('{"a":{"a":1},"b":[{"a":1},{"a":2}],"c":"\\"a\\":1,\\"a\\":2"}')).toBeNull();
    expect(find('{"a":["a","a"],"b":{"c":{}},"d":[[],{}]}')).toBeNull();
    expect(find('{"a":":","b":" : ","c":["\\":",":"]}')).toBeNull();
    expect(find('  {  }  ')).toBeNull();
  });

  it('is never reported for JSON a serialiser wrote, and always for a name written again, escaped or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ minLength: 1 }), fc.boolean(), (value, name, escapeAll) => {
        expect(find(JSON.stringify(value, null, escapeAll ? 1 : undefined))).toBeNull();
        const again = escapeAll ? `"${[...name].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"` : JSON.stringify(name);
        const text = `{"wrapper":[0,{${JSON.stringify(name)}:${JSON.stringify(value)},${again}:1}]}`;
        expect(find(text)).toEqual({ name, path: 'wrapper.1' });
      }),
    );
  });
});

describe('nesting of JSON text', () => {
  it('is counted without parsing, brackets inside strings left out, and stops past the limit', () => {
    expect(jsonNestingDepth('1', 32)).toBe(0);
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}', 32)).toBe(4);
    expect(jsonNestingDepth('{"a":"[[[{{{\\"[[[","b":"\\\\"}', 32)).toBe(1);
    expect(jsonNestingDepth(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, 32)).toBe(33);
    expect(jsonNestingDepth(`${'['.repeat(32)}${']'.repeat(32)}`, 32)).toBe(32);
  });

  it('a duplicate-name check of a value nested 20.000 deep does not overflow the stack', () => {
    const text = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    expect(duplicateMember(text, JSON.parse(text))).toBeNull();
    expect(duplicateMember(`{"b":1,${text.slice(1, -1)},"b":2}`, JSON.parse(`{"b":1,${text.slice(1, -1)},"b":2}`))).toEqual({ name: 'b', path: '' });
  });
});
