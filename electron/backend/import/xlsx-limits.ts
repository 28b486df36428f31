import zlib from 'node:zlib';
import { ApiError } from '../../../shared/api/errors.ts';
import { formatNumber } from '../../../shared/format/nl.ts';
import type { ImportSource } from './source.ts';

/**
 * Decompression bombs. An XLSX is a ZIP: a few megabytes can hold gigabytes of XML, and the XLSX reader
 * (ExcelJS) keeps some parts whole in memory (the shared strings, the styles) and copies a worksheet that
 * comes before the shared strings to a temporary file. A 4,6 MB file whose shared strings expand to
 * 4,5 GB ended the process. So before ExcelJS reads a byte, the file is measured:
 *
 * 1. the ZIP's central directory: how many parts, and the size each says it has when unpacked;
 * 2. every part unpacked as the reader will unpack it (Node's zlib, the inflater ExcelJS's unzip uses,
 *    reading the local headers in order as it does), counting the bytes and throwing them away, so a
 *    part that claims to be small but is not is stopped at the limit, with memory flat whatever the file.
 *
 * While counting, the shared strings are counted (ExcelJS caches each one) and the longest row of a
 * worksheet and the longest shared string are measured (ExcelJS holds one of them whole).
 */

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

export const XLSX_LIMITS = {
  /** Parts in the ZIP: an export has a dozen, a workbook with many sheets a few hundred. */
  parts: 10_000,
  /** One worksheet unpacked: a full sheet of a million ledger lines is a few hundred megabytes. */
  worksheetBytes: 1 * GB,
  /** The shared strings unpacked (all distinct texts of the file; ExcelJS keeps them in memory). */
  sharedStringsBytes: 128 * MB,
  /** Distinct texts in the shared strings. */
  sharedStrings: 2_000_000,
  /** Any other part (styles, workbook, relations, images): a few megabytes at most in real files. */
  otherPartBytes: 32 * MB,
  /** All parts together, unpacked. */
  totalBytes: 2 * GB,
  /** One row of a worksheet, or one shared string, as XML (a cell holds at most 32.767 characters). */
  recordBytes: 8 * MB,
} as const;

export type PartKind = 'worksheet' | 'sharedStrings' | 'other';

// The names ExcelJS's reader gives a meaning (lib/stream/xlsx/workbook-reader.js), matched as it does.
function kindOf(name: string): PartKind {
  if (name === 'xl/sharedStrings.xml') return 'sharedStrings';
  if (/xl\/worksheets\/sheet\d+[.]xml/.test(name)) return 'worksheet';
  return 'other';
}

function limitOf(kind: PartKind): number {
  return kind === 'worksheet' ? XLSX_LIMITS.worksheetBytes : kind === 'sharedStrings' ? XLSX_LIMITS.sharedStringsBytes : XLSX_LIMITS.otherPartBytes;
}

/** "4,5 GB", "300 MB", "12 kB": sizes as the refusal shows them. */
export function formatSize(bytes: number): string {
  if (bytes >= GB) return `${formatNumber(bytes / GB, 1)} GB`;
  if (bytes >= 10 * MB) return `${formatNumber(bytes / MB, 0)} MB`;
  if (bytes >= MB) return `${formatNumber(bytes / MB, 1)} MB`;
  return `${formatNumber(Math.ceil(bytes / KB), 0)} kB`;
}

export interface XlsxLimitDetails {
  part: string | null;
  sizeBytes: number;
  limitBytes: number;
}

function refuse(fileName: string, what: string, details: XlsxLimitDetails): never {
  throw new ApiError(
    'file_unreadable',
    `${fileName} is niet ingelezen: ${what} Zo'n bestand komt niet uit een boekhoud- of HR-systeem; het lijkt op een "zip-bom", die uitgepakt het geheugen vult. Vraag een nieuwe export aan, of sla het bestand in Excel op als CSV.`,
    details,
  );
}

function tooLarge(fileName: string, part: string, size: number, limit: number, atLeast: boolean): never {
  refuse(fileName, `het onderdeel ${part} is uitgepakt ${atLeast ? 'meer dan ' : ''}${formatSize(size)} groot; Werkboek leest zo'n onderdeel tot ${formatSize(limit)}.`, { part, sizeBytes: size, limitBytes: limit });
}

// ── 1. The central directory ─────────────────────────────────────────────────

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

interface DeclaredPart {
  name: string;
  uncompressedSize: number;
}

