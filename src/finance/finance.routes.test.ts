import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/server-support.ts';
import { loadConfig } from '../config.ts';
import { importOrThrow, sourceFromPath } from '../imports/imports.ts';
import { evaluateKpis } from '../kpi/kpi.ts';
import type { CliContext } from '../module.ts';
import { runFinanceDemo } from './demo/finance.demo.ts';
import { financeReportBlocks } from './finance.blocks.ts';
import { financeTableCommand } from './finance.commands.ts';
import { financeKpis } from './finance.kpis.ts';
import { finance } from './finance.module.ts';

describe('finance over HTTP, in the CLI and as KPIs (the demo ledger)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp([finance]);
    const db = t.open.db;
    await runFinanceDemo({
      db,
      dir: mkdtempSync(join(tmpdir(), 'finance-routes-')),
      period: '2025-05',
      importFile: (kind, path) => importOrThrow(db, finance.importers!.find((i) => i.kind === kind)!, sourceFromPath(path)),
      log: () => {},
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /api/finance/result gives the table contract in NOK, exact, validated by its schema', async () => {
    const res = await t.app.inject({ url: '/api/finance/result?period=2025-05' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['period', 'rows', 'totals', 'result']);
    expect(body.rows.map((r: { category: string }) => r.category)).toEqual([
      'Driftsinntekter',
      'Personalkostnader',
      'Innleie',
      'Frikjøp',
      'Tjenestekjøp',
      'Lisenser, support og garanti',
      'Transmisjon og data',
      'Avskrivninger',
      'Andre driftskostnader',
      'Finansposter',
    ]);
    expect(Object.keys(body.rows[0])).toEqual([
      'category',
      'actualMonth',
      'budgetMonth',
      'actualYtd',
      'budgetYtd',
      'forecastYear',
      'budgetYear',
    ]);
    expect(body.totals.forecastYear).toBe(354_400_000);
    expect(body.totals.budgetYear).toBe(408_500_000);
    expect(Math.round(body.result.actualYtd / 100_000) / 10).toBe(40.6);
    const bad = await t.app.inject({ url: '/api/finance/result?period=2025-13' });
    expect(bad.statusCode).toBe(400);
  });

  it('the OpenAPI document describes /finance/result', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    const doc = res.json();
    expect(doc.paths['/api/finance/result'].get.responses['200'].content['application/json'].schema.required).toEqual([
      'period',
      'rows',
      'totals',
      'result',
    ]);
  });

  it('the Økonomi page shows the summary, the deviations, the tables with exports and the category rules', async () => {
    const res = await t.app.inject({ url: '/okonomi?period=2025-05' });
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).toContain(
      'For mai er det et positivt resultat på 7,0\u00a0MNOK. Akkumulert er det et positivt resultat på 40,6\u00a0MNOK.',
    );
    expect(page).toContain('Totale kostnader for perioden er 9,2\u00a0MNOK under budsjett.');
    expect(page).toContain('<caption>Resultat mot budsjett i perioden og hittil i år (HiÅ)</caption>');
    expect(page).toContain('<caption>Prognose per mai</caption>');
    expect(page).toContain('href="/okonomi/finance-result.csv?period=2025-05"');
    expect(page).toContain('Alle kontoer med bevegelse hittil i år har en rapportkategori.');
    expect(page).toContain('<caption>Hittil i år mot budsjettet og mot et jevnt periodisert årsbudsjett</caption>');
    expect(page).toContain('aria-current="page">Økonomi</a>');
  });

  it('the Økonomi page draws the result against budget by month and the forecast against budget, with the numbers as tables', async () => {
    const page = (await t.app.inject({ url: '/okonomi?period=2025-05' })).body;
    expect(page).toContain('<figcaption id="ok-figur-resultat">Resultat mot budsjett per måned 2025 (MNOK)</figcaption>');
    expect(page).toContain('<svg role="img" aria-label="Resultat mot budsjett per måned 2025 (MNOK)"');
    const monthRows = page.match(/<th scope="row">(jan|feb|mar|apr|mai) 25<\/th>/g) ?? [];
    expect(monthRows).toHaveLength(5);
    // May's result is the same 7,0 MNOK as the summary's.
    expect(page).toMatch(/<th scope="row">mai 25<\/th><td class="num">7,0<\/td>/);
    expect(page).toContain('<figcaption id="ok-figur-prognose">Prognose mot budsjett for 2025 per kostnadskategori (MNOK)</figcaption>');
    // Costs only: the figure's table holds the nine cost categories, not the income.
    const figureTable = page.slice(
      page.indexOf('id="ok-figur-prognose"'),
      page.indexOf('</figure>', page.indexOf('id="ok-figur-prognose"')),
    );
    expect(figureTable).not.toContain('Driftsinntekter');
    expect(figureTable).toContain('<th scope="row">Personalkostnader</th><td class="num">156,0</td><td class="num">150,3</td>');
  });

  it('the finance KPI tiles lead to the table behind them', () => {
    const pages = Object.fromEntries(financeKpis.map((k) => [k.id, k.page && `${k.page.path}#${k.page.anchor}`]));
    expect(pages['finance.result.month']).toBe('/okonomi#ok-resultat');
    expect(pages['finance.forecast.costs']).toBe('/okonomi#ok-prognose');
    expect(pages['finance.liquidity']).toBe('/okonomi/kapital#kapital-likviditet');
  });

  it('exports the result table as CSV (raw NOK) and XLSX', async () => {
    const csv = await t.app.inject({ url: '/okonomi/finance-result.csv?period=2025-05' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="finance-result-2025-05.csv"');
    const lines = csv.body.replace('\ufeff', '').split('\r\n');
    expect(lines[0]).toBe('Kategori (MNOK);Regnskap Mai;Budsjett Mai;Avvik Mai;Regnskap HiÅ;Budsjett HiÅ;Avvik HiÅ');
    expect(lines.find((l) => l.startsWith('Innleie;'))).toBe('Innleie;2300000;2000000;300000;11200000;10000000;1200000');
    const xlsx = await t.app.inject({ url: '/okonomi/finance-forecast.xlsx?period=2025-05' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Kategori (MNOK)');
    expect(sheet.getRow(3).getCell(3).value).toBe(150_300_000);
    expect((await t.app.inject({ url: '/okonomi/nope.csv' })).statusCode).toBe(404);
  });

  it('saves a forecast from the form for the period and keeps the earlier one', async () => {
    const form = await t.app.inject({ url: '/okonomi/prognose?period=2025-06' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="amount-2"');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/okonomi/prognose?period=2025-06',
      payload: 'amount-2=tolv&comment-2=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Innleie: «tolv» er ikke et beløp i kroner');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/okonomi/prognose?period=2025-06',
      payload: 'amount-2=12+000+000&comment-2=Ny+vurdering',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(ok.statusCode).toBe(303);
    const june = (await t.app.inject({ url: '/api/finance/result?period=2025-06' })).json();
    const may = (await t.app.inject({ url: '/api/finance/result?period=2025-05' })).json();
    const innleie = (b: { rows: { category: string; forecastYear: number }[] }) =>
      b.rows.find((r) => r.category === 'Innleie')?.forecastYear;
    expect(innleie(june)).toBe(12_000_000);
    expect(innleie(may)).toBe(13_700_000);
  });

  it('edits the category rules in the browser and rejects unknown categories', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/okonomi/kategorier?period=2025-05',
      payload: 'rules=Kaffe%3B1%3B2',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('regel 1: ukjent kategori «Kaffe»');
    const page = await t.app.inject({ url: '/okonomi/kategorier?period=2025-05' });
    expect(page.body).toContain('Innleie;6790');
  });

  it('`finance table --json` prints the same document; without --json a Norwegian MNOK table', async () => {
    let out = '';
    const ctx: CliContext = {
      config: loadConfig({ STYREROM_PERIOD: '2025-05' }),
      openDb: async () => t.open,
      stdout: (s) => {
        out += s;
      },
      stderr: () => {},
    };
    expect(await financeTableCommand.run(['--period', '2025-05', '--json'], ctx)).toBe(0);
    const api = (await t.app.inject({ url: '/api/finance/result?period=2025-05' })).json();
    expect(JSON.parse(out)).toEqual(api);
    out = '';
    await financeTableCommand.run(['--period', '2025-05'], ctx);
    expect(out).toContain('Resultat mot budsjett, mai 2025 og hittil i år (MNOK)');
    expect(out).toMatch(/\nResultat\s+7,0\s+−2,5\s+9,5\s+40,6\s+7,6\s+33,0\s+35,6\s+11,5\n/);
    await expect(financeTableCommand.run(['--period', '2025-05', '--wat'], ctx)).rejects.toThrow(/Se «styrerom finance table --help»/);
  });

  it('provides the report blocks: summary + result table, deviations, forecast summary + table, KPI lines', async () => {
    const ctx = { db: t.open.db, period: '2025-05', compiledAt: '2025-06-05T08:00:00.000Z' };
    const blocks = Object.fromEntries(await Promise.all(financeReportBlocks.map(async (p) => [p.id, await p.build(ctx)] as const)));
    expect(Object.keys(blocks)).toEqual(['finance-result', 'finance-deviations', 'finance-forecast', 'finance-kpis']);
    const [summary, table] = blocks['finance-result']!;
    expect(summary?.kind).toBe('html');
    expect(table).toMatchObject({ kind: 'table', id: 'finance-result', caption: 'Resultat mot budsjett i perioden og hittil i år (HiÅ)' });
    if (table?.kind !== 'table') throw new Error('table expected');
    expect(table.rows).toHaveLength(12);
    expect(table.rows.at(-1)?.cells.map((c) => c.text)).toEqual(['Resultat', '7,0', '−2,5', '9,5', '40,6', '7,6', '33,0']);
    expect(table.rows.at(-2)?.cells.map((c) => c.text)).toEqual([
      'Sum kostnader inkl. finansposter',
      '24,2',
      '33,4',
      '−9,2',
      '135,8',
      '168,4',
      '−32,6',
    ]);
    expect(table.provenance.importKinds).toContain('saf-t');
    const forecast = blocks['finance-forecast']![1];
    if (forecast?.kind !== 'table') throw new Error('table expected');
    expect(forecast.caption).toBe('Prognose per mai');
    expect(
      forecast.rows
        .find((r) => r.cells[0]?.text === 'Avskrivninger')
        ?.cells.map((c) => c.text)
        .slice(0, 4),
    ).toEqual(['Avskrivninger', '54,0', '35,1', '−18,9']);
    const kpis = blocks['finance-kpis']![0];
    if (kpis?.kind !== 'kpis') throw new Error('kpis expected');
    expect(kpis.items.map((i) => `${i.label}: ${i.text}`)).toEqual([
      'Resultat Mai: 7,0\u00a0MNOK',
      'Resultat hittil i år: 40,6\u00a0MNOK',
      'Kostnadsavvik Mai: 9,2\u00a0MNOK under budsjett',
      'Kostnadsavvik hittil i år: 32,6\u00a0MNOK under budsjett',
      'Prognose totale kostnader: 354,4\u00a0MNOK',
      'Likviditet per 31.05: 122,4\u00a0MNOK',
    ]);
    expect(await financeReportBlocks[0]!.build({ ...ctx, period: '2023-05' })).toEqual([]);
  });

  it('computes the six finance KPIs in MNOK', async () => {
    const values = await evaluateKpis(financeKpis, { db: t.open.db, period: '2025-05' });
    expect(Object.fromEntries(values.map((v) => [v.id, v.value === null ? null : Math.round(v.value * 10) / 10]))).toEqual({
      'finance.result.month': 7.0,
      'finance.result.ytd': 40.6,
      'finance.costs.deviation.month': -9.2,
      'finance.costs.deviation.ytd': -32.6,
      'finance.forecast.costs': 354.4,
      'finance.liquidity': 122.4,
    });
    const empty = await evaluateKpis(financeKpis, { db: t.open.db, period: '2024-05' });
    expect(empty.map((v) => v.value)).toEqual([null, null, null, null, null, null]);
  });
});
