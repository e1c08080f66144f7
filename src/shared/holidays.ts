import { Temporal } from 'temporal-polyfill';
import { dayOfWeek, type IsoDate, plainDate } from './period.ts';

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day }).toString();
}

const cache = new Map<number, Map<IsoDate, string>>();

/** Norwegian public holidays (helligdager) of a year: date → Norwegian name. */
export function publicHolidays(year: number): ReadonlyMap<IsoDate, string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const easter = plainDate(easterSunday(year));
  const rel = (days: number) => easter.add({ days }).toString();
  const y = String(year).padStart(4, '0');
  const days = new Map<IsoDate, string>([
    [`${y}-01-01`, 'Første nyttårsdag'],
    [rel(-3), 'Skjærtorsdag'],
    [rel(-2), 'Langfredag'],
    [rel(0), 'Første påskedag'],
    [rel(1), 'Andre påskedag'],
    [`${y}-05-01`, 'Offentlig høytidsdag'],
    [`${y}-05-17`, 'Grunnlovsdag'],
    [rel(39), 'Kristi himmelfartsdag'],
    [rel(49), 'Første pinsedag'],
    [rel(50), 'Andre pinsedag'],
    [`${y}-12-25`, 'Første juledag'],
    [`${y}-12-26`, 'Andre juledag'],
  ]);
  cache.set(year, days);
  return days;
}

export function isPublicHoliday(date: IsoDate): boolean {
  return publicHolidays(Number(date.slice(0, 4))).has(date);
}

/** Monday–Friday and not a public holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return dayOfWeek(date) <= 5 && !isPublicHoliday(date);
}
