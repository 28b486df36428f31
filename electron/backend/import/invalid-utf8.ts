import { isUtf8 } from 'node:buffer';
import type { ImportSource } from './source.ts';

export interface InvalidUtf8Line {
  /** 1-based physical line (line feeds counted) holding the first byte sequence that is not UTF-8. */
  line: number;
  /** That line decoded with replacement characters, to find the column. */
  text: string;
  /** An earlier line held UTF-8 multi-byte characters (or a UTF-8 byte-order mark): the file mixes encodings. */
  utf8Before: boolean;
}

function hasHighByte(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] >= 0x80) return true;
  return false;
}

/**
 * Finds where a file stops being UTF-8. Only read after a UTF-8 decode failed, so the common path
 * reads the file once. Works on lines of bytes: a line feed is 0x0A in UTF-8 and in Windows-1252 alike.
 */
export async function findInvalidUtf8Line(source: ImportSource): Promise<InvalidUtf8Line | null> {
  let line = 1;
  let utf8Before = false;
  let carry: Buffer = Buffer.alloc(0);
  const check = (bytes: Buffer): InvalidUtf8Line | null => {
    if (!isUtf8(bytes)) return { line, text: new TextDecoder('utf-8').decode(bytes), utf8Before };
    if (!utf8Before && hasHighByte(bytes)) utf8Before = true;
    return null;
  };
  for await (const chunk of source.chunks()) {
    let data = carry.length > 0 ? Buffer.concat([carry, chunk]) : (chunk as Buffer);
    let start = 0;
    for (let end = data.indexOf(0x0a, start); end >= 0; end = data.indexOf(0x0a, start)) {
      const found = check(data.subarray(start, end + 1));
      if (found) return found;
      line += 1;
      start = end + 1;
    }
    carry = Buffer.from(data.subarray(start));
    data = Buffer.alloc(0);
  }
  return carry.length > 0 ? check(carry) : null;
}
