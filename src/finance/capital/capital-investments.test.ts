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