function uint64(buffer: Buffer, at: number): number {
  return Number(buffer.readBigUInt64LE(at));
}

/** The parts the central directory lists, with their declared sizes; null when it cannot be found (ExcelJS then says what is wrong). */
function centralDirectory(source: ImportSource): DeclaredPart[] | null {
  const tailLength = Math.min(source.size, 22 + 0xffff + 20);
  const tail = source.read(source.size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  let count = tail.readUInt16LE(end + 10);
  let size = tail.readUInt32LE(end + 12);
  let offset = tail.readUInt32LE(end + 16);
  const locator = end - 20;
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && locator >= 0 && tail.readUInt32LE(locator) === EOCD64_LOCATOR) {
    const record = source.read(uint64(tail, locator + 8), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== EOCD64) return null;
    count = uint64(record, 32);
    size = uint64(record, 40);
    offset = uint64(record, 48);
  }
  if (count > XLSX_LIMITS.parts) return [{ name: '', uncompressedSize: -count }];
  // 46 bytes per entry plus a name and extra fields: a directory larger than this is not an XLSX's.
  if (size > count * (46 + 2 * 0xffff) || offset + size > source.size) return null;
  const directory = source.read(offset, size);
  const parts: DeclaredPart[] = [];
  for (let at = 0; at + 46 <= directory.length && parts.length < count; ) {
    if (directory.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    let uncompressedSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (uncompressedSize === 0xffffffff) {
      const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      for (let e = 0; e + 4 <= extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
        if (extra.readUInt16LE(e) === 0x0001 && e + 12 <= extra.length) {
          uncompressedSize = uint64(extra, e + 4);
          break;
        }
      }
    }
    parts.push({ name, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

function checkDeclared(source: ImportSource): void {
  const parts = centralDirectory(source);
  if (!parts) return;
  if (parts.length === 1 && parts[0].uncompressedSize < 0) {
    const count = -parts[0].uncompressedSize;
    refuse(source.fileName, `het bestaat uit ${formatNumber(count)} onderdelen; een Excel-bestand heeft er hooguit enkele honderden en Werkboek leest er tot ${formatNumber(XLSX_LIMITS.parts)}.`, { part: null, sizeBytes: count, limitBytes: XLSX_LIMITS.parts });
  }
  let total = 0;
  for (const part of parts) {
    const limit = limitOf(kindOf(part.name));
    if (part.uncompressedSize > limit) tooLarge(source.fileName, part.name, part.uncompressedSize, limit, false);
    total += part.uncompressedSize;
  }
  if (total > XLSX_LIMITS.totalBytes) {
    refuse(source.fileName, `alle onderdelen samen zijn uitgepakt ${formatSize(total)} groot; Werkboek leest een Excel-bestand tot ${formatSize(XLSX_LIMITS.totalBytes)}.`, { part: null, sizeBytes: total, limitBytes: XLSX_LIMITS.totalBytes });
  }
}

// ── 2. Every part unpacked and counted ───────────────────────────────────────

/** Reads an async stream of chunks as the ZIP reader does: so many bytes, or up to a signature. */
class ByteQueue {
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(chunks: AsyncIterable<Buffer>) {
    this.iterator = chunks[Symbol.asyncIterator]();
  }

  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length === 0 ? next.value : Buffer.concat([this.buffer, next.value]);
    return true;
  }

  /** Stops reading (closes the file). */
  async close(): Promise<void> {
    if (!this.ended) await this.iterator.return?.();
    this.ended = true;
  }

  /** Exactly `length` bytes, or fewer at the end of the file. */
  async take(length: number): Promise<Buffer> {
    while (this.buffer.length < length && (await this.more()));
    const taken = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(taken.length);
    return taken;
  }

  /** `length` bytes in pieces. */
  async *stream(length: number): AsyncGenerator<Buffer> {
    let left = length;
    while (left > 0) {
      if (this.buffer.length === 0 && !(await this.more())) return;
      const piece = this.buffer.subarray(0, left);
      this.buffer = this.buffer.subarray(piece.length);
      left -= piece.length;
      yield piece;
    }
  }

  /** The bytes before the next `signature`, in pieces; the signature stays. */
  async *until(signature: Buffer): AsyncGenerator<Buffer> {
    for (;;) {
      const at = this.buffer.indexOf(signature);
      if (at >= 0) {
        const piece = this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at);
        if (piece.length > 0) yield piece;
        return;
      }
      const keep = Math.min(this.buffer.length, signature.length - 1);
      const piece = this.buffer.subarray(0, this.buffer.length - keep);
      this.buffer = this.buffer.subarray(piece.length);
      if (piece.length > 0) yield piece;
      if (!(await this.more())) return;
    }
  }
}

class LimitExceeded extends Error {}

/**
 * Counts one part's unpacked bytes and, for the shared strings and worksheets, its records (`<si` and
 * `<row` elements): how many, and the largest (the bytes from one record's start to the next, the first
 * counted from the start of the part and the last to its end).
 */
export class PartMeter {
  bytes = 0;
  records = 0;
  largestRecord = 0;
  private lastStart = 0;
  private carry: Buffer = Buffer.alloc(0);
  private readonly tag: Buffer | null;

  constructor(
    private readonly kind: PartKind,
    private readonly limit: number,
    private readonly overall: { bytes: number },
  ) {
    this.tag = kind === 'sharedStrings' ? Buffer.from('<si') : kind === 'worksheet' ? Buffer.from('<row') : null;
  }

  add(data: Buffer): void {
    const base = this.bytes;
    this.bytes += data.length;
    this.overall.bytes += data.length;
    if (this.bytes > this.limit || this.overall.bytes > XLSX_LIMITS.totalBytes) throw new LimitExceeded();
    const tag = this.tag;
    if (!tag) return;
    // A tag that began at the end of the last piece, its next byte in this one.
    if (this.carry.length > 0) {
      const joint = Buffer.concat([this.carry, data.subarray(0, tag.length + 1)]);
      for (let at = joint.indexOf(tag); at >= 0 && at < this.carry.length; at = joint.indexOf(tag, at + 1)) {
        if (at + tag.length < joint.length && endsName(joint[at + tag.length])) this.start(base - this.carry.length + at);
      }
    }
    for (let at = data.indexOf(tag); at >= 0; at = data.indexOf(tag, at + 1)) {
      if (at + tag.length >= data.length) break; // decided with the next piece
      if (endsName(data[at + tag.length])) this.start(base + at);
    }
    // The last bytes of the part so far (a piece can be shorter than a tag).
    this.carry = data.length >= tag.length ? data.subarray(data.length - tag.length) : Buffer.concat([this.carry, data]).subarray(-tag.length);
    if (this.bytes - this.lastStart > XLSX_LIMITS.recordBytes) throw new LimitExceeded();
  }

  /** A record starts at `position`: the one before it (or the head of the part) ends there. */
  private start(position: number): void {
    this.records += 1;
    this.largestRecord = Math.max(this.largestRecord, position - this.lastStart);
    this.lastStart = position;
    if (this.kind === 'sharedStrings' && this.records > XLSX_LIMITS.sharedStrings) throw new LimitExceeded();
    if (this.largestRecord > XLSX_LIMITS.recordBytes) throw new LimitExceeded();
  }

  finish(): void {
    if (this.tag) this.largestRecord = Math.max(this.largestRecord, this.bytes - this.lastStart);
  }
}

/** `<si>`, `<si ` and `<row>`, `<row `, `<row/`; not `<sign…` or `<rowBreaks`. */
function endsName(byte: number): boolean {
  return byte === 0x3e || byte === 0x20 || byte === 0x2f || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** Unpacks one part with Node's zlib (as ExcelJS's unzip does), feeding the meter and dropping the bytes. */
async function inflateInto(pieces: AsyncIterable<Buffer>, compressed: boolean, meter: PartMeter): Promise<void> {
  if (!compressed) {
    for await (const piece of pieces) meter.add(piece);
    return;
  }
  const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  let failure: unknown = null;
  const finished = new Promise<void>((resolve) => {
    inflater.on('data', (data: Buffer) => {
      if (failure) return;
      try {
        meter.add(data);
      } catch (error) {
        failure = error;
        inflater.destroy();
        resolve();
      }
    });
    inflater.on('end', () => resolve());
    inflater.on('close', () => resolve());
    // A damaged stream is ExcelJS's to report; what came out of it so far has been counted.
    inflater.on('error', () => resolve());
  });
  for await (const piece of pieces) {
    if (failure || inflater.destroyed) break;
    if (!inflater.write(piece)) {
      await new Promise<void>((resolve) => {
        inflater.once('drain', resolve);
        inflater.once('close', resolve);
      });
    }
  }
  if (!inflater.destroyed) inflater.end();
  await finished;
  if (failure) throw failure;
}

async function checkUnpacked(source: ImportSource): Promise<void> {
  const queue = new ByteQueue(source.chunks() as AsyncIterable<Buffer>);
  try {
    await checkParts(source, queue);
  } finally {
    await queue.close();
  }
}

async function checkParts(source: ImportSource, queue: ByteQueue): Promise<void> {
  const overall = { bytes: 0 };
  let parts = 0;
  for (;;) {
    const signature = await queue.take(4);
    if (signature.length < 4 || signature.readUInt32LE(0) !== LOCAL_HEADER) return; // the central directory, or something ExcelJS will refuse
    parts += 1;
    if (parts > XLSX_LIMITS.parts) {
      refuse(source.fileName, `het bestaat uit meer dan ${formatNumber(XLSX_LIMITS.parts)} onderdelen; een Excel-bestand heeft er hooguit enkele honderden.`, { part: null, sizeBytes: parts, limitBytes: XLSX_LIMITS.parts });
    }
    const header = await queue.take(26);
    if (header.length < 26) return;
    const flags = header.readUInt16LE(2);
    const method = header.readUInt16LE(4);
    let compressedSize = header.readUInt32LE(14);
    let declaredSize = header.readUInt32LE(18);
    const name = (await queue.take(header.readUInt16LE(22))).toString('utf8');
    const extra = await queue.take(header.readUInt16LE(24));
    for (let e = 0; e + 4 <= extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
      if (extra.readUInt16LE(e) === 0x0001 && e + 20 <= extra.length) {
        if (declaredSize === 0xffffffff) declaredSize = uint64(extra, e + 4);
        if (compressedSize === 0xffffffff) compressedSize = uint64(extra, e + 12);
        break;
      }
    }
    const kind = kindOf(name);
    const limit = limitOf(kind);
    if (declaredSize > limit) tooLarge(source.fileName, name, declaredSize, limit, false);
    // The rule of ExcelJS's unzip: the size is known unless the "data descriptor" flag is set and the size is 0.
    const sizeKnown = !(flags & 0x08) || compressedSize > 0;
    const meter = new PartMeter(kind, limit, overall);
    try {
      await inflateInto(sizeKnown ? queue.stream(compressedSize) : queue.until(DESCRIPTOR), method !== 0, meter);
      meter.finish();
    } catch (error) {
      if (!(error instanceof LimitExceeded)) throw error;
      if (overall.bytes > XLSX_LIMITS.totalBytes) {
        refuse(source.fileName, `alle onderdelen samen zijn uitgepakt meer dan ${formatSize(XLSX_LIMITS.totalBytes)} groot; Werkboek leest een Excel-bestand tot die grootte.`, { part: null, sizeBytes: overall.bytes, limitBytes: XLSX_LIMITS.totalBytes });
      }
      if (meter.bytes > limit) tooLarge(source.fileName, name, meter.bytes, limit, true);
      if (kind === 'sharedStrings' && meter.records > XLSX_LIMITS.sharedStrings) {
        refuse(source.fileName, `het onderdeel ${name} bevat meer dan ${formatNumber(XLSX_LIMITS.sharedStrings)} verschillende teksten; Werkboek leest er tot ${formatNumber(XLSX_LIMITS.sharedStrings)}.`, { part: name, sizeBytes: meter.records, limitBytes: XLSX_LIMITS.sharedStrings });
      }
      const what = kind === 'sharedStrings' ? 'één tekst' : 'één rij';
      refuse(source.fileName, `in het onderdeel ${name} is ${what} uitgepakt meer dan ${formatSize(XLSX_LIMITS.recordBytes)} groot; een cel in Excel houdt hooguit 32.767 tekens.`, { part: name, sizeBytes: Math.max(meter.largestRecord, XLSX_LIMITS.recordBytes + 1), limitBytes: XLSX_LIMITS.recordBytes });
    }
    if (!sizeKnown) await queue.take(16); // the data descriptor, as ExcelJS's unzip reads it
  }
}

const checked = new WeakSet<ImportSource>();

/**
 * Refuses an XLSX whose parts unpack beyond the limits above (ApiError `file_unreadable` naming the
 * file, the part, its size and the limit), before ExcelJS reads it. Once per source: the preview and the
 * import each open their own source, so both are checked.
 */
export async function checkXlsxLimits(source: ImportSource): Promise<void> {
  if (checked.has(source)) return;
  checkDeclared(source);
  await checkUnpacked(source);
  checked.add(source);
}
