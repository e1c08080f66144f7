/**
 * The numbers behind every table and figure as CSV (RFC 4180, UTF-8, comma-separated, raw
 * unrounded values with a decimal point: for machines) and XLSX (numbers as numbers: for Excel).
 * Text that a spreadsheet would run as a formula gets a leading `'` (shared/spreadsheet.ts).
 */
import { neutraliseFormula, safeCell } from '../shared/spreadsheet.ts';
import type { FigureBlock, TableBlock } from './blocks.ts';

export interface DataSheet {
  id: string;
  title: string;
  columns: string[];
  rows: (number | string | null)[][];
}

export function sheetOf(block: TableBlock | FigureBlock, label: string): DataSheet {
  const title = `${label}: ${block.caption}`;
  if (block.kind === 'figure') return { id: block.id, title, columns: block.data.columns, rows: block.data.rows };
  return { id: block.id, title, columns: block.columns.map((c) => c.label), rows: block.rows.map((r) => r.cells.map((c) => c.value)) };
}

function csvField(v: number | string | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : neutraliseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(sheet: DataSheet): string {
  return [sheet.columns, ...sheet.rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One worksheet: a title row, the header row, the values. `created` keeps the file reproducible. */
export async function toXlsx(sheet: DataSheet, created: Date): Promise<Buffer> {
  // exceljs loads only when a workbook is made, not with every command.
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'Styrerom';
  wb.created = created;
  wb.modified = created;
  const ws = wb.addWorksheet(sheet.id.slice(0, 31));
  ws.addRow([neutraliseFormula(sheet.title)]).font = { bold: true };
  ws.addRow(sheet.columns.map(neutraliseFormula)).font = { bold: true };
  for (const r of sheet.rows) ws.addRow(r.map(safeCell));
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 40 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
