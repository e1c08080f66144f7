import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.ts';
import { runImport, sourceFromPath } from '../../imports/imports.ts';
import { financeResult } from '../finance.section.ts';
import { monthlyMovements } from '../ledger/ledger.queries.ts';
import { loadMappingRules } from '../ledger/mapping.queries.ts';
import { trialBalanceImporter } from '../ledger/trial-balance.import.ts';
import { annualBudgetImporter, budgetImporter, forecastImporter, mappingImporter } from './plan.import.ts';
import { budgetLines, forecastHistory, forecastsInForce } from './plan.queries.ts';

const dir = mkdtempSync(join(tmpdir(), 'finance-plan-'));
let n = 0;
function file(text: string, options: { name?: string; encoding?: 'windows-1252' } = {}): string {
  const path = join(dir, options.name ?? `f${++n}.csv`);
  writeFileSync(path, options.encoding ? iconv.encode(text, options.encoding) : text);
  return path;
}

describeEachDialect('trial balance import', (ctx) => {
  it('reads a Windows-1252 file with decimal commas and a cost centre, debit positive', async () => {
    const path = file(
      'year;month;account;amount;cost_centre\n2025;1;3100;-1 000,50;AMK\n2025;1;5000;400,25;Lønn økonomi\n2025;2;5000;100;\n',
      {
        encoding: 'windows-1252',
      },
    );
    const r = await runImport(ctx.db, trialBalanceImporter, sourceFromPath(path), { encoding: 'windows-1252' });
    expect(r.problems).toEqual([]);
    expect(r.rowCount).toBe(3);
    const rows = await monthlyMovements(ctx.db, { from: '2025-01', to: '2025-02' });
    expect(rows).toEqual([
      { accountId: '3100', month: '2025-01', amount: -100_050 },
      { accountId: '5000', month: '2025-01', amount: 40_025 },
      { accountId: '5000', month: '2025-02', amount: 10_000 },
    ]);
    const cc = await ctx.db
      .selectFrom('ledger_postings')
      .select('analysis')
      .where('account_id', '=', '5000')
      .where('period', '=', 202501)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(cc.analysis ?? '')).toEqual([{ type: 'cost_centre', id: 'Lønn økonomi' }]);
  });

  it('replaces the months a newer file covers and warns about accounts without a category', async () => {
    const path = file('year;month;account;amount\n2025;2;5000;250\n2025;2;8800;1\n');
    const r = await runImport(ctx.db, trialBalanceImporter, sourceFromPath(path));
    expect(r.status).toBe('succeeded');
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 3,
        column: 'account',
        message: expect.stringMatching(/^konto 8800 er ikke knyttet til noen rapportkategori/),
      }),
    ]);
    const rows = await monthlyMovements(ctx.db, { from: '2025-01', to: '2025-02' });
    expect(rows.filter((r) => r.accountId === '5000')).toEqual([
      { accountId: '5000', month: '2025-01', amount: 40_025 },
      { accountId: '5000', month: '2025-02', amount: 25_000 },
    ]);
  });

  it('rejects the whole file on a bad row, naming line and column', async () => {
    const path = file('year;month;account;amount\n2025;13;5000;1\n2025;1;5000;1,234\n');
    const r = await runImport(ctx.db, trialBalanceImporter, sourceFromPath(path));
    expect(r.status).toBe('failed');
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'month'],
      [3, 'amount'],
    ]);
  });
});

