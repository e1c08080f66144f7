/**
 * The rules of working-time spec §4 at the edges mutation testing found thin: rest7d's breach moment
 * and weeks reached only by a block from the week before, hours7d when the week and the 8-week
 * limits are passed at the same instant, worked Sundays counted once, dispensations on their key
 * dates and the evaluated period's edges. Every input is built inside its test so that mutation
 * testing's per-test coverage sees it.
 */
import { describe, expect, it } from 'vitest';
import { ALWAYS, type CheckOptions, check, rec, shifts } from '../aml.testing.ts';
import type { Breach, TimeRecord } from '../aml-model.ts';
import { dayToIso, isoToDay } from '../rules/aml-time.ts';

const of = (rule: Breach['rule'], records: TimeRecord[], options: CheckOptions = {}) =>
  check(records, options)
    .filter((b) => b.rule === rule)
    .map((b) => `${b.date} ${b.periodKey} ${b.measured}/${b.limit} ${b.cause}`);

/** `n` consecutive dates from `first`. */
const dates = (first: string, n: number) => Array.from({ length: n }, (_, i) => dayToIso(isoToDay(first) + i));

describe('rest7d', () => {
  it('dates the breach at the start of the last 35 h when a block runs into them from the day before', () => {
    // Mon–Thu 08–16, then Fri 20:00 → Sat 14:00: the longest stretch is Sat 14:00 → Mon 00:00 = 34 h;
    // the last 35 h start Sat 13:00, inside the night block.
    const records = [
      ...shifts(dates('2025-05-05', 4), '08:00', '16:00'),
      rec('2025-05-09T20:00', '2025-05-10T14:00', 'ordinary', 'night'),
      rec('2025-05-09T20:00', '2025-05-10T12:00', 'overtime', 'ended-before'),
    ];
    expect(of('rest7d', records)).toEqual(['2025-05-10 2025-W19 34/35 night']);
  });

  it('evaluates a week whose only work is a block from the week before', () => {
    // One record from Sunday 11 May 00:00 to Saturday 17 May 14:00: week 19 has 144 h free, week 20 only 34 h.
    const records = [rec('2025-05-11T00:00', '2025-05-17T14:00', 'ordinary', 'long')];
    expect(of('rest7d', records)).toEqual(['2025-05-17 2025-W20 34/35 long']);
  });

  it('gives one breach per week however many blocks it has', () => {
    const records = shifts(dates('2025-05-05', 7), '08:00', '12:00').concat(shifts(dates('2025-05-05', 7), '13:00', '14:00'));
    expect(of('rest7d', records)).toEqual(['2025-05-10 2025-W19 18/35 null']);
  });

  it('reports a breach dated on the evaluated period’s first or last day, and none outside it', () => {
    // Mon–Sat 08–16 and Sunday 19:45–23:00 with a rest dispensation: 27¾ h, breach dated Sunday 11 May.
    const records = [...shifts(dates('2025-05-05', 6), '08:00', '16:00'), rec('2025-05-11T19:45', '2025-05-11T23:00')];
    const dispensations = [ALWAYS('rest')];
    const breach = ['2025-05-11 2025-W19 27.75/28 null'];
    expect(of('rest7d', records, { dispensations, from: '2025-05-11', to: '2025-05-11' })).toEqual(breach);
    expect(of('rest7d', records, { dispensations, from: '2025-05-12', to: '2025-05-31' })).toEqual([]);
    expect(of('rest7d', records, { dispensations, from: '2025-05-01', to: '2025-05-10' })).toEqual([]);
  });
});

