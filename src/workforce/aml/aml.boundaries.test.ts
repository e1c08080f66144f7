/**
 * The limits of working-time.md §3 at their value, just under and just over: an hours limit is
 * breached only when strictly exceeded, a rest requirement is met at exactly the limit.
 */
import { describe, expect, it } from 'vitest';
import { ALWAYS, check, rec, shifts } from './aml.testing.ts';
import type { Breach, Dispensation, TimeRecord } from './aml-model.ts';

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
