/**
 * Every table in the web app can be downloaded as CSV and XLSX: this turns a report TableBlock
 * (the same block the monthly report prints) into both, and renders a table with its download
 * links, so any domain page gets exports by handing over its blocks.
 *
 * CSV format (chosen for Norwegian Excel, which opens it by double-click):
 * - `;` between fields, CRLF line ends, UTF-8 with BOM (so Excel reads æøå);
 * - the header row is the column labels; one row per table row;
 * - RAW values (`TableCell.value`), not the display text: numbers unrounded (money in NOK) with a
 *   decimal comma and no thousands separator (`22487310,25`, `-5,5` with an ASCII minus), so
 *   nb-NO Excel reads them as numbers and our own CSV importers read them back; empty for null;
 * - text is quoted when it holds `;`, `"` or a line break; text that starts with `=`, `+`, `-`,
 *   `@`, tab or CR gets a leading `'` so a spreadsheet never runs it as a formula.
 * XLSX: one worksheet named after the caption, bold header row frozen, numbers as numbers with a
 * thousands-separated format, total rows bold.
 */
import type { TableBlock } from '../report/blocks.ts';
import { neutraliseFormula, safeCell } from '../shared/spreadsheet.ts';
import { html, type SafeHtml } from './html.ts';

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function csvNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const text = Number.isInteger(n) || Math.abs(n) >= 1e-6 ? String(n) : n.toFixed(10).replace(/0+$/, '');
  return text.replace('.', ',');
}

function csvText(s: string): string {
  const safe = neutraliseFormula(s);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvField(value: number | string | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? csvNumber(value) : csvText(value);
}

/** The table as CSV text, BOM included (write it as UTF-8). */
export function tableToCsv(block: TableBlock): string {
  const lines = [block.columns.map((c) => csvText(c.label)), ...block.rows.map((r) => r.cells.map((c) => csvField(c.value)))];
  return `\ufeff${lines.map((l) => l.join(';')).join('\r\n')}\r\n`;
}

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
export function sheetName(caption: string): string {
  const cleaned = caption
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === '' ? 'Tabell' : cleaned;
}

export async function tableToXlsx(block: TableBlock): Promise<Buffer> {
  // exceljs loads only when a workbook is made, not with every command.
  const wb = new (await import('exceljs')).default.Workbook();
  wb.title = block.caption;
  if (block.note) wb.description = block.note;
  // A fixed date keeps the file byte-stable for the same table.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet(sheetName(block.caption), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(block.columns.map((c) => neutraliseFormula(c.label))).font = { bold: true };
  for (const r of block.rows) {
    const row = ws.addRow(r.cells.map((c) => safeCell(c.value)));
    if (r.total) row.font = { bold: true };
  }
  block.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    const numbers = block.rows.map((r) => r.cells[i]?.value).filter((v): v is number => typeof v === 'number');
    if (numbers.length > 0) column.numFmt = numbers.every(Number.isInteger) ? '#,##0' : '#,##0.00';
    const widest = Math.max(c.label.length, ...block.rows.map((r) => (r.cells[i]?.text ?? '').length));
    column.width = Math.min(60, Math.max(10, widest + 2));
    if (c.align === 'right') column.alignment = { horizontal: 'right' };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportTable(block: TableBlock, format: ExportFormat): Promise<{ body: Buffer; contentType: string }> {
  const body = format === 'csv' ? Buffer.from(tableToCsv(block), 'utf8') : await tableToXlsx(block);
  return { body, contentType: EXPORT_CONTENT_TYPES[format] };
}

/** `finance-receivables-2025-05.csv` */
export function exportFileName(block: Pick<TableBlock, 'id'>, period: string, format: ExportFormat): string {
  return `${block.id}-${period}.${format}`;
}

/**
 * A table block as HTML with its caption and "Last ned CSV / XLSX" links; `href(format)` is
 * where the page serves the export (usually `<page>/<block id>.<format>?period=…`).
 */
export function tableWithExports(block: TableBlock, href: (format: ExportFormat) => string): SafeHtml {
  const align = (i: number) => (block.columns[i]?.align === 'right' ? 'num' : '');
  const head = block.columns.map((c, i) => html`<th scope="col" class="${align(i)}">${c.label}</th>`);
  const rows = block.rows.map((r) => {
    const cells = r.cells.map((cell, i) => {
      const content = r.total ? html`<strong>${cell.text}</strong>` : cell.text;
      return i === 0 ? html`<th scope="row">${content}</th>` : html`<td class="${align(i)}">${content}</td>`;
    });
    return html`<tr${r.total ? html` class="total"` : ''}>${cells}</tr>`;
  });
  return html`<div class="table-block" id="tab-${block.id}">
<table>
<caption>${block.caption}</caption>
<thead><tr>${head}</tr></thead>
<tbody>${rows}</tbody>
</table>
${block.note ? html`<p class="note">${block.note}</p>` : ''}
<p class="exports">Last ned: <a href="${href('csv')}" download>CSV</a> · <a href="${href('xlsx')}" download>XLSX</a></p>
</div>`;
}
