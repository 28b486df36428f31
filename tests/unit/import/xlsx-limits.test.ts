import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSize, PartMeter } from '../../../electron/backend/import/xlsx-limits.ts';

/** Feeds `text` to a meter in pieces cut at the given points, as the inflater hands them out. */
function measure(kind: 'sharedStrings' | 'worksheet', text: string, cuts: number[]): PartMeter {
  const bytes = Buffer.from(text);
  const meter = new PartMeter(kind, 1 << 30, { bytes: 0 });
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b).concat(bytes.length)) {
    if (cut > from) meter.add(bytes.subarray(from, cut));
    from = Math.max(from, cut);
  }
  meter.finish();
  return meter;
}

describe('measuring the parts of an XLSX while it is unpacked', () => {
  it('counts shared strings and rows wherever the pieces are cut, and not look-alike tags', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<si><t>a</t></si>', '<si>\n<t>bb</t></si>', '<sign/>', '<si/>', 'tekst'), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 30 }), (pieces, cuts) => {
        const text = `<sst>${pieces.join('')}</sst>`;
        const expected = pieces.filter((p) => p.startsWith('<si>') || p === '<si/>').length;
        expect(measure('sharedStrings', text, cuts).records).toBe(expected);
      }),
    );
    const rows = '<sheetData><row r="1"><c/></row><rowBreaks/><row>x</row></sheetData>';
    expect(measure('worksheet', rows, [5, 11, 12, 13, 40]).records).toBe(2);
  });

  it('measures the largest record, from one start to the next, the head and the tail included', () => {
    const text = `${'h'.repeat(10)}<si>${'a'.repeat(100)}</si><si>b</si>${'t'.repeat(20)}`;
    for (const cuts of [[], [12], [13, 14, 15], [120, 121]]) expect(measure('sharedStrings', text, cuts).largestRecord).toBe(4 + 100 + 5);
  });

  it('writes sizes as the refusal shows them', () => {
    expect(formatSize(4300 * 1024 * 1024)).toBe('4,2 GB');
    expect(formatSize(128 * 1024 * 1024)).toBe('128 MB');
    expect(formatSize(8 * 1024 * 1024)).toBe('8,0 MB');
    expect(formatSize(1000)).toBe('1 kB');
  });
});
