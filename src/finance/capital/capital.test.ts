import { describe, expect, it } from 'vitest';
import { disbursementState, liquidityOverview, loanStatus } from './capital.ts';

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

describe('loans at the edges of the period', () => {
  const d = (date: string, status: 'actual' | 'planned', amount = 1, facility = 'L') => ({ facility, date, amount, status });

  it('counts an actual disbursement dated the day after period end as scheduled, the day before as disbursed', () => {
    expect(disbursementState(d('2025-06-01', 'actual'), '2025-05-31')).toBe('scheduled');
    expect(disbursementState(d('2025-05-30', 'actual'), '2025-05-31')).toBe('disbursed');
    expect(disbursementState(d('2025-05-30', 'planned'), '2025-05-31')).toBe('planned');
  });

  it('orders disbursements by date, keeping the input order on the same date', () => {
    const loan = loanStatus(
      { facility: 'L', requested: 1_000, purpose: null },
      [
        d('2025-03-01', 'actual', 1),
        d('2025-01-01', 'planned', 2),
        d('2025-03-01', 'planned', 3),
        d('2025-02-01', 'actual', 4),
        d('2025-01-01', 'actual', 5),
      ],
      '2025-02-28',
    );
    expect(loan.disbursements.map((x) => [x.date, x.amount, x.state])).toEqual([
      ['2025-01-01', 2, 'planned'],
      ['2025-01-01', 5, 'disbursed'],
      ['2025-02-01', 4, 'disbursed'],
      ['2025-03-01', 1, 'scheduled'],
      ['2025-03-01', 3, 'planned'],
    ]);
    expect(loan).toMatchObject({ facility: 'L', requested: 1_000, purpose: null, disbursed: 10, planned: 5, unallocated: 985 });
  });

  it('sorts facilities in Norwegian order (Æ, Ø, Å after Z) and shows each one disbursed in the period year', () => {
    const o = liquidityOverview({
      period: '2025-12',
      bankBalance: null,
      forecasts: [],
      facilities: ['Ålesund', 'Øst', 'Zeta', 'Ærlig', 'Alfa'].map((facility) => ({ facility, requested: 10, purpose: null })),
      disbursements: [
        d('2025-01-01', 'actual', 1, 'Øst'),
        d('2026-01-01', 'planned', 1, 'Zeta'),
        d('2024-12-31', 'actual', 1, 'Alfa'),
        d('2025-12-31', 'planned', 1, 'Alfa'),
      ],
    });
    expect(o.loans.map((l) => l.facility)).toEqual(['Alfa', 'Ærlig', 'Øst', 'Ålesund']);
    expect([o.period, o.asOf, o.bankBalance, o.yearEndForecast, o.nextYearQ1Investments]).toEqual([
      '2025-12',
      '2025-12-31',
      null,
      null,
      null,
    ]);
  });

  it('keeps a zero forecast and a missing next-year figure apart', () => {
    const o = liquidityOverview({
      period: '2025-05',
      bankBalance: 0,
      forecasts: [{ period: '2025-05', yearEndForecast: 0, nextYearQ1Investments: null }],
      facilities: [],
      disbursements: [],
    });
    expect([o.bankBalance, o.yearEndForecast, o.nextYearQ1Investments, o.loans]).toEqual([0, 0, null, []]);
  });
});
