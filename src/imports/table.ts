import { stat } from 'node:fs/promises';
import { AppError, type Problem } from '../shared/errors.ts';
import { csvRecords } from './csv-stream.ts';
import { problem } from './decode.ts';
import type { ImportSource } from './imports.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.ts';
import { openTextStream, type RequestedEncoding, type UsedEncoding } from './text-stream.ts';
import { xlsxRows } from './xlsx-stream.ts';

export interface ColumnSpec {
  name: string;
  required?: boolean;
}

/** One data row: its 1-based line (CSV) or row number (XLSX) and its values by column name. */
export interface TableRecord {
  line: number;
  values: Record<string, string>;
}

export interface TableReadResult {
  records: TableRecord[];
  problems: Problem[];
}

export interface TableReadOptions {
  limits?: ImportLimits | undefined;
  /** For CSV: the encoding asked for (a BOM overrides it); default UTF-8. */
  encoding?: RequestedEncoding | undefined;
  /** Bytes of the file read so far, of its size. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Told the CSV's encoding as soon as it is known (before a decoding error can be thrown). */
  onEncoding?: ((encoding: UsedEncoding) => void) | undefined;
}

/** A table being read: header problems at once, the records as a stream. */
export interface TableStream {
  problems: Problem[];
  /** The CSV's text encoding; null for XLSX. */
  encoding: UsedEncoding | null;
  records: AsyncGenerator<TableRecord>;
}

function normaliseHeader(h: string): string {
  return h.trim().toLowerCase().replace(/\s+/g, '_');
}

function checkHeader(file: string, header: string[], columns: ColumnSpec[]): Problem[] {
  const have = new Set(header);
  return columns
    .filter((c) => c.required !== false && !have.has(c.name))
    .map((c) =>
      problem(file, `kolonnen «${c.name}» mangler i overskriftsraden`, `column "${c.name}" missing from the header row`, {
        line: 1,
        column: c.name,
      }),
    );
}

function emptyFile(file: string): Problem {
  return problem(file, 'fila er tom eller mangler overskriftsrad', 'empty file or no header row', { line: 1 });
}

async function* none(): AsyncGenerator<TableRecord> {}

function byHeader(header: string[], cells: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  header.forEach((h, i) => {
    values[h] = cells[i] ?? '';
  });
  return values;
}

async function openCsv(source: ImportSource, columns: ColumnSpec[], options: TableReadOptions, limits: ImportLimits): Promise<TableStream> {
  const file = source.fileName;
  const size = (await stat(source.path)).size;
  const text = await openTextStream(source.path, file, {
    encoding: options.encoding,
    onBytes: (done) => options.onProgress?.(done, size),
  });
  options.onEncoding?.(text.encoding);
  const it = csvRecords(text.chunks, file, { limits });
  const head = await it.next();
  if (head.done) return { problems: [emptyFile(file)], encoding: text.encoding, records: none() };
  const header = head.value.record.map(normaliseHeader);
  async function* records(): AsyncGenerator<TableRecord> {
    for await (const { line, record } of it) yield { line, values: byHeader(header, record) };
  }
  return { problems: checkHeader(file, header, columns), encoding: text.encoding, records: records() };
}

async function openXlsx(source: ImportSource, columns: ColumnSpec[], limits: ImportLimits): Promise<TableStream> {
  const file = source.fileName;
  const it = xlsxRows(source.path, file, limits);
  const first = await it.next();
  if (first.done) return { problems: [emptyFile(file)], encoding: null, records: none() };
  const header = first.value.row === 1 ? Array.from(first.value.cells, (c) => normaliseHeader(c ?? '')) : [];
  const row = (line: number, cells: string[]): TableRecord => ({
    line,
    values: byHeader(
      header,
      Array.from(cells, (c) => (c ?? '').trim()),
    ),
  });
  async function* records(): AsyncGenerator<TableRecord> {
    const rows = first.value && first.value.row !== 1 ? [first.value] : [];
    for (const r of rows) yield row(r.row, r.cells);
    for await (const r of it) {
      const record = row(r.row, r.cells);
      if (Object.values(record.values).some((v) => v !== '')) yield record;
    }
  }
  return { problems: checkHeader(file, header, columns), encoding: null, records: records() };
}

/**
 * Opens a CSV (UTF-8 unless a BOM or `encoding` says otherwise; `;`, `,` or tab) or XLSX file for
 * streaming, with the caps of `limits`. Problems with the header row come at once; a broken cap or
 * undecodable byte is thrown (AppError with the problem) while the records are read.
 */
export async function openTable(source: ImportSource, columns: ColumnSpec[], options: TableReadOptions = {}): Promise<TableStream> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  try {
    await stat(source.path);
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `${source.fileName}: kan ikke leses (cannot be read)`, {
      cause: err,
      problems: [problem(source.fileName, 'fila kan ikke leses', 'the file cannot be read')],
    });
  }
  if (/\.xlsx$/i.test(source.fileName)) return openXlsx(source, columns, limits);
  return openCsv(source, columns, options, limits);
}

/** openTable, every record collected (tests and small files). */
export async function readTable(source: ImportSource, columns: ColumnSpec[], options: TableReadOptions = {}): Promise<TableReadResult> {
  const table = await openTable(source, columns, options);
  const records: TableRecord[] = [];
  for await (const r of table.records) records.push(r);
  return { records, problems: table.problems };
}
