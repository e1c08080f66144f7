/** sundays (spec §4.7): every second Sunday off; with a `sundays` dispensation at most N in a row. */

import type { Breach } from '../aml-model.ts';
import { type Block, causeAt, firstBlockEndingAfter, recordsOf } from './aml-blocks.ts';
import { dayOf, dayToIso, localHourMs, weekdayOf } from './aml-time.ts';
import { breach, hasDispensation, inRange, type Timeline } from './aml-timeline.ts';

export interface SundayWindow {
  start: number;
  end: number;
}

const windowCache = new Map<string, SundayWindow>();

/** [Saturday saturdayHour:00, Sunday sundayHour:00) local, for the Sunday `sunday` (day number). */
export function sundayWindow(sunday: number, saturdayHour: number, sundayHour: number): SundayWindow {
  const key = `${sunday}|${saturdayHour}|${sundayHour}`;
  let w = windowCache.get(key);
  // Stryker disable next-line ConditionalExpression: a cache; recomputing the window gives the same window
  if (!w) {
    w = { start: localHourMs(sunday - 1, saturdayHour), end: localHourMs(sunday, sundayHour) };
    windowCache.set(key, w);
  }
  return w;
}

interface WorkedSunday {
  sunday: number;
  /** First work moment inside the window, and the block it lies in. */
  moment: number;
  block: Block;
}

function workedSundays(tl: Timeline): WorkedSunday[] {
  const { saturdayHour, sundayHour } = tl.settings.sundayWindow;
  const { blocks } = tl.all;
  const out: WorkedSunday[] = [];
  let lastSunday = Number.NEGATIVE_INFINITY;
  for (const b of blocks) {
    const firstDay = b.dn;
    const lastDay = dayOf(b.end - 1) + 1;
    for (let dn = firstDay; dn <= lastDay; dn++) {
      if (weekdayOf(dn) !== 6 || dn <= lastSunday) continue;
      const w = sundayWindow(dn, saturdayHour, sundayHour);
      if (b.start >= w.end || b.end <= w.start) continue;
      // Blocks are sorted: the first block overlapping a window holds its first work moment.
      out.push({ sunday: dn, moment: Math.max(b.start, w.start), block: b });
      lastSunday = dn;
    }
  }
  return out;
}

export function sundaysBreaches(tl: Timeline): Breach[] {
  const out: Breach[] = [];
  let run = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (const s of workedSundays(tl)) {
    run = s.sunday - previous === 7 ? run + 1 : 1;
    previous = s.sunday;
    const dispensation = hasDispensation(tl, 'sundays', s.sunday);
    const allowed = dispensation ? tl.settings.sundaysInARow : 1;
    if (run <= allowed) continue;
    const dn = dayOf(s.moment);
    if (!inRange(tl, dn)) continue;
    const w = sundayWindow(s.sunday, tl.settings.sundayWindow.saturdayHour, tl.settings.sundayWindow.sundayHour);
    const records = [];
    for (let i = firstBlockEndingAfter(tl.all.blocks, w.start); i < tl.all.blocks.length; i++) {
      const b = tl.all.blocks[i]!;
      if (b.start >= w.end) break;
      records.push(...recordsOf(tl.all, b));
    }
    out.push(
      breach(tl, {
        rule: 'sundays',
        dn,
        periodKey: dayToIso(s.sunday),
        cause: causeAt(tl.all, s.block, s.moment),
        measured: run,
        limit: allowed,
        dispensation,
        records,
      }),
    );
  }
  return out;
}
