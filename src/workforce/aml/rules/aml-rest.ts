/** rest24 and rest7d (spec §4.2 and §4.3). */

import type { Breach, TimeRecord } from '../aml-model.ts';
import { blockCause, causeAt, firstBlockEndingAfter, KIND_RANK, longestFreeStretch, recordsOf, type Union } from './aml-blocks.ts';
import { dayOf, dayStartMs, dayToIso, HOUR_MS, mondayOf, weekKeyOf } from './aml-time.ts';
import { breach, groupBlocks, hasDispensation, inRange, type Timeline } from './aml-timeline.ts';

/** Records of `u` that overlap the open interval (lo, hi). */
/**
 * The cause of the record that comes first from `lo` on: earliest start (clamped to `lo`), then
 * extra work before ordinary, then the code. The same however the records were ordered, duplicated
 * or split into touching pieces.
 */
function firstCauseWithin(records: readonly TimeRecord[], lo: number): string | null {
  let best: TimeRecord | undefined;
  let bestStart = 0;
  for (const r of records) {
    if (r.cause === null) continue;
    const start = Math.max(r.start, lo);
    const earlier = !best || start < bestStart;
    const tie = best !== undefined && start === bestStart;
    if (earlier || (tie && (KIND_RANK[r.kind] < KIND_RANK[best!.kind] || (r.kind === best!.kind && r.cause < best!.cause!)))) {
      best = r;
      bestStart = start;
    }
  }
  return best ? best.cause : null;
}

function recordsWithin(u: Union, lo: number, hi: number): TimeRecord[] {
  const out: TimeRecord[] = [];
  for (let i = firstBlockEndingAfter(u.blocks, lo); i < u.blocks.length; i++) {
    const b = u.blocks[i]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; records of blocks starting at or after hi all start at or after hi and are dropped by the filter below
    if (b.start >= hi) break;
    for (let j = b.i0; j < b.i1; j++) {
      const r = u.recs[j]!;
      if (r.end > lo && r.start < hi) out.push(r);
    }
  }
  return out;
}

/**
 * Rest between consecutive main work periods D < D′: the longest stretch of (latest end of D,
 * earliest start of D′) free of every record must reach L24. Breach date D′. Cause: the first main
 * block of D′; when it has none, the records that interrupted the rest, then D's last block.
 */
export function rest24Breaches(tl: Timeline): Breach[] {
  const out: Breach[] = [];
  const { blocks } = tl.main;
  const days = groupBlocks(blocks, 'dn');
  for (let i = 1; i < days.length; i++) {
    const next = days[i]!;
    if (!inRange(tl, next.key)) continue;
    const lastOfD = blocks[days[i - 1]!.to - 1]!;
    const firstOfNext = blocks[next.from]!;
    const dispensation = hasDispensation(tl, 'rest24', next.key);
    const limit = dispensation ? tl.settings.rest24.dispensation : tl.settings.rest24.normal;
    const longest = longestFreeStretch(tl.all.blocks, lastOfD.end, firstOfNext.start);
    if (longest >= limit * HOUR_MS) continue;
    const between = recordsWithin(tl.all, lastOfD.end, firstOfNext.start);
    const cause = blockCause(tl.main, firstOfNext) ?? firstCauseWithin(between, lastOfD.end) ?? blockCause(tl.main, lastOfD) ?? null;
    out.push(
      breach(tl, {
        rule: 'rest24',
        dn: next.key,
        periodKey: dayToIso(next.key),
        cause,
        measured: longest / HOUR_MS,
        limit,
        dispensation,
        records: [...recordsOf(tl.main, lastOfD), ...between, ...recordsOf(tl.main, firstOfNext)],
      }),
    );
  }
  return out;
}

/** ISO weeks (Monday day numbers, ascending) that contain any work. */
function weeksWithWork(tl: Timeline): number[] {
  const weeks: number[] = [];
  for (const b of tl.all.blocks) {
    // Stryker disable next-line ArithmeticOperator: a block ending at Monday 00:00 then also names the next week, which has no work (168 h free), so no breach
    const last = mondayOf(dayOf(b.end - 1));
    for (let m = b.week; m <= last; m += 7) if (weeks[weeks.length - 1] !== m) weeks.push(m);
  }
  return weeks;
}

/**
 * The longest off-duty stretch inside each ISO week (clipped at the week's ends) must reach L7.
 * Breach date: the first work moment inside [week end − L7, week end).
 */
export function rest7dBreaches(tl: Timeline): Breach[] {
  const out: Breach[] = [];
  const { blocks } = tl.all;
  for (const monday of weeksWithWork(tl)) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut; a week wholly outside the period only has breach dates outside it, which inRange drops below
    if (monday + 6 < tl.fromDn || monday > tl.toDn) continue;
    const weekStart = dayStartMs(monday);
    const weekEnd = dayStartMs(monday + 7);
    const dispensation = hasDispensation(tl, 'rest7d', monday + 6);
    const limit = dispensation ? tl.settings.rest7d.dispensation : tl.settings.rest7d.normal;
    const longest = longestFreeStretch(blocks, weekStart, weekEnd);
    if (longest >= limit * HOUR_MS) continue;
    const tailStart = weekEnd - limit * HOUR_MS;
    const block = blocks[firstBlockEndingAfter(blocks, tailStart)];
    // Stryker disable next-line ConditionalExpression,EqualityOperator: never true: a week whose longest free stretch is shorter than L7 has work in its last L7 hours (spec §4.3)
    if (!block || block.start >= weekEnd) continue;
    const moment = Math.max(block.start, tailStart);
    const dn = dayOf(moment);
    if (!inRange(tl, dn)) continue;
    out.push(
      breach(tl, {
        rule: 'rest7d',
        dn,
        periodKey: weekKeyOf(monday),
        cause: causeAt(tl.all, block, moment),
        measured: longest / HOUR_MS,
        limit,
        dispensation,
        records: recordsWithin(tl.all, weekStart, weekEnd),
      }),
    );
  }
  return out;
}
