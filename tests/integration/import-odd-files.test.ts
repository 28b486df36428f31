import { describe, expect, it } from 'vitest';
import { readStored, sessionsClosedAfterEach, writeTemp } from '../helpers/workbook.ts';

/**
 * Odd text files (issue 17, item 9): a NUL byte far into the file was stored; UTF-16 without a
 * byte-order mark was called "binary"; a line too long was reported as a quote that does not close.
 * Each is answered precisely, alike in the preview and the import, and nothing is written.
 */

const { workbook } = sessionsClosedAfterEach();

const HEADER = 'Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\r\n';
const rows = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `15-01-2027;OR01;4300;Onderhoud regel ${i + from};1,00\r\n`).join('');
const ledgerCount = (file: string) => readStored(file, (db) => (db.prepare('SELECT count(*) AS n FROM ledger_line').get() as { n: number }).n);

async function refusedAlike(client: Awaited<ReturnType<typeof workbook>>['client'], input: string): Promise<string> {
  const preview = client.import.preview({ kind: 'ledger', source: { path: input } });
  await expect(preview).rejects.toMatchObject({ code: 'file_unreadable' });
  const message = ((await preview.catch((e: Error) => e)) as Error).message;
  await expect(client.import.commit({ kind: 'ledger', source: { path: input } })).rejects.toMatchObject({ code: 'file_unreadable', message });
  return message;
}

describe('odd text files', () => {
  it('refuses a NUL byte beyond the head of the file, naming line, column and position', async () => {
    const { client, file, dir } = await workbook();
    // 6.000 lines push the NUL past the 256 KB the sniffer reads.
    const text = `${HEADER}${rows(6000)}15-01-2027;OR01;4300;"Kapot\r\nveld met\u0000 een nul";1,00\r\n${rows(10, 6000)}`;
    expect(text.indexOf('\u0000')).toBeGreaterThan(256 * 1024);
    const input = writeTemp(dir, 'nul.csv', text);
    const message = await refusedAlike(client, input);
    // The field opens on line 6.002 and the NUL is on its second line.
    expect(message).toBe(
      "nul.csv, regel 6003, kolom Omschrijving: een NUL-teken (byte 0) op positie 9 van het veld. Een tekstbestand bevat zo'n teken niet: het bestand is beschadigd of deels binair. Er is niets geïmporteerd; maak de export opnieuw.",
    );
    expect(ledgerCount(file)).toBe(0);
  });

  it('reads UTF-16 (little-endian, as Windows writes it) without a byte-order mark, and names big-endian UTF-16', async () => {
    const { client, file, dir } = await workbook();
    const text = `${HEADER}${rows(3)}15-01-2027;OR01;4300;Café Grüne € lunch;12,50\r\n`;
    const input = writeTemp(dir, 'utf16.csv', Buffer.from(text, 'utf16le'));
    const preview = await client.import.preview({ kind: 'ledger', source: { path: input } });
    expect(preview).toMatchObject({ imported: 4, rejectedCount: 0, dialect: { encoding: 'utf-16le' } });
    expect(ledgerCount(file)).toBe(0);
    const result = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(result).toMatchObject({ imported: 4, totalCents: 1550 });
    expect(readStored(file, (db) => db.prepare("SELECT description FROM ledger_line WHERE amount_cents = 1250").get())).toEqual({ description: 'Café Grüne € lunch' });

    const bigEndian = writeTemp(dir, 'utf16be.csv', Buffer.from(text, 'utf16le').swap16());
    expect(await refusedAlike(client, bigEndian)).toContain('utf16be.csv lijkt tekst in UTF-16 (big-endian) te zijn');
    expect(ledgerCount(file)).toBe(4);
  });

  it('says a line is too long when it is, and keeps the unclosed-quote message for a quote that does not close', async () => {
    const { client, file, dir } = await workbook();
    const long = writeTemp(dir, 'lang.csv', `${HEADER}${rows(100)}15-01-2027;OR01;4300;${'x'.repeat(9 * 1024 * 1024)};1,00\r\n${rows(10, 100)}`);
    expect(await refusedAlike(client, long)).toBe(
      'lang.csv, regel 102: de regel is langer dan 8 MB zonder regeleinde; zo lang is geen regel van een export. Is het een CSV-bestand met regeleinden? Er is niets geïmporteerd.',
    );
    const quote = writeTemp(dir, 'quote.csv', `${HEADER}${rows(100)}15-01-2027;OR01;4300;"open ${'x'.repeat(9 * 1024 * 1024)};1,00\r\n${rows(10, 100)}`);
    expect(await refusedAlike(client, quote)).toContain('quote.csv, regel 102, kolom Omschrijving: het aanhalingsteken (") vóór "open');
    expect(ledgerCount(file)).toBe(0);
  });
});
