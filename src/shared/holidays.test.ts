import { describe, expect, it } from 'vitest';
import { easterSunday, isPublicHoliday, isWorkingDay, publicHolidays } from './holidays.ts';

describe('Norwegian public holidays', () => {
  it('computes Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });

  it.each([
    [
      2024,
      [
        '2024-01-01',
        '2024-03-28',
        '2024-03-29',
        '2024-03-31',
        '2024-04-01',
        '2024-05-01',
        '2024-05-09',
        '2024-05-17',
        '2024-05-19',
        '2024-05-20',
        '2024-12-25',
        '2024-12-26',
      ],
    ],
    [
      2025,
      [
        '2025-01-01',
        '2025-04-17',
        '2025-04-18',
        '2025-04-20',
        '2025-04-21',
        '2025-05-01',
        '2025-05-17',
        '2025-05-29',
        '2025-06-08',
        '2025-06-09',
        '2025-12-25',
        '2025-12-26',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-04-02',
        '2026-04-03',
        '2026-04-05',
        '2026-04-06',
        '2026-05-01',
        '2026-05-14',
        '2026-05-17',
        '2026-05-24',
        '2026-05-25',
        '2026-12-25',
        '2026-12-26',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-03-25',
        '2027-03-26',
        '2027-03-28',
        '2027-03-29',
        '2027-05-01',
        '2027-05-06',
        '2027-05-16',
        '2027-05-17',
        '2027-12-25',
        '2027-12-26',
      ],
    ],
  ])('lists the holidays of %i', (year, expected) => {
    expect([...publicHolidays(year).keys()].sort()).toEqual([...new Set(expected)].sort());
  });

  it('knows working days', () => {
    expect(isWorkingDay('2025-05-28')).toBe(true);
    expect(isWorkingDay('2025-05-29')).toBe(false); // Ascension Day
    expect(isWorkingDay('2025-05-31')).toBe(false); // Saturday
    expect(isPublicHoliday('2025-05-17')).toBe(true);
  });
});
