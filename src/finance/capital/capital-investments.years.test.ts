/** Which budget years the investment overview shows, and how a budget year sums its projects. */
import { describe, expect, it } from 'vitest';
import { investmentOverview } from './capital-investments.ts';

const none = { budgets: [], expectedUse: [], milestones: [], invoices: [] };

describe('investmentOverview budget years', () => {
  it('shows an old budget year with money left even when nothing was invoiced this year', () => {
    const o = investmentOverview(
      {
        ...none,
        budgets: [{ budgetYear: 2023, project: 'Gammel', approved: 100, reserve: 0 }],
        invoices: [{ invoiceNo: '1', invoiceDate: '2024-03-01', project: 'Gammel', budgetYear: 2023, amount: 30 }],
      },
      '2025-05',
    );
    expect(o.budgetYears.map((b) => [b.budgetYear, b.remaining, b.invoicedThisYear])).toEqual([[2023, 70, 0]]);
  });

  it('counts the unpaid milestones of every project of a budget year', () => {
    const milestone = (project: string, milestone: string) => ({
      budgetYear: 2025,
      project,
      milestone,
      amount: 10,
      plannedDate: '2025-09-01',
      paidDate: null,
    });
    const o = investmentOverview(
      {
        ...none,
        budgets: [
          { budgetYear: 2025, project: 'A', approved: 100, reserve: 0 },
          { budgetYear: 2025, project: 'B', approved: 100, reserve: 0 },
        ],
        milestones: [milestone('A', 'M1'), milestone('A', 'M2'), milestone('B', 'M1')],
      },
      '2025-05',
    );
    expect(o.budgetYears[0]?.projects.map((p) => p.remainingMilestoneCount)).toEqual([2, 1]);
    expect(o.budgetYears[0]).toMatchObject({ remainingMilestoneCount: 3, remainingMilestones: 30 });
    expect(o.total).toMatchObject({ remainingMilestoneCount: 3, remainingMilestones: 30 });
  });
});
