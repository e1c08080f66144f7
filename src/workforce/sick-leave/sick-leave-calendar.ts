/**
 * Day arithmetic for the sick-leave engine. The engine walks every date of every case and every
 * working day of every employee, so dates are handled as integer day numbers (days since
 * 1970-01-01) instead of Temporal objects; holidays still come from shared/holidays.ts.
 */
import { publicHolidays } from '../../shared/holidays.ts';
import type { IsoDate, YearMonth } from '../../shared/period.ts';

const MS_PER_DAY = 86_400_000;

/** "2025-05-01" → days since 1970-01-01. */
export function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** Days since 1970-01-01 → "2025-05-01". */
export function dateOfDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function monthOfDay(day: number): YearMonth {
  return dateOfDay(day).slice(0, 7);
}

const holidayDays = new Map<number, Set<number>>();

function holidaysOf(year: number): Set<number> {
  let set = holidayDays.get(year);
  if (!set) {
    set = new Set([...publicHolidays(year).keys()].map(dayNumber));
    holidayDays.set(year, set);
  }
  return set;
}

/** Monday–Friday and not a Norwegian public holiday (same rule as shared/holidays isWorkingDay). */
export function isWorkingDayNumber(day: number): boolean {
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday; 1970-01-01 was a Thursday
  if (weekday >= 5) return false;
  return !holidaysOf(new Date(day * MS_PER_DAY).getUTCFullYear()).has(day);
}

const monthWorkingDays = new Map<YearMonth, number[]>();

/** The working days of a month, as day numbers, ascending. */
export function workingDaysOfMonth(month: YearMonth): readonly number[] {
  let days = monthWorkingDays.get(month);
  if (!days) {
    days = [];
    const first = dayNumber(`${month}-01`);
    for (let d = first; monthOfDay(d) === month; d++) if (isWorkingDayNumber(d)) days.push(d);
    monthWorkingDays.set(month, days);
  }
  return days;
}

/** True when every date strictly between `a` and `b` is a weekend day or public holiday. */
export function onlyNonWorkingDaysBetween(a: number, b: number): boolean {
  for (let d = a + 1; d < b; d++) if (isWorkingDayNumber(d)) return false;
  return true;
}
