/**
 * Agreed service time (AST) and outage instants in Europe/Oslo wall time (service-metrics.md §2.1):
 * local times resolve with Temporal's `compatible` disambiguation (an ambiguous autumn hour is its
 * first occurrence, a skipped spring time moves forward by the gap).
 */
import { Temporal } from 'temporal-polyfill';
import { addMonths, firstDayOfMonth, TIME_ZONE, type YearMonth } from '../../shared/period.ts';
import { type Interval, union } from './intervals.ts';

/** A weekly window: ISO weekday 1–7, minutes after local midnight, `to` up to 1440 (24:00). */
export interface ServiceWindow {
  weekday: number;
  fromMinute: number;
  toMinute: number;
}

/** "HH:MM" (00:00–24:00) → minutes, or null. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

function localToMs(date: Temporal.PlainDate, minute: number): number {
  const day = minute >= 1440 ? date.add({ days: 1 }) : date;
  const m = minute % 1440;
  const time = new Temporal.PlainTime(Math.floor(m / 60), m % 60);
  // Stryker disable next-line ObjectLiteral: 'compatible' is the default disambiguation, written out because the spec names it
  return day.toPlainDateTime(time).toZonedDateTime(TIME_ZONE, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** [start, end) of the month, local midnight to local midnight. */
export function monthInterval(ym: YearMonth): Interval {
  const start = Temporal.PlainDate.from(firstDayOfMonth(ym));
  const end = Temporal.PlainDate.from(firstDayOfMonth(addMonths(ym, 1)));
  return [localToMs(start, 0), localToMs(end, 0)];
}

/** AST ∩ month as a union of intervals; no windows = 24×7. */
export function agreedTime(ym: YearMonth, windows: readonly ServiceWindow[]): Interval[] {
  const month = monthInterval(ym);
  if (windows.length === 0) return [month];
  const out: Interval[] = [];
  const last = Temporal.PlainDate.from(firstDayOfMonth(addMonths(ym, 1)));
  for (let d = Temporal.PlainDate.from(firstDayOfMonth(ym)); Temporal.PlainDate.compare(d, last) < 0; d = d.add({ days: 1 })) {
    for (const w of windows) {
      if (w.weekday === d.dayOfWeek && w.toMinute > w.fromMinute) out.push([localToMs(d, w.fromMinute), localToMs(d, w.toMinute)]);
    }
  }
  return union(out);
}

/**
 * An outage time: ISO 8601 with `Z` or an offset is an exact instant; without, Europe/Oslo wall
 * time (`compatible`). Accepts a date alone (midnight) and a space instead of `T`. Null if invalid.
 */
export function parseOutageTime(text: string): number | null {
  const t = text.trim().replace(' ', 'T');
  try {
    if (/(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(t)) return Temporal.Instant.from(t).epochMilliseconds;
    if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.test(t)) return null;
    // Stryker disable next-line ObjectLiteral: a string is always parsed strictly; overflow only applies to property bags
    const local = Temporal.PlainDateTime.from(t, { overflow: 'reject' });
    // Stryker disable next-line ObjectLiteral: 'compatible' is the default disambiguation, written out because the spec names it
    return local.toZonedDateTime(TIME_ZONE, { disambiguation: 'compatible' }).epochMilliseconds;
  } catch {
    return null;
  }
}
