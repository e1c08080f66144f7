/**
 * Which cause a breach carries (working-time spec §4, "Cause"): the record worked at the moment a
 * limit is passed, extra work before ordinary, then the first code; for rest24 the first main block
 * of D′, then the call-outs that broke the rest, then D's last block. Every input is built inside its
 * test so that mutation testing's per-test coverage sees it.
 */
import { describe, expect, it } from 'vitest';
import { check, rec } from '../aml.testing.ts';
import type { Breach, TimeRecord } from '../aml-model.ts';

const of = (rule: Breach['rule'], records: TimeRecord[]) =>
  check(records)
    .filter((b) => b.rule === rule)
    .map((b) => `${b.date} ${b.measured}/${b.limit} ${b.cause}`);

describe('hoursDay: the cause of the record worked when 13 h is passed (07:00 + 13 h = 20:00)', () => {
  it('takes extra work before ordinary work, even when the ordinary code sorts first', () => {
    const records = [
      rec('2025-05-13T07:00', '2025-05-13T21:00', 'ordinary', 'a-ordinary'),
      rec('2025-05-13T19:00', '2025-05-13T21:00', 'overtime', 'z-overtime'),
    ];
    expect(of('hoursDay', records)).toEqual(['2025-05-13 14/13 z-overtime']);
  });

  it('takes a call-out before overtime', () => {
    const records = [
      rec('2025-05-13T07:00', '2025-05-13T21:00', 'ordinary', 'a-ordinary'),
      rec('2025-05-13T19:00', '2025-05-13T21:00', 'overtime', 'a-overtime'),
      rec('2025-05-13T19:30', '2025-05-13T21:00', 'callout', 'z-callout'),
    ];
    expect(of('hoursDay', records)).toEqual(['2025-05-13 14/13 z-callout']);
  });

  it('takes the first code among records of one kind, whichever starts first', () => {
    const first = [
      rec('2025-05-13T07:00', '2025-05-13T21:00'),
      rec('2025-05-13T18:00', '2025-05-13T21:00', 'overtime', 'patching'),
      rec('2025-05-13T19:00', '2025-05-13T21:00', 'overtime', 'firewall'),
    ];
    expect(of('hoursDay', first)).toEqual(['2025-05-13 14/13 firewall']);
    const second = [
      rec('2025-05-13T07:00', '2025-05-13T21:00'),
      rec('2025-05-13T18:00', '2025-05-13T21:00', 'overtime', 'firewall'),
      rec('2025-05-13T19:00', '2025-05-13T21:00', 'overtime', 'patching'),
    ];
    expect(of('hoursDay', second)).toEqual(['2025-05-13 14/13 firewall']);
  });

  it('counts a record starting at 20:00 as worked then, and one ending at 20:00 as not', () => {
    const base = [
      rec('2025-05-13T07:00', '2025-05-13T21:00', 'ordinary', 'ordinary'),
      rec('2025-05-13T19:00', '2025-05-13T20:00', 'overtime', 'ended'),
    ];
    expect(of('hoursDay', base)).toEqual(['2025-05-13 14/13 ordinary']);
    expect(of('hoursDay', [...base, rec('2025-05-13T20:00', '2025-05-13T21:00', 'overtime', 'started')])).toEqual([
      '2025-05-13 14/13 started',
    ]);
    // Starting a minute later, it was not worked at 20:00.
    expect(of('hoursDay', [...base, rec('2025-05-13T20:01', '2025-05-13T21:00', 'overtime', 'started')])).toEqual([
      '2025-05-13 14/13 ordinary',
    ]);
  });

  it('passes over a record without a cause', () => {
    const records = [
      rec('2025-05-13T07:00', '2025-05-13T21:00', 'ordinary', 'ordinary'),
      rec('2025-05-13T19:00', '2025-05-13T21:00', 'overtime'),
    ];
    expect(of('hoursDay', records)).toEqual(['2025-05-13 14/13 ordinary']);
  });

  it('falls back to the block’s first cause when nothing worked at 20:00 has one, and to none', () => {
    const records = [rec('2025-05-13T07:00', '2025-05-13T12:00', 'ordinary', 'morning'), rec('2025-05-13T12:00', '2025-05-13T21:00')];
    expect(of('hoursDay', records)).toEqual(['2025-05-13 14/13 morning']);
    expect(of('hoursDay', [rec('2025-05-13T07:00', '2025-05-13T21:00')])).toEqual(['2025-05-13 14/13 null']);
  });

  it('finds the moment in the day’s second block: 5 h before noon, then 13:00 + 8 h = 21:00', () => {
    const records = [
      rec('2025-05-13T07:00', '2025-05-13T12:00', 'ordinary', 'morning'),
      rec('2025-05-13T13:00', '2025-05-13T23:00', 'ordinary', 'evening'),
      rec('2025-05-13T20:00', '2025-05-13T21:00', 'overtime', 'before'),
      rec('2025-05-13T21:00', '2025-05-13T22:00', 'overtime', 'after'),
    ];
    expect(of('hoursDay', records)).toEqual(['2025-05-13 15/13 after']);
  });
});

