import Papa from 'papaparse';
import { Readable } from 'node:stream';
import { ApiError } from '../../../shared/api/errors.ts';
import type { Dialect, TextEncodingName } from '../../../shared/import/types.ts';
import type { ImportSource } from './source.ts';

/** A quoted field that does not close where it should. */
export interface QuoteProblem {
  /** Line where the record starts. */
  line: number;
  /** Dutch, for a rejected row. */
  reason: string;
  /**
   * Set when the broken field runs over line breaks: the lines after it would be read as part of one
   * field (to the next quote, or to the end of the file), so rejecting the one row would lose them.
   */
  runsOn: RunOnField | null;
}

export interface RunOnField {
  cellIndex: number;
  /** Line where the broken field opens. */
  openLine: number;
  /** Lines after `openLine` that would disappear into the field. */
  swallowedLines: number;
  /** Last line the field reaches. */
  lastLine: number;
  /** The field runs to the end of the file (no quote closes it). */
  toEnd: boolean;
  /**
   * Reading stopped because the field was still open after RUN_ON_LIMIT characters: the counts above
   * cover only that much of the file.
   */
  cutShort?: boolean;
  /** The start of the field, for the message. */
  excerpt: string;
}

export interface RecordSink {
  record(line: number, cells: string[]): void;
  /** A record papaparse could not read as CSV (an unclosed quote, say). */
  malformed(problem: QuoteProblem): void;
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

async function* decoded(source: ImportSource, encoding: TextEncodingName, onChunk: (chunk: Buffer, bytesRead: number) => void, onNul: () => void): AsyncGenerator<string> {
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
    if (text.includes('\0')) onNul();
    if (text) yield text;
  }
  const tail = decode();
  if (tail.includes('\0')) onNul();
  if (tail) yield tail;
}

/**
 * A NUL character (byte 0) in a text file: a damaged file, or one that is partly binary. Stored, it would
 * end up in names and descriptions where no one sees it and every comparison trips over it; the sniffer
 * only sees the head of the file, so the records are checked once one has been seen.
 */
function nulRefusal(fileName: string, line: number, cells: string[], columns: string[] | null): ApiError | null {
  let physical = line;
  for (let i = 0; i < cells.length; i += 1) {
    const at = cells[i].indexOf('\0');
    if (at < 0) {
      physical += cells[i].split('\n').length - 1;
      continue;
    }
    const before = cells[i].slice(0, at);
    physical += before.split('\n').length - 1;
    // Counted from where the field starts on that line (a quoted field can span lines).
    const position = at - (before.lastIndexOf('\n') + 1) + 1;
    const column = columns?.[i]?.trim() ? `kolom ${columns[i].trim()}` : `kolom ${i + 1}`;
    return new ApiError(
      'file_unreadable',
      `${fileName}, regel ${physical}, ${column}: een NUL-teken (byte 0) op positie ${position} van het veld. Een tekstbestand bevat zo'n teken niet: het bestand is beschadigd of deels binair. Er is niets geïmporteerd; maak de export opnieuw.`,
      { line: physical, column: columns?.[i] ?? null, position },
    );
  }
  return null;
}

const QUOTE_ERRORS: Record<string, string> = {
  MissingQuotes: 'een aanhalingsteken wordt niet gesloten',
  InvalidQuotes: 'een aanhalingsteken staat midden in een veld',
  UndetectableDelimiter: 'scheidingsteken niet te bepalen',
};

/** Where a record with a quote error swallowed line breaks; null when it stayed on one line. */
export function runOnField(line: number, cells: string[], codes: string[]): RunOnField | null {
  let openLine = line;
  for (let i = 0; i < cells.length; i += 1) {
    const pieces = cells[i].split('\n');
    if (pieces.length === 1) continue;
    // A valid multi-line field before the broken one shifts the line it opens on; the broken one is the last that spans lines.
    const later = cells.slice(i + 1).some((cell) => cell.includes('\n'));
    if (later) {
      openLine += pieces.length - 1;
      continue;
    }
    const rest = pieces.slice(1);
    const trailingBreak = rest[rest.length - 1].trim() === '' ? 1 : 0;
    return {
      cellIndex: i,
      openLine,
      lastLine: openLine + rest.length - trailingBreak,
      swallowedLines: rest.filter((piece) => piece.trim() !== '').length,
      toEnd: codes.includes('MissingQuotes'),
      excerpt: pieces[0].replace(/\r$/, '').slice(0, 40),
    };
  }
  return null;
}

