import { describe, expect, it } from 'vitest';
import { periodise, profileWeights, spread, workingDaysPerMonth } from './budget.ts';

describe('periodise(annual, profile, year)', () => {
  it('spreads evenly, exactly in øre, the remainder to the earliest months', () => {
    const months = periodise(100_000_01, { kind: 'even' }, 2025);
    expect(months.reduce((s, m) => s + m, 0)).toBe(100_000_01);
    expect(months[0]).toBe(833_334);
    expect(months[11]).toBe(833_333);
    expect(periodise(120_000_000, { kind: 'even' }, 2025)).toEqual(Array(12).fill(10_000_000));
  });

  it('spreads by working days (Norwegian holidays: Easter in April 2025, 1 and 17 May, Ascension, Whit Monday)', () => {
    expect(workingDaysPerMonth(2025)).toEqual([22, 20, 21, 19, 20, 20, 23, 21, 22, 23, 20, 21]);
    const months = periodise(252_000_00, { kind: 'working-days' }, 2025);
    expect(months[0]).toBe(22_000_00);
    expect(months[4]).toBe(20_000_00);
    expect(months.reduce((s, m) => s + m, 0)).toBe(252_000_00);
  });

  it('spreads by 12 custom weights, negative amounts too', () => {
    const weights = [0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 2];
    expect(periodise(-400_00, { kind: 'weights', weights }, 2025)).toEqual([0, 0, 0, 0, 0, 0, -100_00, -100_00, 0, 0, 0, -200_00]);
  });

  it('rejects weights that are all zero or negative', () => {
    expect(() => spread(100, Array(12).fill(0))).toThrow(RangeError);
    expect(() => spread(100, [1, -1])).toThrow(RangeError);
  });
});

describe('spread(annual, weights) rounding', () => {
  it('gives the remainder øre one each to the earliest months on equal fractions', () => {
    expect(spread(17, Array(12).fill(1))).toEqual([2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1]);
    expect(spread(-17, Array(12).fill(1))).toEqual([-2, -2, -2, -2, -2, -1, -1, -1, -1, -1, -1, -1]);
  });

  it('gives the remainder to the largest fractions first, whatever their month', () => {
    // 10 × (1, 2, 4) / 7 = 1,43 / 2,86 / 5,71: floors 1 + 2 + 5 = 8, the 2 øre left go to 2,86 and 5,71.
    expect(spread(10, [1, 2, 4])).toEqual([1, 3, 6]);
    expect(spread(10, [4, 2, 1])).toEqual([6, 3, 1]);
    expect(spread(10, [2, 4, 1])).toEqual([3, 6, 1]);
  });

  it('spreads zero as zeros and one weight as the whole amount', () => {
    expect(spread(0, [1, 1])).toEqual([0, 0]);
    expect(spread(-5, [0, 1])).toEqual([0, -5]);
    expect(spread(5, [3])).toEqual([5]);
  });

  it('refuses a weight that is not a number', () => {
    expect(() => spread(100, [1, Number.NaN])).toThrow('weights must be non-negative and not all zero');
    expect(() => spread(100, [-1, 2])).toThrow('weights must be non-negative and not all zero');
  });

  it('copies custom weights and gives even weights as twelve ones', () => {
    const weights = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const got = profileWeights({ kind: 'weights', weights }, 2025);
    expect(got).toEqual(weights);
    expect(got).not.toBe(weights);
    expect(profileWeights({ kind: 'even' }, 2025)).toEqual(Array(12).fill(1));
    expect(profileWeights({ kind: 'working-days' }, 2024)).toEqual(workingDaysPerMonth(2024));
  });

  it('counts working days of a leap February and of December with Christmas', () => {
    // 2024: February has 29 days (21 working days), December loses 25 and 26 (Wed, Thu).
    expect(workingDaysPerMonth(2024)[1]).toBe(21);
    expect(workingDaysPerMonth(2024)[11]).toBe(20);
  });
});
