import { describe, expect, it } from 'vitest';
import { forEachCsvRecord, type QuoteProblem } from '../../../electron/backend/import/csv-records.ts';
import type { ImportSource } from '../../../electron/backend/import/source.ts';
import type { Dialect } from '../../../shared/import/types.ts';

const DIALECT = { format: 'csv', encoding: 'utf-8', delimiter: ';' } as Dialect;

/** A file in memory, handed over in chunks of 64 KB as a file on disk would be. */
function memorySource(text: string): ImportSource {
  const bytes = Buffer.from(text, 'utf8');
  return {
    fileName: 'geheugen.csv',
    size: bytes.length,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
    },
    readAll: async () => bytes,
  } as unknown as ImportSource;
}

function lines(count: number, from = 0): string {
  let text = '';
  for (let i = from; i < from + count; i += 1) text += `05-01-2027;OR01;4300;Regel ${i};${i},00\r\n`;
  return text;
}

async function read(text: string, limit: number) {
  const records: number[] = [];
  const problems: QuoteProblem[] = [];
  let bytesRead = 0;
  const outcome = await forEachCsvRecord(
    memorySource(text),
    DIALECT,
    {
      record: (line) => records.push(line),
      malformed: (problem) => {
        problems.push(problem);
        if (problem.runsOn) throw new Error('geweigerd');
      },
      chunk: (_chunk, read) => {
        bytesRead = read;
      },
    },
    limit,
  ).then(
    () => 'read',
    (error: Error) => error.message,
  );
  return { outcome, records, problems, bytesRead, size: Buffer.byteLength(text) };
}

describe('a quote that does not close in a large file', () => {
  it('is refused once the field passes the limit, naming the line and column where it opens, without reading on to the end', async () => {
    const text = `Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\r\n${lines(100)}05-01-2027;OR01;4300;"Kapot;1,00\r\n${lines(40_000, 100)}`;
    const { outcome, records, problems, bytesRead, size } = await read(text, 256 * 1024);
    expect(outcome).toBe('geweigerd');
    expect(records.at(-1)).toBe(101);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 102, runsOn: { openLine: 102, cellIndex: 3, cutShort: true, excerpt: 'Kapot;1,00' } });
    // It stopped a little past the limit, far from the end of the 1,6 MB file.
    expect(bytesRead).toBeLessThan(size / 2);
  });

  it('still reads a long quoted field that does close, and a file with no quote problem, to the end', async () => {
    const long = `"${'lange omschrijving\r\n'.repeat(5_000)}"`;
    const text = `Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\r\n${lines(10)}05-01-2027;OR01;4300;${long};1,00\r\n${lines(40_000, 10)}`;
    const { outcome, records, problems, bytesRead, size } = await read(text, 256 * 1024);
    expect(outcome).toBe('read');
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1 + 10 + 1 + 40_000);
    expect(bytesRead).toBe(size);
  });
});
