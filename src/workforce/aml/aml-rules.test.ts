import { describe, expect, it } from 'vitest';
import { ALWAYS, check, rec, shifts, summary } from './aml.testing.ts';
import { evaluateEmployee } from './aml.ts';
import { DEFAULT_AML_SETTINGS, type TimeRecord } from './aml-model.ts';
import { dayToIso, isoToDay } from './rules/aml-time.ts';

/** The dates Monday..Friday of the ISO week starting `monday`. */
function weekdays(monday: string, n = 5): string[] {
  return Array.from({ length: n }, (_, i) => dayToIso(isoToDay(monday) + i));
}

/** `hours` of overtime on Monday of each week starting `monday`, one entry per week (0 = none). */
function overtimeWeeks(monday: string, hoursPerWeek: number[]): TimeRecord[] {
  return hoursPerWeek.flatMap((h, i) => {
    if (h === 0) return [];
    const day = dayToIso(isoToDay(monday) + 7 * i);
    // Spread over Mon–Thu evenings so no single day gets long.
    const perDay = h / 4;
    return [0, 1, 2, 3].map((d) => {
      const date = dayToIso(isoToDay(day) + d);
      const end = 16 * 60 + perDay * 60;
      const hh = String(Math.floor(end / 60)).padStart(2, '0');
      const mm = String(Math.round(end % 60)).padStart(2, '0');
      return rec(`${date}T16:00`, `${date}T${hh}:${mm}`, 'overtime', 'project:KAK');
    });
  });
}

describe('rest24 (daily rest between main work periods)', () => {
  it('counts a quick return from 31 May into 1 June in June', () => {
    const breaches = check([rec('2025-05-31T15:00', '2025-05-31T23:00'), rec('2025-06-01T07:00', '2025-06-01T15:00')]);
    expect(summary(breaches)).toEqual(['rest24@2025-06-01']);
    expect(breaches[0]!.month).toBe('2025-06');
    expect(check([rec('2025-05-31T15:00', '2025-05-31T23:00'), rec('2025-06-01T07:00', '2025-06-01T15:00')], { to: '2025-05-31' })).toEqual(
      [],
    );
  });

  it('measures the autumn DST night as 25 h: 10 h on the wall clock is 11 h of rest', () => {
    expect(
      check([rec('2025-10-25T13:00', '2025-10-25T22:30'), rec('2025-10-26T08:30', '2025-10-26T16:00')]).map((b) => b.rule),
    ).not.toContain('rest24');
  });

  it('treats a split shift as one main work period (no rest check between its parts)', () => {
    const records = [
      rec('2025-05-13T07:00', '2025-05-13T11:00'),
      rec('2025-05-13T17:00', '2025-05-13T21:00'),
      rec('2025-05-14T07:00', '2025-05-14T15:00'),
    ];
    expect(summary(check(records))).toEqual(['rest24@2025-05-14']);
  });

  it('removes call-outs from the rest interval and takes the cause of the call-out when the next shift has none', () => {
    const records = [
      rec('2025-05-13T08:00', '2025-05-13T16:00'),
      rec('2025-05-14T01:00', '2025-05-14T03:30', 'callout', 'on-call'),
      rec('2025-05-14T08:00', '2025-05-14T16:00'),
    ];
    const breaches = check(records);
    expect(summary(breaches)).toEqual(['rest24@2025-05-14:on-call']);
    expect(breaches[0]!.measured).toBe(9);
    expect(breaches[0]!.records).toHaveLength(3);
  });

  it('takes the cause of the first main block of D′ when it has one', () => {
    const records = [
      rec('2025-05-13T15:00', '2025-05-13T23:00', 'ordinary', 'patching'),
      rec('2025-05-14T07:00', '2025-05-14T15:00', 'overtime', 'firewall'),
    ];
    expect(summary(check(records))).toEqual(['rest24@2025-05-14:firewall']);
  });

  it('applies a dispensation valid only for part of the period on its key date D′ only', () => {
    const quickReturns = [
      rec('2025-05-05T15:00', '2025-05-05T23:00'),
      rec('2025-05-06T07:00', '2025-05-06T15:00'),
      rec('2025-05-07T15:00', '2025-05-07T23:00'),
      rec('2025-05-08T07:00', '2025-05-08T15:00'),
    ];
    const dispensations = [{ type: 'rest' as const, from: '2025-05-01', to: '2025-05-06' }];
    expect(summary(check(quickReturns, { dispensations }))).toEqual(['rest24@2025-05-08']);
    expect(summary(check(quickReturns))).toEqual(['rest24@2025-05-06', 'rest24@2025-05-08']);
  });

  it('ignores an overtime or sundays dispensation', () => {
    const records = [rec('2025-05-05T15:00', '2025-05-05T23:00'), rec('2025-05-06T07:00', '2025-05-06T15:00')];
    expect(check(records, { dispensations: [ALWAYS('overtime'), ALWAYS('sundays')] })).toHaveLength(1);
  });
});

