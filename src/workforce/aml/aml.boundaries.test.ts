/**
 * The limits of working-time.md §3 at their value, just under and just over: an hours limit is
 * breached only when strictly exceeded, a rest requirement is met at exactly the limit.
 */
import { describe, expect, it } from 'vitest';
import { ALWAYS, check, rec, shifts } from './aml.testing.ts';
import { type Breach, DEFAULT_AML_SETTINGS, type Dispensation, type TimeRecord } from './aml-model.ts';

const only = (rule: Breach['rule'], records: TimeRecord[], dispensations: Dispensation[] = []) =>
  check(records, { dispensations })
    .filter((b) => b.rule === rule)
    .map((b) => `${b.date} ${b.measured}/${b.limit}`);

const week = ['2025-05-05', '2025-05-06', '2025-05-07', '2025-05-08', '2025-05-09'];

describe('hoursDay: 13 h, 16 h with an overtime dispensation (breached when > limit)', () => {
  it.each([
    ['19:45', []],
    ['20:00', []],
    ['20:15', ['2025-05-13 13.25/13']],
  ])('07:00–%s', (end, expected) => {
    expect(only('hoursDay', [rec('2025-05-13T07:00', `2025-05-13T${end}`)])).toEqual(expected);
  });

  it('allows exactly 16 h with the dispensation and breaches at 16¼ h', () => {
    const day = (end: string) => [rec('2025-05-13T06:00', `2025-05-13T${end}`)];
    expect(only('hoursDay', day('22:00'), [ALWAYS('overtime')])).toEqual([]);
    expect(only('hoursDay', day('22:15'), [ALWAYS('overtime')])).toEqual(['2025-05-13 16.25/16']);
  });
});

describe('rest24: 11 h, 8 h with a rest dispensation (met at exactly the limit)', () => {
  const pair = (nextStart: string) => [rec('2025-05-12T08:00', '2025-05-12T16:00'), rec(`2025-05-13T${nextStart}`, '2025-05-13T12:00')];
  it.each([
    ['03:15', []],
    ['03:00', []],
    ['02:45', ['2025-05-13 10.75/11']],
  ])('Mon 08–16, Tue from %s', (start, expected) => {
    expect(only('rest24', pair(start))).toEqual(expected);
  });

  it('with the dispensation: 8 h is met, 7¾ h is not', () => {
    const rest = [{ type: 'rest' as const, from: null, to: null }];
    expect(only('rest24', pair('00:00'), rest)).toEqual([]);
    expect(only('rest24', [rec('2025-05-12T08:00', '2025-05-12T16:15'), rec('2025-05-13T00:00', '2025-05-13T08:00')], rest)).toEqual([
      '2025-05-13 7.75/8',
    ]);
  });
});

describe('hours7d: 48 h a week (breached when > 48)', () => {
  it.each([
    ['15:45', []],
    ['16:00', []],
    ['16:15', ['2025-05-10 48.25/48']],
  ])('Mon–Fri 08–16 and Sat 08–%s', (end, expected) => {
    expect(only('hours7d', [...shifts(week, '08:00', '16:00'), rec('2025-05-10T08:00', `2025-05-10T${end}`)])).toEqual(expected);
  });
});

describe('overtime7d: 10 h a week (breached when > 10)', () => {
  const overtime = (lastEnd: string) => [
    ...shifts(week.slice(0, 4), '16:00', '18:30', 'overtime'),
    ...(lastEnd === '' ? [] : [rec('2025-05-09T16:00', `2025-05-09T${lastEnd}`, 'overtime')]),
  ];
  it('10 h is allowed, 10¼ h is not', () => {
    expect(only('overtime7d', overtime(''))).toEqual([]);
    expect(only('overtime7d', overtime('16:15'))).toEqual(['2025-05-09 10.25/10']);
  });
});

