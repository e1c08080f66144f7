/**
 * Boundaries of the materiality threshold (a deviation counts when |deviation| ≥ share × |annual
 * cost budget|, default 0,5 %) and of the deviation wording (finance.md §3), on both sides of zero.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CategoryMapper, DEFAULT_RULES } from './categories.ts';
import {
  buildResultTable,
  type CategoryFigures,
  DEFAULT_MATERIALITY_SHARE,
  deviationText,
  mainDeviations,
  type ResultTable,
  reperiodisedYtd,
} from './finance.ts';

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

describe('buildResultTable at the edges of the period', () => {
  const mapper = new CategoryMapper(DEFAULT_RULES);
  const base = { period: '2025-03', mapper, movements: [], budget: [], forecasts: [] };
  const row = (t: ResultTable, c: string) => t.rows.find((r) => r.category === c);

  it('counts January through the period of the same year only, the period itself in the month', () => {
    const t = buildResultTable({
      ...base,
      movements: [
        { accountId: '5000', month: '2024-12', amount: 1_000 },
        { accountId: '5000', month: '2025-01', amount: 200 },
        { accountId: '5000', month: '2025-02', amount: 30 },
        { accountId: '5000', month: '2025-03', amount: 4 },
        { accountId: '5000', month: '2025-04', amount: 50_000 },
        { accountId: '5000', month: '2026-03', amount: 600_000 },
      ],
    });
    expect(row(t, 'Personalkostnader')).toMatchObject({ actualMonth: 4, actualYtd: 234 });
    expect(t.totals).toMatchObject({ actualMonth: 4, actualYtd: 234 });
    expect(t.result).toMatchObject({ actualMonth: -4, actualYtd: -234 });
  });

  it('counts a budget line up to the period in YTD, the period in the month, every month in the year', () => {
    const t = buildResultTable({
      ...base,
      budget: [
        { category: 'Personalkostnader', month: 2, amount: 1 },
        { category: 'Personalkostnader', month: 3, amount: 20 },
        { category: 'Personalkostnader', month: 4, amount: 300 },
        { category: 'Ukjent kategori', month: 3, amount: 4_000 },
      ],
    });
    expect(row(t, 'Personalkostnader')).toMatchObject({ budgetMonth: 20, budgetYtd: 21, budgetYear: 321 });
    expect(t.totals).toMatchObject({ budgetMonth: 20, budgetYtd: 21, budgetYear: 321 });
    expect(t.hasBudget).toBe(true);
    expect(t.hasActuals).toBe(false);
  });

  it('says when there are no actuals and no budget, with every category at zero and no forecast', () => {
    const t = buildResultTable(base);
    expect(t.period).toBe('2025-03');
    expect(t.hasActuals).toBe(false);
    expect(t.hasBudget).toBe(false);
    expect(t.rows.map((r) => [r.category, r.kind])).toEqual(CATEGORIES.map((c) => [c.name, c.kind]));
    const nothing = { actualMonth: 0, budgetMonth: 0, actualYtd: 0, budgetYtd: 0, forecastYear: null, budgetYear: 0 };
    expect(t.totals).toEqual(nothing);
    expect(t.result).toEqual(nothing);
    expect(t.rows[0]).toEqual({ category: 'Driftsinntekter', kind: 'income', ...nothing, forecastComment: null, forecastPeriod: null });
    expect(t.unmapped).toEqual([]);
  });

  it('adds up an unmapped account over months and sorts unmapped accounts; ignores balance sheet accounts', () => {
    const t = buildResultTable({
      ...base,
      movements: [
        { accountId: '8900', month: '2025-01', amount: 7 },
        { accountId: '8800', month: '2025-02', amount: 5 },
        { accountId: '8900', month: '2025-03', amount: 10 },
        { accountId: '1920', month: '2025-03', amount: 99 },
      ],
    });
    expect(t.unmapped).toEqual([
      { accountId: '8800', amountYtd: 5 },
      { accountId: '8900', amountYtd: 17 },
    ]);
    expect(t.hasActuals).toBe(true);
    expect(t.result.actualYtd).toBe(0);
  });

  it('takes a forecast with an empty comment as no comment and ignores one for an unknown category', () => {
    const t = buildResultTable({
      ...base,
      budget: [{ category: 'Driftsinntekter', month: 1, amount: 1_000 }],
      forecasts: [
        { category: 'Driftsinntekter', period: '2025-02', amount: 1_200, comment: '' },
        { category: 'Ukjent kategori', period: '2025-02', amount: 5, comment: 'x' },
      ],
    });
    expect(row(t, 'Driftsinntekter')).toMatchObject({ forecastYear: 1_200, forecastComment: null, forecastPeriod: '2025-02' });
    // No cost category has a forecast: the cost total has none either, the result uses income's.
    expect(t.totals.forecastYear).toBeNull();
    expect(t.result.forecastYear).toBe(1_200);
    expect(t.result.budgetYear).toBe(1_000);
  });

  it('re-periodises by the period month: March takes the first three weights', () => {
    const t = buildResultTable({ ...base, budget: [{ category: 'Personalkostnader', month: 12, amount: 1_200 }] });
    const weighted = reperiodisedYtd(t, [1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(weighted.get('Personalkostnader')).toBe(600);
    expect(weighted.get('Driftsinntekter')).toBe(0);
    expect(weighted.size).toBe(CATEGORIES.length);
  });
});

describe('deviationText beyond one decimal', () => {
  it('does not take 10,0 MNOK for zero', () => {
    expect(deviationText(1_000_000_000)).toBe('10,0\u00a0MNOK over budsjett');
    expect(deviationText(-2_000_000_000)).toBe('20,0\u00a0MNOK under budsjett');
  });

  it('rounds to whole MNOK when asked for no decimals', () => {
    expect(deviationText(49_999_999, 0)).toBe('på budsjett');
    expect(deviationText(-50_000_000, 0)).toBe('1\u00a0MNOK under budsjett');
  });
});
