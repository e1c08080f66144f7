/** The AML engine's building blocks at their edges: breach order, ISO weeks across years, days before 1970. */
import { describe, expect, it } from 'vitest';
import { at, check, rec } from './aml.testing.ts';
import { compareBreaches } from './aml.ts';
import type { Breach } from './aml-model.ts';
import { dayOf, dayToIso, isoToDay, mondayOf, weekdayOf, weekKeyOf } from './rules/aml-time.ts';

const breach = (date: string, employeeId: string, rule: Breach['rule']) => ({ date, employeeId, rule }) as Breach;

describe('compareBreaches', () => {
  it('orders by date, then employee, then rule in engine order', () => {
    const list = [
      breach('2025-05-06', 'E1', 'rest24'),
      breach('2025-05-05', 'E2', 'rest24'),
      breach('2025-05-05', 'E1', 'sundays'),
      breach('2025-05-05', 'E1', 'hoursDay'),
      breach('2025-05-05', 'E1', 'rest7d'),
    ];
    expect(list.sort(compareBreaches).map((b) => `${b.date} ${b.employeeId} ${b.rule}`)).toEqual([
      '2025-05-05 E1 rest7d',
      '2025-05-05 E1 hoursDay',
      '2025-05-05 E1 sundays',
      '2025-05-05 E2 rest24',
      '2025-05-06 E1 rest24',
    ]);
    expect(compareBreaches(breach('2025-05-05', 'E1', 'rest24'), breach('2025-05-05', 'E1', 'rest24'))).toBe(0);
    expect(compareBreaches(breach('2025-05-06', 'E1', 'rest24'), breach('2025-05-05', 'E1', 'rest24'))).toBe(1);
    expect(compareBreaches(breach('2025-05-05', 'E2', 'rest24'), breach('2025-05-05', 'E1', 'rest24'))).toBe(1);
  });

  it('sorts one employee’s breaches of one day by rule: rest24 before hoursDay', () => {
    // Mon 15–23, Tue 07–21: a quick return and a 14 h day, both dated Tuesday.
    const breaches = check([rec('2025-05-05T15:00', '2025-05-05T23:00'), rec('2025-05-06T07:00', '2025-05-06T21:00')]);
    expect(breaches.map((b) => `${b.date} ${b.rule}`)).toEqual(['2025-05-06 rest24', '2025-05-06 hoursDay']);
  });
});

describe('local days and ISO weeks', () => {
  it('names ISO weeks across year ends (week 53, week 1 in the previous December)', () => {
    expect(weekKeyOf(isoToDay('2020-12-28'))).toBe('2020-W53');
    expect(weekKeyOf(isoToDay('2021-01-04'))).toBe('2021-W01');
    expect(weekKeyOf(isoToDay('2025-12-29'))).toBe('2026-W01');
    expect(weekKeyOf(isoToDay('2025-05-05'))).toBe('2025-W19');
    expect(weekKeyOf(isoToDay('2025-12-22'))).toBe('2025-W52');
  });

  it('knows the weekday and Monday of days before 1970', () => {
    expect(weekdayOf(isoToDay('1969-12-29'))).toBe(0);
    expect(weekdayOf(isoToDay('1969-12-31'))).toBe(2);
    expect(weekdayOf(isoToDay('1969-12-28'))).toBe(6);
    expect(dayToIso(mondayOf(isoToDay('1970-01-01')))).toBe('1969-12-29');
    expect(weekdayOf(isoToDay('2025-05-11'))).toBe(6);
  });

  it('puts an instant on its Oslo date at both edges of midnight, summer and winter', () => {
    expect(dayToIso(dayOf(at('2025-06-01T00:00')))).toBe('2025-06-01');
    expect(dayToIso(dayOf(at('2025-05-31T23:59')))).toBe('2025-05-31');
    expect(dayToIso(dayOf(at('2025-01-01T00:00')))).toBe('2025-01-01');
    expect(dayToIso(dayOf(at('2024-12-31T23:59')))).toBe('2024-12-31');
    expect(dayToIso(dayOf(at('2025-01-01T00:00') - 1))).toBe('2024-12-31');
  });
});
