import zlib from 'node:zlib';

/**
 * Builds XLSX files by hand, part by part, so a test can make what no spreadsheet program writes: a part
 * that unpacks to gigabytes from a few megabytes (a decompression bomb), sizes that lie, data descriptors.
 *
 * A huge part is described as `prefix + repeat × times + suffix` and deflated without ever existing in
 * memory: each piece is deflated on its own with a full flush (byte-aligned blocks that refer to nothing
 * before them), and the compressed `repeat` is written `times` times; only the last piece ends the stream.
 * The CRC is left 0: no ZIP reader in the import checks it, and the files are refused before one would.
 */

export interface PartSpec {
  name: string;
  prefix?: string;
  /** A block repeated `times` times (1 MB or so deflates to about a kilobyte). */
  repeat?: string;
  times?: number;
  suffix?: string;
  /** The size the headers say the part has when unpacked; default the true size. */
  declaredSize?: number;
  /** Sizes only in a data descriptor after the data (flag bit 3), as streaming ZIP writers do. */
  dataDescriptor?: boolean;
}

function deflated(part: PartSpec): { data: Buffer; size: number } {
  const prefix = Buffer.from(part.prefix ?? '');
  const repeat = Buffer.from(part.repeat ?? '');
  const suffix = Buffer.from(part.suffix ?? '');
  const times = part.times ?? 0;
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const pieces: Buffer[] = [zlib.deflateRawSync(prefix, flush)];
  if (times > 0) {
    const block = zlib.deflateRawSync(repeat, flush);
    for (let i = 0; i < times; i += 1) pieces.push(block);
  }
  pieces.push(zlib.deflateRawSync(suffix, { level: 9 }));
  return { data: Buffer.concat(pieces), size: prefix.length + repeat.length * times + suffix.length };
}

const MAX32 = 0xffffffff;

/** A ZIP with deflated parts, ZIP64 fields where a size does not fit in 32 bits. */
export function zipParts(parts: PartSpec[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size } = deflated(part);
    const declared = part.declaredSize ?? size;
    const name = Buffer.from(part.name, 'utf8');
    const zip64 = declared >= MAX32 || data.length >= MAX32;
    const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(declared), 4);
      extra.writeBigUInt64LE(BigInt(data.length), 12);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(part.dataDescriptor ? 0x0808 : 0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); // CRC
    local.writeUInt32LE(part.dataDescriptor ? 0 : zip64 ? MAX32 : data.length, 18);
    local.writeUInt32LE(part.dataDescriptor ? 0 : zip64 ? MAX32 : declared, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(part.dataDescriptor ? 0 : extra.length, 28);
    const descriptor = Buffer.alloc(part.dataDescriptor ? 16 : 0);
    if (part.dataDescriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(Math.min(data.length, MAX32), 8);
      descriptor.writeUInt32LE(Math.min(declared, MAX32), 12);
    }
    const entry = Buffer.concat([local, name, part.dataDescriptor ? Buffer.alloc(0) : extra, data, descriptor]);
    locals.push(entry);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(zip64 ? 45 : 20, 6);
    header.writeUInt16LE(part.dataDescriptor ? 0x0808 : 0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(zip64 ? MAX32 : data.length, 20);
    header.writeUInt32LE(zip64 ? MAX32 : declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(offset, 42);
    central.push(Buffer.concat([header, name, extra]));
    offset += entry.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every XLSX has around its sheet and shared strings. */
export function skeleton(): PartSpec[] {
  return [
    {
      name: '[Content_Types].xml',
      prefix: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    },
    { name: '_rels/.rels', prefix: `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', prefix: `${XML}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      prefix: `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${OFFICE}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
  ];
}

/** A ledger sheet whose texts are shared strings 0-4 (the header) and 5 (every description). */
export function ledgerSheet(rows: number): PartSpec {
  const row = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>15-01-2027</t></is></c><c r="B${r}" t="inlineStr"><is><t>OR01</t></is></c><c r="C${r}" t="inlineStr"><is><t>4300</t></is></c><c r="D${r}" t="s"><v>5</v></c><c r="E${r}"><v>12.5</v></c></row>`;
  const header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>';
  let body = '';
  for (let r = 2; r <= rows + 1; r += 1) body += row(r);
  return { name: 'xl/worksheets/sheet1.xml', prefix: `${XML}<worksheet xmlns="${MAIN}"><sheetData>${header}${body}</sheetData></worksheet>` };
}

export const LEDGER_STRINGS = ['Boekdatum', 'Kostenplaats', 'Grootboekrekening', 'Omschrijving', 'Bedrag', 'Kantoorartikelen'];

/** Shared strings: the ledger's six, then `repeat` × `times` (each repeat one or more `<si>` elements, or padding inside one). */
export function sharedStrings(options: { repeat?: string; times?: number; inside?: boolean } = {}): PartSpec {
  const known = LEDGER_STRINGS.map((s) => `<si><t>${s}</t></si>`).join('');
  if (options.inside) {
    // One last string whose text is the repeated block: one enormous cell.
    return { name: 'xl/sharedStrings.xml', prefix: `${XML}<sst xmlns="${MAIN}">${known}<si><t>`, repeat: options.repeat, times: options.times, suffix: '</t></si></sst>' };
  }
  return { name: 'xl/sharedStrings.xml', prefix: `${XML}<sst xmlns="${MAIN}">${known}`, repeat: options.repeat, times: options.times, suffix: '</sst>' };
}
