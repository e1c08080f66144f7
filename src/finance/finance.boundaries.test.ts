/**
 * Boundaries of the materiality threshold (a deviation counts when |deviation| ≥ share × |annual
 * cost budget|, default 0,5 %) and of the deviation wording (finance.md §3), on both sides of zero.
 */
import { describe, expect, it } from 'vitest';
import { type CategoryFigures, DEFAULT_MATERIALITY_SHARE, deviationText, mainDeviations, type ResultTable } from './finance.ts';

const figures = { actualMonth: 0, budgetMonth: 0, actualYtd: 0, budgetYtd: 0, forecastYear: null, budgetYear: 0 };

/** A table with an annual cost budget of 1 000 000 øre and one category per YTD deviation. */
function table(deviations: number[], kind: CategoryFigures['kind'] = 'cost'): ResultTable {
  const rows: CategoryFigures[] = deviations.map((d, i) => ({
    ...figures,
    category: `K${i}`,
    kind,
    actualYtd: 500_000 + d,
    budgetYtd: 500_000,
    forecastYear: 100_000 * i + d,
    budgetYear: 100_000 * i,
    forecastComment: `kommentar ${i}`,
    forecastPeriod: '2025-06',
  }));
  const totals = { ...figures, budgetYear: kind === 'income' ? -1_000_000 : 1_000_000 };
  return { period: '2025-06', rows, totals, result: figures, unmapped: [], hasActuals: true, hasBudget: true };
}

const listed = (t: ResultTable, basis: 'ytd' | 'forecast', share?: number) =>
  mainDeviations(t, share === undefined ? { basis } : { basis, share }).map((d) => d.deviation);

describe('mainDeviations: the materiality threshold', () => {
  it('defaults to 0,5 % of the annual cost budget', () => {
    expect(DEFAULT_MATERIALITY_SHARE).toBe(0.005);
  });

  it('lists a deviation exactly at the threshold and above it, not one øre below, over and under budget', () => {
    // Threshold: 1 000 000 × 0,005 = 5 000 øre.
    expect(listed(table([4_999, 5_000, 5_001]), 'ytd')).toEqual([5_000, 5_001]);
    expect(listed(table([-4_999, -5_000, -5_001]), 'ytd')).toEqual([-5_000, -5_001]);
    expect(listed(table([4_999, 5_000, -5_001]), 'forecast')).toEqual([5_000, -5_001]);
  });

  it('uses the given share and the absolute annual budget', () => {
    expect(listed(table([9_999, 10_000]), 'ytd', 0.01)).toEqual([10_000]);
    const negativeBudget = table([4_999, 5_000]);
    negativeBudget.totals = { ...negativeBudget.totals, budgetYear: -1_000_000 };
    expect(listed(negativeBudget, 'ytd')).toEqual([5_000]);
  });

  it('never lists a zero deviation, even when the threshold is zero', () => {
    expect(listed(table([0, 1, -1]), 'ytd', 0)).toEqual([1, -1]);
  });

  it('leaves income out, and forecast-less categories out of the forecast basis', () => {
    expect(listed(table([10_000]), 'ytd')).toHaveLength(1);
    expect(listed(table([10_000], 'income'), 'ytd')).toEqual([]);
    const noForecast = table([10_000]);
    noForecast.rows[0]!.forecastYear = null;
    expect(listed(noForecast, 'forecast')).toEqual([]);
    expect(listed(noForecast, 'ytd')).toEqual([10_000]);
  });

  it('carries the text, and the forecast comment only on the forecast basis', () => {
    const [ytd] = mainDeviations(table([-650_000_000]), { basis: 'ytd' });
    expect(ytd).toEqual({ category: 'K0', kind: 'cost', deviation: -650_000_000, text: '6,5\u00a0MNOK under budsjett', comment: null });
    const [forecast] = mainDeviations(table([510_000_000]), { basis: 'forecast' });
    expect(forecast).toMatchObject({ text: '5,1\u00a0MNOK over budsjett', comment: 'kommentar 0' });
  });
});

describe('deviationText at the rounding edge', () => {
  it('is "på budsjett" up to 0,049 MNOK either way and "0,1 MNOK" from 0,05', () => {
    expect(deviationText(4_999_999)).toBe('på budsjett');
    expect(deviationText(-4_999_999)).toBe('på budsjett');
    expect(deviationText(0)).toBe('på budsjett');
    expect(deviationText(5_000_000)).toBe('0,1\u00a0MNOK over budsjett');
    expect(deviationText(-5_000_000)).toBe('0,1\u00a0MNOK under budsjett');
    expect(deviationText(1, 2)).toBe('på budsjett');
    expect(deviationText(-500_000, 2)).toBe('0,01\u00a0MNOK under budsjett');
  });
});
