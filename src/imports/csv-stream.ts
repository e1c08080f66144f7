/**
 * CSV records streamed through csv-parse's stream API, with the caps of config.importLimits: the
 * longest line, the longest cell, the most columns and the most rows. The delimiter (`;`, `,` or tab)
 * is read from the header line, which is itself capped, so a 200 MB file on one line is refused after
 * reading the first ~1 MB of it.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../shared/errors.ts';
import { formatNumber } from '../shared/format.ts';
import { detectDelimiter, problem } from './decode.ts';
import { capExceeded, type ImportLimits } from './limits.ts';

/** One parsed record: the physical line it ends on (1-based) and its fields. */
export interface CsvRecord {
  line: number;
  record: string[];
}

function lineTooLong(file: string, line: number, limits: ImportLimits): AppError {
  return capExceeded(
    file,
    `linje ${line} er lengre enn ${formatNumber(limits.maxLineChars)} tegn`,
    `line ${line} is longer than ${limits.maxLineChars} characters`,
    line,
  );
}

/** Reads ahead until the first line ends (or the cap is passed); gives that line and the chunks read. */
async function firstLine(
  chunks: AsyncIterator<string>,
  file: string,
  limits: ImportLimits,
): Promise<{ header: string; read: string[]; ended: boolean }> {
  const read: string[] = [];
  let length = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) return { header: read.join(''), read, ended: true };
    read.push(next.value);
    length += next.value.length;
    const text = read.join('');
    const end = text.search(/\r\n|\n|\r/);
    if (end >= 0) {
      if (end > limits.maxLineChars) throw lineTooLong(file, 1, limits);
      return { header: text.slice(0, end), read: [text], ended: false };
    }
    if (length > limits.maxLineChars) throw lineTooLong(file, 1, limits);
    if (read.length > 1) read.splice(0, read.length, text);
  }
}

export interface CsvOptions {
  limits: ImportLimits;
  /** Options besides the caps (Jira exports: `,`, no trimming). */
  delimiter?: string;
  trim?: boolean;
}

/**
 * Yields every non-empty record of decoded CSV text, the header record first. Yields nothing for an
 * empty file (or one whose first line is blank). A broken cap or CSV syntax error is thrown as an
 * AppError naming the line.
 */
export async function* csvRecords(chunks: AsyncIterable<string>, file: string, options: CsvOptions): AsyncGenerator<CsvRecord> {
  const { limits } = options;
  const it = chunks[Symbol.asyncIterator]();
  const head = await firstLine(it, file, limits);
  if (head.header.replace(/^\uFEFF/, '').trim() === '') return;
  async function* all(): AsyncGenerator<string> {
    yield* head.read;
    if (head.ended) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const parser = parse({
    delimiter: options.delimiter ?? detectDelimiter(head.header),
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    bom: true,
    trim: options.trim ?? true,
    max_record_size: limits.maxLineChars,
  });
  const input = Readable.from(all());
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let count = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = item.info.lines;
      count++;
      if (count > limits.maxRows + 1) {
        throw capExceeded(
          file,
          `fila har mer enn ${formatNumber(limits.maxRows)} rader`,
          `the file has more than ${limits.maxRows} rows`,
          line,
        );
      }
      if (item.record.length > limits.maxColumns) {
        throw capExceeded(
          file,
          `linje ${line} har mer enn ${formatNumber(limits.maxColumns)} kolonner`,
          `line ${line} has more than ${limits.maxColumns} columns`,
          line,
        );
      }
      const long = item.record.findIndex((v) => v.length > limits.maxCellChars);
      if (long >= 0) {
        throw capExceeded(
          file,
          `linje ${line}, kolonne ${long + 1}: cellen er lengre enn ${formatNumber(limits.maxCellChars)} tegn`,
          `line ${line}, column ${long + 1}: cell longer than ${limits.maxCellChars} characters`,
          line,
        );
      }
      yield { line, record: item.record };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; lines?: number; message: string };
    if (e.code === 'CSV_MAX_RECORD_SIZE') throw lineTooLong(file, e.lines ?? 1, limits);
    if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
      throw new AppError('FILE_UNREADABLE', `${file}: CSV-feil: ${e.message}`, {
        problems: [problem(file, `CSV-feil: ${e.message}`, `CSV syntax error: ${e.message}`, { line: e.lines })],
      });
    }
    throw err;
  } finally {
    input.destroy();
    parser.destroy();
  }
}
