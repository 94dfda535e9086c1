/**
 * The records of one CSV file, streamed through csv-parse (quoted fields may hold commas, quotes and
 * newlines), each with the line it starts on for error messages. Parse errors name the file and the line.
 */
import { createReadStream } from 'node:fs';
import { parse, type Info } from 'csv-parse';
import { DatasetError } from '../types';

export interface CsvRecord {
  cells: string[];
  /** 1-based line the record starts on. */
  line: number;
}

/** The parser options the loader and the format sniffer share. */
export const CSV_OPTIONS = {
  bom: true,
  trim: true,
  skip_empty_lines: true,
  relax_column_count: true,
  relax_quotes: true,
} as const;

const READ_CHUNK = 1 << 20;

/** `onBytes` is told the bytes read from the file so far, as they are read. */
export async function* csvRecords(path: string, rel: string, onBytes?: (n: number) => void): AsyncGenerator<CsvRecord> {
  const file = createReadStream(path, { highWaterMark: READ_CHUNK });
  if (onBytes) file.on('data', () => onBytes(file.bytesRead));
  const parser = file.pipe(parse({ ...CSV_OPTIONS, info: true }));
  // csv-parse reports the line a record ends on; it starts after the previous one and any empty lines.
  let prevEnd = 0,
    prevEmpty = 0;
  try {
    for await (const r of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const line = prevEnd + 1 + (r.info.empty_lines - prevEmpty);
      prevEnd = r.info.lines;
      prevEmpty = r.info.empty_lines;
      yield { cells: r.record, line };
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { lines?: number };
    if (err.code?.startsWith('CSV_')) {
      const at = err.lines ? ` (line ${err.lines})` : '';
      throw new DatasetError(rel, `is not valid CSV${at}: ${err.message}`);
    }
    throw new DatasetError(rel, `cannot be read (${err.code ?? err.message})`);
  } finally {
    parser.destroy();
  }
}