describe('overtime4w: 25 h over whole ISO weeks W−3…W (breached when > 25), 50 h with a dispensation', () => {
  // Mondays of weeks 19–22 of 2025, and the Monday of week 18 just outside the window of week 22.
  const mondays = ['2025-05-05', '2025-05-12', '2025-05-19', '2025-05-26'];
  const fourWeeks = (lastEnd: string) => [
    ...shifts(mondays.slice(0, 3), '16:00', '22:15', 'overtime'),
    rec('2025-05-26T16:00', `2025-05-26T${lastEnd}`, 'overtime'),
  ];
  it('4 × 6¼ h = 25 h is allowed; 15 minutes more in the fourth week is not', () => {
    expect(only('overtime4w', fourWeeks('22:15'))).toEqual([]);
    expect(only('overtime4w', fourWeeks('22:30'))).toEqual(['2025-05-26 25.25/25']);
  });
  it('the window is four weeks, not five: overtime in week 18 does not count for week 22', () => {
    expect(only('overtime4w', [rec('2025-04-28T16:00', '2025-04-28T20:00', 'overtime'), ...fourWeeks('22:15')])).toEqual([]);
  });
  it('a week without new overtime cannot breach, though its window is over the limit', () => {
    // 3 × 9 h in weeks 19–21: week 21 breaches (27 h); week 22 has no overtime, so no breach for it.
    expect(only('overtime4w', shifts(mondays.slice(0, 3), '13:00', '22:00', 'overtime'))).toEqual(['2025-05-19 27/25']);
  });
  it('with an overtime dispensation 50 h is allowed and 50¼ h is not', () => {
    const weeks = (lastEnd: string) => [
      ...shifts(mondays.slice(0, 3), '10:00', '22:30', 'overtime'),
      rec('2025-05-26T10:00', `2025-05-26T${lastEnd}`, 'overtime'),
    ];
    expect(only('overtime4w', weeks('22:30'), [ALWAYS('overtime')])).toEqual([]);
    expect(only('overtime4w', weeks('22:45'), [ALWAYS('overtime')])).toEqual(['2025-05-26 50.25/50']);
  });
});

describe('overtime52w: 200 h over whole ISO weeks W−51…W (breached when > 200), 300 h with a dispensation', () => {
  // 5 h of overtime every Monday of 40 consecutive weeks = 200 h, the 40th week being week 22 of 2025.
  const mondays = Array.from({ length: 40 }, (_, i) => {
    const d = new Date(Date.UTC(2025, 4, 26 - 7 * (39 - i)));
    return d.toISOString().slice(0, 10);
  });
  const year = (lastEnd: string) => [
    ...shifts(mondays.slice(0, 39), '16:00', '21:00', 'overtime'),
    rec(`${mondays[39]}T16:00`, `${mondays[39]}T${lastEnd}`, 'overtime'),
  ];
  it('200 h is allowed; 15 minutes more in the last week is not', () => {
    expect(mondays[39]).toBe('2025-05-26');
    expect(only('overtime52w', year('21:00'))).toEqual([]);
    expect(only('overtime52w', year('21:15'))).toEqual(['2025-05-26 200.25/200']);
  });
  it('the window is 52 weeks: overtime in W−52 has left it, overtime in W−51 counts', () => {
    const w52 = rec('2024-05-27T16:00', '2024-05-27T16:15', 'overtime'); // Monday of week 22 of 2024 = W−52
    const w51 = rec('2024-06-03T16:00', '2024-06-03T16:15', 'overtime'); // Monday of week 23 of 2024 = W−51
    expect(only('overtime52w', [w52, ...year('21:00')])).toEqual([]);
    expect(only('overtime52w', [w51, ...year('21:00')])).toEqual(['2025-05-26 200.25/200']);
  });
  it('with an overtime dispensation 300 h is allowed and 300¼ h is not', () => {
    const longer = (lastEnd: string) => [
      ...shifts(mondays.slice(0, 39), '13:30', '21:00', 'overtime'),
      rec(`${mondays[39]}T13:30`, `${mondays[39]}T${lastEnd}`, 'overtime'),
    ];
    expect(only('overtime52w', longer('21:00'), [ALWAYS('overtime')])).toEqual([]);
    expect(only('overtime52w', longer('21:15'), [ALWAYS('overtime')])).toEqual(['2025-05-26 300.25/300']);
  });
});