describe('rest24: the cause of the first main block of D′', () => {
  const evening = () => rec('2025-05-12T15:00', '2025-05-12T23:00');

  it('is the earliest-starting record with a cause, even when later extra work sorts first', () => {
    const records = [
      evening(),
      rec('2025-05-13T07:00', '2025-05-13T15:00', 'ordinary', 'shift'),
      rec('2025-05-13T08:00', '2025-05-13T09:00', 'overtime', 'a-overtime'),
    ];
    expect(of('rest24', records)).toEqual(['2025-05-13 8/11 shift']);
  });

  it('among records starting together: extra work first, then the first code', () => {
    const kinds = [
      evening(),
      rec('2025-05-13T07:00', '2025-05-13T09:00', 'ordinary', 'a-ordinary'),
      rec('2025-05-13T07:00', '2025-05-13T15:00', 'overtime', 'z-overtime'),
    ];
    expect(of('rest24', kinds)).toEqual(['2025-05-13 8/11 z-overtime']);
    const codes = [
      evening(),
      rec('2025-05-13T07:00', '2025-05-13T09:00', 'ordinary', 'zeta'),
      rec('2025-05-13T07:00', '2025-05-13T15:00', 'ordinary', 'alpha'),
    ];
    expect(of('rest24', codes)).toEqual(['2025-05-13 8/11 alpha']);
    const reversed = [
      evening(),
      rec('2025-05-13T07:00', '2025-05-13T09:00', 'ordinary', 'alpha'),
      rec('2025-05-13T07:00', '2025-05-13T15:00', 'ordinary', 'zeta'),
    ];
    expect(of('rest24', reversed)).toEqual(['2025-05-13 8/11 alpha']);
  });

  it('skips an earliest record without a cause', () => {
    const records = [
      evening(),
      rec('2025-05-13T07:00', '2025-05-13T15:00'),
      rec('2025-05-13T08:00', '2025-05-13T10:00', 'overtime', 'later'),
    ];
    expect(of('rest24', records)).toEqual(['2025-05-13 8/11 later']);
  });

  it('without one, is the first call-out in the rest interval (a call-out reaching into it counts from its start)', () => {
    const calls = (...extra: TimeRecord[]) => [evening(), ...extra, rec('2025-05-13T07:00', '2025-05-13T15:00')];
    // 23:00–01:00, 01:30–02:00 and 02:30–07:00 are free: the longest is 4½ h.
    expect(
      of(
        'rest24',
        calls(
          rec('2025-05-13T01:00', '2025-05-13T01:30', 'callout', 'b-first'),
          rec('2025-05-13T02:00', '2025-05-13T02:30', 'callout', 'a-second'),
        ),
      ),
    ).toEqual(['2025-05-13 4.5/11 b-first']);
    // A call-out from 22:00 counts from 23:00, the end of the main work; one starting at 23:00 ties with it and the code decides.
    expect(
      of(
        'rest24',
        calls(
          rec('2025-05-12T22:00', '2025-05-12T23:30', 'callout', 'z-overlap'),
          rec('2025-05-12T23:00', '2025-05-12T23:15', 'callout', 'a-at-end'),
        ),
      ),
    ).toEqual(['2025-05-13 7.5/11 a-at-end']);
    expect(
      of(
        'rest24',
        calls(
          rec('2025-05-12T22:00', '2025-05-12T23:30', 'callout', 'z-overlap'),
          rec('2025-05-12T23:10', '2025-05-12T23:20', 'callout', 'a-later'),
        ),
      ),
    ).toEqual(['2025-05-13 7.5/11 z-overlap']);
    expect(
      of(
        'rest24',
        calls(
          rec('2025-05-12T23:30', '2025-05-12T23:45', 'callout', 'a-later'),
          rec('2025-05-12T23:00', '2025-05-12T23:15', 'callout', 'z-first'),
        ),
      ),
    ).toEqual(['2025-05-13 7.25/11 z-first']);
  });

  it('passes over call-outs without a cause', () => {
    const records = [
      evening(),
      rec('2025-05-13T01:00', '2025-05-13T01:30', 'callout'),
      rec('2025-05-13T02:00', '2025-05-13T02:30', 'callout', 'second'),
      rec('2025-05-13T07:00', '2025-05-13T15:00'),
    ];
    expect(of('rest24', records)).toEqual(['2025-05-13 4.5/11 second']);
  });

  it('then is the cause of D’s last block, and otherwise none', () => {
    const records = [
      rec('2025-05-12T08:00', '2025-05-12T10:00', 'ordinary', 'morning'),
      rec('2025-05-12T15:00', '2025-05-12T23:00', 'ordinary', 'late-shift'),
      rec('2025-05-13T01:00', '2025-05-13T01:30', 'callout'),
      rec('2025-05-13T07:00', '2025-05-13T15:00'),
    ];
    expect(of('rest24', records)).toEqual(['2025-05-13 5.5/11 late-shift']);
    expect(of('rest24', [evening(), rec('2025-05-13T07:00', '2025-05-13T15:00')])).toEqual(['2025-05-13 8/11 null']);
  });

  it('lists D’s last block, the call-outs in between and D′’s first block as the evidence', () => {
    const records = [
      rec('2025-05-12T08:00', '2025-05-12T10:00'),
      rec('2025-05-12T15:00', '2025-05-12T23:00'),
      rec('2025-05-13T01:00', '2025-05-13T01:30', 'callout', 'on-call'),
      rec('2025-05-13T07:00', '2025-05-13T12:00'),
      rec('2025-05-13T14:00', '2025-05-13T16:00'),
    ];
    const [b] = check(records).filter((x) => x.rule === 'rest24');
    expect(b!.records).toEqual([records[1], records[2], records[3]]);
  });
});