/**
 * No real record comes near this many characters. A quoted field still open after it is a quote that
 * does not close: papaparse would keep the rest of the file in memory, to its end, before saying so.
 */
export const RUN_ON_LIMIT = 8 * 1024 * 1024;

/**
 * Passes the text on while keeping the part of it that papaparse has not yet turned into a record (it
 * starts at `recordEnd()`, papaparse's cursor after the last record). When that part passes the limit, the
 * record in it is read on its own to say where its quote opened, and reading stops there.
 */
async function* watchingForRunOn(text: AsyncGenerator<string>, recordEnd: () => number, onRunOn: (pending: string) => never, limit: number): AsyncGenerator<string> {
  let pending = '';
  let pendingStart = 0;
  for await (const piece of text) {
    const end = recordEnd();
    if (end > pendingStart) {
      pending = pending.slice(end - pendingStart);
      pendingStart = end;
    }
    pending += piece;
    if (pending.length > limit) onRunOn(pending);
    yield piece;
  }
}

/** Streams the records of a CSV file with their physical line numbers; memory stays flat for any size. */
export function forEachCsvRecord(source: ImportSource, dialect: Dialect, sink: RecordSink, runOnLimit = RUN_ON_LIMIT): Promise<void> {
  return new Promise((resolve, reject) => {
    let nextLine = 1;
    let failed = false;
    let recordEnd = 0;
    const delimiter = dialect.delimiter ?? ';';
    let nulSeen = false;
    let header: string[] | null = null;
    const runOn = (pending: string): never => {
      const record = Papa.parse<string[]>(pending, { delimiter, preview: 1 });
      if (!record.errors.some((e) => e.code === 'MissingQuotes')) {
        // No quote left open: the line itself is this long (no line breaks, or not a CSV file at all).
        throw new ApiError(
          'file_unreadable',
          `${source.fileName}, regel ${nextLine}: de regel is langer dan ${Math.round(runOnLimit / 1024 / 1024)} MB zonder regeleinde; zo lang is geen regel van een export. Is het een CSV-bestand met regeleinden? Er is niets geïmporteerd.`,
          { line: nextLine },
        );
      }
      const cells = record.data[0] ?? [];
      const found = runOnField(nextLine, cells, ['MissingQuotes']);
      const field: RunOnField = found
        ? { ...found, toEnd: false, cutShort: true }
        : { cellIndex: Math.max(0, cells.length - 1), openLine: nextLine, swallowedLines: 0, lastLine: nextLine, toEnd: false, cutShort: true, excerpt: (cells[cells.length - 1] ?? '').slice(0, 40) };
      sink.malformed({ line: nextLine, reason: 'regel is geen geldige CSV: een aanhalingsteken wordt niet gesloten', runsOn: field });
      // A sink that does not refuse the file itself still must not get the rest of it as one field.
      throw new Error(`line ${nextLine}: quoted field open beyond ${runOnLimit} characters`);
    };
    const text = decoded(
      source,
      dialect.encoding as TextEncodingName,
      (chunk, read) => sink.chunk(chunk, read),
      () => (nulSeen = true),
    );
    const stream = Readable.from(watchingForRunOn(text, () => recordEnd, runOn, runOnLimit));
    stream.on('error', (error) => {
      // Stop handling records at once: the caller rolls back, and nothing may be written after that.
      failed = true;
      reject(error);
    });
    Papa.parse<string[]>(stream as unknown as File, {
      delimiter,
      skipEmptyLines: false,
      step(results, parser) {
        if (failed) return;
        recordEnd = results.meta.cursor;
        const cells = results.data;
        const line = nextLine;
        nextLine += 1;
        for (let i = 0; i < cells.length; i += 1) {
          const cell = cells[i];
          if (cell.includes('\n')) nextLine += cell.split('\n').length - 1;
        }
        try {
          if (line === dialect.headerLine) header = cells;
          if (nulSeen) {
            const refusal = nulRefusal(source.fileName, line, cells, header);
            if (refusal) throw refusal;
          }
          if (results.errors.length > 0) {
            const codes = [...new Set(results.errors.map((e) => e.code as string))];
            const reason = codes.map((code) => QUOTE_ERRORS[code] ?? code).join('; ');
            sink.malformed({ line, reason: `regel is geen geldige CSV: ${reason}`, runsOn: runOnField(line, cells, codes) });
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
