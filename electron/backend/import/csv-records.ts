import Papa from 'papaparse';
import { Readable } from 'node:stream';
import type { Dialect, TextEncodingName } from '../../../shared/import/types.ts';
import type { ImportSource } from './source.ts';

export interface RecordSink {
  record(line: number, cells: string[]): void;
  /** A record papaparse could not read as CSV (an unclosed quote, say). */
  malformed(line: number, reason: string): void;
  /** Each raw chunk as read, before decoding: for the file's hash and the progress bar. */
  chunk(chunk: Buffer, bytesRead: number): void;
}

/**
 * The file holds bytes that are not text in the encoding it is being read in. The sniffer decides the
 * encoding from the head of the file; this is how the rest of the file says the head was not representative.
 */
export class UndecodableText extends Error {
  constructor(readonly encoding: TextEncodingName) {
    super(`not valid ${encoding}`);
  }
}

async function* decoded(source: ImportSource, encoding: TextEncodingName, onChunk: (chunk: Buffer, bytesRead: number) => void): AsyncGenerator<string> {
  // fatal: a byte that is not text in this encoding must stop the import, never become "\uFFFD".
  const decoder = new TextDecoder(encoding, { fatal: true });
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new UndecodableText(encoding);
    }
  };
  let read = 0;
  for await (const chunk of source.chunks()) {
    read += chunk.length;
    onChunk(chunk as Buffer, read);
    const text = decode(chunk as Buffer);
    if (text) yield text;
  }
  const tail = decode();
  if (tail) yield tail;
}

const QUOTE_ERRORS: Record<string, string> = {
  MissingQuotes: 'een aanhalingsteken wordt niet gesloten',
  InvalidQuotes: 'een aanhalingsteken staat midden in een veld',
  UndetectableDelimiter: 'scheidingsteken niet te bepalen',
};

/** Streams the records of a CSV file with their physical line numbers; memory stays flat for any size. */
export function forEachCsvRecord(source: ImportSource, dialect: Dialect, sink: RecordSink): Promise<void> {
  return new Promise((resolve, reject) => {
    let nextLine = 1;
    let failed = false;
    const stream = Readable.from(decoded(source, dialect.encoding as TextEncodingName, (chunk, read) => sink.chunk(chunk, read)));
    stream.on('error', (error) => {
      // Stop handling records at once: the caller rolls back, and nothing may be written after that.
      failed = true;
      reject(error);
    });
    Papa.parse<string[]>(stream as unknown as File, {
      delimiter: dialect.delimiter ?? ';',
      skipEmptyLines: false,
      step(results, parser) {
        if (failed) return;
        const cells = results.data;
        const line = nextLine;
        nextLine += 1;
        for (let i = 0; i < cells.length; i += 1) {
          const cell = cells[i];
          if (cell.includes('\n')) nextLine += cell.split('\n').length - 1;
        }
        try {
          if (results.errors.length > 0) {
            const reason = results.errors.map((e) => QUOTE_ERRORS[e.code] ?? e.message).join('; ');
            sink.malformed(line, `regel is geen geldige CSV: ${reason}`);
            return;
          }
          sink.record(line, cells);
        } catch (error) {
          failed = true;
          parser.abort();
          stream.destroy();
          reject(error);
        }
      },
      complete: () => {
        if (!failed) resolve();
      },
      error: (error: Error) => reject(error),
    });
  });
}