describeEachDialect('budget, forecast and mapping imports', (ctx) => {
  it('imports monthly budget lines and replaces a (year, category) on re-import', async () => {
    await runImport(
      ctx.db,
      budgetImporter,
      sourceFromPath(file('year;month;category;amount\n2025;1;Driftsinntekter;100\n2025;2;driftsinntekter;200\n')),
    );
    await runImport(
      ctx.db,
      budgetImporter,
      sourceFromPath(file('year;month;category;amount\n2025;3;Driftsinntekter;300\n2025;1;Finansposter;5\n')),
    );
    expect(await budgetLines(ctx.db, { year: 2025 })).toEqual([
      { category: 'Driftsinntekter', month: 3, amount: 30_000 },
      { category: 'Finansposter', month: 1, amount: 500 },
    ]);
  });

  it('periodises annual budgets by profile: even, working days and 12 weights', async () => {
    const csv = [
      'year;category;amount;profile;w1;w2;w3;w4;w5;w6;w7;w8;w9;w10;w11;w12',
      '2025;Innleie;1200;even',
      '2025;Personalkostnader;252000;working-days',
      '2025;Avskrivninger;100;weights;1;1;0;0;0;0;0;0;0;0;0;2',
    ].join('\n');
    const r = await runImport(ctx.db, annualBudgetImporter, sourceFromPath(file(csv)));
    expect(r.problems).toEqual([]);
    const lines = await budgetLines(ctx.db, { year: 2025 });
    const of = (c: string) => lines.filter((l) => l.category === c).map((l) => l.amount / 100);
    expect(of('Innleie')).toEqual(Array(12).fill(100));
    expect(of('Personalkostnader')).toEqual([22, 20, 21, 19, 20, 20, 23, 21, 22, 23, 20, 21].map((d) => d * 1000));
    expect(of('Avskrivninger')).toEqual([25, 25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50]);
  });

  it('rejects an unknown profile, missing weights and an unknown category', async () => {
    const csv = 'year;category;amount;profile;w1\n2025;Innleie;1;monthly\n2025;Innleie;1;weights;1\n2025;Kaffe;1;even\n';
    const r = await runImport(ctx.db, annualBudgetImporter, sourceFromPath(file(csv)));
    expect(r.status).toBe('failed');
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'profile'],
      [3, 'w2'],
      [4, 'category'],
    ]);
  });

  it('keeps earlier periods’ forecasts: a period uses its own, or the latest earlier one in the year', async () => {
    await runImport(
      ctx.db,
      forecastImporter,
      sourceFromPath(file('period;category;amount;comment\n2025-04;Innleie;20 000 000;Forsinket prosjekt\n2025-04;Frikjøp;5000;\n')),
    );
    await runImport(
      ctx.db,
      forecastImporter,
      sourceFromPath(file('period;category;amount;comment\n2025-05;Innleie;"13 700 000";"Forsinket KAK; mindre rigg"\n')),
    );
    const may = await forecastsInForce(ctx.db, { period: '2025-05' });
    expect(may.map((f) => [f.period, f.category, f.amount, f.comment])).toEqual([
      ['2025-05', 'Innleie', 1_370_000_000, 'Forsinket KAK; mindre rigg'],
      ['2025-04', 'Frikjøp', 500_000, ''],
    ]);
    const april = await forecastsInForce(ctx.db, { period: '2025-04' });
    expect(april.find((f) => f.category === 'Innleie')?.amount).toBe(2_000_000_000);
    expect((await forecastHistory(ctx.db, { year: 2025 })).length).toBe(3);
    const dup = await runImport(
      ctx.db,
      forecastImporter,
      sourceFromPath(file('period;category;amount\n2025-06;Innleie;1\n2025-06;innleie;2\n')),
    );
    expect(dup.status).toBe('failed');
  });

  it('replaces the category rules from a file; explicit accounts win and the web table follows', async () => {
    expect((await loadMappingRules(ctx.db)).isDefault).toBe(true);
    const r = await runImport(ctx.db, mappingImporter, sourceFromPath(file('category;from;to\nDriftsinntekter;3000;3999\nInnleie;3500\n')));
    expect(r.status).toBe('succeeded');
    const { rules, isDefault } = await loadMappingRules(ctx.db);
    expect(isDefault).toBe(false);
    expect(rules).toEqual([
      { category: 'Driftsinntekter', from: 3000, to: 3999 },
      { category: 'Innleie', account: '3500' },
    ]);
    await runImport(ctx.db, trialBalanceImporter, sourceFromPath(file('year;month;account;amount\n2025;2;5000;10\n2025;2;3500;-10\n')));
    const t = await financeResult(ctx.db, { period: '2025-02' });
    expect(t.rows.find((r) => r.category === 'Innleie')?.actualMonth).toBe(-1000);
    // 5000 (Personalkostnader) now matches no rule: it is unmapped and out of the result.
    expect(t.unmapped.map((u) => u.accountId)).toContain('5000');
    const bad = await runImport(ctx.db, mappingImporter, sourceFromPath(file('category;from;to\nKaffe;1;2\nInnleie;9;1\n')));
    expect(bad.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'category'],
      [3, 'to'],
    ]);
  });
});
