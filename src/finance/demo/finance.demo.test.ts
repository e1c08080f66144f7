import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.ts';
import { importOrThrow, sourceFromPath } from '../../imports/imports.ts';
import type { DemoContext } from '../../module.ts';
import type { Db } from '../../storage/db.ts';
import { deviationsHtml, forecastSummary, forecastTableBlock } from '../finance.blocks.ts';
import { finance } from '../finance.module.ts';
import { financeResult, resultTableJson } from '../finance.section.ts';
import { financeRestatement } from '../finance-restatement.ts';
import { bankBalanceAt } from '../ledger/ledger.queries.ts';
import { buildDemoLedger, latePostings, runFinanceDemo } from './finance.demo.ts';

const PERIOD = '2025-05';

function demoContext(db: Db, dir: string): DemoContext {
  return {
    db,
    dir,
    period: PERIOD,
    importFile: (kind, path, options) => importOrThrow(db, finance.importers!.find((i) => i.kind === kind)!, sourceFromPath(path), options),
    log: () => {},
  };
}

/** NOK → MNOK with one decimal, as the report shows it. */
const mnok1 = (nok: number) => Math.round(nok / 100_000) / 10;

describeEachDialect('finance demo', (ctx) => {
  const dir = mkdtempSync(join(tmpdir(), 'finance-demo-'));

  it('imports a generated SAF-T 1.30 ledger, budgets and forecasts without errors', async () => {
    await runFinanceDemo(demoContext(ctx.db, dir));
    const runs = await ctx.db.selectFrom('import_runs').select(['kind', 'status', 'problems']).orderBy('id').execute();
    expect(runs.map((r) => [r.kind, r.status])).toEqual([
      ['finance-mapping', 'succeeded'],
      ['saf-t', 'succeeded'],
      ['saf-t', 'succeeded'],
      ['budget', 'succeeded'],
      ['budget-annual', 'succeeded'],
      ['forecast', 'succeeded'],
    ]);
    expect(runs.flatMap((r) => JSON.parse(r.problems))).toEqual([]);
  });

  it('restates April alone: first reported without the two late postings, which the May report shows', async () => {
    const months = await financeRestatement(ctx.db, { period: PERIOD, knownAt: '2025-06-10T08:00:00.000Z' });
    expect(months.map((m) => m.month)).toEqual(['2025-04']);
    const late = latePostings(buildDemoLedger(PERIOD), 4);
    expect(late).toHaveLength(2);
    const lateCost = late
      .flatMap((t) => t.lines)
      .filter((l) => l.accountId !== '2400')
      .reduce((s, l) => s + l.amount, 0);
    expect(months[0]!.difference).toBe(-lateCost);
    expect(months[0]!.imports.map((i) => [i.fileName, i.importedAt])).toEqual([['saf-t-2025-01-05.xml', '2025-06-04T08:00:00.000Z']]);
    // Before the full ledger arrived, April stood as first reported.
    expect((await financeResult(ctx.db, { period: '2025-04', knownAt: '2025-05-10T00:00:00.000Z' })).result.actualMonth).toBe(
      months[0]!.firstReported,
    );
  });

  it('reproduces the seed report: result May +7,0 and YTD +40,6; costs 9,2 under budget in May, 32,6 YTD', async () => {
    const json = resultTableJson(await financeResult(ctx.db, { period: PERIOD }));
    expect(mnok1(json.result.actualMonth)).toBe(7.0);
    expect(mnok1(json.result.actualYtd)).toBe(40.6);
    expect(mnok1(json.totals.actualMonth - json.totals.budgetMonth)).toBe(-9.2);
    expect(mnok1(json.totals.actualYtd - json.totals.budgetYtd)).toBe(-32.6);
    const ytd = Object.fromEntries(json.rows.map((r) => [r.category, mnok1(r.actualYtd - r.budgetYtd)]));
    expect(ytd).toMatchObject({
      Personalkostnader: -6.5,
      Tjenestekjøp: -7.3,
      Frikjøp: -5.0,
      'Lisenser, support og garanti': -11.2,
      Finansposter: -5.2,
    });
  });

  it('reproduces the forecast per May: total costs 354,4, 54,1 under the annual budget, and the seven deviations', async () => {
    const json = resultTableJson(await financeResult(ctx.db, { period: PERIOD }));
    expect(mnok1(json.totals.forecastYear ?? 0)).toBe(354.4);
    expect(mnok1((json.totals.forecastYear ?? 0) - json.totals.budgetYear)).toBe(-54.1);
    const dev = Object.fromEntries(json.rows.map((r) => [r.category, mnok1((r.forecastYear ?? 0) - r.budgetYear)]));
    expect(dev).toMatchObject({
      Personalkostnader: -5.7,
      Avskrivninger: -18.9,
      Innleie: -10.3,
      'Transmisjon og data': -2.4,
      'Lisenser, support og garanti': -14.5,
      Finansposter: -4.0,
      'Andre driftskostnader': 5.1,
    });
  });

  it('has bank deposits of 122,4 MNOK at 31.05.2025', async () => {
    expect(mnok1((await bankBalanceAt(ctx.db, { date: '2025-05-31' })) / 100)).toBe(122.4);
  });

  it('writes the seed report’s deviation bullets from the data', async () => {
    const t = await financeResult(ctx.db, { period: PERIOD });
    const ytd = deviationsHtml(t).value;
    expect(ytd).toContain('Vesentligste avvikene mot budsjett per 31.05 (akkumulert):');
    expect([...ytd.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1])).toEqual([
      'Personalkostnader 6,5\u00a0MNOK under budsjett',
      'Frikjøp 5,0\u00a0MNOK under budsjett',
      'Tjenestekjøp 7,3\u00a0MNOK under budsjett',
      'Lisenser, support og garanti 11,2\u00a0MNOK under budsjett',
      'Finansposter 5,2\u00a0MNOK under budsjett',
    ]);
    const forecast = forecastSummary(t).value;
    expect(forecast).toContain(
      'Årsprognose per mai viser totale kostnader (inkl. finansposter) på 354,4\u00a0MNOK. Dette gir totale kostnader på 54,1\u00a0MNOK under årsbudsjett.',
    );
    expect([...forecast.matchAll(/<li>(.*?) er ([\d,]+\u00a0MNOK (?:under|over)) budsjett/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'Personalkostnader 5,7\u00a0MNOK under',
      'Innleie 10,3\u00a0MNOK under',
      'Lisenser, support og garanti 14,5\u00a0MNOK under',
      'Transmisjon og data 2,4\u00a0MNOK under',
      'Avskrivninger 18,9\u00a0MNOK under',
      'Andre driftskostnader 5,1\u00a0MNOK over',
      'Finansposter 4,0\u00a0MNOK under',
    ]);
    // Comments are printed once, in the table's comment column (capitalised), not repeated in the bullets.
    expect(forecast).toContain('<li>Personalkostnader er 5,7\u00a0MNOK under budsjett.</li>');
    expect(forecast).not.toContain('som følge av');
    const comment = forecastTableBlock(t).rows.find((r) => r.cells[0]?.text === 'Personalkostnader')?.cells[4]?.text;
    expect(comment).toMatch(/^Som følge av forsinkelse i rekrutteringer av nye årsverk, samt turnover\./);
  });

  it('computes from the raw data: a changed invoice in a newer SAF-T file changes the result', async () => {
    const file = join(dir, 'saf-t-2025-01-05.xml');
    const text = readFileSync(file, 'utf8');
    // Raise one May licence invoice (debit 6420, credit 2400) by 1 000 000 NOK.
    const tx =
      /<Transaction>(?:(?!<\/Transaction>)[\s\S])*?<Period>05<\/Period>(?:(?!<\/Transaction>)[\s\S])*?<AccountID>6420<\/AccountID>[\s\S]*?<\/Transaction>/.exec(
        text,
      );
    expect(tx).not.toBeNull();
    const bump = (xml: string, tag: string) =>
      xml.replace(
        new RegExp(`<${tag}><Amount>([\\d.]+)</Amount></${tag}>`),
        (_m, a: string) => `<${tag}><Amount>${(Number(a) + 1_000_000).toFixed(2)}</Amount></${tag}>`,
      );
    const changed = bump(bump(tx![0], 'DebitAmount'), 'CreditAmount');
    const newer = join(dir, 'saf-t-2025-01-05-corrected.xml');
    writeFileSync(newer, text.replace(tx![0], changed));
    await importOrThrow(ctx.db, finance.importers!.find((i) => i.kind === 'saf-t')!, sourceFromPath(newer));
    const json = resultTableJson(await financeResult(ctx.db, { period: PERIOD }));
    expect(mnok1(json.result.actualMonth)).toBe(6.0);
    expect(mnok1(json.result.actualYtd)).toBe(39.6);
  });
});
