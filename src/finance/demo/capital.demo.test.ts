import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.ts';
import { createRandom } from '../../demo/random.ts';
import { importOrThrow, sourceFromPath } from '../../imports/imports.ts';
import { formatMnokValue } from '../../shared/format.ts';
import type { Db } from '../../storage/db.ts';
import { capitalImporters } from '../capital/capital.import.ts';
import { getInvestmentOverview, getLiquidityOverview, getReceivablesAgeing } from '../capital/capital.queries.ts';
import { runCapitalDemo, splitOre } from './capital.demo.ts';

const mnok = formatMnokValue;

async function runDemo(db: Db): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'styrerom-capital-demo-'));
  await runCapitalDemo({
    db,
    dir,
    period: '2025-05',
    importFile: (kind, path, options) =>
      importOrThrow(db, capitalImporters.find((i) => i.kind === kind)!, sourceFromPath(path), {
        now: '2025-06-03T08:00:00.000Z',
        ...options,
      }),
    log: () => {},
  });
  return dir;
}

describeEachDialect('the capital demo, imported into a fresh database, reproduces the May 2025 report', (ctx) => {
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    db = ctx.db;
    dir = await runDemo(db);
  });

  it('invoices received YTD 39,3: 22,5 on the 2025 budget and 16,8 on 2023/2024', async () => {
    const o = await getInvestmentOverview(db, { period: '2025-05' });
    expect(mnok(o.invoicedThisYear)).toBe('39,3');
    const byYear = new Map(o.budgetYears.map((b) => [b.budgetYear, b]));
    expect(mnok(byYear.get(2025)!.invoicedThisYear)).toBe('22,5');
    expect(mnok(byYear.get(2023)!.invoicedThisYear + byYear.get(2024)!.invoicedThisYear)).toBe('16,8');
  });

  it('2025 budget 139,1 with expected use 134,1', async () => {
    const b2025 = (await getInvestmentOverview(db, { period: '2025-05' })).budgetYears.find((b) => b.budgetYear === 2025)!;
    expect([mnok(b2025.approved), mnok(b2025.expectedUseThisYear!)]).toEqual(['139,1', '134,1']);
  });

  it('2023 budget: 14,6 remaining (Medielogg 10,6 with three milestones 5,0 and reserve 5,2; KAK 4,0)', async () => {
    const b2023 = (await getInvestmentOverview(db, { period: '2025-05' })).budgetYears.find((b) => b.budgetYear === 2023)!;
    expect(mnok(b2023.remaining)).toBe('14,6');
    const medielogg = b2023.projects.find((p) => p.project === 'Medielogg')!;
    expect([
      mnok(medielogg.remaining),
      mnok(medielogg.remainingMilestones),
      medielogg.remainingMilestoneCount,
      mnok(medielogg.remainingReserve),
    ]).toEqual(['10,6', '5,0', 3, '5,2']);
    expect(mnok(b2023.projects.find((p) => p.project === 'KAK')!.remaining)).toBe('4,0');
  });

  it('2024 budget: 35,3 remaining (KAK 35,2: milestone 17,2, reserve 5,4, other investments 12,6)', async () => {
    const b2024 = (await getInvestmentOverview(db, { period: '2025-05' })).budgetYears.find((b) => b.budgetYear === 2024)!;
    expect(mnok(b2024.remaining)).toBe('35,3');
    const kak = b2024.projects.find((p) => p.project === 'KAK')!;
    expect([
      mnok(kak.remaining),
      mnok(kak.remainingMilestones),
      kak.remainingMilestoneCount,
      mnok(kak.remainingReserve),
      mnok(kak.remainingOther),
    ]).toEqual(['35,2', '17,2', 1, '5,4', '12,6']);
  });

  it('liquidity forecast 66,4, 20,1 expected in Q1 2026; loan 120 with 80 in July and the rest planned for December', async () => {
    const o = await getLiquidityOverview(db, { period: '2025-05', bankBalanceAt: async () => null });
    expect([mnok(o.yearEndForecast!), mnok(o.nextYearQ1Investments!)]).toEqual(['66,4', '20,1']);
    const [loan] = o.loans;
    expect([mnok(loan!.requested), mnok(loan!.disbursed), mnok(loan!.planned), mnok(loan!.unallocated)]).toEqual([
      '120,0',
      '80,0',
      '40,0',
      '0,0',
    ]);
    expect(loan!.disbursements.map((d) => [d.date.slice(0, 7), d.state])).toEqual([
      ['2025-07', 'scheduled'],
      ['2025-12', 'planned'],
    ]);
  });

  it('plausible receivables: 11,1 MNOK open, 2,5 MNOK overdue, every bucket used, mostly helseforetak', async () => {
    const a = await getReceivablesAgeing(db, { period: '2025-05' });
    expect(a.listDate).toBe('2025-05-31');
    expect([a.total.total, a.total.overdue, a.total.items]).toEqual([1_107_131_325, 252_511_100, 27]);
    expect(a.byType.map((r) => [r.customerType, r.total, r.overdue])).toEqual([
      ['helseforetak', 985_472_925, 210_252_700],
      ['kommune', 95_962_850, 33_633_400],
      ['annen', 25_695_550, 8_625_000],
    ]);
    expect(a.total.buckets).toEqual({
      notDue: 854_620_225,
      days1to30: 223_416_100,
      days31to60: 15_620_000,
      days61to90: 8_625_000,
      over90: 4_850_000,
    });
  });

  it('changing the raw data changes the figures: one more million on a 2025 invoice gives 40,3 and 23,5', async () => {
    const file = readFileSync(join(dir, 'investment-invoices.csv'), 'utf8').split('\n');
    const i = file.findIndex((l) => /;2025;\d+,\d\d;LF-2025-/.test(l));
    const cells = file[i]!.split(';');
    const [kroner, ore] = cells[3]!.split(',');
    cells[3] = `${Number(kroner) + 1_000_000},${ore}`;
    file[i] = cells.join(';');
    const changed = join(dir, 'investment-invoices-corrected.csv');
    writeFileSync(changed, file.join('\n'));
    await importOrThrow(db, capitalImporters.find((x) => x.kind === 'investment-invoices')!, sourceFromPath(changed), {
      now: '2025-06-04T08:00:00.000Z',
    });
    const o = await getInvestmentOverview(db, { period: '2025-05' });
    expect(mnok(o.invoicedThisYear)).toBe('40,3');
    expect(mnok(o.budgetYears.find((b) => b.budgetYear === 2025)!.invoicedThisYear)).toBe('23,5');
  });
});

describe('splitOre(total, n, random)', () => {
  it('splits exactly into positive parts', () => {
    const parts = splitOre(984_261_540, 5, createRandom(1));
    expect(parts).toHaveLength(5);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(984_261_540);
    expect(parts.every((p) => p > 0)).toBe(true);
  });
});
