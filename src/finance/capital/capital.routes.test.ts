import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/server-support.ts';
import { importOrThrow, sourceFromPath } from '../../imports/imports.ts';
import type { TableBlock } from '../../report/blocks.ts';
import { runCapitalDemo } from '../demo/capital.demo.ts';
import { capitalImporters } from './capital.import.ts';
import { financeCapitalModule } from './capital.module.ts';
import type { BankBalanceSource } from './capital.queries.ts';
import { investmentsSchema, liquiditySchema, receivablesSchema } from './capital.schemas.ts';

/** The ledger stand-in: 122,4 MNOK at the end of May 2025, no ledger data otherwise. */
const bankBalanceAt: BankBalanceSource = async (_db, { date }) => (date === '2025-05-31' ? 12_240_000_000 : null);
const capital = financeCapitalModule({ bankBalanceAt });

describe('finance capital over HTTP, on the web page and in the report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp([capital]);
    const db = t.open.db;
    await runCapitalDemo({
      db,
      dir: mkdtempSync(join(tmpdir(), 'capital-routes-')),
      period: '2025-05',
      importFile: (kind, path) => importOrThrow(db, capitalImporters.find((i) => i.kind === kind)!, sourceFromPath(path)),
      log: () => {},
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /api/finance/investments gives every budget year in NOK, exact', async () => {
    const res = await t.app.inject({ url: '/api/finance/investments?period=2025-05' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.invoicedThisYear).toBe(39_285_400.4);
    expect(body.budgetYears.map((b: { budgetYear: number }) => b.budgetYear)).toEqual([2025, 2024, 2023]);
    const kak2024 = body.budgetYears[1].projects.find((p: { project: string }) => p.project === 'KAK');
    expect(kak2024).toMatchObject({
      remaining: 35_196_310.75,
      remainingMilestones: 17_200_000,
      remainingReserve: 5_400_000,
      remainingMilestoneCount: 1,
    });
  });

  it('GET /api/finance/liquidity gives the ledger balance, the forecast and the loan', async () => {
    const body = (await t.app.inject({ url: '/api/finance/liquidity?period=2025-05' })).json();
    expect([body.bankBalance, body.yearEndForecast, body.nextYearQ1Investments]).toEqual([122_400_000, 66_400_000, 20_100_000]);
    expect(body.loans[0]).toMatchObject({ requested: 120_000_000, disbursed: 80_000_000, planned: 40_000_000 });
    expect(body.loans[0].disbursements[0]).toEqual({ date: '2025-07-15', amount: 80_000_000, status: 'actual', state: 'scheduled' });
  });

  it('GET /api/finance/receivables gives the ageing per customer type', async () => {
    const body = (await t.app.inject({ url: '/api/finance/receivables?period=2025-05' })).json();
    expect(body.listDate).toBe('2025-05-31');
    expect(body.total.total).toBe(11_071_313.25);
    expect(body.byType.map((r: { customerType: string }) => r.customerType)).toEqual(['helseforetak', 'kommune', 'annen']);
    expect(body.byType[1].buckets.over90).toBe(48_500);
  });

  it('uses the configured period without ?period and answers 400 to a bad one', async () => {
    expect((await t.app.inject({ url: '/api/finance/investments' })).json().period).toBe('2025-05');
    const bad = await t.app.inject({ url: '/api/finance/receivables?period=2025-5' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
  });

  it('documents the three routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    const expected: Record<string, readonly string[]> = {
      '/api/finance/investments': investmentsSchema.required,
      '/api/finance/liquidity': liquiditySchema.required,
      '/api/finance/receivables': receivablesSchema.required,
    };
    for (const [p, required] of Object.entries(expected)) {
      const get = doc.paths[p].get;
      expect(get.parameters, p).toEqual([expect.objectContaining({ in: 'query', name: 'period' })]);
      const ok = get.responses['200'].content['application/json'].schema;
      expect(ok.required, p).toEqual(required);
      expect(Object.keys(ok.properties), p).toEqual(expect.arrayContaining([...required]));
      expect(get.responses['400'].content['application/json'].schema, p).toEqual({ $ref: '#/components/schemas/Error' });
      expect(doc.components.schemas.Error.required).toEqual(['error']);
    }
  });

  it('serves /okonomi/kapital with the three tables, their lead texts and download links', async () => {
    const res = await t.app.inject({ url: '/okonomi/kapital?period=2025-05' });
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).toContain('Investeringer per budsjettår per mai 2025');
    expect(page).toContain(
      'Hittil i år er det mottatt fakturaer for 39,3\u00a0MNOK, hvorav 22,5\u00a0MNOK på investeringsbudsjettet for 2025 og 16,8\u00a0MNOK på budsjettene for 2023 og 2024.',
    );
    expect(page).toContain(' For budsjett 2023 gjenstår 14,6\u00a0MNOK: Medielogg 10,6\u00a0MNOK og KAK 4,0\u00a0MNOK.');
    expect(page).toContain(' For budsjett 2024 gjenstår 35,3\u00a0MNOK: KAK 35,2\u00a0MNOK og Kontorutstyr 0,1\u00a0MNOK.');
    expect(page).toContain(
      'Likvide midler per 31.05.2025: 122,4\u00a0MNOK. Prognose per årsslutt: 66,4\u00a0MNOK. Låneramme Investeringslån 2025: 120,0\u00a0MNOK; 80,0\u00a0MNOK utbetales i juli 2025 og 40,0\u00a0MNOK er planlagt utbetalt i desember 2025.',
    );
    expect(page).toContain('Kundereskontro per mai');
    expect(page).toContain('href="/okonomi/kapital/finance-receivables.xlsx?period=2025-05"');
    expect(page).toContain('aria-current="page"');
  });

  it('shows what is missing for a period without data', async () => {
    const page = (await t.app.inject({ url: '/okonomi/kapital?period=2019-01' })).body;
    expect(page).toContain('Ingen investeringsbudsjetter eller fakturaer er importert for perioden.');
    expect(page).toContain('Ingen likviditetsdata for perioden.');
    expect(page).toContain('Ingen kundereskontro er importert.');
  });

  it('downloads a table as CSV and as XLSX, and 404s an unknown table', async () => {
    const csv = await t.app.inject({ url: '/okonomi/kapital/finance-receivables.csv?period=2025-05' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="finance-receivables-2025-05.csv"');
    expect(csv.body.split('\r\n')[0]).toBe('\ufeffKundetype;Ikke forfalt;1–30 dager;31–60 dager;61–90 dager;Over 90 dager;Sum');
    expect(csv.body.split('\r\n').at(-2)).toMatch(/^Sum;.*;11071313,25$/);
    const xlsx = await t.app.inject({ url: '/okonomi/kapital/finance-investments.xlsx?period=2025-05' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getCell('A2').value).toBe('2025');
    const remaining = await t.app.inject({ url: '/okonomi/kapital/finance-investments-remaining.csv?period=2025-05' });
    expect(remaining.body).toContain('\r\n2024;KAK;35196310,75;17200000;5400000;12596310,75\r\n');
    expect((await t.app.inject({ url: '/okonomi/kapital/nope.csv?period=2025-05' })).statusCode).toBe(404);
  });

  it('computes the KPIs in MNOK', async () => {
    const kpis = (await t.app.inject({ url: '/api/kpis?period=2025-05' })).json().kpis as { id: string; value: number | null }[];
    const value = (id: string) => kpis.find((k) => k.id === id)?.value;
    expect(value('finance.investments.invoicedYtd')).toBeCloseTo(39.2854004, 7);
    expect(value('finance.liquidity.yearEndForecast')).toBe(66.4);
    expect(value('finance.receivables.overdue')).toBeCloseTo(2.525111, 6);
    expect(value('finance.investments.nextYearQ1')).toBeCloseTo(20.1, 9);
    expect(value('finance.loans.requested')).toBe(120);
    expect(value('finance.loans.firstDisbursement')).toBe(80);
  });

  it('gives the report three table blocks for May and none for a month without data', async () => {
    const ctx = (period: string) => ({ db: t.open.db, period, compiledAt: '2025-06-05T10:00:00.000Z' });
    const blocks = await Promise.all(capital.report!.map((p) => p.build(ctx('2025-05'))));
    expect(blocks.map((b) => b.map((x) => x.id))).toEqual([
      ['finance-investments', 'finance-investments-remaining'],
      ['finance-liquidity'],
      ['finance-receivables'],
    ]);
    const liquidity = blocks[1]![0] as TableBlock;
    expect(liquidity.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Likvide midler per 31.05.2025', '122,4'],
      ['Prognose likvide midler per årsslutt 2025', '66,4'],
      ['Forventede investeringer første kvartal 2026', '20,1'],
      ['Låneramme Investeringslån 2025 (investeringsbudsjett 2025, KAK og Medielogg)', '120,0'],
      ['Utbetales juli 2025', '80,0'],
      ['Planlagt utbetalt desember 2025', '40,0'],
    ]);
    const empty = await Promise.all(capital.report!.map((p) => p.build(ctx('2019-01'))));
    expect(empty.map((b) => b.length)).toEqual([0, 0, 0]);
  });
});
