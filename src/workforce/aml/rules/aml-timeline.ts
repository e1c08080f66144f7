/** One employee's evaluation input, prepared once and shared by every rule. */

import type { AmlRule, AmlSettings, Breach, Dispensation, TimeRecord } from '../aml-model.ts';
import { DISPENSATION_FOR } from '../aml-model.ts';
import { type Block, sortRecords, type Union, unionOf } from './aml-blocks.ts';
import { dayToIso } from './aml-time.ts';

export interface Timeline {
  employeeId: string;
  /** Every record (any kind). */
  all: Union;
  /** Main work: ordinary + overtime. */
  main: Union;
  /** OT blocks: overtime + call-out. */
  ot: Union;
  dispensations: readonly Dispensation[];
  settings: AmlSettings;
  /** Breaches are reported for breach dates in [fromDn, toDn]. */
  fromDn: number;
  toDn: number;
}

export function buildTimeline(options: {
  employeeId: string;
  records: readonly TimeRecord[];
  dispensations: readonly Dispensation[];
  settings: AmlSettings;
  fromDn: number;
  toDn: number;
  knownAt?: number | undefined;
}): Timeline {
  const sorted = sortRecords(options.records, options.knownAt);
  return {
    employeeId: options.employeeId,
    all: unionOf(sorted),
    main: unionOf(sorted.filter((r) => r.kind !== 'callout')),
    ot: unionOf(sorted.filter((r) => r.kind !== 'ordinary')),
    dispensations: options.dispensations,
    settings: options.settings,
    fromDn: options.fromDn,
    toDn: options.toDn,
  };
}

export function hasDispensation(tl: Timeline, rule: AmlRule, keyDn: number): boolean {
  // Stryker disable next-line ConditionalExpression: a shortcut; `some` on no dispensations is false too
  if (tl.dispensations.length === 0) return false;
  const type = DISPENSATION_FOR[rule];
  const date = dayToIso(keyDn);
  return tl.dispensations.some((d) => d.type === type && (d.from === null || d.from <= date) && (d.to === null || date <= d.to));
}

export function inRange(tl: Timeline, dn: number): boolean {
  return dn >= tl.fromDn && dn <= tl.toDn;
}

/** The records of blocks[b0..b1] (inclusive) of a union. */
export function recordsOfBlocks(u: Union, first: Block, last: Block): TimeRecord[] {
  return u.recs.slice(first.i0, last.i1);
}

export function breach(
  tl: Timeline,
  b: {
    rule: AmlRule;
    dn: number;
    periodKey: string;
    cause: string | null;
    /** Hours (or Sundays in a row for `sundays`). */
    measured: number;
    limit: number;
    dispensation: boolean;
    records: TimeRecord[];
  },
): Breach {
  const date = dayToIso(b.dn);
  return {
    employeeId: tl.employeeId,
    rule: b.rule,
    date,
    month: date.slice(0, 7),
    periodKey: b.periodKey,
    key: `${tl.employeeId}|${b.rule}|${b.periodKey}`,
    cause: b.cause,
    measured: b.measured,
    limit: b.limit,
    dispensation: b.dispensation,
    records: b.records,
  };
}

/**
 * Walks blocks in order with a running total that starts at `before` (ms) and returns the first
 * block at which the total strictly exceeds `limitMs`, with the instant it does so.
 */
export function firstExceeding(
  blocks: readonly Block[],
  from: number,
  to: number,
  before: number,
  limitMs: number,
): { block: Block; at: number; total: number } | undefined {
  let total = before;
  for (let i = from; i < to; i++) {
    const b = blocks[i]!;
    const after = total + (b.end - b.start);
    if (after > limitMs) return { block: b, at: b.start + Math.max(0, limitMs - total), total: after };
    total = after;
  }
  return undefined;
}

export interface BlockGroup {
  /** Work date (dn) or week Monday (dn). */
  key: number;
  /** blocks[from .. to) */
  from: number;
  to: number;
  /** Summed block durations, ms. */
  sum: number;
}

/** Consecutive blocks grouped by work date (`dn`) or by ISO week (`week`). */
export function groupBlocks(blocks: readonly Block[], by: 'dn' | 'week'): BlockGroup[] {
  const groups: BlockGroup[] = [];
  let current: BlockGroup | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const key = b[by];
    if (!current || current.key !== key) {
      current = { key, from: i, to: i, sum: 0 };
      groups.push(current);
    }
    current.to = i + 1;
    current.sum += b.end - b.start;
  }
  return groups;
}

/** Sum of group sums whose key lies in [lo, hi] (groups sorted by key). */
export function sumOfKeys(groups: readonly BlockGroup[], lo: number, hi: number, endIndex: number): number {
  let s = 0;
  for (let i = endIndex - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g.key < lo) break;
    // Stryker disable next-line ConditionalExpression: groups before endIndex all have keys up to W − 7, which is hi at every call
    if (g.key <= hi) s += g.sum;
  }
  return s;
}
