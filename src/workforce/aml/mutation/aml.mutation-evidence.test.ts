/**
 * What a breach lists and where the engine puts it: breaches sorted by date across rules, the records
 * behind each breach (no record of another day or twice), dispensations of several types, and breaches
 * dated on a week's Monday at the period's last day. Every input is built inside its test so that
 * mutation testing's per-test coverage sees it.
 */
import { describe, expect, it } from 'vitest';
import { ALWAYS, type CheckOptions, check, rec, shifts } from '../aml.testing.ts';
import type { Breach, TimeRecord } from '../aml-model.ts';

const of = (rule: Breach['rule'], records: TimeRecord[], options: CheckOptions = {}) =>
  check(records, options)
    .filter((b) => b.rule === rule)
    .map((b) => `${b.date} ${b.periodKey} ${b.measured}/${b.limit} ${b.cause}`);

describe('the breach list', () => {
  it('is sorted by date across rules', () => {
    // A 14 h day on Monday 12 May, a quick return into Wednesday 14 May, a 14 h day on Thursday 15 May.
    const records = [
      rec('2025-05-12T07:00', '2025-05-12T21:00'),
      rec('2025-05-13T15:00', '2025-05-13T23:00'),
      rec('2025-05-14T07:00', '2025-05-14T12:00'),
      rec('2025-05-15T07:00', '2025-05-15T21:00'),
    ];
    expect(check(records).map((b) => `${b.date} ${b.rule}`)).toEqual(['2025-05-12 hoursDay', '2025-05-14 rest24', '2025-05-15 hoursDay']);
  });
});

describe('the records behind a breach', () => {
  it('hoursDay lists the records of its work date only', () => {
    const records = [
      rec('2025-05-12T08:00', '2025-05-12T16:00'),
      rec('2025-05-13T07:00', '2025-05-13T21:00'),
      rec('2025-05-14T08:00', '2025-05-14T16:00'),
    ];
    const [b] = check(records).filter((x) => x.rule === 'hoursDay');
    expect(b!.records).toEqual([records[1]]);
  });

  it('hours7d and overtime7d list the records of their week only', () => {
    const records = [
      rec('2025-05-02T08:00', '2025-05-02T16:00', 'overtime'),
      ...shifts(['2025-05-05', '2025-05-06', '2025-05-07', '2025-05-08', '2025-05-09'], '07:00', '17:00', 'overtime'),
      rec('2025-05-12T08:00', '2025-05-12T16:00', 'overtime'),
    ];
    const week = records.slice(1, 6);
    expect(check(records).filter((x) => x.rule === 'hours7d')[0]!.records).toEqual(week);
    expect(check(records).filter((x) => x.rule === 'overtime7d')[0]!.records).toEqual(week);
  });

  it('rest24 lists a call-out overlapping the end of D’s work and one touching D′ once each', () => {
    const records = [
      rec('2025-05-12T15:00', '2025-05-12T23:00'),
      rec('2025-05-12T22:30', '2025-05-12T23:30', 'callout', 'late'),
      rec('2025-05-13T06:00', '2025-05-13T07:00', 'callout', 'early'),
      rec('2025-05-13T07:00', '2025-05-13T15:00'),
    ];
    const [b] = check(records).filter((x) => x.rule === 'rest24');
    expect(`${b!.date} ${b!.measured}/${b!.limit} ${b!.cause}`).toBe('2025-05-13 6.5/11 late');
    expect(b!.records).toEqual(records);
  });

  it('rest24 takes the first code among call-outs counted from the same moment', () => {
    const records = [
      rec('2025-05-12T15:00', '2025-05-12T23:00'),
      rec('2025-05-12T22:00', '2025-05-12T23:30', 'callout', 'a-overlap'),
      rec('2025-05-12T23:00', '2025-05-12T23:15', 'callout', 'z-at-end'),
      rec('2025-05-13T07:00', '2025-05-13T15:00'),
    ];
    expect(of('rest24', records)).toEqual(['2025-05-13 2025-05-13 7.5/11 a-overlap']);
  });

  it('sundays lists the records in the Sunday window, not work starting when it closes', () => {
    const records = [
      rec('2025-05-04T10:00', '2025-05-04T11:00', 'callout'),
      rec('2025-05-11T10:00', '2025-05-11T11:00', 'callout'),
      rec('2025-05-11T22:00', '2025-05-11T23:00', 'callout'),
    ];
    const [b] = check(records).filter((x) => x.rule === 'sundays');
    expect(b!.records).toEqual([records[1]]);
  });
});

describe('dispensations', () => {
  it('apply when any one of several is of the rule’s type', () => {
    const records = [rec('2025-05-05T15:00', '2025-05-05T23:00'), rec('2025-05-06T07:00', '2025-05-06T15:00')];
    expect(of('rest24', records, { dispensations: [ALWAYS('overtime'), ALWAYS('rest')] })).toEqual([]);
    expect(of('rest24', records, { dispensations: [ALWAYS('rest'), ALWAYS('sundays')] })).toEqual([]);
    expect(of('rest24', records, { dispensations: [ALWAYS('overtime'), ALWAYS('sundays')] })).toEqual(['2025-05-06 2025-05-06 8/11 null']);
  });

  it('hours7d applies an overtime dispensation valid on the Sunday ending the week only', () => {
    const records = shifts(
      ['2025-05-05', '2025-05-06', '2025-05-07', '2025-05-08', '2025-05-09', '2025-05-10', '2025-05-11'],
      '06:00',
      '16:00',
    );
    const on = (from: string, to: string) => of('hours7d', records, { dispensations: [{ type: 'overtime', from, to }] });
    expect(on('2025-05-11', '2025-05-11')).toEqual(['2025-05-11 2025-W19 70/69 null']);
    expect(on('2025-05-05', '2025-05-10')).toEqual(['2025-05-09 2025-W19 70/48 null']);
  });
});

describe('a week’s breach dated on its Monday, the period’s last day', () => {
  it('hours7d: a block of 49 h from Monday 00:00', () => {
    const records = [rec('2025-05-12T00:00', '2025-05-14T01:00')];
    expect(of('hours7d', records, { from: '2025-05-12', to: '2025-05-12' })).toEqual(['2025-05-12 2025-W20 49/48 null']);
    expect(of('hours7d', records, { from: '2025-05-01', to: '2025-05-11' })).toEqual([]);
  });

  it('overtime7d: 11 h of overtime on Monday', () => {
    const records = [rec('2025-05-12T08:00', '2025-05-12T19:00', 'overtime', 'patching')];
    expect(of('overtime7d', records, { from: '2025-05-12', to: '2025-05-12' })).toEqual(['2025-05-12 2025-W20 11/10 patching']);
    expect(of('overtime7d', records, { from: '2025-05-01', to: '2025-05-11' })).toEqual([]);
  });

  it('overtime7d: dated Sunday, the period’s first day', () => {
    const records = [rec('2025-05-11T08:00', '2025-05-11T19:00', 'overtime', 'patching')];
    expect(of('overtime7d', records, { from: '2025-05-11', to: '2025-05-31' })).toEqual(['2025-05-11 2025-W19 11/10 patching']);
    expect(of('overtime7d', records, { from: '2025-05-12', to: '2025-05-31' })).toEqual([]);
  });
});
