import { describe, expect, it } from 'vitest';
import { type InvestmentData, investmentOverview } from './capital-investments.ts';

const MNOK = 100_000_000; // øre

function data(over: Partial<InvestmentData> = {}): InvestmentData {
  return {
    budgets: [
      { budgetYear: 2024, project: 'KAK', approved: 50 * MNOK, reserve: 5 * MNOK },
      { budgetYear: 2025, project: 'KAK', approved: 30 * MNOK, reserve: 0 },
      { budgetYear: 2025, project: 'Radio', approved: 10 * MNOK, reserve: 1 * MNOK },
    ],
    expectedUse: [
      { budgetYear: 2025, project: 'KAK', year: 2025, amount: 25 * MNOK },
      { budgetYear: 2025, project: 'KAK', year: 2026, amount: 5 * MNOK },
      { budgetYear: 2025, project: 'Radio', year: 2025, amount: 8 * MNOK },
    ],
    milestones: [
      { budgetYear: 2024, project: 'KAK', milestone: 'PM1', amount: 10 * MNOK, plannedDate: '2024-06-01', paidDate: '2024-06-20' },
      { budgetYear: 2024, project: 'KAK', milestone: 'PM2', amount: 12 * MNOK, plannedDate: '2025-04-01', paidDate: '2025-06-03' },
      { budgetYear: 2024, project: 'KAK', milestone: 'PM3', amount: 8 * MNOK, plannedDate: '2025-11-01', paidDate: null },
    ],
    invoices: [
      { invoiceNo: '1', invoiceDate: '2024-06-20', project: 'KAK', budgetYear: 2024, amount: 10 * MNOK },
      { invoiceNo: '2', invoiceDate: '2025-01-15', project: 'KAK', budgetYear: 2024, amount: 4 * MNOK },
      { invoiceNo: '3', invoiceDate: '2025-05-31', project: 'KAK', budgetYear: 2025, amount: 3 * MNOK },
      { invoiceNo: '4', invoiceDate: '2025-06-01', project: 'KAK', budgetYear: 2025, amount: 7 * MNOK },
    ],
    ...over,
  };
}

describe('investmentOverview(data, period)', () => {
  it('counts invoices of the year up to period end and to date, per budget year, newest budget year first', () => {
    const o = investmentOverview(data(), '2025-05');
    expect(o.asOf).toBe('2025-05-31');
    expect(o.invoicedThisYear).toBe(7 * MNOK);
    expect(o.budgetYears.map((b) => [b.budgetYear, b.approved, b.invoicedThisYear, b.invoicedToDate, b.remaining])).toEqual([
      [2025, 40 * MNOK, 3 * MNOK, 3 * MNOK, 37 * MNOK],
      [2024, 50 * MNOK, 4 * MNOK, 14 * MNOK, 36 * MNOK],
    ]);
  });

  it('takes expected use for the report year only, and null when none was entered', () => {
    const o = investmentOverview(data(), '2025-05');
    expect(o.budgetYears[0]?.expectedUseThisYear).toBe(33 * MNOK);
    expect(o.budgetYears[1]?.expectedUseThisYear).toBeNull();
  });

  it('splits what remains into unpaid milestones, the reserve (capped) and other investments', () => {
    const kak2024 = investmentOverview(data(), '2025-05').budgetYears[1]?.projects[0];
    // PM2 was paid after period end, so it still counts as remaining.
    expect(kak2024).toMatchObject({
      remainingMilestones: 20 * MNOK,
      remainingMilestoneCount: 2,
      remainingReserve: 5 * MNOK,
      remainingOther: 11 * MNOK,
    });
    const capped = investmentOverview(
      data({ invoices: [{ invoiceNo: '9', invoiceDate: '2025-01-01', project: 'KAK', budgetYear: 2024, amount: 28 * MNOK }] }),
      '2025-05',
    ).budgetYears[1]?.projects[0];
    // 22 remain, 20 of them milestones: only 2 of the 5 reserve is left.
    expect(capped).toMatchObject({ remaining: 22 * MNOK, remainingReserve: 2 * MNOK, remainingOther: 0 });
  });

  it('keeps invoices on a project without a budget row (approved 0) and hides finished old budget years', () => {
    const o = investmentOverview(
      data({
        budgets: [{ budgetYear: 2022, project: 'Gammel', approved: MNOK, reserve: 0 }],
        expectedUse: [],
        milestones: [],
        invoices: [
          { invoiceNo: '1', invoiceDate: '2023-01-01', project: 'Gammel', budgetYear: 2022, amount: MNOK },
          { invoiceNo: '2', invoiceDate: '2025-02-01', project: 'Ukjent', budgetYear: 2024, amount: 2 * MNOK },
        ],
      }),
      '2025-05',
    );
    expect(o.budgetYears.map((b) => [b.budgetYear, b.remaining])).toEqual([[2024, -2 * MNOK]]);
  });

  it('ignores budget years after the report year', () => {
    const o = investmentOverview(
      data({ budgets: [{ budgetYear: 2026, project: 'X', approved: MNOK, reserve: 0 }], invoices: [], milestones: [], expectedUse: [] }),
      '2025-05',
    );
    expect(o.budgetYears).toEqual([]);
  });
});

