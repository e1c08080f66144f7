/**
 * Union first (working-time spec §2): records merge into blocks (overlapping, nested or touching),
 * in one order whatever the input order, and the free stretches between blocks are measured exactly.
 * Every input is built inside its test so that mutation testing's per-test coverage sees it.
 */
import { describe, expect, it } from 'vitest';
import { check, rec } from '../aml.testing.ts';
import type { Breach, TimeRecord } from '../aml-model.ts';
import {
  type Block,
  blockAt,
  durationHours,
  firstBlockEndingAfter,
  longestFreeStretch,
  sortRecords,
  unionOf,
} from '../rules/aml-blocks.ts';

const of = (rule: Breach['rule'], records: TimeRecord[]) =>
  check(records)
    .filter((b) => b.rule === rule)
    .map((b) => `${b.date} ${b.measured}/${b.limit} ${b.cause}`);

/** Blocks at the given [start, end) pairs (ms); only start and end matter to the functions tested. */
const blocks = (...pairs: [number, number][]): Block[] =>
  pairs.map(([start, end], i) => ({ start, end, dn: 0, week: 0, i0: i, i1: i + 1 }));

describe('blocks: the union of records', () => {
  it('keeps a block’s end when a record nested inside it ends earlier', () => {
    const records = [rec('2025-05-13T07:00', '2025-05-13T21:00'), rec('2025-05-13T08:00', '2025-05-13T09:00', 'overtime', 'meeting')];
    // Nothing worked at 20:00 has a cause, so the block's cause (the meeting's) is taken.
    expect(of('hoursDay', records)).toEqual(['2025-05-13 14/13 meeting']);
    const u = unionOf(sortRecords(records));
    expect(u.blocks.map((b) => [b.start, b.end, b.i0, b.i1])).toEqual([[records[0]!.start, records[0]!.end, 0, 2]]);
  });

  it('merges touching records across midnight into one block of the first date, but not records a minute apart', () => {
    const touching = [rec('2025-06-06T16:00', '2025-06-07T00:00'), rec('2025-06-07T00:00', '2025-06-07T06:00')];
    expect(of('hoursDay', touching)).toEqual(['2025-06-06 14/13 null']);
    const apart = [rec('2025-06-06T16:00', '2025-06-06T23:59'), rec('2025-06-07T00:00', '2025-06-07T06:00')];
    expect(of('hoursDay', apart)).toEqual([]);
    expect(unionOf(sortRecords(apart)).blocks).toHaveLength(2);
  });

  it('extends a block by a record that overlaps its end, and starts a new one after a gap', () => {
    const records = [
      rec('2025-05-13T07:00', '2025-05-13T12:00'),
      rec('2025-05-13T11:00', '2025-05-13T15:00'),
      rec('2025-05-13T14:00', '2025-05-13T16:00'),
      rec('2025-05-13T17:00', '2025-05-13T18:00'),
    ];
    const u = unionOf(sortRecords(records));
    expect(u.blocks.map((b) => [(b.end - b.start) / 3_600_000, b.i0, b.i1])).toEqual([
      [9, 0, 3],
      [1, 3, 4],
    ]);
  });

  it('orders records by start, end, kind (call-out, overtime, ordinary) and code (none last), whatever the input order', () => {
    const a = rec('2025-05-13T07:00', '2025-05-13T21:00', 'ordinary', 'b');
    const b = rec('2025-05-13T07:00', '2025-05-13T09:00', 'overtime');
    const c = rec('2025-05-13T07:00', '2025-05-13T09:00', 'callout');
    const d = rec('2025-05-13T07:00', '2025-05-13T09:00', 'overtime', 'z');
    const e = rec('2025-05-13T07:00', '2025-05-13T09:00', 'overtime', 'a');
    const f = rec('2025-05-13T06:00', '2025-05-13T07:00', 'ordinary', 'a');
    const expected = [f, c, e, d, b, a];
    for (const input of [
      [a, b, c, d, e, f],
      [f, e, d, c, b, a],
      [d, a, f, b, e, c],
    ]) {
      expect(sortRecords(input)).toEqual(expected);
      const [breach] = check(input).filter((x) => x.rule === 'hoursDay');
      expect(breach!.records).toEqual(expected);
    }
  });

  it('treats two records without a cause, or with the same cause, as equal in order', () => {
    const x = rec('2025-05-13T07:00', '2025-05-13T09:00', 'overtime', 'same');
    const y = { ...rec('2025-05-13T07:00', '2025-05-13T09:00', 'overtime', 'same'), registeredAt: 1 };
    expect(sortRecords([x, y])).toEqual([x, y]);
    expect(sortRecords([y, x])).toEqual([y, x]);
    const p = rec('2025-05-13T07:00', '2025-05-13T09:00');
    const q = { ...p, registeredAt: 1 };
    expect(sortRecords([q, p])).toEqual([q, p]);
  });

  it('keeps only records registered at or before knownAt, and copies the input', () => {
    const early = { ...rec('2025-05-13T07:00', '2025-05-13T09:00'), registeredAt: 100 };
    const late = { ...rec('2025-05-13T06:00', '2025-05-13T07:00'), registeredAt: 101 };
    const input = [early, late];
    expect(sortRecords(input, 100)).toEqual([early]);
    expect(sortRecords(input, 101)).toEqual([late, early]);
    expect(sortRecords(input)).toEqual([late, early]);
    expect(input).toEqual([early, late]);
  });
});

