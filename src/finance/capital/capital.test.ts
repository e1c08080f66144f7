import { describe, expect, it } from 'vitest';
import { disbursementState, liquidityOverview } from './capital.ts';

describe('disbursementState(disbursement, asOf)', () => {
  it('is disbursed when actual and dated by period end, scheduled when actual but later, else planned', () => {
    const d = { facility: 'L', amount: 1, date: '2025-07-01' } as const;
    expect(disbursementState({ ...d, status: 'actual' }, '2025-07-01')).toBe('disbursed');
    expect(disbursementState({ ...d, status: 'actual' }, '2025-05-31')).toBe('scheduled');
    expect(disbursementState({ ...d, status: 'planned' }, '2025-12-31')).toBe('planned');
  });
});

describe('liquidityOverview(input)', () => {
  const input = {
    period: '2025-05',
    bankBalance: 12_345_00,
    forecasts: [
      { period: '2025-04', yearEndForecast: 1, nextYearQ1Investments: null },
      { period: '2025-05', yearEndForecast: 66_00, nextYearQ1Investments: 20_00 },
    ],
    facilities: [{ facility: 'Lån 2025', requested: 120_00, purpose: 'Investeringer' }],
    disbursements: [
      { facility: 'Lån 2025', date: '2025-12-15', amount: 30_00, status: 'planned' as const },
      { facility: 'Lån 2025', date: '2025-07-01', amount: 80_00, status: 'actual' as const },
      { facility: 'Annet', date: '2025-07-01', amount: 1, status: 'actual' as const },
    ],
  };

  it('shows a facility only in the years it is disbursed in (or when nothing is disbursed yet)', () => {
    expect(liquidityOverview({ ...input, period: '2024-12' }).loans).toEqual([]);
    expect(liquidityOverview({ ...input, period: '2025-01' }).loans).toHaveLength(1);
    expect(liquidityOverview({ ...input, period: '2024-12', disbursements: [] }).loans).toHaveLength(1);
  });

  it('takes the forecast entered for the period itself', () => {
    const o = liquidityOverview(input);
    expect([o.asOf, o.bankBalance, o.yearEndForecast, o.nextYearQ1Investments]).toEqual(['2025-05-31', 12_345_00, 66_00, 20_00]);
    expect(liquidityOverview({ ...input, period: '2025-06' }).yearEndForecast).toBeNull();
  });

  it('sums a facility’s own disbursements by status, in date order, and what is not yet allocated', () => {
    const [loan] = liquidityOverview(input).loans;
    expect(loan).toMatchObject({ requested: 120_00, disbursed: 80_00, planned: 30_00, unallocated: 10_00 });
    expect(loan?.disbursements.map((d) => [d.date, d.state])).toEqual([
      ['2025-07-01', 'scheduled'],
      ['2025-12-15', 'planned'],
    ]);
  });
});