describe('hours7d with an overtime dispensation: the week limit and the 8-week limit', () => {
  /** Seven weeks of Mon–Fri `from`–`to` (the last one being week 18 of 2025), then week 19 every day 06–16 (70 h). */
  const weeks = (from: string, to: string) => [
    ...Array.from({ length: 7 }, (_, w) => shifts(dates(dayToIso(isoToDay('2025-03-17') + 7 * w), 5), from, to)).flat(),
    ...shifts(dates('2025-05-05', 7), '06:00', '16:00', 'ordinary'),
  ];

  it('takes the week limit when both are passed at the same instant (7 × 45 h + 69 h = 384 h)', () => {
    expect(of('hours7d', weeks('08:00', '17:00'), { dispensations: [ALWAYS('overtime')] })).toEqual(['2025-05-11 2025-W19 70/69 null']);
  });

  it('takes the 8-week limit when it is passed first', () => {
    // 7 × 47 h = 329 h before: the window passes 384 h at 55 h into week 19 (Saturday), the week 69 h on Sunday.
    expect(of('hours7d', weeks('08:00', '17:24'), { dispensations: [ALWAYS('overtime')] })).toEqual(['2025-05-10 2025-W19 399/384 null']);
  });

  it('takes the week limit when it is passed first', () => {
    // 7 × 40 h = 280 h before: the window would pass at 104 h, never; the week passes 69 h on Sunday.
    expect(of('hours7d', weeks('08:00', '16:00'), { dispensations: [ALWAYS('overtime')] })).toEqual(['2025-05-11 2025-W19 70/69 null']);
  });

  it('dates the breach at the block that pushes past, inside the evaluated period only', () => {
    const records = shifts(dates('2025-05-05', 7), '06:00', '16:00');
    const dispensations = [ALWAYS('overtime')];
    expect(of('hours7d', records, { dispensations, from: '2025-05-11', to: '2025-05-11' })).toEqual(['2025-05-11 2025-W19 70/69 null']);
    expect(of('hours7d', records, { dispensations, from: '2025-05-05', to: '2025-05-10' })).toEqual([]);
    expect(of('hours7d', records, { dispensations, from: '2025-05-12', to: '2025-05-18' })).toEqual([]);
  });
});

describe('overtime rules on their key dates and period edges', () => {
  /** Mon–Thu 16–20 overtime (16 h) and Sunday 10–15 (5 h): 21 h in week 19. */
  const week = () => [
    ...shifts(dates('2025-05-05', 4), '16:00', '20:00', 'overtime'),
    rec('2025-05-11T10:00', '2025-05-11T15:00', 'overtime', 'sunday'),
  ];

  it('applies an overtime dispensation valid on the Sunday ending the week, not one ending the Saturday before', () => {
    const on = (from: string | null, to: string | null) => of('overtime7d', week(), { dispensations: [{ type: 'overtime', from, to }] });
    expect(on('2025-05-11', '2025-05-11')).toEqual(['2025-05-11 2025-W19 21/20 sunday']);
    expect(on(null, '2025-05-10')).toEqual(['2025-05-07 2025-W19 21/10 null']);
    expect(on('2025-05-12', null)).toEqual(['2025-05-07 2025-W19 21/10 null']);
  });

  it('reports the breach on the period’s last day, not after it', () => {
    expect(of('overtime7d', week(), { from: '2025-05-07', to: '2025-05-07' })).toEqual(['2025-05-07 2025-W19 21/10 null']);
    expect(of('overtime7d', week(), { from: '2025-05-08', to: '2025-05-31' })).toEqual([]);
    expect(of('overtime7d', week(), { from: '2025-04-01', to: '2025-05-06' })).toEqual([]);
  });

  it('overtime4w counts from the first block of a week that starts over the limit', () => {
    // 9 h in each of weeks 19–21 (27 h, breach in week 21); 1 h on Wednesday and Friday of week 22.
    const records = [
      ...['2025-05-05', '2025-05-12', '2025-05-19'].map((d) => rec(`${d}T13:00`, `${d}T22:00`, 'overtime', 'big')),
      rec('2025-05-28T16:00', '2025-05-28T17:00', 'overtime', 'wednesday'),
      rec('2025-05-30T16:00', '2025-05-30T17:00', 'overtime', 'friday'),
    ];
    expect(of('overtime4w', records)).toEqual(['2025-05-19 2025-W21 27/25 big', '2025-05-28 2025-W22 29/25 wednesday']);
  });
});