describe('rest7d (weekly rest inside the ISO week)', () => {
  it('is met by exactly 35 h', () => {
    const records = [...shifts(weekdays('2025-05-05'), '08:00', '16:00'), rec('2025-05-10T12:00', '2025-05-10T13:00', 'callout')];
    expect(check(records)).toEqual([]);
  });

  it('is met by an exact 35 h stretch in the middle of the week, and breached at 34 h', () => {
    // Wed 16:00 → Fri 03:00 is the only long free stretch; the weekend is worked, so the week's end
    // (Sun 16:00 → Mon 00:00 = 8 h) cannot hide the comparison at the limit.
    const week = (friStart: string) => [
      ...shifts(weekdays('2025-05-05', 3), '08:00', '16:00'),
      rec(`2025-05-09T${friStart}`, '2025-05-09T11:00'),
      ...shifts(['2025-05-10', '2025-05-11'], '08:00', '16:00'),
    ];
    const rest7d = (records: TimeRecord[]) => check(records).filter((b) => b.rule === 'rest7d');
    expect(rest7d(week('03:00'))).toEqual([]);
    const breached = rest7d(week('02:00'));
    expect(summary(breached)).toEqual(['rest7d@2025-05-10']);
    expect(breached[0]!.measured).toBe(34);
    expect(breached[0]!.limit).toBe(35);
    expect(rest7d(week('04:00'))).toEqual([]);
  });

  it('is clipped at the week ends: a free weekend followed by a free Monday morning does not help the next week', () => {
    const records = shifts(weekdays('2025-05-05', 7), '08:00', '14:00');
    expect(summary(check(records))).toEqual(['rest7d@2025-05-10']);
    // The next week starts free, but the free Monday morning belongs to week 20 only.
    expect(summary(check([...records, ...shifts(weekdays('2025-05-13', 5), '08:00', '14:00')]))).toEqual([
      'rest7d@2025-05-10',
      'rest7d@2025-05-17',
    ]);
  });

  it('uses 28 h with a rest dispensation valid on the Sunday ending the week', () => {
    const records = [...shifts(weekdays('2025-05-05', 6), '08:00', '16:00')];
    // Longest stretch: Sat 16:00 → Mon 00:00 = 32 h.
    expect(summary(check(records))).toEqual(['rest7d@2025-05-10']);
    expect(check(records, { dispensations: [{ type: 'rest', from: '2025-05-11', to: '2025-05-11' }] })).toEqual([]);
    expect(check(records, { dispensations: [{ type: 'rest', from: '2025-05-05', to: '2025-05-10' }] })).toHaveLength(1);
  });
});

