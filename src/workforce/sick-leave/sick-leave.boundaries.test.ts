/**
 * Boundaries of working-time.md §7: a case of 16 days is short-term, 17 days long-term (whole-case
 * rule and day-based rule), and an absence registered exactly at the cut-off exists.
 */
import { describe, expect, it } from 'vitest';
import { type Absence, bandOfDay, buildCases, knownAbsences, SHORT_TERM_MAX_DAYS } from './sick-leave.ts';
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
