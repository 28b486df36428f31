import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ApiError } from '../../../shared/api/errors.ts';

/** Where an import reads from: a file on disk (Electron, CLI) or bytes sent by a browser (preview host). */
export type ImportSourceInput = { path: string } | { name: string; contentBase64: string };

/** Larger than any real export; a file beyond this is refused before it is read. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024 * 1024;
const CHUNK = 1024 * 1024;

export interface ImportSource {
  fileName: string;
  size: number;
  head(bytes: number): Buffer;
  /** `length` bytes from `position` (fewer at the end of the file): the end of a ZIP, say. */
  read(position: number, length: number): Buffer;
  chunks(): AsyncIterable<Buffer>;
  /** The whole file at once, for small files (packages, key files): one read instead of a stream. */
  readAll(): Buffer;
  /** For libraries that want a path or a stream (XLSX). */
  nodeStream(): NodeJS.ReadableStream;
}

export function openImportSource(input: ImportSourceInput): ImportSource {
  if ('path' in input) {
    const filePath = input.path;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(filePath);
    } catch {
      throw new ApiError('file_unreadable', `Het bestand ${filePath} bestaat niet of kan niet worden gelezen.`);
    }
    if (!stat.isFile()) throw new ApiError('file_unreadable', `${filePath} is geen bestand.`);
    if (stat.size > MAX_IMPORT_BYTES) {
      throw new ApiError('file_unreadable', `Het bestand ${path.basename(filePath)} is te groot (${Math.round(stat.size / 1024 / 1024)} MB; de grens is ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
    }
    return {
      fileName: path.basename(filePath),
      size: stat.size,
      head(bytes) {
        return this.read(0, bytes);
      },
      read(position, length) {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, stat.size - position)));
        const fd = fs.openSync(filePath, 'r');
        try {
          const read = fs.readSync(fd, buffer, 0, buffer.length, position);
          return buffer.subarray(0, read);
        } finally {
          fs.closeSync(fd);
        }
      },
      chunks() {
        return fs.createReadStream(filePath, { highWaterMark: CHUNK });
      },
      readAll() {
        try {
          return fs.readFileSync(filePath);
        } catch {
          throw new ApiError('file_unreadable', `Het bestand ${filePath} bestaat niet of kan niet worden gelezen.`);
        }
      },
      nodeStream() {
        return fs.createReadStream(filePath);
      },
    };
  }
  const content = Buffer.from(input.contentBase64, 'base64');
  return {
    fileName: path.basename(input.name),
    size: content.length,
    head: (bytes) => content.subarray(0, bytes),
    read: (position, length) => content.subarray(position, position + length),
    async *chunks() {
      for (let offset = 0; offset < content.length; offset += CHUNK) yield content.subarray(offset, offset + CHUNK);
    },
    readAll: () => content,
    nodeStream() {
      return Readable.from([content]);
    },
  };
}