describe('rest7d: 28 h with a rest dispensation (met at exactly the limit)', () => {
  // Mon–Sat 08–16 and Sunday evening: the longest free stretch is Sat 16:00 → Sun <start>.
  const sixDaysAnd = (sundayStart: string) => [
    ...shifts([...week, '2025-05-10'], '08:00', '16:00'),
    rec(`2025-05-11T${sundayStart}`, '2025-05-11T23:00'),
  ];
  const rest = [{ type: 'rest' as const, from: null, to: null }];
  it.each([
    ['20:15', []],
    ['20:00', []],
    ['19:45', ['2025-05-11 27.75/28']],
  ])('Sunday from %s', (start, expected) => {
    expect(only('rest7d', sixDaysAnd(start), rest)).toEqual(expected);
  });
  it('without the dispensation 28 h is a breach of 35 h', () => {
    expect(only('rest7d', sixDaysAnd('20:00'))).toEqual(['2025-05-10 28/35']);
  });
});

describe('overtime7d with an overtime dispensation: 20 h (breached when > 20)', () => {
  // Mon–Thu 16–20 (16 h) and Saturday from 10:00.
  const overtime = (lastEnd: string) => [
    ...shifts(week.slice(0, 4), '16:00', '20:00', 'overtime'),
    rec('2025-05-10T10:00', `2025-05-10T${lastEnd}`, 'overtime'),
  ];
  it.each([
    ['13:45', []],
    ['14:00', []],
    ['14:15', ['2025-05-10 20.25/20']],
  ])('Saturday 10:00–%s', (end, expected) => {
    expect(only('overtime7d', overtime(end), [ALWAYS('overtime')])).toEqual(expected);
  });
  it('without the dispensation the same 20 h passed 10 h on Wednesday', () => {
    expect(only('overtime7d', overtime('14:00'))).toEqual(['2025-05-07 20/10']);
  });
});

describe('hours7d with an overtime dispensation: 69 h a week, 384 h over 8 weeks (breached when > limit)', () => {
  const days7 = [...week, '2025-05-10', '2025-05-11'];
  // Six days of 10 h and a Sunday of 9 h = 69 h.
  const heavy = (sundayEnd: string) => [...shifts(days7.slice(0, 6), '06:00', '16:00'), rec('2025-05-11T06:00', `2025-05-11T${sundayEnd}`)];
  it('69 h is allowed, 69¼ h is not, 68¾ h neither', () => {
    expect(only('hours7d', heavy('15:00'), [ALWAYS('overtime')])).toEqual([]);
    expect(only('hours7d', heavy('14:45'), [ALWAYS('overtime')])).toEqual([]);
    expect(only('hours7d', heavy('15:15'), [ALWAYS('overtime')])).toEqual(['2025-05-11 69.25/69']);
  });

  // Eight weeks of Mon–Sat 08–16 = 8 × 48 = 384 h, the last week being week 19 of 2025.
  const mondays = Array.from({ length: 8 }, (_, i) => new Date(Date.UTC(2025, 2, 17 + 7 * i)).toISOString().slice(0, 10));
  const sixDays = (monday: string) =>
    Array.from({ length: 6 }, (_, d) => new Date(Date.parse(monday) + d * 86_400_000).toISOString().slice(0, 10));
  const eight = (lastEnd: string) => [
    ...mondays.slice(0, 7).flatMap((m) => shifts(sixDays(m), '08:00', '16:00')),
    ...shifts(sixDays(mondays[7]!).slice(0, 5), '08:00', '16:00'),
    rec('2025-05-10T08:00', `2025-05-10T${lastEnd}`),
  ];
  it('384 h over eight weeks is allowed, 384¼ h is not', () => {
    expect(mondays[7]).toBe('2025-05-05');
    expect(only('hours7d', eight('16:00'), [ALWAYS('overtime')])).toEqual([]);
    expect(only('hours7d', eight('15:45'), [ALWAYS('overtime')])).toEqual([]);
    expect(only('hours7d', eight('16:15'), [ALWAYS('overtime')])).toEqual(['2025-05-10 384.25/384']);
  });
  const ninth = shifts(sixDays('2025-03-10'), '08:00', '16:00');
  it('the window is eight weeks: a ninth week before it does not count', () => {
    expect(only('hours7d', [...ninth, ...eight('16:00')], [ALWAYS('overtime')])).toEqual([]);
  });
  it('with the averaging setting, normal weeks are judged by 8 × 48 = 384 h', () => {
    const settings = { ...DEFAULT_AML_SETTINGS, hours7d: { ...DEFAULT_AML_SETTINGS.hours7d, averaging: true } };
    const hours7d = (records: TimeRecord[]) =>
      check(records, { settings })
        .filter((b) => b.rule === 'hours7d')
        .map((b) => `${b.date} ${b.measured}/${b.limit}`);
    expect(hours7d(eight('16:00'))).toEqual([]);
    expect(hours7d(eight('16:15'))).toEqual(['2025-05-10 384.25/384']);
    expect(hours7d([...ninth, ...eight('16:00')])).toEqual([]);
  });
});

