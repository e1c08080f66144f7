import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../report/blocks.ts';
import { exportFileName, sheetName, tableToCsv, tableToXlsx, tableWithExports } from './table-export.ts';

const block: TableBlock = {
  kind: 'table',
  id: 'demo-table',
  caption: 'Kundereskontro per mai',
  columns: [{ label: 'Kundetype' }, { label: 'Beløp', align: 'right' }, { label: 'Antall', align: 'right' }],
  rows: [
    {
      cells: [
        { value: 'Helseforetak; øst', text: 'Helseforetak; øst' },
        { value: 22487310.25, text: '22,5' },
        { value: 3, text: '3' },
      ],
    },
    {
      cells: [
        { value: '=SUM(A1)', text: '=SUM(A1)' },
        { value: -5.5, text: '−5,5' },
        { value: null, text: '–' },
      ],
    },
    {
      cells: [
        { value: 'Sum', text: 'Sum' },
        { value: 22487304.75, text: '22,5' },
        { value: 3, text: '3' },
      ],
      total: true,
    },
  ],
  provenance: { importKinds: [], rules: [] },
};

describe('tableToCsv(block)', () => {
  it('writes a BOM, ; separators, CRLF, raw numbers with a decimal comma, quoted and formula-safe text', () => {
    expect(tableToCsv(block)).toBe(
      '\ufeffKundetype;Beløp;Antall\r\n"Helseforetak; øst";22487310,25;3\r\n\'=SUM(A1);-5,5;\r\nSum;22487304,75;3\r\n',
    );
  });
});

describe('tableToXlsx(block)', () => {
  it('writes one sheet with the labels, numbers as numbers and bold totals', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tableToXlsx(block)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Kundereskontro per mai');
    expect(ws.getRow(1).values).toEqual([undefined, 'Kundetype', 'Beløp', 'Antall']);
    expect(ws.getCell('B2').value).toBe(22487310.25);
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getRow(4).font?.bold).toBe(true);
  });

  it('is byte-stable for the same table', async () => {
    expect((await tableToXlsx(block)).equals(await tableToXlsx(block))).toBe(true);
  });
});

describe('sheetName / exportFileName / tableWithExports', () => {
  it('cleans sheet names and names files by block and period', () => {
    expect(sheetName('Investeringer [2023/2024]: status per mai 2025 og mer')).toBe('Investeringer 2023 2024 status');
    expect(exportFileName(block, '2025-05', 'xlsx')).toBe('demo-table-2025-05.xlsx');
  });

  it('renders the table, escaped, with both download links', () => {
    const out = tableWithExports(block, (f) => `/x/demo-table.${f}?period=2025-05`).value;
    expect(out).toContain('<caption>Kundereskontro per mai</caption>');
    expect(out).toContain('href="/x/demo-table.csv?period=2025-05"');
    expect(out).toContain('href="/x/demo-table.xlsx?period=2025-05"');
    expect(out).toContain('<td class="num">−5,5</td>');
  });
});
