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
