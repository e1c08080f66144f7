import { describe, expect, it } from 'vitest';
import { type Absence, buildCases, computeSickLeave, ratesOf, type SickLeaveEmployee, totalsOf } from './sick-leave.ts';
import { dayNumber, isWorkingDayNumber, workingDaysOfMonth } from './sick-leave-calendar.ts';

const fullTime = (id: string, unit: string | null = null): SickLeaveEmployee => ({
  id,
  unit,
  positions: [{ from: '2020-01-01', to: null, fraction: 1 }],
});

const absence = (employeeId: string, from: string, to: string, extra: Partial<Absence> = {}): Absence => ({
  employeeId,
  from,
  to,
  grade: 1,
  type: 'doctor',
  registeredAt: `${from}T08:00:00.000Z`,
  ...extra,
});

function month(employees: SickLeaveEmployee[], absences: Absence[], m = '2025-05', options = {}) {
  const result = computeSickLeave({ employees, absences, months: [m] }, options);
  const totals = totalsOf(result);
  return { totals, rates: ratesOf(totals) };
}

describe('the working-day calendar', () => {
  it('gives May 2025 20 working days (1 May and Ascension Day 29 May are holidays)', () => {
    expect(workingDaysOfMonth('2025-05')).toHaveLength(20);
    expect(isWorkingDayNumber(dayNumber('2025-05-29'))).toBe(false);
    expect(isWorkingDayNumber(dayNumber('2025-05-17'))).toBe(false); // a Saturday anyway
    expect(isWorkingDayNumber(dayNumber('2025-05-30'))).toBe(true);
  });
});

describe('computeSickLeave: the worked examples of working-time.md §7', () => {
  it('full-time, self-certified Wed 28 – Fri 30 May → lost 2.0 of 20 → 10.00 % short', () => {
    const { totals, rates } = month([fullTime('a')], [absence('a', '2025-05-28', '2025-05-30', { type: 'self' })]);
    expect(totals).toEqual({ agreedDays: 20, lostShort: 2, lostLong: 0 });
    expect(rates.shortPct).toBeCloseTo(10, 10);
    expect(rates.longPct).toBe(0);
    expect(rates.totalPct).toBeCloseTo(10, 10);
  });

  it('50 % position, 100 % sick Mon 12 – Fri 16 May → lost 2.5 of 10 → 25.00 % short', () => {
    const half: SickLeaveEmployee = { id: 'h', positions: [{ from: '2020-01-01', to: null, fraction: 0.5 }] };
    const { totals, rates } = month([half], [absence('h', '2025-05-12', '2025-05-16')]);
    expect(totals).toEqual({ agreedDays: 10, lostShort: 2.5, lostLong: 0 });
    expect(rates.shortPct).toBeCloseTo(25, 10);
  });

  it('full-time, 100 % sick 19 May – 13 Jun (26 days) → lost 9 of 20 → 45.00 % long as corrected', () => {
    const { totals, rates } = month([fullTime('l')], [absence('l', '2025-05-19', '2025-06-13')]);
    expect(totals).toEqual({ agreedDays: 20, lostShort: 0, lostLong: 9 });
    expect(rates.longPct).toBeCloseTo(45, 10);
    expect(rates.shortPct).toBe(0);
  });

  it('… and 45.00 % short as first reported on 31 May, when the case was 13 days long', () => {
    const absences = [
      absence('l', '2025-05-19', '2025-05-31', { registeredAt: '2025-05-19T07:30:00.000Z' }),
      absence('l', '2025-06-01', '2025-06-13', { registeredAt: '2025-06-02T09:00:00.000Z' }),
    ];
    const firstReported = month([fullTime('l')], absences, '2025-05', { knownAt: '2025-05-31T21:59:59.999Z' });
    expect(buildCases(absences, { knownAt: '2025-05-31T21:59:59.999Z' })[0]?.lengthDays).toBe(13);
    expect(firstReported.totals).toEqual({ agreedDays: 20, lostShort: 9, lostLong: 0 });
    expect(firstReported.rates.shortPct).toBeCloseTo(45, 10);
    const corrected = month([fullTime('l')], absences);
    expect(buildCases(absences)[0]?.lengthDays).toBe(26);
    expect(corrected.totals).toEqual({ agreedDays: 20, lostShort: 0, lostLong: 9 });
  });
});

