/**
 * Boundaries of working-time.md §7: a case of 16 days is short-term, 17 days long-term (whole-case
 * rule and day-based rule), and an absence registered exactly at the cut-off exists.
 */
import { describe, expect, it } from 'vitest';
import {
  type Absence,
  bandOfDay,
  buildCases,
  computeSickLeave,
  EMPTY_TOTALS,
  knownAbsences,
  ratesOf,
  SHORT_TERM_MAX_DAYS,
  type SickLeaveEmployee,
  totalsOf,
  unitsOf,
} from './sick-leave.ts';
import { dateOfDay, dayNumber } from './sick-leave-calendar.ts';

const absence = (from: string, to: string, extra: Partial<Absence> = {}): Absence => ({
  employeeId: 'e',
  from,
  to,
  grade: 1,
  type: 'doctor',
  registeredAt: `${from}T08:00:00.000Z`,
  ...extra,
});

/** A case of `days` calendar days starting Monday 2 June 2025. */
function caseOf(days: number) {
  const from = '2025-06-02';
  const cases = buildCases([absence(from, dateOfDay(dayNumber(from) + days - 1))]);
  expect(cases).toHaveLength(1);
  return cases[0]!;
}

describe('sick-leave bands at 16/17 days', () => {
  it('the limit is 16 days', () => {
    expect(SHORT_TERM_MAX_DAYS).toBe(16);
  });

  it.each([
    [15, 'short'],
    [16, 'short'],
    [17, 'long'],
  ] as const)('a case of %i calendar days is %s-term as a whole', (days, band) => {
    const c = caseOf(days);
    expect(c.lengthDays).toBe(days);
    expect(c.band).toBe(band);
  });

  it('day-based split: days 1–16 of a case are short, day 17 onwards long', () => {
    const c = caseOf(20);
    const first = dayNumber(c.from);
    expect(bandOfDay(c, first, 'day-based')).toBe('short');
    expect(bandOfDay(c, first + 14, 'day-based')).toBe('short');
    expect(bandOfDay(c, first + 15, 'day-based')).toBe('short');
    expect(bandOfDay(c, first + 16, 'day-based')).toBe('long');
    expect(bandOfDay(c, first + 17, 'day-based')).toBe('long');
    // The whole-case rule ignores the day.
    expect(bandOfDay(c, first, 'whole-case')).toBe('long');
    expect(bandOfDay({ ...c, band: 'short' }, first + 17, 'whole-case')).toBe('short');
  });
});

describe('sick-leave knowledge cut-off (registeredAt ≤ knownAt)', () => {
  const a = absence('2025-05-12', '2025-05-16', { registeredAt: '2025-05-12T08:00:00.000Z' });

  it('keeps an absence registered exactly at the cut-off and drops one registered a millisecond later', () => {
    expect(knownAbsences([a], '2025-05-12T08:00:00.000Z')).toEqual([a]);
    expect(knownAbsences([a], '2025-05-12T08:00:00.001Z')).toEqual([a]);
    expect(knownAbsences([a], '2025-05-12T07:59:59.999Z')).toEqual([]);
  });

  it('keeps everything when there is no cut-off', () => {
    expect(knownAbsences([a], undefined)).toEqual([a]);
  });
});

describe('cases and cells do not depend on the order of the input', () => {
  it('joins overlapping absences given latest first into one case, and sorts separate cases by start', () => {
    const overlapping = buildCases([absence('2025-05-05', '2025-05-09'), absence('2025-05-02', '2025-05-05')]);
    expect(overlapping.map((c) => [c.from, c.to])).toEqual([['2025-05-02', '2025-05-09']]);
    const apart = buildCases([absence('2025-05-19', '2025-05-21'), absence('2025-05-05', '2025-05-06')]);
    expect(apart.map((c) => [c.from, c.to])).toEqual([
      ['2025-05-05', '2025-05-06'],
      ['2025-05-19', '2025-05-21'],
    ]);
  });

  it('sorts cases by employee', () => {
    const cases = buildCases([
      absence('2025-05-05', '2025-05-06', { employeeId: 'b' }),
      absence('2025-05-12', '2025-05-13', { employeeId: 'a' }),
    ]);
    expect(cases.map((c) => c.employeeId)).toEqual(['a', 'b']);
  });
});

describe('sick-leave cells per month and unit', () => {
  const staff: SickLeaveEmployee[] = [
    { id: 'a', unit: 'Drift', positions: [{ from: '2025-01-01', to: null, fraction: 1 }] },
    { id: 'b', unit: 'Service', positions: [{ from: '2025-01-01', to: null, fraction: 0.5 }] },
    { id: 'c', unit: 'Nye', positions: [{ from: '2025-06-01', to: null, fraction: 1 }] },
  ];

  it('has one cell per month and unit with agreed days, none for a unit without any, months in order', () => {
    const result = computeSickLeave({ employees: staff, absences: [], months: ['2025-05', '2025-04'] });
    expect(result.months).toEqual(['2025-05', '2025-04']);
    expect(result.cells.map((c) => `${c.month} ${c.unit} ${c.totals.agreedDays}`)).toEqual([
      '2025-04 Drift 19', // 22 weekdays less Maundy Thursday, Good Friday and Easter Monday
      '2025-04 Service 9.5',
      '2025-05 Drift 20',
      '2025-05 Service 10',
    ]);
  });

  it('ignores an absence of someone not in the employee register', () => {
    const result = computeSickLeave({
      employees: staff,
      absences: [absence('2025-05-05', '2025-05-06', { employeeId: 'ukjent' })],
      months: ['2025-05'],
    });
    expect(totalsOf(result)).toEqual({ agreedDays: 30, lostShort: 0, lostLong: 0 });
  });

  it('gives each rate of the agreed days exactly', () => {
    expect(ratesOf({ agreedDays: 200, lostShort: 3, lostLong: 5 })).toEqual({ shortPct: 1.5, longPct: 2.5, totalPct: 4 });
    expect(ratesOf({ agreedDays: 0, lostShort: 1, lostLong: 1 })).toEqual({ shortPct: null, longPct: null, totalPct: null });
  });

  it('lists units in Norwegian order with employees without a unit last', () => {
    const result = {
      months: ['2025-05'],
      cells: [null, 'Østre', 'Zeta', 'Alfa', 'Ærlig'].map((unit) => ({ month: '2025-05', unit, totals: { ...EMPTY_TOTALS } })),
    };
    expect(unitsOf(result)).toEqual(['Alfa', 'Zeta', 'Ærlig', 'Østre', null]);
  });
});
