/**
 * No export runs a formula: every CSV and XLSX writer of the product (web table exports used by the
 * finance and capital pages, the risk register by API and CLI, the report's data files) is fed a
 * hostile value in every text position, and no cell of the output starts with = + - @, tab or CR.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { CliContext } from '../src/module.ts';
import type { TableBlock } from '../src/report/blocks.ts';
import { toCsv as dataCsv, toXlsx as dataXlsx, sheetOf } from '../src/report/data-files.ts';
import { riskExportCommand } from '../src/risk/risk.cli.ts';
import { riskModule } from '../src/risk/risk.module.ts';
import { buildApp } from '../src/server/app.ts';
import { exportTable } from '../src/web/table-export.ts';
import { signInAs } from './support/auth.ts';
import { describeEachDialect } from './support/databases.ts';

const HOSTILE = ['=HYPERLINK("http://x";"klikk")', '+47 1', '-1+1', '@SUM(A1)', '\tfane', '\rretur'];
const FORMULA = /^[=+\-@\t\r]/;
/** A CSV number (`-5`, `-5,5`, `-5.5`) may start with a minus. */
const NUMBER = /^-?\d+([.,]\d+)?$/;
/** Input forms trim whitespace, so only these four are sure to reach every export unchanged. */
const PRINTABLE = HOSTILE.slice(0, 4);

/** Every field of a `;`- or `,`-separated CSV (quotes removed). */
function csvCells(text: string, sep: string): string[] {
  const cells: string[] = [];
  const re = new RegExp(`("(?:[^"]|"")*"|[^${sep}\\r\\n]*)(${sep}|\\r\\n|$)`, 'g');
  for (const m of text.replace(/^\ufeff/, '').matchAll(re)) {
    if (m[0] === '') break;
    const v = m[1] ?? '';
    cells.push(v.startsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v);
  }
  return cells;
}

async function xlsxCells(bytes: Buffer): Promise<{ text: string; formula: boolean }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: { text: string; formula: boolean }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        out.push({
          text: typeof cell.value === 'string' ? cell.value : String(cell.text),
          formula: cell.type === ExcelJS.ValueType.Formula,
        });
      }),
    ),
  );
  return out;
}

function expectNoFormulaCsv(text: string, sep: string, where: string) {
  const cells = csvCells(text, sep);
  for (const h of PRINTABLE) expect(cells, `${where}: ${JSON.stringify(h)} is exported`).toContain(`'${h}`);
  for (const c of cells) expect(FORMULA.test(c) && !NUMBER.test(c), `${where}: ${JSON.stringify(c)}`).toBe(false);
}

async function expectNoFormulaXlsx(bytes: Buffer, where: string) {
  const cells = await xlsxCells(bytes);
  for (const h of PRINTABLE)
    expect(
      cells.map((c) => c.text),
      `${where}: ${JSON.stringify(h)} is exported`,
    ).toContain(`'${h}`);
  for (const c of cells)
    expect({ where, cell: c.text, formula: c.formula || (FORMULA.test(c.text) && !NUMBER.test(c.text)) }).toEqual({
      where,
      cell: c.text,
      formula: false,
    });
}

const block: TableBlock = {
  kind: 'table',
  id: 'hostile',
  caption: HOSTILE[0] ?? '',
  columns: HOSTILE.map((label) => ({ label })),
  rows: [{ cells: HOSTILE.map((value) => ({ value, text: value })) }, { cells: HOSTILE.map((_, i) => ({ value: -i, text: String(-i) })) }],
  provenance: { importKinds: [], rules: [] },
};

it('web table exports (the finance and capital pages serve these) neutralise every text cell', async () => {
  const csv = (await exportTable(block, 'csv')).body.toString('utf8');
  expectNoFormulaCsv(csv, ';', 'table CSV');
  expect(csv).toContain(`;'\tfane;"'\rretur"\r\n`);
  expect(csv).toContain('\r\n0;-1;-2;-3;-4;-5\r\n'); // numbers stay numbers
  await expectNoFormulaXlsx((await exportTable(block, 'xlsx')).body, 'table XLSX');
});

it("the report's data files (CSV and XLSX) neutralise every text cell, title and header", async () => {
  const sheet = sheetOf(block, 'Tabell 1');
  sheet.rows = sheet.rows.slice(0, 1);
  expectNoFormulaCsv(dataCsv(sheet), ',', 'data CSV');
  await expectNoFormulaXlsx(await dataXlsx(sheet, new Date(0)), 'data XLSX');
});

describeEachDialect('risk register exports with a hostile value', (ctx) => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  const dir = mkdtempSync(join(tmpdir(), 'styrerom-formula-'));
  beforeAll(async () => {
    app = await buildApp({
      config: loadConfig({ STYREROM_PERIOD: '2025-05' }),
      db: ctx.db,
      domains: [riskModule],
      logger: pino({ level: 'silent' }),
    });
    app = await signInAs(app, ctx.db);
    for (const [i, h] of HOSTILE.entries()) {
      const id = `OR-${i + 1}`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/risks',
        payload: { id, title: h, owner: h, category: 'economy', opened: '2025-01-05' },
      });
      expect(res.statusCode, res.body).toBe(201);
      const a = { period: '2025-05', probability: 2, consequence: 3, statusText: h, assessedBy: h, assessedAt: '2025-05-20' };
      expect((await app.inject({ method: 'POST', url: `/api/risks/${id}/assessments`, payload: a })).statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('API: register CSV, current-view CSV and XLSX', async () => {
    expectNoFormulaCsv((await app.inject({ url: '/api/risks/export.csv' })).body, ';', 'risk CSV');
    expectNoFormulaCsv((await app.inject({ url: '/api/risks/export.csv?view=current&period=2025-05' })).body, ';', 'risk current CSV');
    await expectNoFormulaXlsx((await app.inject({ url: '/api/risks/export.xlsx?period=2025-05' })).rawPayload, 'risk XLSX');
  });

  it('CLI: styrerom risk export --format csv|xlsx', async () => {
    const ctxCli: CliContext = {
      config: loadConfig({}),
      openDb: async () => ({ db: ctx.db, dialect: ctx.dialect, close: async () => {} }) as never,
      stdout: () => {},
      stderr: () => {},
    };
    expect(await riskExportCommand.run(['--format', 'csv', '--out', join(dir, 'r.csv')], ctxCli)).toBe(0);
    expectNoFormulaCsv(readFileSync(join(dir, 'r.csv'), 'utf8'), ';', 'risk CLI CSV');
    expect(await riskExportCommand.run(['--format', 'xlsx', '--out', join(dir, 'r.xlsx'), '--period', '2025-05'], ctxCli)).toBe(0);
    await expectNoFormulaXlsx(readFileSync(join(dir, 'r.xlsx')), 'risk CLI XLSX');
  });
});
