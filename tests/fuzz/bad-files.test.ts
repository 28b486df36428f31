import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../electron/backend/import/source.ts';
import { departmentWorkbook, tempDir } from '../helpers/workbook.ts';
import { fingerprint } from '../reliability/harness/fingerprint.ts';
import { IMPORTER_FUZZ_TARGETS } from './importer-targets.ts';

/** Files that are not exports at all: each importer refuses them with a message that says what is wrong. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), zlib.deflateSync(Buffer.alloc(3000, 7))]);
const ZIP_NOT_XLSX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
const XLS = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
const GZIP = zlib.gzipSync(Buffer.from('Boekjaar;Kostenplaats\n2027;OR01\n'));
const RANDOM = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));

describe.each(IMPORTER_FUZZ_TARGETS)('files that are no export, for the $kind importer', (target) => {
  let wb: Awaited<ReturnType<NonNullable<(typeof target)['workbook']>>>;
  const dir = tempDir();
  beforeAll(async () => {
    wb = await (target.workbook ?? departmentWorkbook)();
  });
  afterAll(() => wb.session.close());

  async function refused(name: string, bytes: Buffer) {
    const before = fingerprint(wb.session.workbook!.sqlite);
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    const error = await wb.client.import.commit({ kind: target.kind, source: { path: file } }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error, `${name} was imported`).not.toBeNull();
    expect(fingerprint(wb.session.workbook!.sqlite)).toEqual(before);
    expect(error!.message).toContain(name);
    return error!;
  }

  it('refuses an empty file, and one with only spaces or only a byte-order mark', async () => {
    expect(await refused('leeg.csv', Buffer.alloc(0))).toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('is leeg') });
    expect(await refused('spaties.csv', Buffer.from('   \r\n\r\n  \n'))).toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('geen kopregel') });
    expect(await refused('bom.csv', Buffer.from([0xef, 0xbb, 0xbf]))).toMatchObject({ code: 'file_unreadable' });
  });

  it('refuses binary files renamed to .csv, saying what they are', async () => {
    expect(await refused('plaatje.csv', PNG)).toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('binair') });
    expect(await refused('willekeurig.csv', RANDOM)).toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('binair') });
    expect(await refused('ingepakt.csv', GZIP)).toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('binair') });
    expect(await refused('oud-excel.csv', XLS)).toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('.xls') });
    expect(await refused('document.csv', PDF)).toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('PDF') });
    expect(await refused('archief.csv', ZIP_NOT_XLSX)).toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('Excel') });
    // The workbook itself, renamed: a SQLite file is no export either.
    expect(await refused('werkboek.csv', fs.readFileSync(wb.file))).toMatchObject({ code: 'file_unreadable' });
  });

  it('refuses a file far beyond the size limit before reading any of it', async () => {
    // A sparse file: its size is past the limit, yet it takes no disk space and is never read.
    const file = path.join(dir, 'enorm.csv');
    fs.writeFileSync(file, 'Boekjaar;Kostenplaats;Grootboekrekening\n');
    fs.truncateSync(file, MAX_IMPORT_BYTES + 2 * 1024 ** 3);
    const before = fingerprint(wb.session.workbook!.sqlite);
    await expect(wb.client.import.preview({ kind: target.kind, source: { path: file } })).rejects.toMatchObject({
      code: 'file_unreadable',
      message: expect.stringMatching(/enorm\.csv is te groot \(6144 MB; de grens is 4096 MB\)/),
    });
    expect(fingerprint(wb.session.workbook!.sqlite)).toEqual(before);
    fs.rmSync(file);
  });
});
