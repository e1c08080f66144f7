import { describe, expect, it } from 'vitest';
import { periodise, spread, workingDaysPerMonth } from './budget.ts';

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