describe('investmentOverview at the edges of the period', () => {
  const none = { budgets: [], expectedUse: [], milestones: [], invoices: [] };
  const invoice = (invoiceDate: string, amount: number, project = 'P', budgetYear = 2024) => ({
    invoiceNo: invoiceDate,
    invoiceDate,
    project,
    budgetYear,
    amount,
  });

  it('counts this year from 1 January and to date through the last day of the period', () => {
    const o = investmentOverview(
      {
        ...none,
        budgets: [{ budgetYear: 2024, project: 'P', approved: 10_000, reserve: 0 }],
        invoices: [invoice('2024-12-31', 1), invoice('2025-01-01', 20), invoice('2025-05-31', 300), invoice('2025-06-01', 4_000)],
      },
      '2025-05',
    );
    expect(o.budgetYears[0]).toMatchObject({ budgetYear: 2024, invoicedThisYear: 320, invoicedToDate: 321, remaining: 9_679 });
    expect(o.total).toMatchObject({ invoicedThisYear: 320, invoicedToDate: 321, remaining: 9_679, approved: 10_000 });
    expect([o.period, o.year, o.asOf, o.invoicedThisYear]).toEqual(['2025-05', 2025, '2025-05-31', 320]);
  });

  it('takes a milestone paid on the last day as paid and one paid the day after as remaining', () => {
    const milestone = (milestone: string, paidDate: string | null, amount: number) => ({
      budgetYear: 2025,
      project: 'P',
      milestone,
      amount,
      plannedDate: '2025-01-01',
      paidDate,
    });
    const o = investmentOverview(
      {
        ...none,
        budgets: [{ budgetYear: 2025, project: 'P', approved: 1_000, reserve: 100 }],
        milestones: [
          milestone('M1', '2025-05-30', 1),
          milestone('M2', '2025-05-31', 20),
          milestone('M3', '2025-06-01', 300),
          milestone('M4', null, 400),
        ],
      },
      '2025-05',
    );
    expect(o.budgetYears[0]?.projects[0]).toEqual({
      project: 'P',
      approved: 1_000,
      invoicedThisYear: 0,
      invoicedToDate: 0,
      remaining: 1_000,
      expectedUseThisYear: null,
      remainingMilestones: 700,
      remainingMilestoneCount: 2,
      remainingReserve: 100,
      remainingOther: 200,
    });
    expect(o.total).toMatchObject({ remainingMilestones: 700, remainingMilestoneCount: 2, remainingReserve: 100, remainingOther: 200 });
  });

  it('leaves no reserve when unpaid milestones exceed what remains', () => {
    const o = investmentOverview(
      {
        ...none,
        budgets: [{ budgetYear: 2025, project: 'P', approved: 1_000, reserve: 100 }],
        invoices: [invoice('2025-02-01', 900, 'P', 2025)],
        milestones: [{ budgetYear: 2025, project: 'P', milestone: 'M', amount: 300, plannedDate: '2025-09-01', paidDate: null }],
      },
      '2025-05',
    );
    expect(o.budgetYears[0]?.projects[0]).toMatchObject({
      remaining: 100,
      remainingMilestones: 300,
      remainingReserve: 0,
      remainingOther: -200,
    });
  });

  it('adds up several expected uses of the report year, project by project and in the total', () => {
    const use = (project: string, year: number, amount: number) => ({ budgetYear: 2025, project, year, amount });
    const o = investmentOverview(
      {
        ...none,
        budgets: [
          { budgetYear: 2025, project: 'A', approved: 100, reserve: 0 },
          { budgetYear: 2025, project: 'B', approved: 100, reserve: 0 },
        ],
        expectedUse: [use('A', 2025, 10), use('A', 2025, 5), use('A', 2024, 1_000)],
      },
      '2025-05',
    );
    expect(o.budgetYears[0]?.projects.map((p) => [p.project, p.expectedUseThisYear])).toEqual([
      ['A', 15],
      ['B', null],
    ]);
    expect(o.budgetYears[0]?.expectedUseThisYear).toBe(15);
    expect(o.total.expectedUseThisYear).toBe(15);
  });

  it('shows the report year even when nothing remains, and an old year when it invoiced this year', () => {
    const o = investmentOverview(
      {
        ...none,
        budgets: [
          { budgetYear: 2025, project: 'Ny', approved: 0, reserve: 0 },
          { budgetYear: 2023, project: 'Ferdig', approved: 50, reserve: 0 },
          { budgetYear: 2022, project: 'Avsluttet', approved: 70, reserve: 0 },
        ],
        invoices: [invoice('2025-03-01', 50, 'Ferdig', 2023), invoice('2024-03-01', 70, 'Avsluttet', 2022)],
      },
      '2025-05',
    );
    expect(o.budgetYears.map((b) => [b.budgetYear, b.remaining, b.invoicedThisYear])).toEqual([
      [2025, 0, 0],
      [2023, 0, 50],
    ]);
    expect(o.total).toMatchObject({ approved: 50, invoicedThisYear: 50, invoicedToDate: 50, remaining: 0, expectedUseThisYear: null });
  });

  it('lists projects in Norwegian order and keeps budget years apart from project names', () => {
    const budget = (budgetYear: number, project: string) => ({ budgetYear, project, approved: 10, reserve: 0 });
    const o = investmentOverview(
      {
        ...none,
        budgets: [budget(2025, 'Åsen'), budget(2025, 'Øvre'), budget(2025, 'Zulu'), budget(2025, 'Ærfugl'), budget(2025, 'Alfa')],
      },
      '2025-05',
    );
    expect(o.budgetYears[0]?.projects.map((p) => p.project)).toEqual(['Alfa', 'Zulu', 'Ærfugl', 'Øvre', 'Åsen']);
    expect(o.budgetYears[0]?.approved).toBe(50);
  });

  it('counts a milestone or an expected use on a project without a budget row', () => {
    const o = investmentOverview(
      {
        ...none,
        milestones: [{ budgetYear: 2025, project: 'M', milestone: 'M1', amount: 5, plannedDate: '2025-09-01', paidDate: null }],
        expectedUse: [{ budgetYear: 2025, project: 'U', year: 2025, amount: 7 }],
      },
      '2025-05',
    );
    expect(o.budgetYears[0]?.projects.map((p) => [p.project, p.approved, p.remainingMilestones, p.expectedUseThisYear])).toEqual([
      ['M', 0, 5, null],
      ['U', 0, 0, 7],
    ]);
  });
});