describe('hoursDay on its key date', () => {
  it('applies an overtime dispensation from or to exactly the work date', () => {
    const day = [rec('2025-05-13T06:00', '2025-05-13T21:00')];
    const on = (from: string | null, to: string | null) => of('hoursDay', day, { dispensations: [{ type: 'overtime', from, to }] });
    expect(on('2025-05-13', '2025-05-13')).toEqual([]);
    expect(on('2025-05-14', null)).toEqual(['2025-05-13 2025-05-13 15/13 null']);
    expect(on(null, '2025-05-12')).toEqual(['2025-05-13 2025-05-13 15/13 null']);
    expect(of('hoursDay', day, { dispensations: [ALWAYS('rest'), ALWAYS('sundays')] })).toEqual(['2025-05-13 2025-05-13 15/13 null']);
  });

  it('reports only work dates inside the period', () => {
    const days = [rec('2025-05-12T06:00', '2025-05-12T21:00'), rec('2025-05-13T06:00', '2025-05-13T21:00')];
    expect(of('hoursDay', days, { from: '2025-05-13', to: '2025-05-13' })).toEqual(['2025-05-13 2025-05-13 15/13 null']);
    expect(of('hoursDay', days, { from: '2025-05-12', to: '2025-05-12' })).toEqual(['2025-05-12 2025-05-12 15/13 null']);
  });
});

describe('sundays', () => {
  const sundays4 = ['2025-05-04', '2025-05-11', '2025-05-18', '2025-05-25'];

  it('counts a Sunday worked in two blocks once: with a dispensation the fourth in a row is still the breach', () => {
    const records = [
      ...sundays4.map((d) => rec(`${d}T10:00`, `${d}T12:00`, 'callout', 'on-call')),
      rec('2025-05-11T14:00', '2025-05-11T15:00', 'callout', 'second'),
    ];
    const withD = check(records, { dispensations: [ALWAYS('sundays')] }).filter((b) => b.rule === 'sundays');
    expect(withD.map((b) => `${b.date} ${b.measured}/${b.limit} ${b.dispensation} ${b.cause}`)).toEqual(['2025-05-25 4/3 true on-call']);
    const plain = check(records).filter((b) => b.rule === 'sundays');
    expect(plain.map((b) => `${b.date} ${b.measured}/${b.limit} ${b.records.length}`)).toEqual([
      '2025-05-11 2/1 2',
      '2025-05-18 3/1 1',
      '2025-05-25 4/1 1',
    ]);
  });

  it('dates a Sunday worked from a block that began on Friday at Saturday 18:00, with the cause worked then', () => {
    const weekend = (fri: string) => [
      rec(`${fri}T20:00`, `${dayToIso(isoToDay(fri) + 1)}T19:00`, 'ordinary', 'long'),
      rec(`${fri}T20:00`, `${dayToIso(isoToDay(fri) + 1)}T17:00`, 'callout', 'a-before'),
    ];
    const records = [...weekend('2025-05-02'), ...weekend('2025-05-09')];
    expect(of('sundays', records)).toEqual(['2025-05-10 2025-05-11 2/1 long']);
  });

  it('counts a block over a whole week for both Sundays it covers (the second from Saturday 18:00)', () => {
    const records = [rec('2025-05-11T10:00', '2025-05-18T12:00', 'ordinary', 'week')];
    expect(of('sundays', records)).toEqual(['2025-05-17 2025-05-18 2/1 week']);
  });

  it('reports a breach dated Saturday in the period of that Saturday', () => {
    const records = ['2025-05-03', '2025-05-10'].map((d) => rec(`${d}T20:00`, `${d}T21:00`, 'callout'));
    expect(of('sundays', records, { from: '2025-05-10', to: '2025-05-10' })).toEqual(['2025-05-10 2025-05-11 2/1 null']);
    expect(of('sundays', records, { from: '2025-05-11', to: '2025-05-11' })).toEqual([]);
  });
});
