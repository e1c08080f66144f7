import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, isLeapYear, lastDayOfMonth } from './period.ts';

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

describe('addDays', () => {
  it('rolls over month and year ends, in both directions, with leap days', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-05-15', 0)).toBe('2025-05-15');
    expect(addDays('2025-05-15', 365)).toBe('2026-05-15');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31'); // the spring DST Sunday is a day like any other
  });

  it('gives the same answer as Temporal on the edges of every month, outside the year range too', () => {
    for (const year of [1999, 2024, 2025, 2100]) {
      for (let month = 1; month <= 12; month++) {
        const first = `${year}-${String(month).padStart(2, '0')}-01`;
        const start = Temporal.PlainDate.from(first);
        for (const n of [-1, 0, 27, 28, 29, 30, 31]) expect(addDays(first, n), `${first} ${n}`).toBe(start.add({ days: n }).toString());
        const last = start.add({ months: 1 }).subtract({ days: 1 });
        for (const n of [-1, 1]) expect(addDays(last.toString(), n)).toBe(last.add({ days: n }).toString());
      }
    }
  });

  it('refuses an impossible date with the Norwegian message, as before, and reads what Temporal reads', () => {
    for (const bad of ['2025-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-01', 'i går'])
      expect(() => addDays(bad, 1), bad).toThrow(`Ugyldig dato «${bad}», forventet ÅÅÅÅ-MM-DD`);
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-05-31T23:00', 1)).toBe('2025-06-01');
  });
});
