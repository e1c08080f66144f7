/**
 * Fast local-time arithmetic for the AML engine. Temporal is exact but far too slow to call per
 * record, so local day boundaries (Europe/Oslo) are computed once per day number with Temporal and
 * cached; everything else is integer arithmetic on epoch milliseconds.
 *
 * A "day number" (dn) is the number of local calendar days since 1970-01-01.
 */
import { Temporal } from 'temporal-polyfill';
import { type IsoDate, TIME_ZONE } from '../../../shared/period.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** 1970-01-01 was a Thursday: weekday(dn) 0 = Monday … 6 = Sunday. */
export function weekdayOf(dn: number): number {
  return (((dn + 3) % 7) + 7) % 7;
}

/** Day number of the Monday of dn's ISO week. */
export function mondayOf(dn: number): number {
  return dn - weekdayOf(dn);
}

export function isoToDay(date: IsoDate): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

const isoCache = new Map<number, IsoDate>();

export function dayToIso(dn: number): IsoDate {
  let s = isoCache.get(dn);
  // Stryker disable next-line ConditionalExpression: a cache; recomputing gives the same date
  if (s === undefined) {
    s = new Date(dn * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(dn, s);
  }
  return s;
}

const startCache = new Map<number, number>();

/** Epoch ms of local midnight starting day dn. */
export function dayStartMs(dn: number): number {
  let ms = startCache.get(dn);
  // Stryker disable next-line ConditionalExpression: a cache; recomputing gives the same instant
  if (ms === undefined) {
    ms = Temporal.PlainDate.from(dayToIso(dn)).toZonedDateTime({ timeZone: TIME_ZONE }).epochMilliseconds;
    startCache.set(dn, ms);
  }
  return ms;
}

/** The local day number containing the instant `ms`. */
export function dayOf(ms: number): number {
  // Europe/Oslo is UTC+1 or UTC+2: the estimate is at most one day off.
  let dn = Math.floor((ms + HOUR_MS) / DAY_MS);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: (ms + 1 h) / day is never a day late in Europe/Oslo (UTC+1 or +2), so this loop never runs and `<=` at a local midnight only steps back a day the next loop steps forward again (`>=` never ends, a timeout)
  while (ms < dayStartMs(dn)) dn--;
  while (ms >= dayStartMs(dn + 1)) dn++;
  return dn;
}

/** Epoch ms of local wall time `hour`:00 on day dn (hour must exist on that day). */
export function localHourMs(dn: number, hour: number): number {
  return Temporal.PlainDate.from(dayToIso(dn)).toZonedDateTime({ timeZone: TIME_ZONE, plainTime: Temporal.PlainTime.from({ hour }) })
    .epochMilliseconds;
}

/** "2025-W19" for the ISO week starting on Monday `monday`. */
export function weekKeyOf(monday: number): string {
  // The ISO week-year is the year of the week's Thursday.
  const thursday = monday + 3;
  const year = Number(dayToIso(thursday).slice(0, 4));
  const jan4 = isoToDay(`${year}-01-04`);
  const week = Math.floor((monday - mondayOf(jan4)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
