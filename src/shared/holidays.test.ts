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

describe('Easter and the holidays that follow it', () => {
  it.each([
    [1818, '1818-03-22'], // earliest possible Easter
    [2285, '2285-03-22'],
    [1943, '1943-04-25'], // latest possible Easter
    [2038, '2038-04-25'],
    [1954, '1954-04-18'], // the exceptions of Gauss' rule
    [1981, '1981-04-19'],
    [2049, '2049-04-18'],
    [2076, '2076-04-19'],
    [1600, '1600-04-02'],
    [1700, '1700-04-11'],
    [1900, '1900-04-15'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2100, '2100-03-28'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('names every holiday in Norwegian', () => {
    // 2037 is asked for nowhere else, so this test computes it (a year is computed once and kept).
    expect([...publicHolidays(2037)]).toEqual([
      ['2037-01-01', 'Første nyttårsdag'],
      ['2037-04-02', 'Skjærtorsdag'],
      ['2037-04-03', 'Langfredag'],
      ['2037-04-05', 'Første påskedag'],
      ['2037-04-06', 'Andre påskedag'],
      ['2037-05-01', 'Offentlig høytidsdag'],
      ['2037-05-17', 'Grunnlovsdag'],
      ['2037-05-14', 'Kristi himmelfartsdag'],
      ['2037-05-24', 'Første pinsedag'],
      ['2037-05-25', 'Andre pinsedag'],
      ['2037-12-25', 'Første juledag'],
      ['2037-12-26', 'Andre juledag'],
    ]);
  });

  it('writes a year below 1000 with four digits and keeps one map per year', () => {
    expect(publicHolidays(999).get('0999-01-01')).toBe('Første nyttårsdag');
    expect(publicHolidays(999).get('0999-12-26')).toBe('Andre juledag');
    expect(publicHolidays(2031)).toBe(publicHolidays(2031));
    expect(publicHolidays(2031)).not.toBe(publicHolidays(2032));
  });

  it('tells a holiday from the days around it', () => {
    expect(isPublicHoliday('2025-12-24')).toBe(false);
    expect(isPublicHoliday('2025-12-26')).toBe(true);
    expect(isPublicHoliday('2025-12-27')).toBe(false);
    expect(isPublicHoliday('2026-01-01')).toBe(true);
  });

  it('counts Friday as a working day and Saturday, Sunday and a holiday Monday as not', () => {
    expect(isWorkingDay('2025-05-30')).toBe(true); // Friday
    expect(isWorkingDay('2025-06-01')).toBe(false); // Sunday
    expect(isWorkingDay('2025-06-02')).toBe(true); // Monday
    expect(isWorkingDay('2025-06-09')).toBe(false); // Whit Monday
    expect(isWorkingDay('2025-06-07')).toBe(false); // Saturday
  });
});
