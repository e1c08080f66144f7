import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayOfWeek,
  daysBetween,
  eachDate,
  firstDayOfMonth,
  isIsoDate,
  isoWeekKey,
  isoWeekMonday,
  isoWeekOf,
  isoWeekSunday,
  isYearMonth,
  lastDayOfMonth,
  localDateOf,
  localDateTimeOf,
  monthBoundsMs,
  monthOf,
  parseLocalOrInstant,
  parseYearMonth,
  periodMonths,
  plainDate,
  rolling12Months,
  startOfDayMs,
  tertialMonths,
  tertialOf,
  yearInRange,
  yearMonth,
  yearRangeProblem,
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

describe('the sane range of years (default 2000–2100)', () => {
  it('accepts the first and last year and refuses the years just outside', () => {
    expect(yearInRange(1999)).toBe(false);
    expect(yearInRange(2000)).toBe(true);
    expect(yearInRange(2100)).toBe(true);
    expect(yearInRange(2101)).toBe(false);
  });

  it('says in Norwegian why a period or date is outside it', () => {
    expect(yearRangeProblem('1999-12')).toBe('«1999-12»: året må være mellom 2000 og 2100');
    expect(yearRangeProblem('2101-01-01')).toBe('«2101-01-01»: året må være mellom 2000 og 2100');
    expect(yearRangeProblem('2000-01')).toBeNull();
    expect(yearRangeProblem('2100-12-31')).toBeNull();
    expect(yearRangeProblem('x1999-12')).toBeNull();
    expect(yearRangeProblem('1999')).toBeNull();
    expect(yearRangeProblem('1999-5')).toBeNull();
  });

  it('refuses a well-formed period outside the range with that reason', () => {
    expect(() => parseYearMonth('1999-12')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: 'Ugyldig periode «1999-12»: året må være mellom 2000 og 2100' }),
    );
    expect(() => parseYearMonth('2025-13')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: 'Ugyldig periode «2025-13», forventet ÅÅÅÅ-MM' }),
    );
    expect(parseYearMonth('2000-01')).toEqual({ year: 2000, month: 1 });
    expect(parseYearMonth('2100-12')).toEqual({ year: 2100, month: 12 });
  });

  it('tells a period from other text', () => {
    for (const ok of ['2025-01', '2025-09', '2025-10', '2025-12', '2000-01', '2100-12']) expect(isYearMonth(ok), ok).toBe(true);
    for (const bad of ['2025-00', '2025-13', '2025-1', '2025-010', 'x2025-01', '2025-01x', '202-01', '1999-12', '2101-01', '2025-05-01']) {
      expect(isYearMonth(bad), bad).toBe(false);
      expect(() => parseYearMonth(bad), bad).toThrow(/^Ugyldig periode/);
    }
  });
});

