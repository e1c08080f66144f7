import { describe, expect, it } from 'vitest';
import { isLeapYear, lastDayOfMonth } from './period.ts';

describe('lastDayOfMonth', () => {
  it('gives every month its own length', () => {
    const ends = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => lastDayOfMonth(`2025-${m}`));
    expect(ends).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
    ]);
  });

  it('gives February 29 days in leap years only: every fourth year, but not whole centuries unless divisible by 400', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2023-02')).toBe('2023-02-28');
    expect(lastDayOfMonth('2000-02')).toBe('2000-02-29');
    expect(lastDayOfMonth('2100-02')).toBe('2100-02-28');
    expect(lastDayOfMonth('2024-03')).toBe('2024-03-31');
    expect([1996, 2000, 2024, 2400].map(isLeapYear)).toEqual([true, true, true, true]);
    expect([1900, 2023, 2100, 2025, 2002].map(isLeapYear)).toEqual([false, false, false, false, false]);
  });

  it('refuses what is not a month', () => {
    expect(() => lastDayOfMonth('2025-13')).toThrow('Ugyldig periode «2025-13», forventet ÅÅÅÅ-MM');
  });
});
