import { describe, expect, it } from 'vitest';
import {
  addMonths,
  isoWeekKey,
  isoWeekMonday,
  isoWeekOf,
  localDateOf,
  monthBoundsMs,
  parseLocalOrInstant,
  parseYearMonth,
  periodMonths,
  rolling12Months,
  startOfDayMs,
  tertialOf,
  ytdMonths,
} from './period.ts';

const HOUR = 3_600_000;

function instant(text: string): number {
  const r = parseLocalOrInstant(text);
  if (!r.ok) throw new Error(r.problem);
  return r.epochMs;
}

describe('reporting periods', () => {
  it('lists year-to-date months', () => {
    expect(ytdMonths('2025-05')).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']);
  });

  it('lists rolling 12 months across a year end', () => {
    const r = rolling12Months('2025-05');
    expect(r[0]).toBe('2024-06');
    expect(r[11]).toBe('2025-05');
    expect(r).toHaveLength(12);
  });

  it('knows tertials', () => {
    expect(tertialOf('2025-04')).toBe(1);
    expect(tertialOf('2025-05')).toBe(2);
    expect(tertialOf('2025-09')).toBe(3);
    expect(periodMonths('tertial', '2025-06')).toEqual(['2025-05', '2025-06', '2025-07', '2025-08']);
  });

  it('adds months across years', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-11', 14)).toBe('2026-01');
  });

  it('rejects malformed periods', () => {
    expect(() => parseYearMonth('2025-13')).toThrow(/Ugyldig periode/);
    expect(() => parseYearMonth('May 2025')).toThrow();
  });
});

describe('Europe/Oslo across the 2025 DST changes', () => {
  it('March 2025 is one hour shorter than 31 days (spring forward 30 March)', () => {
    const { startMs, endMs } = monthBoundsMs('2025-03');
    expect(endMs - startMs).toBe(31 * 24 * HOUR - HOUR);
  });

  it('October 2025 is one hour longer than 31 days (fall back 26 October)', () => {
    const { startMs, endMs } = monthBoundsMs('2025-10');
    expect(endMs - startMs).toBe(31 * 24 * HOUR + HOUR);
  });

  it('the spring DST night lasts 23 hours and the autumn one 25', () => {
    expect(startOfDayMs('2025-03-31') - startOfDayMs('2025-03-30')).toBe(23 * HOUR);
    expect(startOfDayMs('2025-10-27') - startOfDayMs('2025-10-26')).toBe(25 * HOUR);
  });

  it('rejects a local time that does not exist (02:30 on 30 March)', () => {
    expect(parseLocalOrInstant('2025-03-30T02:30')).toEqual({ ok: false, problem: 'nonexistent' });
  });

  it('rejects an ambiguous local time (02:30 on 26 October) unless an offset is given', () => {
    expect(parseLocalOrInstant('2025-10-26T02:30')).toEqual({ ok: false, problem: 'ambiguous' });
    expect(instant('2025-10-26T02:30+02:00')).toBe(instant('2025-10-26T02:30+01:00') - HOUR);
  });

  it('measures real elapsed time across the spring night: 21:30 → 08:30 is 10 h', () => {
    expect(instant('2025-03-30T08:30') - instant('2025-03-29T21:30')).toBe(10 * HOUR);
  });

  it('maps instants to local dates around midnight', () => {
    expect(localDateOf(instant('2025-05-31T23:59'))).toBe('2025-05-31');
    expect(localDateOf(instant('2025-05-31T22:30:00Z'))).toBe('2025-06-01');
    expect(localDateOf(instant('2025-01-31T23:30:00Z'))).toBe('2025-02-01');
  });

  it('rejects malformed times', () => {
    expect(parseLocalOrInstant('2025-02-30T10:00')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseLocalOrInstant('yesterday')).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('ISO weeks', () => {
  it('numbers weeks around the DST changes', () => {
    expect(isoWeekOf('2025-03-30')).toEqual({ year: 2025, week: 13 });
    expect(isoWeekOf('2025-03-31')).toEqual({ year: 2025, week: 14 });
    expect(isoWeekOf('2025-10-26')).toEqual({ year: 2025, week: 43 });
    expect(isoWeekOf('2025-10-27')).toEqual({ year: 2025, week: 44 });
  });

  it('gives the ISO week-year at year ends', () => {
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
  });

  it('the week of the spring change is 167 hours long, of the autumn change 169', () => {
    const w13 = startOfDayMs('2025-03-31') - startOfDayMs(isoWeekMonday('2025-03-30'));
    const w43 = startOfDayMs('2025-10-27') - startOfDayMs(isoWeekMonday('2025-10-26'));
    expect(w13).toBe(167 * HOUR);
    expect(w43).toBe(169 * HOUR);
  });
});