describe('blocks: lookups and free stretches', () => {
  it('durationHours is the block’s length in hours', () => {
    expect(durationHours(blocks([0, 5_400_000])[0]!)).toBe(1.5);
    expect(durationHours(blocks([3_600_000, 10_800_000])[0]!)).toBe(2);
  });

  it('firstBlockEndingAfter finds the first block whose end is after t', () => {
    const bs = blocks([10, 20], [30, 40], [50, 60]);
    expect([5, 10, 19, 20, 39, 40, 59, 60, 99].map((t) => firstBlockEndingAfter(bs, t))).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3]);
    expect(firstBlockEndingAfter([], 5)).toBe(0);
  });

  it('blockAt is the block covering t (start included, end excluded)', () => {
    const bs = blocks([10, 20], [30, 40]);
    expect([9, 10, 19, 20, 25, 30, 39, 40].map((t) => blockAt(bs, t)?.start ?? null)).toEqual([null, 10, 10, null, null, 30, 30, null]);
  });

  it('longestFreeStretch measures the gaps of (lo, hi), clipped at both ends', () => {
    const bs = blocks([10, 20], [30, 40], [100, 200]);
    expect(longestFreeStretch(bs, 0, 50)).toBe(10);
    expect(longestFreeStretch(bs, 0, 51)).toBe(11);
    expect(longestFreeStretch(bs, 0, 100)).toBe(60);
    expect(longestFreeStretch(bs, 12, 35)).toBe(10);
    expect(longestFreeStretch(bs, 15, 18)).toBe(0);
    expect(longestFreeStretch(bs, 5, 32)).toBe(10);
    expect(longestFreeStretch(bs, 20, 30)).toBe(10);
    expect(longestFreeStretch(bs, 25, 30)).toBe(5);
    expect(longestFreeStretch(bs, 0, 30)).toBe(10);
    expect(longestFreeStretch(bs, 210, 215)).toBe(5);
    expect(longestFreeStretch(blocks([0, 10], [25, 30]), 0, 40)).toBe(15);
    expect(longestFreeStretch(blocks([0, 10], [12, 30]), 0, 40)).toBe(10);
  });

  it('rest24 ends at the next shift: work after it does not lengthen the rest', () => {
    // Mon 15–23, Tue 07–15, Wed from 07:00: the rest before Tuesday is 8 h, not Tuesday 15 → Wednesday 07 (16 h).
    const records = [
      rec('2025-05-12T15:00', '2025-05-12T23:00'),
      rec('2025-05-13T07:00', '2025-05-13T15:00'),
      rec('2025-05-14T07:00', '2025-05-14T15:00'),
    ];
    expect(of('rest24', records)).toEqual(['2025-05-13 8/11 null']);
  });
});