describe('cases', () => {
  it('merge absences separated only by a weekend into one case', () => {
    const cases = buildCases([absence('a', '2025-05-05', '2025-05-09'), absence('a', '2025-05-12', '2025-05-23')]);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ from: '2025-05-05', to: '2025-05-23', lengthDays: 19, band: 'long' });
  });

  it('stay apart when a working day lies between them', () => {
    const cases = buildCases([absence('a', '2025-05-05', '2025-05-09'), absence('a', '2025-05-13', '2025-05-23')]);
    expect(cases.map((c) => [c.lengthDays, c.band])).toEqual([
      [5, 'short'],
      [11, 'short'],
    ]);
  });

  it('merge across a holiday week: Easter 2025 (Thu 17 – Mon 21 April are holidays or weekend)', () => {
    // Sick Mon 14 – Wed 16 April, then again Tue 22 – Fri 25 April: only non-working days between.
    const absences = [absence('a', '2025-04-14', '2025-04-16', { type: 'self' }), absence('a', '2025-04-22', '2025-04-25')];
    const cases = buildCases(absences);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ from: '2025-04-14', to: '2025-04-25', lengthDays: 12, band: 'short', types: ['doctor', 'self'] });
    // April 2025: 22 weekdays − Maundy Thursday, Good Friday, Easter Monday = 19 agreed days.
    const { totals } = month([fullTime('a')], absences, '2025-04');
    expect(totals).toEqual({ agreedDays: 19, lostShort: 7, lostLong: 0 });
  });

  it('a case spanning the holiday week counts no lost days on the holidays and can become long', () => {
    // One sick note Mon 7 – Fri 25 April 2025 (19 calendar days, 3 holidays inside).
    const { totals } = month([fullTime('a')], [absence('a', '2025-04-07', '2025-04-25')], '2025-04');
    expect(totals).toEqual({ agreedDays: 19, lostShort: 0, lostLong: 12 });
  });

  it('count overlapping records once, at the highest grade', () => {
    const { totals } = month(
      [fullTime('a')],
      [absence('a', '2025-05-05', '2025-05-09', { grade: 0.5 }), absence('a', '2025-05-08', '2025-05-09', { grade: 1 })],
    );
    expect(totals.lostShort).toBeCloseTo(3 * 0.5 + 2, 10);
  });
});

describe('grades and position fractions', () => {
  it('a graded case counts fraction × grade per agreed day', () => {
    const p80: SickLeaveEmployee = { id: 'g', positions: [{ from: '2020-01-01', to: null, fraction: 0.8 }] };
    // 40 % sick Mon 5 – Fri 9 May: 5 agreed days × 0.8 × 0.4 = 1.6 of 16.
    const { totals, rates } = month([p80], [absence('g', '2025-05-05', '2025-05-09', { grade: 0.4 })]);
    expect(totals.agreedDays).toBeCloseTo(16, 10);
    expect(totals.lostShort).toBeCloseTo(1.6, 10);
    expect(rates.shortPct).toBeCloseTo(10, 10);
  });

  it('a part-time employee whose position fraction changes mid-month is weighted per day', () => {
    // 50 % until Fri 16 May, 100 % from Mon 19 May. May: 11 working days before, 9 after.
    const e: SickLeaveEmployee = {
      id: 'p',
      positions: [
        { from: '2024-01-01', to: '2025-05-16', fraction: 0.5 },
        { from: '2025-05-17', to: null, fraction: 1 },
      ],
    };
    // Sick Wed 14 – Wed 21 May: 14, 15, 16 at 0.5 and 19, 20, 21 at 1.0.
    const { totals, rates } = month([e], [absence('p', '2025-05-14', '2025-05-21')]);
    expect(totals).toEqual({ agreedDays: 11 * 0.5 + 9, lostShort: 4.5, lostLong: 0 });
    expect(rates.totalPct).toBeCloseTo((4.5 / 14.5) * 100, 10);
  });

  it('counts no agreed or lost days outside the employment', () => {
    const e: SickLeaveEmployee = { id: 'n', positions: [{ from: '2025-05-19', to: null, fraction: 1 }] };
    const { totals } = month([e], [absence('n', '2025-05-12', '2025-05-23')]);
    // From 19 May: 9 agreed days (Ascension Day 29 May); lost 19–23 May.
    expect(totals).toEqual({ agreedDays: 9, lostShort: 5, lostLong: 0 });
  });
});

