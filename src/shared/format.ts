/**
 * THE nb-NO formatting module: HTML, PDF, charts, CLI tables and the dashboard all format numbers,
 * money, dates and periods here, so the document and the app can never disagree.
 * Thousands separator: no-break space (U+00A0). Minus: true minus sign (U+2212).
 */
import type { Ore } from './money.ts';
import { type IsoDate, parseYearMonth, type YearMonth } from './period.ts';

export const NBSP = '\u00a0';
export const MINUS = '\u2212';

const numberFormats = new Map<number, Intl.NumberFormat>();

function fmt(decimals: number): Intl.NumberFormat {
  let f = numberFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('nb-NO', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    numberFormats.set(decimals, f);
  }
  return f;
}

/** "12 345", "1,4", "−2,4". Negative zero after rounding prints as "0". */
export function formatNumber(value: number, decimals = 0): string {
  const out = fmt(decimals)
    .format(value)
    .replace(/[\s\u202f]/g, NBSP)
    .replace(/-/g, MINUS);
  return /^−0(?:,0*)?$/.test(out) ? out.slice(1) : out;
}

/** Value already in percent: formatPercent(2.35) → "2,35 %". */
export function formatPercent(value: number, decimals = 2): string {
  return `${formatNumber(value, decimals)}${NBSP}%`;
}

/** Øre → "7,0 MNOK", "−2,4 MNOK". */
export function formatMnok(ore: Ore, decimals = 1): string {
  return `${formatNumber(ore / 100 / 1_000_000, decimals)}${NBSP}MNOK`;
}

/** Øre → MNOK number string without unit, for tables: "7,0". */
export function formatMnokValue(ore: Ore, decimals = 1): string {
  return formatNumber(ore / 100 / 1_000_000, decimals);
}

/** Øre → "1 234 567" whole NOK. */
export function formatNok(ore: Ore): string {
  return formatNumber(Math.round(ore / 100), 0);
}

/** "2025-05-31" → "31.05.2025" */
export function formatDate(date: IsoDate): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** "2025-05-31" → "31.05" (as in "per 31.05") */
export function formatDayMonth(date: IsoDate): string {
  const [, m, d] = date.slice(0, 10).split('-');
  return `${d}.${m}`;
}

export const MONTH_NAMES = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** "2025-05" → "mai 2025" */
export function formatMonth(ym: YearMonth): string {
  const { year, month } = parseYearMonth(ym);
  return `${monthName(month)} ${year}`;
}

/** "2025-05" → "Mai 2025" (start of a table row or sentence). */
export function formatMonthCapitalised(ym: YearMonth): string {
  const s = formatMonth(ym);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "2025-05" → "mai" ; short axis label "mai 25" with `short`. */
export function formatMonthShort(ym: YearMonth): string {
  const { year, month } = parseYearMonth(ym);
  return `${monthName(month).slice(0, 3)} ${String(year).slice(2)}`;
}

/** 44 → "uke 44" */
export function formatWeek(week: number): string {
  return `uke ${week}`;
}

/** Seconds with one decimal: 3.14 → "3,1 s". */
export function formatSeconds(seconds: number, decimals = 1): string {
  return `${formatNumber(seconds, decimals)}${NBSP}s`;
}

/** A count with unit: 9 → "9 stk." */
export function formatCount(n: number): string {
  return `${formatNumber(n, 0)}${NBSP}stk.`;
}

/** A count with the Norwegian singular or plural noun: (1, 'rad', 'rader') → "1 rad", 2 → "2 rader". */
export function formatQuantity(n: number, one: string, many: string): string {
  return `${formatNumber(n, 0)}${NBSP}${n === 1 ? one : many}`;
}
