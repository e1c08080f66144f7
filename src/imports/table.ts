import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { AppError, type Problem } from '../shared/errors.ts';
import { decodeText, detectDelimiter, problem } from './decode.ts';
import type { ImportSource } from './imports.ts';

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

export function readCsvText(text: string, file: string, columns: ColumnSpec[]): TableReadResult {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (firstLine.trim() === '') {
    return {
      records: [],
      problems: [problem(file, 'fila er tom eller mangler overskriftsrad', 'empty file or no header row', { line: 1 })],
    };
  }
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter: detectDelimiter(firstLine),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      bom: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { records: [], problems: [problem(file, `CSV-feil: ${e.message}`, `CSV syntax error: ${e.message}`, { line: e.lines })] };
  }
  const [head, ...body] = rows;
  const header = (head?.record ?? []).map(normaliseHeader);
  const problems = checkHeader(file, header, columns);
  const records = body.map(({ record, info }) => {
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      values[h] = record[i] ?? '';
    });
    return { line: info.lines, values };
  });
  return { records, problems };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel stores wall-clock values without a zone; exceljs hands them over as UTC. Keep the wall
    // time (no "Z") so importers read it as local Europe/Oslo time, as they do for CSV.
    const iso = value.toISOString();
    if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
    return iso.endsWith(':00.000Z') ? iso.slice(0, 16) : iso.slice(0, 19);
  }
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
}

export async function readXlsx(bytes: Buffer, file: string, columns: ColumnSpec[]): Promise<TableReadResult> {
  // exceljs loads only when a workbook is made, not with every command.
  const wb = new (await import('exceljs')).default.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `${file}: ikke en gyldig XLSX-fil (not a valid XLSX file)`, {
      cause: err,
      problems: [problem(file, 'ikke en gyldig XLSX-fil', 'not a valid XLSX file')],
    });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { records: [], problems: [problem(file, 'arbeidsboka har ingen ark', 'workbook has no sheets')] };
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    header[col - 1] = normaliseHeader(cellText(cell.value));
  });
  const problems = checkHeader(file, header, columns);
  const records: TableRecord[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      values[h] = cellText(row.getCell(i + 1).value).trim();
    });
    if (Object.values(values).some((v) => v !== '')) records.push({ line: rowNumber, values });
  });
  return { records, problems };
}

/** Reads a CSV (any supported encoding and delimiter) or XLSX file into records by header name. */
export async function readTable(source: ImportSource, columns: ColumnSpec[]): Promise<TableReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(source.path);
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `${source.fileName}: kan ikke leses (cannot be read)`, {
      cause: err,
      problems: [problem(source.fileName, 'fila kan ikke leses', 'the file cannot be read')],
    });
  }
  if (/\.xlsx$/i.test(source.fileName)) return readXlsx(bytes, source.fileName, columns);
  return readCsvText(decodeText(bytes, source.fileName).text, source.fileName, columns);
}