describe('band rule setting', () => {
  it('day-based split counts days 1–16 short and 17+ long', () => {
    // 19 May – 13 Jun: May days are case days 1–13 (all short under the day-based rule).
    const may = month([fullTime('l')], [absence('l', '2025-05-19', '2025-06-13')], '2025-05', { bandRule: 'day-based' });
    expect(may.totals).toEqual({ agreedDays: 20, lostShort: 9, lostLong: 0 });
    // June: case days 14–26 = 1–13 June; days 14–16 (1–3 June; 2 and 3 June working) short, 4–13 June long.
    const june = month([fullTime('l')], [absence('l', '2025-05-19', '2025-06-13')], '2025-06', { bandRule: 'day-based' });
    expect(june.totals.lostShort).toBe(2);
    expect(june.totals.lostLong).toBe(7); // 4–6, 10–13 June (Whit Monday 9 June is a holiday)
  });
});

describe('periods are ratios of sums', () => {
  it('YTD = Σ lost / Σ agreed, which differs from the average of monthly percentages', () => {
    // One full-timer all year and a second who starts on 1 May: May has twice the agreed days.
    const employees: SickLeaveEmployee[] = [fullTime('a'), { id: 'b', positions: [{ from: '2025-05-01', to: null, fraction: 1 }] }];
    const absences = [absence('a', '2025-04-01', '2025-04-04', { type: 'self' })]; // 4 days in April
    const months = ['2025-04', '2025-05'];
    const result = computeSickLeave({ employees, absences, months });
    const april = ratesOf(totalsOf(result, { months: ['2025-04'] }));
    const may = ratesOf(totalsOf(result, { months: ['2025-05'] }));
    const both = ratesOf(totalsOf(result));
    expect(april.totalPct).toBeCloseTo((4 / 19) * 100, 10);
    expect(may.totalPct).toBe(0);
    // Ratio of sums: 4 / (19 + 40) = 6.78 %; the average of the months would be 10.53 %.
    expect(both.totalPct).toBeCloseTo((4 / 59) * 100, 10);
    expect(((april.totalPct ?? 0) + (may.totalPct ?? 0)) / 2).toBeCloseTo(10.526, 3);
    expect(both.totalPct).not.toBeCloseTo(((april.totalPct ?? 0) + (may.totalPct ?? 0)) / 2, 1);
  });

  it('splits by organisational unit and sums back to the whole', () => {
    const employees = [fullTime('a', 'Drift'), fullTime('b', 'Drift'), fullTime('c', 'Utvikling'), fullTime('d')];
    const absences = [absence('a', '2025-05-05', '2025-05-06'), absence('c', '2025-05-05', '2025-05-05')];
    const result = computeSickLeave({ employees, absences, months: ['2025-05'] });
    expect(totalsOf(result, { unit: 'Drift' })).toEqual({ agreedDays: 40, lostShort: 2, lostLong: 0 });
    expect(totalsOf(result, { unit: 'Utvikling' })).toEqual({ agreedDays: 20, lostShort: 1, lostLong: 0 });
    expect(totalsOf(result, { unit: null })).toEqual({ agreedDays: 20, lostShort: 0, lostLong: 0 });
    expect(totalsOf(result)).toEqual({ agreedDays: 80, lostShort: 3, lostLong: 0 });
  });

  it('gives null rates when nobody is employed', () => {
    expect(ratesOf(totalsOf(computeSickLeave({ employees: [], absences: [], months: ['2025-05'] })))).toEqual({
      shortPct: null,
      longPct: null,
      totalPct: null,
    });
  });
});

describe('knownAt: an open case moves from short to long as it grows', () => {
  const employees = [fullTime('x')];
  // First sick note 12 – 23 May (12 days, short), extended 24 May – 6 June, registered after May's cut-off.
  const absences = [
    absence('x', '2025-05-12', '2025-05-23', { registeredAt: '2025-05-12T06:00:00.000Z' }),
    absence('x', '2025-05-24', '2025-06-06', { registeredAt: '2025-06-10T10:00:00.000Z' }),
  ];

  it('is short-term as first reported', () => {
    const { totals } = month(employees, absences, '2025-05', { knownAt: '2025-06-05T10:00:00.000Z' });
    expect(totals).toEqual({ agreedDays: 20, lostShort: 10, lostLong: 0 });
  });

  it('is long-term as corrected, and May gains the days of the extension', () => {
    const { totals } = month(employees, absences, '2025-05');
    // 12–23 May (10 days) + 26, 27, 28, 30 May (29 May is Ascension Day).
    expect(totals).toEqual({ agreedDays: 20, lostShort: 0, lostLong: 14 });
  });

  it('includes a record registered exactly at knownAt', () => {
    const { totals } = month(employees, absences, '2025-05', { knownAt: '2025-06-10T12:00:00+02:00' });
    expect(totals.lostLong).toBe(14);
  });
});
