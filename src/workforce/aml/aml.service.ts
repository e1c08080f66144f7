/**
 * Evaluates the AML engine over the database: streams one employee's history at a time and runs
 * every requested (period, knownAt) query on it, so a report needs one pass over the records.
 */
import { Temporal } from 'temporal-polyfill';
import { addDays, type IsoDate, lastDayOfMonth, TIME_ZONE, type YearMonth } from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';
import { streamHistories } from './aml.queries.ts';
import { evaluateEmployee } from './aml.ts';
import { type AmlSettings, type Breach, DEFAULT_AML_SETTINGS } from './aml-model.ts';
import { dayStartMs, isoToDay, mondayOf } from './rules/aml-time.ts';

export interface AmlQuery {
  /** Breach dates in [from, to]. */
  from: IsoDate;
  to: IsoDate;
  /** Epoch ms; undefined = everything known. */
  knownAt?: number | undefined;
}

export interface EvaluateAmlOptions {
  settings?: AmlSettings;
  chunkSize?: number;
  /** Called after each employee (progress of long runs). */
  onEmployee?: (done: number) => void;
}

/**
 * The records needed to judge breach dates in [from, to]. Overtime and call-outs are loaded for the
 * whole look-back (the 52-week overtime rule); ordinary work only from `fullFromMs`: 8 weeks before
 * the first week, the furthest any rule on all records reaches (hours7d's 8-week sum, runs of
 * worked Sundays; a rest check against older work would find more than enough rest anyway).
 */
export function loadWindow(from: IsoDate, to: IsoDate, settings: AmlSettings): { fromMs: number; fullFromMs: number; toMs: number } {
  const monday = mondayOf(isoToDay(from));
  return {
    fromMs: dayStartMs(monday - settings.lookBackWeeks * 7),
    fullFromMs: dayStartMs(monday - FULL_HISTORY_WEEKS * 7),
    // A week rule's breach may fall on the week's last days: load to its end, plus blocks starting then.
    toMs: dayStartMs(mondayOf(isoToDay(to)) + 7 + 2),
  };
}

/** Weeks before the evaluated period for which every kind of record is loaded. */
const FULL_HISTORY_WEEKS = 8;

/** Runs every query for every evaluated employee; returns one breach list per query. */
export async function evaluateAml(db: Db, queries: AmlQuery[], options: EvaluateAmlOptions = {}): Promise<Breach[][]> {
  const settings = options.settings ?? DEFAULT_AML_SETTINGS;
  const out: Breach[][] = queries.map(() => []);
  if (queries.length === 0) return out;
  const windows = queries.map((q) => loadWindow(q.from, q.to, settings));
  const knownAts = queries.map((q) => q.knownAt);
  const knownAt = knownAts.some((k) => k === undefined) ? undefined : Math.max(...(knownAts as number[]));
  let done = 0;
  for await (const history of streamHistories(db, {
    fromMs: Math.min(...windows.map((w) => w.fromMs)),
    fullFromMs: Math.min(...windows.map((w) => w.fullFromMs)),
    toMs: Math.max(...windows.map((w) => w.toMs)),
    knownAt,
    ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
  })) {
    queries.forEach((q, i) => {
      const w = windows[i]!;
      const records = queries.length === 1 ? history.records : history.records.filter((r) => r.start >= w.fromMs && r.start < w.toMs);
      out[i]!.push(...evaluateEmployee({ ...history, records }, { from: q.from, to: q.to, knownAt: q.knownAt, settings }));
    });
    options.onEmployee?.(++done);
  }
  return out;
}

/** "As first reported" cut-off of month M: `days` after M's last day at `time` local (default 5th, 23:59). */
export function firstCutoffMs(month: YearMonth, settings: AmlSettings = DEFAULT_AML_SETTINGS): number {
  const date = addDays(lastDayOfMonth(month), settings.firstCutoff.days);
  return Temporal.PlainDateTime.from(`${date}T${settings.firstCutoff.time}`).toZonedDateTime(TIME_ZONE).epochMilliseconds;
}

export function monthRange(months: readonly YearMonth[]): { from: IsoDate; to: IsoDate } {
  const sorted = [...months].sort();
  return { from: `${sorted[0]}-01`, to: lastDayOfMonth(sorted[sorted.length - 1]!) };
}

/** Breaches grouped by month. */
export function countByMonth(breaches: readonly Breach[]): Map<YearMonth, number> {
  const m = new Map<YearMonth, number>();
  for (const b of breaches) m.set(b.month, (m.get(b.month) ?? 0) + 1);
  return m;
}
