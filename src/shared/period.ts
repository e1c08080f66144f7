import { Temporal } from 'temporal-polyfill';
import { AppError } from './errors.ts';
import { yearRange } from './year-range.ts';

/** Every local-time rule of the product is evaluated in this zone. */
export const TIME_ZONE = 'Europe/Oslo';

/** "YYYY-MM" */
export type YearMonth = string;
/** "YYYY-MM-DD" (a local calendar date) */
export type IsoDate = string;

const YM = /^(\d{4})-(0[1-9]|1[0-2])$/;

export { DEFAULT_YEAR_RANGE, useYearRange, YEAR_RANGE_LIMITS, type YearRange, yearRange } from './year-range.ts';

export function yearInRange(year: number): boolean {
  const currentRange = yearRange();
  return year >= currentRange.min && year <= currentRange.max;
}

/** Why a YYYY-MM or YYYY-MM-DD text is outside the sane range, or null. */
export function yearRangeProblem(text: string): string | null {
  const m = /^(\d{4})-\d{2}(-\d{2})?/.exec(text);
  if (!m || yearInRange(Number(m[1]))) return null;
  const range = yearRange();
  return `«${text}»: året må være mellom ${range.min} og ${range.max}`;
}

export function parseYearMonth(text: string): { year: number; month: number } {
  const m = YM.exec(text);
  if (!m) throw new AppError('VALIDATION', `Ugyldig periode «${text}», forventet ÅÅÅÅ-MM`);
  const range = yearRangeProblem(text);
  if (range) throw new AppError('VALIDATION', `Ugyldig periode ${range}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function isYearMonth(text: string): boolean {
  const m = YM.exec(text);
  return m !== null && yearInRange(Number(m[1]));
}

export function yearMonth(year: number, month: number): YearMonth {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(ym: YearMonth, n: number): YearMonth {
  const { year, month } = parseYearMonth(ym);
  const idx = year * 12 + (month - 1) + n;
  return yearMonth(Math.floor(idx / 12), (idx % 12) + 1);
}

/** January..ym of ym's year. */
export function ytdMonths(ym: YearMonth): YearMonth[] {
  const { year, month } = parseYearMonth(ym);
  return Array.from({ length: month }, (_, i) => yearMonth(year, i + 1));
}

/** The 12 months ending with ym, oldest first. */
export function rolling12Months(ym: YearMonth): YearMonth[] {
  return Array.from({ length: 12 }, (_, i) => addMonths(ym, i - 11));
}

/** Norwegian public bodies report by tertial: 1 = Jan–Apr, 2 = May–Aug, 3 = Sep–Dec. */
export function tertialOf(ym: YearMonth): 1 | 2 | 3 {
  const { month } = parseYearMonth(ym);
  return month <= 4 ? 1 : month <= 8 ? 2 : 3;
}

export function tertialMonths(year: number, tertial: 1 | 2 | 3): YearMonth[] {
  const first = (tertial - 1) * 4 + 1;
  return Array.from({ length: 4 }, (_, i) => yearMonth(year, first + i));
}

export type PeriodKind = 'month' | 'ytd' | 'rolling12' | 'tertial';

/** The months a reporting period of `kind` ending in (or containing) `ym` covers. */
export function periodMonths(kind: PeriodKind, ym: YearMonth): YearMonth[] {
  switch (kind) {
    case 'month':
      return [ym];
    case 'ytd':
      return ytdMonths(ym);
    case 'rolling12':
      return rolling12Months(ym);
    case 'tertial':
      return tertialMonths(parseYearMonth(ym).year, tertialOf(ym));
  }
}

// ---------- dates and instants ----------

export function plainDate(date: IsoDate): Temporal.PlainDate {
  try {
    // Stryker disable next-line ObjectLiteral: a string is always parsed strictly; overflow only applies to property bags
    return Temporal.PlainDate.from(date, { overflow: 'reject' });
  } catch {
    throw new AppError('VALIDATION', `Ugyldig dato «${date}», forventet ÅÅÅÅ-MM-DD`);
  }
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !yearInRange(Number(text.slice(0, 4)))) return false;
  try {
    // Stryker disable next-line ObjectLiteral: a string is always parsed strictly; overflow only applies to property bags
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

const PLAIN_ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function addDays(date: IsoDate, n: number): IsoDate {
  // The common case by arithmetic (employment spells ask per period and month); anything else —
  // an invalid date, another spelling Temporal accepts — takes Temporal's path and its answer.
  const m = PLAIN_ISO_DATE.exec(date);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number)))
    return plainDate(date).add({ days: n }).toString();
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day + n);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday */
export function dayOfWeek(date: IsoDate): number {
  return plainDate(date).dayOfWeek;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  // Stryker disable next-line ObjectLiteral: days is PlainDate.until's default largest unit
  return plainDate(from).until(plainDate(to), { largestUnit: 'days' }).days;
}

/** Every date from `from` to `to`, both inclusive. */
export function* eachDate(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  let d = plainDate(from);
  const end = plainDate(to);
  while (Temporal.PlainDate.compare(d, end) <= 0) {
    yield d.toString();
    d = d.add({ days: 1 });
  }
}

export function firstDayOfMonth(ym: YearMonth): IsoDate {
  return `${ym}-01`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

// Plain arithmetic, not Temporal: month ends are asked for per employee and month, and Temporal's
// object per call made this a tenth of a KPI query's time.
export function lastDayOfMonth(ym: YearMonth): IsoDate {
  const { year, month } = parseYearMonth(ym);
  const days = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return `${ym}-${days}`;
}

export function monthOf(date: IsoDate): YearMonth {
  return date.slice(0, 7);
}

/** Epoch milliseconds of local midnight starting `date` in Europe/Oslo. */
export function startOfDayMs(date: IsoDate): number {
  return plainDate(date).toZonedDateTime({ timeZone: TIME_ZONE }).epochMilliseconds;
}

/** [start, end) of a month in epoch milliseconds, local Europe/Oslo. */
export function monthBoundsMs(ym: YearMonth): { startMs: number; endMs: number } {
  return { startMs: startOfDayMs(firstDayOfMonth(ym)), endMs: startOfDayMs(firstDayOfMonth(addMonths(ym, 1))) };
}

/** Local calendar date (Europe/Oslo) of an instant. */
export function localDateOf(epochMs: number): IsoDate {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(TIME_ZONE).toPlainDate().toString();
}

/** Local wall time "YYYY-MM-DDTHH:MM" of an instant. */
export function localDateTimeOf(epochMs: number): string {
  const z = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(TIME_ZONE);
  return z.toPlainDateTime().toString({ smallestUnit: 'minute' });
}

export type LocalTimeProblem = 'invalid' | 'nonexistent' | 'ambiguous';

/**
 * Converts "YYYY-MM-DDTHH:MM[:SS]" local Europe/Oslo time, or an ISO instant with an offset or Z,
 * to epoch ms. Local times that do not exist (spring DST gap) or are ambiguous (autumn repeat)
 * are reported, never guessed.
 */
export function parseLocalOrInstant(text: string): { ok: true; epochMs: number } | { ok: false; problem: LocalTimeProblem } {
  const t = text.trim();
  if (/(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(t)) {
    try {
      return { ok: true, epochMs: Temporal.Instant.from(t).epochMilliseconds };
    } catch {
      return { ok: false, problem: 'invalid' };
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?$/.test(t)) return { ok: false, problem: 'invalid' };
  let local: Temporal.PlainDateTime;
  try {
    // Stryker disable next-line ObjectLiteral: a string is always parsed strictly; overflow only applies to property bags
    local = Temporal.PlainDateTime.from(t.replace(' ', 'T'), { overflow: 'reject' });
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  // Stryker disable next-line ObjectLiteral: the default ('compatible') is 'earlier' in an overlap and in a gap also resolves to another wall time, so every outcome below is the same
  const early = local.toZonedDateTime(TIME_ZONE, { disambiguation: 'earlier' });
  const late = local.toZonedDateTime(TIME_ZONE, { disambiguation: 'later' });
  // In a spring gap the resolved wall time differs from the one asked for; in an autumn overlap
  // both candidates keep it but are an hour apart.
  // Stryker disable next-line LogicalOperator: in a gap both candidates move off the asked wall time, in an overlap neither does, so || and && agree
  if (!early.toPlainDateTime().equals(local) || !late.toPlainDateTime().equals(local)) return { ok: false, problem: 'nonexistent' };
  if (early.epochMilliseconds !== late.epochMilliseconds) return { ok: false, problem: 'ambiguous' };
  return { ok: true, epochMs: early.epochMilliseconds };
}

// ---------- ISO weeks ----------

export interface IsoWeek {
  year: number;
  week: number;
}

export function isoWeekOf(date: IsoDate): IsoWeek {
  const d = plainDate(date);
  const week = d.weekOfYear;
  const year = d.yearOfWeek;
  // Stryker disable next-line StringLiteral: unreachable, PlainDate always has the ISO calendar here
  if (week === undefined || year === undefined) throw new AppError('INTERNAL', 'ISO calendar expected');
  return { year, week };
}

/** "2025-W19" */
export function isoWeekKey(date: IsoDate): string {
  const { year, week } = isoWeekOf(date);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of the ISO week containing `date`. */
export function isoWeekMonday(date: IsoDate): IsoDate {
  const d = plainDate(date);
  return d.subtract({ days: d.dayOfWeek - 1 }).toString();
}

/** The Sunday that ends the ISO week containing `date`. */
export function isoWeekSunday(date: IsoDate): IsoDate {
  return addDays(isoWeekMonday(date), 6);
}
