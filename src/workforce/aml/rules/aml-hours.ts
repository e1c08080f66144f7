/** hoursDay and hours7d (spec §4.1 and §4.6): hours of all blocks, by work date. */

import type { Breach } from '../aml-model.ts';
import { causeAt } from './aml-blocks.ts';
import { dayToIso, HOUR_MS, weekKeyOf } from './aml-time.ts';
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

export function hoursDayBreaches(tl: Timeline): Breach[] {
  const out: Breach[] = [];
  const { blocks } = tl.all;
  for (const day of groupBlocks(blocks, 'dn')) {
    if (!inRange(tl, day.key)) continue;
    const dispensation = hasDispensation(tl, 'hoursDay', day.key);
    const limit = dispensation ? tl.settings.hoursDay.dispensation : tl.settings.hoursDay.normal;
    const hit = firstExceeding(blocks, day.from, day.to, 0, limit * HOUR_MS);
    if (!hit) continue;
    out.push(
      breach(tl, {
        rule: 'hoursDay',
        dn: day.key,
        periodKey: dayToIso(day.key),
        cause: causeAt(tl.all, hit.block, hit.at),
        measured: day.sum / HOUR_MS,
        limit,
        dispensation,
        records: recordsOfBlocks(tl.all, blocks[day.from]!, blocks[day.to - 1]!),
      }),
    );
  }
  return out;
}

/**
 * H(W) > 48 (or, as a setting, the 8-week sum > 8 × 48); with an overtime dispensation H(W) > 69
 * or the 8-week sum W−7…W > 384. The breach date is the work date of the block that pushes past.
 */
export function hours7dBreaches(tl: Timeline): Breach[] {
  const out: Breach[] = [];
  const { blocks } = tl.all;
  const s = tl.settings.hours7d;
  const weeks = groupBlocks(blocks, 'week');
  weeks.forEach((w, wi) => {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut; a week wholly outside the period only has breach dates outside it, which inRange drops below
    if (w.key + 6 < tl.fromDn || w.key > tl.toDn) return;
    const dispensation = hasDispensation(tl, 'hours7d', w.key + 6);
    const prior = sumOfKeys(weeks, w.key - 49, w.key - 7, wi);
    const weekLimit = dispensation ? s.dispensationWeek : s.averaging ? undefined : s.normal;
    const windowLimit = dispensation ? s.dispensation8w : s.averaging ? s.normal * 8 : undefined;
    const byWeek = weekLimit === undefined ? undefined : firstExceeding(blocks, w.from, w.to, 0, weekLimit * HOUR_MS);
    const byWindow = windowLimit === undefined ? undefined : firstExceeding(blocks, w.from, w.to, prior, windowLimit * HOUR_MS);
    const hit = !byWindow || (byWeek && byWeek.at <= byWindow.at) ? byWeek : byWindow;
    if (!hit || !inRange(tl, hit.block.dn)) return;
    out.push(
      breach(tl, {
        rule: 'hours7d',
        dn: hit.block.dn,
        periodKey: weekKeyOf(w.key),
        cause: causeAt(tl.all, hit.block, hit.at),
        measured: (hit === byWeek ? w.sum : prior + w.sum) / HOUR_MS,
        limit: hit === byWeek ? (weekLimit ?? 0) : (windowLimit ?? 0),
        dispensation,
        records: recordsOfBlocks(tl.all, blocks[w.from]!, blocks[w.to - 1]!),
      }),
    );
  });
  return out;
}
