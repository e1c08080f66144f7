import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase } from '../../../test/support/databases.ts';
import { type Importer, runImport, sourceFromPath } from '../../imports/imports.ts';
import type { Problem } from '../../shared/errors.ts';
import type { Db } from '../../storage/db.ts';
import {
  investmentBudgetsImporter,
  investmentInvoicesImporter,
  liquidityForecastImporter,
  loanDisbursementsImporter,
  loansImporter,
  paymentMilestonesImporter,
  receivablesImporter,
} from './capital.import.ts';
import { findReceivablesList, getInvestmentOverview, getLiquidityOverview, getReceivablesAgeing } from './capital.queries.ts';

const dir = mkdtempSync(join(tmpdir(), 'styrerom-capital-'));
let n = 0;

function csv(content: string): string {
  const path = join(dir, `f${++n}.csv`);
  writeFileSync(path, content);
  return path;
}

const NOW = '2025-06-03T08:00:00.000Z';

async function load(db: Db, importer: Importer, content: string) {
  return runImport(db, importer, sourceFromPath(csv(content)), { now: NOW });
}

function where(problems: Problem[]): string[] {
  return problems.filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.column}`);
}

const noBankBalance = async () => null;

describeEachDialect('capital imports: problems name line and column, nothing is written', (ctx) => {
  it('investment-budgets: bad year, bad amount, reserve above approved, half an expected use, disagreeing repeats', async () => {
    const r = await load(
      ctx.db,
      investmentBudgetsImporter,
      [
        'budget_year;project;approved;uncertainty_reserve;expected_use_year;expected_use',
        '25;KAK;100;;;',
        '2025;KAK;1 000,5x;;;',
        '2025;Radio;100;200;;',
        '2025;Medielogg;100;0;2025;',
        '2024;KAK;100;10;2024;50',
        '2024;KAK;101;10;2025;50',
        '2024;KAK;100;10;2024;20',
      ].join('\n'),
    );
    expect(r.status).toBe('failed');
    expect(where(r.problems)).toEqual([
      '2:budget_year',
      '3:approved',
      '4:uncertainty_reserve',
      '5:expected_use',
      '7:approved',
      '8:expected_use_year',
    ]);
    expect(await ctx.db.selectFrom('finance_investment_budgets').selectAll().execute()).toEqual([]);
  });

  it('payment-milestones: bad dates, negative amount, a repeated milestone', async () => {
    const r = await load(
      ctx.db,
      paymentMilestonesImporter,
      [
        'budget_year;project;milestone;amount;planned_date;paid_date',
        '2023;Medielogg;PM1;100;2025-02-30;',
        '2023;Medielogg;PM2;-5;2025-06-01;',
        '2023;Medielogg;PM3;5;2025-06-01;juni',
        '2023;Medielogg;PM4;5;2025-06-01;',
        '2023;Medielogg;PM4;6;2025-07-01;',
      ].join('\n'),
    );
    expect(where(r.problems)).toEqual(['2:planned_date', '3:amount', '4:paid_date', '6:milestone']);
  });

  it('investment-invoices: a missing column is named on the header line', async () => {
    const r = await load(ctx.db, investmentInvoicesImporter, 'invoice_date;project;amount;invoice_no\n2025-01-01;KAK;5;F1\n');
    expect(where(r.problems)).toEqual(['1:budget_year']);
  });

  it('investment-invoices: missing invoice number, bad date and a repeated invoice line', async () => {
    const r = await load(
      ctx.db,
      investmentInvoicesImporter,
      [
        'invoice_date;project;budget_year;amount;invoice_no',
        '2025-01-01;KAK;2025;5;',
        '01.02.2025;KAK;2025;5;F2',
        '2025-01-01;KAK;2025;5;F3',
        '2025-01-02;KAK;2025;7;F3',
      ].join('\n'),
    );
    expect(where(r.problems)).toEqual(['2:invoice_no', '3:invoice_date', '5:invoice_no']);
  });

  it('loans and loan-disbursements: a repeated facility, a bad status, an unknown facility', async () => {
    const loans = await load(ctx.db, loansImporter, 'facility;requested;purpose\nLån;120;x\nLån;100;y\n');
    expect(where(loans.problems)).toEqual(['3:facility']);
    const d = await load(
      ctx.db,
      loanDisbursementsImporter,
      'facility;date;amount;status\nUkjent;2025-07-01;80;actual\nUkjent;2025-12-01;40;kanskje\n',
    );
    expect(where(d.problems)).toEqual(['3:status', '2:facility']);
  });

  it('liquidity-forecast: bad period and a repeated period', async () => {
    const r = await load(ctx.db, liquidityForecastImporter, 'period;year_end_forecast\n2025-13;5\n2025-05;5\n2025-05;6\n');
    expect(where(r.problems)).toEqual(['2:period', '4:period']);
  });

  it('receivables: bad customer type, due before invoice date, two list dates, a repeated invoice', async () => {
    const r = await load(
      ctx.db,
      receivablesImporter,
      [
        'customer;customer_type;invoice_no;invoice_date;due_date;amount;outstanding;as_of',
        'A;privat;1;2025-05-01;2025-05-31;10;10;2025-05-31',
        'A;kommune;2;2025-05-01;2025-04-30;10;10;2025-05-31',
        'A;kommune;3;2025-05-01;2025-05-31;10;10;2025-06-30',
        'A;kommune;4;2025-05-01;2025-05-31;10;10;2025-05-31',
        'A;kommune;4;2025-05-01;2025-05-31;10;10;2025-05-31',
      ].join('\n'),
    );
    expect(where(r.problems)).toEqual(['2:customer_type', '3:due_date', '6:invoice_no', '4:as_of']);
  });
});

describeEachDialect('capital imports: stored and read back', (ctx) => {
  it('investment budgets, milestones and invoices give the overview; a re-import replaces, never doubles', async () => {
    const budgets = [
      'budget_year;project;approved;uncertainty_reserve;expected_use_year;expected_use',
      '2025;KAK;1000000,50;100000;2025;900000',
      '2025;KAK;1000000,50;100000;2026;100000,50',
      '2024;KAK;500000;50000;;',
    ].join('\n');
    expect((await load(ctx.db, investmentBudgetsImporter, budgets)).status).toBe('succeeded');
    await load(
      ctx.db,
      paymentMilestonesImporter,
      'budget_year;project;milestone;amount;planned_date;paid_date\n2024;KAK;PM1;200000;2025-09-01;\n',
    );
    const invoices =
      'invoice_date;project;budget_year;amount;invoice_no\n2025-02-01;KAK;2025;250000,25;F1\n2024-11-01;KAK;2024;100000;F0\n2025-03-01;KAK;2024;50000;F2\n';
    await load(ctx.db, investmentInvoicesImporter, invoices);
    // F2 corrected in a later file: replaced, not added.
    await load(ctx.db, investmentInvoicesImporter, 'invoice_date;project;budget_year;amount;invoice_no\n2025-03-01;KAK;2024;60000;F2\n');
    const o = await getInvestmentOverview(ctx.db, { period: '2025-05' });
    expect(o.invoicedThisYear).toBe(31_000_025);
    expect(o.budgetYears.map((b) => [b.budgetYear, b.approved, b.invoicedThisYear, b.remaining, b.expectedUseThisYear])).toEqual([
      [2025, 100_000_050, 25_000_025, 75_000_025, 90_000_000],
      [2024, 50_000_000, 6_000_000, 34_000_000, null],
    ]);
    expect(o.budgetYears[1]?.projects[0]).toMatchObject({
      remainingMilestones: 20_000_000,
      remainingReserve: 5_000_000,
      remainingOther: 9_000_000,
    });
    // A new budget file for 2025 replaces the year (KAK 2024 stays).
    await load(ctx.db, investmentBudgetsImporter, 'budget_year;project;approved\n2025;Radio;10\n');
    const after = await getInvestmentOverview(ctx.db, { period: '2025-05' });
    expect(after.budgetYears.find((b) => b.budgetYear === 2025)?.projects.map((p) => [p.project, p.approved])).toEqual([
      ['KAK', 0],
      ['Radio', 1000],
    ]);
    expect(after.budgetYears.find((b) => b.budgetYear === 2024)?.approved).toBe(50_000_000);
  });

  it('loans, disbursements and the liquidity forecast give the liquidity overview', async () => {
    await load(ctx.db, loansImporter, 'facility;requested;purpose\nLån 2025;120000000;Investeringer\n');
    await load(
      ctx.db,
      loanDisbursementsImporter,
      'facility;date;amount;status\nLån 2025;2025-07-15;80000000;actual\nLån 2025;2025-12-15;40000000;planlagt\n',
    );
    await load(ctx.db, liquidityForecastImporter, 'period;year_end_forecast;next_year_q1_investments\n2025-05;66400000;20100000\n');
    const o = await getLiquidityOverview(ctx.db, {
      period: '2025-05',
      bankBalanceAt: async (_db, { date }) => (date === '2025-05-31' ? 12_240_000_000 : 0),
    });
    expect(o.bankBalance).toBe(12_240_000_000);
    expect([o.yearEndForecast, o.nextYearQ1Investments]).toEqual([6_640_000_000, 2_010_000_000]);
    expect(o.loans.map((l) => [l.facility, l.requested, l.disbursed, l.planned, l.disbursements.map((d) => d.state)])).toEqual([
      ['Lån 2025', 12_000_000_000, 8_000_000_000, 4_000_000_000, ['scheduled', 'planned']],
    ]);
    const noLedger = await getLiquidityOverview(ctx.db, { period: '2025-06', bankBalanceAt: noBankBalance });
    expect([noLedger.bankBalance, noLedger.yearEndForecast]).toEqual([null, null]);
  });

  it('receivables: one list per date, the newest on or before period end is aged', async () => {
    const header = 'customer;customer_type;invoice_no;invoice_date;due_date;amount;outstanding;as_of';
    await load(ctx.db, receivablesImporter, `${header}\nHF A;helseforetak;1;2025-03-01;2025-03-31;1000;1000;2025-04-30\n`);
    await load(
      ctx.db,
      receivablesImporter,
      `${header}\nHF A;helseforetak;1;2025-03-01;2025-03-31;1000;400;2025-05-31\nKommune B;kommune;2;2025-05-10;2025-06-09;500;500;2025-05-31\n`,
    );
    const may = await getReceivablesAgeing(ctx.db, { period: '2025-05' });
    expect(may.listDate).toBe('2025-05-31');
    expect(may.total).toMatchObject({ total: 90_000, overdue: 40_000 });
    expect(may.byType[0]?.buckets.days61to90).toBe(40_000);
    const april = await getReceivablesAgeing(ctx.db, { period: '2025-04' });
    expect([april.listDate, april.total.total, april.total.buckets.days1to30]).toEqual(['2025-04-30', 100_000, 100_000]);
    expect(await findReceivablesList(ctx.db, { asOf: '2025-01-31' })).toBeNull();
    // A list dated a few days into the next month is nearer than last month's list.
    await load(ctx.db, receivablesImporter, `${header}\nHF A;helseforetak;1;2025-03-01;2025-03-31;1000;300;2025-07-04\n`);
    expect((await findReceivablesList(ctx.db, { asOf: '2025-06-30' }))?.listDate).toBe('2025-07-04');
    expect((await findReceivablesList(ctx.db, { asOf: '2025-05-31' }))?.listDate).toBe('2025-05-31');
  });

  it('receivables without as_of take the import date (Europe/Oslo) as the list date', async () => {
    const r = await load(
      ctx.db,
      receivablesImporter,
      'customer;customer_type;invoice_no;invoice_date;due_date;amount;outstanding\nX;annen;9;2025-06-01;2025-06-30;5;5\n',
    );
    expect(r.status).toBe('succeeded');
    expect((await findReceivablesList(ctx.db, { asOf: '2025-06-03' }))?.listDate).toBe('2025-06-03');
  });
});

describe('capital imports from what Norwegian Excel writes', () => {
  it('reads a Windows-1252 receivables file with æøå and comma decimals', async () => {
    const path = join(dir, 'reskontro-1252.csv');
    writeFileSync(
      path,
      iconv.encode(
        'customer;customer_type;invoice_no;invoice_date;due_date;amount;outstanding;as_of\r\nBodø kommune;kommune;77;2025-05-02;2025-06-01;1 234,50;1 234,50;2025-05-31\r\n',
        'windows-1252',
      ),
    );
    const open = await freshDatabase('sqlite');
    try {
      expect((await runImport(open.db, receivablesImporter, sourceFromPath(path), { now: NOW, encoding: 'windows-1252' })).status).toBe(
        'succeeded',
      );
      const rows = await open.db.selectFrom('finance_receivables').select(['customer', 'outstanding_ore']).execute();
      expect(rows).toEqual([{ customer: 'Bodø kommune', outstanding_ore: 123_450 }]);
    } finally {
      await open.close();
    }
  });

  it('reads numbers and dates typed as cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Fakturaer');
    ws.addRow(['invoice_date', 'project', 'budget_year', 'amount', 'invoice_no']);
    ws.addRow([new Date(Date.UTC(2025, 1, 3)), 'KAK', 2025, 1234.5, 'F-77']);
    const path = join(dir, 'inv.xlsx');
    await wb.xlsx.writeFile(path);
    const open = await freshDatabase('sqlite');
    try {
      const r = await runImport(open.db, investmentInvoicesImporter, sourceFromPath(path), { now: NOW });
      expect(r.status).toBe('succeeded');
      const rows = await open.db.selectFrom('finance_investment_invoices').select(['invoice_date', 'amount_ore', 'invoice_no']).execute();
      expect(rows).toEqual([{ invoice_date: '2025-02-03', amount_ore: 123_450, invoice_no: 'F-77' }]);
    } finally {
      await open.close();
    }
  });
});
