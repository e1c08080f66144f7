/**
 * Union first (spec §2): records are merged into blocks, maximal runs of overlapping or touching
 * records. A block belongs wholly to the local date on which it starts (its work date).
 */

import type { RecordKind, TimeRecord } from '../aml-model.ts';
import { dayOf, HOUR_MS, mondayOf } from './aml-time.ts';

export interface Block {
  start: number;
  end: number;
  /** Work date (local day number of `start`). */
  dn: number;
  /** Monday (day number) of the work date's ISO week. */
  week: number;
  /** The block's records are `recs[i0 .. i1)` of the union they were built from. */
  i0: number;
  i1: number;
}

export interface Union {
  recs: TimeRecord[];
  blocks: Block[];
}

export const KIND_RANK: Record<RecordKind, number> = { callout: 0, overtime: 1, ordinary: 2 };

/**
 * Records sorted by start, then end, kind (extra work first) and cause code, so that the input order
 * never matters to any result: two records over the same interval with different causes attribute a
 * breach to the same cause however the file listed them.
 */
export function sortRecords(records: readonly TimeRecord[], knownAt?: number): TimeRecord[] {
  const out = knownAt === undefined ? records.slice() : records.filter((r) => r.registeredAt <= knownAt);
  return out.sort((a, b) => a.start - b.start || a.end - b.end || KIND_RANK[a.kind] - KIND_RANK[b.kind] || compareCause(a.cause, b.cause));
}

/** Cause codes in code-point order, records without a cause last. */
function compareCause(a: string | null, b: string | null): number {
  // Stryker disable next-line ConditionalExpression: equal causes then compare as 1 instead of 0, and V8's sort only asks whether the comparator is negative
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Blocks of `recs` (sorted by start). */
export function unionOf(recs: TimeRecord[]): Union {
  const blocks: Block[] = [];
  let i = 0;
  while (i < recs.length) {
    const first = recs[i]!;
    let end = first.end;
    let j = i + 1;
    while (j < recs.length && recs[j]!.start <= end) {
      // Stryker disable next-line EqualityOperator: with equal ends `>=` assigns the same value
      if (recs[j]!.end > end) end = recs[j]!.end;
      j++;
    }
    const dn = dayOf(first.start);
    blocks.push({ start: first.start, end, dn, week: mondayOf(dn), i0: i, i1: j });
    i = j;
  }
  return { recs, blocks };
}

export function durationHours(b: Block): number {
  return (b.end - b.start) / HOUR_MS;
}

/**
 * The cause of the record that covers instant `t` inside `block`: extra work (call-out, overtime)
 * before ordinary, then the alphabetically first code. Falls back to the block's cause.
 */
export function causeAt(u: Union, block: Block, t: number): string | null {
  let best: TimeRecord | undefined;
  for (let i = block.i0; i < block.i1; i++) {
    const r = u.recs[i]!;
    if (r.start > t) break;
    if (r.end <= t || r.cause === null) continue;
    if (!best || KIND_RANK[r.kind] < KIND_RANK[best.kind] || (r.kind === best.kind && r.cause < best.cause!)) best = r;
  }
  return best ? best.cause : blockCause(u, block);
}

/** A block's cause: the cause of its earliest-starting record that has one (ties: kind, then code). */
export function blockCause(u: Union, block: Block): string | null {
  let best: TimeRecord | undefined;
  for (let i = block.i0; i < block.i1; i++) {
    const r = u.recs[i]!;
    if (best && r.start > best.start) break;
    if (r.cause === null) continue;
    if (!best || KIND_RANK[r.kind] < KIND_RANK[best.kind] || (r.kind === best.kind && r.cause < best.cause!)) best = r;
  }
  return best ? best.cause : null;
}

/** The records of a block. */
export function recordsOf(u: Union, block: Block): TimeRecord[] {
  return u.recs.slice(block.i0, block.i1);
}

/** Index of the first block with end > t (blocks are disjoint and sorted). */
export function firstBlockEndingAfter(blocks: Block[], t: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.end > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The block (of `blocks`) that covers instant t, if any. */
export function blockAt(blocks: Block[], t: number): Block | undefined {
  const b = blocks[firstBlockEndingAfter(blocks, t)];
  return b && b.start <= t ? b : undefined;
}

/**
 * Longest stretch of (lo, hi) not covered by any block. Blocks are disjoint and sorted by start.
 */
export function longestFreeStretch(blocks: Block[], lo: number, hi: number): number {
  let longest = 0;
  let cursor = lo;
  for (let i = firstBlockEndingAfter(blocks, lo); i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.start >= hi) break;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when b.start <= cursor the gap is not positive and never beats longest (>= 0); a tie keeps the same length
    if (b.start > cursor && b.start - cursor > longest) longest = b.start - cursor;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: blocks from firstBlockEndingAfter(lo) on are disjoint and sorted, each ends after lo and after the one before, so this always holds
    if (b.end > cursor) cursor = b.end;
  }
  // Stryker disable next-line EqualityOperator: a tie keeps the same length
  if (hi - cursor > longest) longest = hi - cursor;
  return longest;
}