describe('hoursDay (hours per work date)', () => {
  it('attributes a block across midnight wholly to its start date', () => {
    const breaches = check([rec('2025-05-12T22:00', '2025-05-13T12:00', 'ordinary', 'patching')]);
    expect(summary(breaches)).toEqual(['hoursDay@2025-05-12:patching']);
  });

  it('measures the spring DST day in real time: 00–14 on 30 March is 13 h, no breach; 00–13 on 26 October is 14 h', () => {
    expect(check([rec('2025-03-30T00:00', '2025-03-30T14:00')])).toEqual([]);
    expect(summary(check([rec('2025-10-26T00:00', '2025-10-26T13:00')]))).toEqual(['hoursDay@2025-10-26']);
  });

  it('counts duplicates and overlaps once', () => {
    const day = [
      rec('2025-05-13T08:00', '2025-05-13T16:00'),
      rec('2025-05-13T08:00', '2025-05-13T16:00'),
      rec('2025-05-13T12:00', '2025-05-13T21:00', 'overtime'),
    ];
    expect(check(day)).toEqual([]);
    const breaches = check([...day, rec('2025-05-13T20:00', '2025-05-13T21:30', 'overtime', 'firewall')]);
    expect(summary(breaches)).toEqual(['hoursDay@2025-05-13:firewall']);
    expect(breaches[0]!.measured).toBe(13.5);
  });

  it('takes the cause of the record worked when 13 h is passed', () => {
    const records = [
      rec('2025-05-13T07:00', '2025-05-13T15:00'),
      rec('2025-05-13T15:00', '2025-05-13T19:00', 'overtime', 'supplier-change'),
      rec('2025-05-13T19:00', '2025-05-13T22:00', 'overtime', 'project:KAK'),
    ];
    expect(summary(check(records))).toEqual(['hoursDay@2025-05-13:project:KAK']);
  });

  it('allows 16 h with an overtime dispensation on the date', () => {
    expect(check([rec('2025-05-13T06:00', '2025-05-13T21:00')], { dispensations: [ALWAYS('overtime')] })).toEqual([]);
  });
});

describe('overtime7d, overtime4w, overtime52w', () => {
  it('overtime7d: breach dated at the OT block where the weekly total first exceeds 10 h', () => {
    const records = [
      rec('2025-05-12T16:00', '2025-05-12T20:00', 'overtime'),
      rec('2025-05-13T16:00', '2025-05-13T20:00', 'overtime'),
      rec('2025-05-14T16:00', '2025-05-14T17:00', 'overtime'),
      rec('2025-05-15T16:00', '2025-05-15T17:00', 'callout', 'on-call'),
    ];
    expect(summary(check(records))).toEqual([]); // exactly 10 h
    const over = [...records, rec('2025-05-16T16:00', '2025-05-16T17:00', 'callout', 'on-call')];
    expect(summary(check(over))).toEqual(['overtime7d@2025-05-16:on-call']);
  });

  it('overtime4w: a single spike gives one breach', () => {
    expect(summary(check(overtimeWeeks('2025-03-03', [8, 8, 8, 8, 0, 0, 0, 0]))).filter((s) => s.startsWith('overtime4w'))).toEqual([
      'overtime4w@2025-03-24:project:KAK',
    ]);
  });

  it('overtime4w: counts once per week with new overtime while over the cap', () => {
    const breaches = check(overtimeWeeks('2025-03-03', [9, 9, 9, 0, 9, 1]));
    expect(summary(breaches).filter((s) => s.startsWith('overtime4w'))).toEqual([
      'overtime4w@2025-03-20:project:KAK',
      'overtime4w@2025-04-03:project:KAK',
    ]);
    // W4 has no overtime (no breach although W1..W4 = 27); W6 has, but W3..W6 = 19 is under the cap.
  });

  it('overtime52w: 200 h over 52 weeks, needs the look-back before the evaluated month', () => {
    const weeks = Array.from({ length: 30 }, () => 8);
    const records = overtimeWeeks('2024-06-03', weeks);
    const breaches = check(records, { from: '2024-12-01', to: '2024-12-31' }).filter((b) => b.rule === 'overtime52w');
    // 8 h × 25 weeks = 200 (not over); the 26th week (starting 2024-11-25) passes; every later week too.
    expect(breaches.map((b) => b.periodKey)).toEqual(['2024-W49', '2024-W50', '2024-W51', '2024-W52']);
    expect(
      check(
        records.filter((r) => r.start >= Date.UTC(2024, 10, 1)),
        { from: '2024-12-01', to: '2024-12-31' },
      ).filter((b) => b.rule === 'overtime52w'),
    ).toEqual([]);
  });
});