describe('sundays: the window [Saturday 18:00, Sunday 22:00) at its edges', () => {
  const twice = (from: string, to: string) =>
    ['2025-05-10', '2025-05-17'].map((sat) => {
      const day = (t: string) => (t.startsWith('sun ') ? `${sundayAfter(sat)}T${t.slice(4)}` : `${sat}T${t}`);
      return rec(day(from), day(to), 'callout');
    });
  const sundayAfter = (sat: string) => new Date(Date.parse(sat) + 86_400_000).toISOString().slice(0, 10);
  const sundays = (records: TimeRecord[]) =>
    check(records)
      .filter((b) => b.rule === 'sundays')
      .map((b) => `${b.date} ${b.periodKey} ${b.measured}/${b.limit}`);
  it('work ending at Saturday 18:00 is outside, work reaching past it is inside (dated Saturday)', () => {
    expect(sundays(twice('17:00', '18:00'))).toEqual([]);
    expect(sundays(twice('17:00', '18:15'))).toEqual(['2025-05-17 2025-05-18 2/1']);
  });
  it('work starting before Sunday 22:00 is inside, at 22:00 outside', () => {
    expect(sundays(twice('sun 21:45', 'sun 23:00'))).toEqual(['2025-05-18 2025-05-18 2/1']);
    expect(sundays(twice('sun 22:00', 'sun 23:00'))).toEqual([]);
  });
  it('a Sunday in between breaks the run: worked, free, worked is no breach', () => {
    const records = ['2025-05-04', '2025-05-18'].map((d) => rec(`${d}T10:00`, `${d}T12:00`, 'callout'));
    expect(sundays(records)).toEqual([]);
  });
  it('with a dispensation, three in a row is allowed and the fourth is a breach', () => {
    const run = (n: number) =>
      ['2025-05-04', '2025-05-11', '2025-05-18', '2025-05-25'].slice(0, n).map((d) => rec(`${d}T10:00`, `${d}T12:00`, 'callout'));
    const withD = (records: TimeRecord[]) =>
      check(records, { dispensations: [ALWAYS('sundays')] })
        .filter((b) => b.rule === 'sundays')
        .map((b) => `${b.date} ${b.measured}/${b.limit} ${b.dispensation}`);
    expect(withD(run(3))).toEqual([]);
    expect(withD(run(4))).toEqual(['2025-05-25 4/3 true']);
  });
});