describe('month arithmetic', () => {
  it('writes a period with four-digit year and two-digit month', () => {
    expect(yearMonth(2025, 3)).toBe('2025-03');
    expect(yearMonth(2025, 11)).toBe('2025-11');
    expect(yearMonth(999, 1)).toBe('0999-01');
  });

  it('adds zero, forward and backward months, across one and more year ends', () => {
    expect(addMonths('2025-05', 0)).toBe('2025-05');
    expect(addMonths('2025-03', 9)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2025-03', -2)).toBe('2025-01');
    expect(addMonths('2025-01', -13)).toBe('2023-12');
    expect(addMonths('2025-01', 24)).toBe('2027-01');
  });

  it('lists year-to-date from January through December', () => {
    expect(ytdMonths('2025-01')).toEqual(['2025-01']);
    expect(ytdMonths('2025-12')).toHaveLength(12);
    expect(ytdMonths('2025-12')[11]).toBe('2025-12');
  });

  it('lists every one of the rolling 12 months in order', () => {
    expect(rolling12Months('2025-05')).toEqual([
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
    expect(rolling12Months('2025-12')[0]).toBe('2025-01');
  });

  it('puts each tertial border month on the right side', () => {
    const tertials = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => tertialOf(`2025-${m}`));
    expect(tertials).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
  });

  it('lists the four months of each tertial', () => {
    expect(tertialMonths(2025, 1)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(tertialMonths(2025, 2)).toEqual(['2025-05', '2025-06', '2025-07', '2025-08']);
    expect(tertialMonths(2025, 3)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12']);
  });

  it('gives the months of every period kind', () => {
    expect(periodMonths('month', '2025-05')).toEqual(['2025-05']);
    expect(periodMonths('ytd', '2025-03')).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(periodMonths('rolling12', '2025-05')).toEqual(rolling12Months('2025-05'));
    expect(periodMonths('tertial', '2025-12')).toEqual(['2025-09', '2025-10', '2025-11', '2025-12']);
  });
});

describe('calendar dates', () => {
  it('reads a real date and refuses an impossible one in Norwegian', () => {
    expect(plainDate('2024-02-29').toString()).toBe('2024-02-29');
    expect(() => plainDate('2025-02-29')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: 'Ugyldig dato «2025-02-29», forventet ÅÅÅÅ-MM-DD' }),
    );
  });

  it('tells an ISO date inside the year range from other text', () => {
    for (const ok of ['2025-02-28', '2024-02-29', '2000-01-01', '2100-12-31']) expect(isIsoDate(ok), ok).toBe(true);
    for (const bad of [
      '2025-02-29',
      '1999-12-31',
      '2101-01-01',
      '2025-1-01',
      '2025-01-1',
      'x2025-01-01',
      '2025-01-01x',
      '2025-01-01T00:00',
      '20250101',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('adds days, counts days and names the weekday', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(dayOfWeek('2025-12-01')).toBe(1);
    expect(dayOfWeek('2025-11-30')).toBe(7);
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2025-12-31', '2025-01-01')).toBe(-364);
    expect(daysBetween('2025-05-01', '2025-05-01')).toBe(0);
  });

  it('lists each date of a range with both ends, one date for one day and none for a reversed range', () => {
    expect([...eachDate('2025-02-27', '2025-03-02')]).toEqual(['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02']);
    expect([...eachDate('2025-05-01', '2025-05-01')]).toEqual(['2025-05-01']);
    expect([...eachDate('2025-05-02', '2025-05-01')]).toEqual([]);
  });

  it('knows the first and last day of each kind of month', () => {
    expect(firstDayOfMonth('2025-05')).toBe('2025-05-01');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-02')).toBe('2025-02-28');
    expect(lastDayOfMonth('2025-04')).toBe('2025-04-30');
    expect(lastDayOfMonth('2025-12')).toBe('2025-12-31');
    expect(monthOf('2025-05-17')).toBe('2025-05');
  });

  it('bounds a month by local midnights, also December into January', () => {
    expect(monthBoundsMs('2025-05')).toEqual({ startMs: Date.parse('2025-04-30T22:00:00Z'), endMs: Date.parse('2025-05-31T22:00:00Z') });
    expect(monthBoundsMs('2025-12')).toEqual({ startMs: Date.parse('2025-11-30T23:00:00Z'), endMs: Date.parse('2025-12-31T23:00:00Z') });
  });

  it('writes the local wall time of an instant to the minute', () => {
    expect(localDateTimeOf(Date.parse('2025-05-31T22:30:45Z'))).toBe('2025-06-01T00:30');
    expect(localDateTimeOf(Date.parse('2025-01-15T07:05:00Z'))).toBe('2025-01-15T08:05');
  });
});

describe('local times and instants', () => {
  it('reads a local time with T or a space, with or without seconds, around spaces', () => {
    const eight = Date.parse('2025-05-01T08:00:00Z');
    expect(parseLocalOrInstant('2025-05-01T10:00')).toEqual({ ok: true, epochMs: eight });
    expect(parseLocalOrInstant('2025-05-01 10:00')).toEqual({ ok: true, epochMs: eight });
    expect(parseLocalOrInstant(' 2025-05-01T10:00 ')).toEqual({ ok: true, epochMs: eight });
    expect(parseLocalOrInstant('2025-05-01T10:00:30')).toEqual({ ok: true, epochMs: eight + 30_000 });
  });

  it('reads an instant with Z, z or an offset with or without colon', () => {
    const eight = Date.parse('2025-05-01T08:00:00Z');
    expect(parseLocalOrInstant('2025-05-01T08:00:00Z')).toEqual({ ok: true, epochMs: eight });
    expect(parseLocalOrInstant('2025-05-01T08:00:00z')).toEqual({ ok: true, epochMs: eight });
    expect(parseLocalOrInstant('2025-05-01T10:00+02:00')).toEqual({ ok: true, epochMs: eight });
    expect(parseLocalOrInstant('2025-05-01T10:00+0200')).toEqual({ ok: true, epochMs: eight });
    expect(parseLocalOrInstant('2025-05-01T07:00-01:00')).toEqual({ ok: true, epochMs: eight });
  });

  it('calls malformed or impossible times invalid', () => {
    for (const bad of [
      '2025-13-01T10:00Z',
      '2025-05-01T25:00',
      '2025-05-01T10',
      '2025-05-01T10:00:00.5',
      'x2025-05-01T10:00',
      '2025-05-01T10:00x',
      '2025-05-01T10:00Zx',
      '2025-05-01',
      '2025-5-01T10:00',
      '+002025-05-01T10:00',
      '2025-05-01T08:00Z[Europe/Oslo]',
      '2025-05-01T10:00+02:00[Europe/Oslo]',
    ]) {
      expect(parseLocalOrInstant(bad), bad).toEqual({ ok: false, problem: 'invalid' });
    }
  });

  it('accepts the last local minute before the spring gap and the first after it', () => {
    expect(parseLocalOrInstant('2025-03-30T01:59')).toEqual({ ok: true, epochMs: Date.parse('2025-03-30T00:59:00Z') });
    expect(parseLocalOrInstant('2025-03-30T02:00')).toEqual({ ok: false, problem: 'nonexistent' });
    expect(parseLocalOrInstant('2025-03-30T03:00')).toEqual({ ok: true, epochMs: Date.parse('2025-03-30T01:00:00Z') });
  });

  it('accepts the local minutes just outside the autumn repeat', () => {
    expect(parseLocalOrInstant('2025-10-26T01:59')).toEqual({ ok: true, epochMs: Date.parse('2025-10-25T23:59:00Z') });
    expect(parseLocalOrInstant('2025-10-26T02:00')).toEqual({ ok: false, problem: 'ambiguous' });
    expect(parseLocalOrInstant('2025-10-26T03:00')).toEqual({ ok: true, epochMs: Date.parse('2025-10-26T02:00:00Z') });
  });
});

describe('ISO week edges', () => {
  it('pads one-digit weeks and finds Monday and Sunday from any day of the week', () => {
    expect(isoWeekKey('2025-03-03')).toBe('2025-W10');
    expect(isoWeekKey('2025-01-05')).toBe('2025-W01');
    expect(isoWeekMonday('2025-01-01')).toBe('2024-12-30');
    expect(isoWeekMonday('2025-03-03')).toBe('2025-03-03');
    expect(isoWeekMonday('2025-03-09')).toBe('2025-03-03');
    expect(isoWeekSunday('2025-03-03')).toBe('2025-03-09');
    expect(isoWeekSunday('2025-03-09')).toBe('2025-03-09');
    expect(isoWeekSunday('2025-12-31')).toBe('2026-01-04');
  });
});