describe('hours7d (hours per ISO week)', () => {
  const long = shifts(weekdays('2025-05-12'), '07:00', '16:45'); // 48.75 h

  it('breaches above 48 h, dated at the block that pushes past', () => {
    expect(summary(check(long))).toEqual(['hours7d@2025-05-16']);
    expect(check(shifts(weekdays('2025-05-12'), '07:00', '16:36'))).toEqual([]); // exactly 48 h
  });

  it('with an overtime dispensation allows 69 h in a week unless the 8-week sum passes 384 h', () => {
    const d = [ALWAYS('overtime')];
    expect(check(long, { dispensations: d })).toEqual([]);
    const seventy = shifts(weekdays('2025-05-12', 7), '06:00', '16:00');
    expect(summary(check(seventy, { dispensations: d })).filter((s) => s.startsWith('hours7d'))).toEqual(['hours7d@2025-05-18']);
    const eightWeeks = Array.from({ length: 8 }, (_, w) =>
      shifts(weekdays(dayToIso(isoToDay('2025-03-24') + 7 * w), 6), '06:00', '14:30'),
    ).flat();
    // 8 × 51 h: the running 8-week sum passes 384 h on the 4th day of the 8th week.
    expect(summary(check(eightWeeks, { dispensations: d })).filter((s) => s.startsWith('hours7d'))).toEqual(['hours7d@2025-05-15']);
  });

  it('as a setting, judges normal weeks by the 8-week average instead', () => {
    const settings = { ...DEFAULT_AML_SETTINGS, hours7d: { ...DEFAULT_AML_SETTINGS.hours7d, averaging: true } };
    expect(check(long, { settings })).toEqual([]);
  });
});

describe('sundays (every second Sunday off)', () => {
  it('counts Saturday 20:00 for Sunday, but not Sunday 22:00', () => {
    const saturdays = [
      rec('2025-05-10T20:00', '2025-05-10T21:00', 'callout', 'on-call'),
      rec('2025-05-17T20:00', '2025-05-17T21:00', 'callout', 'on-call'),
    ];
    expect(summary(check(saturdays))).toEqual(['sundays@2025-05-17:on-call']);
    const lateSundays = [rec('2025-05-11T22:00', '2025-05-11T23:00', 'callout'), rec('2025-05-18T22:00', '2025-05-18T23:00', 'callout')];
    expect(check(lateSundays)).toEqual([]);
  });

  it('with a sundays dispensation breaches on the 4th and later Sunday in a row', () => {
    const sundays = ['2025-05-04', '2025-05-11', '2025-05-18', '2025-05-25', '2025-06-01'].map((d) =>
      rec(`${d}T10:00`, `${d}T12:00`, 'callout'),
    );
    expect(summary(check(sundays))).toEqual(['sundays@2025-05-11', 'sundays@2025-05-18', 'sundays@2025-05-25', 'sundays@2025-06-01']);
    expect(summary(check(sundays, { dispensations: [ALWAYS('sundays')] }))).toEqual(['sundays@2025-05-25', 'sundays@2025-06-01']);
  });
});

describe('knownAt, exempt employees and keys', () => {
  const late = [
    rec('2025-05-13T08:00', '2025-05-13T16:00', 'ordinary', null, '2025-05-14T09:00'),
    rec('2025-05-13T16:00', '2025-05-13T22:00', 'overtime', 'project:KAK', '2025-06-20T09:00'),
  ];

  it('excludes records registered after knownAt', () => {
    expect(check(late, { knownAt: '2025-06-05T23:59' })).toEqual([]);
    expect(summary(check(late, { knownAt: '2025-06-20T09:00' }))).toEqual(['hoursDay@2025-05-13:project:KAK']);
  });

  it('never evaluates exempt employees', () => {
    expect(evaluateEmployee({ employeeId: 'E9', exempt: true, records: late }, { from: '2025-01-01', to: '2025-12-31' })).toEqual([]);
  });

  it('gives stable keys by employee, rule and period key', () => {
    const [b] = check(late);
    expect(b!.key).toBe('E1|hoursDay|2025-05-13');
    const week = check(shifts(weekdays('2025-05-05', 7), '08:00', '16:00'));
    expect(week[0]!.key).toBe('E1|rest7d|2025-W19');
  });
});
