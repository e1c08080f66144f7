/** overtime7d, overtime4w and overtime52w (spec §4.4 and §4.5): OT blocks by the week of their work date. */

import type { AmlRule, Breach } from '../aml-model.ts';
import { causeAt } from './aml-blocks.ts';
import { HOUR_MS, weekKeyOf } from './aml-time.ts';
import {
  breach,
  firstExceeding,
  groupBlocks,
  hasDispensation,
  inRange,
  recordsOfBlocks,
  sumOfKeys,
  type Timeline,
} from './aml-timeline.ts';

type OvertimeRule = Extract<AmlRule, 'overtime7d' | 'overtime4w' | 'overtime52w'>;

const WINDOW_WEEKS: Record<OvertimeRule, number> = { overtime7d: 1, overtime4w: 4, overtime52w: 52 };

/**
 * For each week W with overtime: the sum over the rule's window of whole ISO weeks ending with W
 * must not exceed the limit. Only weeks with new overtime can breach (OT(W) > 0 by construction:
 * only such weeks have a group). Breach date: the OT block at which the running total first exceeds.
 */
export function overtimeBreaches(tl: Timeline, rule: OvertimeRule): Breach[] {
  const out: Breach[] = [];
  const { blocks } = tl.ot;
  const weeks = groupBlocks(blocks, 'week');
  const span = WINDOW_WEEKS[rule];
  weeks.forEach((w, wi) => {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut; a week wholly outside the period only has breach dates outside it, which inRange drops below
    if (w.key + 6 < tl.fromDn || w.key > tl.toDn) return;
    const dispensation = hasDispensation(tl, rule, w.key + 6);
    const limit = dispensation ? tl.settings[rule].dispensation : tl.settings[rule].normal;
    // Stryker disable next-line ConditionalExpression: for a one-week window sumOfKeys(weeks, W, W − 7) is 0 too (every earlier week is before W)
    const prior = span === 1 ? 0 : sumOfKeys(weeks, w.key - (span - 1) * 7, w.key - 7, wi);
    const hit = firstExceeding(blocks, w.from, w.to, prior, limit * HOUR_MS);
    if (!hit || !inRange(tl, hit.block.dn)) return;
    out.push(
      breach(tl, {
        rule,
        dn: hit.block.dn,
        periodKey: weekKeyOf(w.key),
        cause: causeAt(tl.ot, hit.block, hit.at),
        measured: (prior + w.sum) / HOUR_MS,
        limit,
        dispensation,
        records: recordsOfBlocks(tl.ot, blocks[w.from]!, blocks[w.to - 1]!),
      }),
    );
  });
  return out;
}
