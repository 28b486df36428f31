import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/workbook.ts';
import { ledgerSheet, sharedStrings, skeleton, zipParts, type PartSpec } from '../helpers/xlsx-bomb.ts';

/**
 * Decompression bombs (issue 17, item 1): XLSX files of a few megabytes whose parts unpack to gigabytes.
 * Each is previewed and imported in a child process with a heap of 1 GB, so a bomb that got through
 * would end it (as it ended the desktop app's main process) instead of slowing the machine for minutes.
 * Every bomb is refused with a message that names the file, the part, the size and the limit; nothing is
 * written; and the child's peak memory stays under 500 MB.
 */

const MB = 1024 * 1024;
/** About a megabyte of distinct-looking shared strings; deflates to a few kilobytes. */
const STRINGS_MB = `<si><t>${'x'.repeat(1000)}</t></si>`.repeat(Math.ceil(MB / 1017));
const cell = `<c t="inlineStr"><is><t>${'y'.repeat(4000)}</t></is></c>`;

const FILES: Record<string, PartSpec[]> = {
  // As in the attack: shared strings that unpack to 4,2 GB (a ZIP64 size) and 2 GB, and say so.
  'gedeeld-4gb.xlsx': [...skeleton(), ledgerSheet(3), sharedStrings({ repeat: STRINGS_MB, times: 4300 })],
  'gedeeld-2gb.xlsx': [...skeleton(), ledgerSheet(3), sharedStrings({ repeat: STRINGS_MB, times: 2000 })],
  // The same, but the headers claim a thousand bytes: only unpacking and counting finds out.
  'gedeeld-liegt.xlsx': [...skeleton(), ledgerSheet(3), { ...sharedStrings({ repeat: STRINGS_MB, times: 4300 }), declaredSize: 1000 }],
  // Sizes only after the data (a data descriptor), and a lie in the central directory.
  'gedeeld-achteraf.xlsx': [...skeleton(), ledgerSheet(3), { ...sharedStrings({ repeat: STRINGS_MB, times: 4300 }), declaredSize: 1000, dataDescriptor: true }],
  // Small in bytes, but millions of one-letter texts, each cached by the reader.
  'gedeeld-miljoenen.xlsx': [...skeleton(), ledgerSheet(3), sharedStrings({ repeat: '<si><t>a</t></si>'.repeat(1000), times: 2100 })],
  // One text of 100 MB, and one worksheet row of 100 MB: the reader holds each whole.
  'een-cel.xlsx': [...skeleton(), ledgerSheet(3), sharedStrings({ repeat: 'y'.repeat(MB), times: 100, inside: true })],
  'een-rij.xlsx': [
    ...skeleton(),
    sharedStrings(),
    { name: 'xl/worksheets/sheet1.xml', prefix: '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">', repeat: cell, times: 25_000, suffix: '</row></sheetData></worksheet>' },
  ],
  // Ten thousand and more parts.
  'onderdelen.xlsx': [...skeleton(), sharedStrings(), ledgerSheet(3), ...Array.from({ length: 10_000 }, (_, i) => ({ name: `xl/media/plaatje${i}.bin`, prefix: 'x' }))],
  // A real (small) file still imports: the child works, and the limits leave it alone.
  'gewoon.xlsx': [...skeleton(), sharedStrings(), ledgerSheet(3)],
};

const EXPECTED: Record<string, string[]> = {
  'gedeeld-4gb.xlsx': ['het onderdeel xl/sharedStrings.xml is uitgepakt 4,2 GB groot; Werkboek leest zo\'n onderdeel tot 128 MB.'],
  'gedeeld-2gb.xlsx': ['het onderdeel xl/sharedStrings.xml is uitgepakt 2,0 GB groot; Werkboek leest zo\'n onderdeel tot 128 MB.'],
  'gedeeld-liegt.xlsx': ['het onderdeel xl/sharedStrings.xml is uitgepakt meer dan 128 MB groot'],
  'gedeeld-achteraf.xlsx': ['het onderdeel xl/sharedStrings.xml is uitgepakt meer dan 128 MB groot'],
  'gedeeld-miljoenen.xlsx': ['het onderdeel xl/sharedStrings.xml bevat meer dan 2.000.000 verschillende teksten'],
  'een-cel.xlsx': ['in het onderdeel xl/sharedStrings.xml is één tekst uitgepakt meer dan 8,0 MB groot'],
  'een-rij.xlsx': ['in het onderdeel xl/worksheets/sheet1.xml is één rij uitgepakt meer dan 8,0 MB groot'],
  'onderdelen.xlsx': ['het bestaat uit 10.006 onderdelen; een Excel-bestand heeft er hooguit enkele honderden en Werkboek leest er tot 10.000.'],
};

type Outcome = { imported?: number; code?: string; message?: string };

describe('decompression bombs in an XLSX import', () => {
  it('refuses each in the preview and the import alike, naming file, part, size and limit, at under 500 MB peak memory', () => {
    const dir = tempDir('werkboek-bombs-');
    const files = Object.entries(FILES).map(([name, parts]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, zipParts(parts));
      return file;
    });
    // The attack's file: under 10 MB on disk.
    expect(fs.statSync(path.join(dir, 'gedeeld-4gb.xlsx')).size).toBeLessThan(10 * MB);

    const child = spawnSync(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', path.resolve(import.meta.dirname, '../helpers/xlsx-bomb-child.ts'), dir, ...files], {
      encoding: 'utf8',
      cwd: path.resolve(import.meta.dirname, '../..'),
      timeout: 600_000,
    });
    expect(child.status, child.stderr.slice(-2000)).toBe(0);
    const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as { results: Record<string, { preview: Outcome; commit: Outcome }>; ledgerLines: number; maxRssMb: number };

    for (const [name, phrases] of Object.entries(EXPECTED)) {
      const { preview, commit } = report.results[name];
      for (const outcome of [preview, commit]) {
        expect(outcome.code, `${name}: ${JSON.stringify(outcome)}`).toBe('file_unreadable');
        expect(outcome.message!.startsWith(`${name} is niet ingelezen: `), outcome.message).toBe(true);
        for (const phrase of phrases) expect(outcome.message, name).toContain(phrase);
      }
      expect(commit.message).toBe(preview.message);
    }
    expect(report.results['gewoon.xlsx']).toEqual({ preview: { imported: 3 }, commit: { imported: 3 } });
    expect(report.ledgerLines).toBe(3);
    console.info(`XLSX bombs: peak memory of the child ${report.maxRssMb} MB`);
    expect(report.maxRssMb).toBeLessThan(500);
  });
});
