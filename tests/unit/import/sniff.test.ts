import { describe, expect, it } from 'vitest';
import { LEDGER_FIELDS } from '../../../electron/backend/budget/import-fields.ts';
import { parseHeadRecords, sniff } from '../../../electron/backend/import/sniff.ts';
import { openImportSource } from '../../../electron/backend/import/source.ts';

const source = (text: string) => openImportSource({ name: 'x.csv', contentBase64: Buffer.from(text, 'utf8').toString('base64') });
const HEADER = 'Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\n';

describe('parseHeadRecords', () => {
  it('leaves out a record whose quote runs on, and reads on from the next line with the right line numbers', () => {
    const records = parseHeadRecords('a;b\n1;"open\n2;x\n3;y\n', ';', 100);
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [3, ['2', 'x']],
      [4, ['3', 'y']],
      [5, ['']],
    ]);
  });

  it('counts the lines of a valid multi-line field', () => {
    const records = parseHeadRecords('a;b\n1;"twee\nregels"\n2;x\n', ';', 100);
    expect(records.slice(0, 3).map((r) => r.line)).toEqual([1, 2, 4]);
  });
});

describe('sniff: the delimiter', () => {
  it('is not decided by a broken first data line', async () => {
    const lines = [HEADER, '05-01-2027;OR02;4300;"Kapotte regel;1,00\n'];
    for (let i = 0; i < 50; i += 1) lines.push(`05-01-2027;OR02;4301;Regel ${i};${i + 1},00\n`);
    const sniffed = await sniff(source(lines.join('')), LEDGER_FIELDS);
    expect(sniffed.dialect.delimiter).toBe(';');
    expect(sniffed.dialect.headerLine).toBe(1);
    expect(sniffed.sampleRecords[0].line).toBe(3);
  });
});
