import { describe, expect, it } from 'vitest';
import { findInvalidUtf8Line } from '../../../electron/backend/import/invalid-utf8.ts';
import type { ImportSource } from '../../../electron/backend/import/source.ts';

/** A source that hands out its bytes in chunks of the given size, so lines and characters straddle chunks. */
function chunked(bytes: Buffer, size: number): ImportSource {
  return {
    fileName: 'x.csv',
    size: bytes.length,
    head: (n) => bytes.subarray(0, n),
    read: (position, n) => bytes.subarray(position, position + n),
    async *chunks() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    },
    readAll: () => bytes,
    nodeStream: () => {
      throw new Error('not used');
    },
  };
}

describe('findInvalidUtf8Line', () => {
  const ascii = Buffer.from('a;b\n1;2\n', 'latin1');
  const utf8 = Buffer.from('caf\u00e9;1\n', 'utf8');
  const cp1252 = Buffer.from('caf\xe9;2\n', 'latin1');

  it('names the first line that is not UTF-8, whatever the chunk size', async () => {
    for (const size of [1, 2, 3, 5, 1024]) {
      expect(await findInvalidUtf8Line(chunked(Buffer.concat([ascii, cp1252]), size))).toEqual({ line: 3, text: 'caf\uFFFD;2\n', utf8Before: false });
      // A two-byte é split over two chunks is still UTF-8; the Windows-1252 line after it is line 4.
      expect(await findInvalidUtf8Line(chunked(Buffer.concat([ascii, utf8, cp1252]), size))).toMatchObject({ line: 4, utf8Before: true });
    }
  });

  it('finds nothing in a file that is UTF-8 throughout, and a bad last line without a line feed', async () => {
    expect(await findInvalidUtf8Line(chunked(Buffer.concat([ascii, utf8]), 3))).toBeNull();
    expect(await findInvalidUtf8Line(chunked(Buffer.concat([ascii, Buffer.from('x\xfc', 'latin1')]), 3))).toMatchObject({ line: 3, utf8Before: false });
  });
});
