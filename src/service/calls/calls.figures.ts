/** Call metrics of a month from the database: the figures the CLI, KPIs, report and pages show. */
import { monthBoundsMs, type YearMonth } from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';
import { VersionedCache } from '../../storage/versioned-cache.ts';
import type { ServiceSettings } from '../service-settings.ts';
import { findCalls } from './calls.queries.ts';
import { type CallMetrics, callMetrics } from './calls.ts';

export interface MonthCallMetrics extends CallMetrics {
  period: YearMonth;
  /** null = all queues (or the configured service-desk queues). */
  queue: string | null;
}

/** The month's metrics for one queue, or for the service-desk queues (all queues when none are configured). */
export async function monthCallMetrics(
  db: Db,
  options: { period: YearMonth; queue?: string | null; settings: ServiceSettings },
): Promise<MonthCallMetrics> {
  // The month's calls are tens of thousands of rows and three KPIs ask for the same month at once.
  return monthMetrics.get(db, options.settings, `${options.period}|${options.queue ?? ''}`, () => computeMonthCallMetrics(db, options));
}

const monthMetrics = new VersionedCache<MonthCallMetrics>(24);

async function computeMonthCallMetrics(
  db: Db,
  options: { period: YearMonth; queue?: string | null; settings: ServiceSettings },
): Promise<MonthCallMetrics> {
  const { startMs, endMs } = monthBoundsMs(options.period);
  const queue = options.queue ?? null;
  let calls = await findCalls(db, { startMs, endMs, queue });
  const desk = options.settings.deskQueues;
  if (queue === null && desk.length > 0) calls = calls.filter((c) => desk.includes(c.queue));
  return { period: options.period, queue, ...callMetrics(calls, options.settings) };
}

/** Metrics per queue of a month (the drill-down). */
export async function callMetricsByQueue(db: Db, options: { period: YearMonth; settings: ServiceSettings }): Promise<MonthCallMetrics[]> {
  const { startMs, endMs } = monthBoundsMs(options.period);
  const calls = await findCalls(db, { startMs, endMs });
  const queues = [...new Set(calls.map((c) => c.queue))].sort((a, b) => a.localeCompare(b, 'nb'));
  return queues.map((queue) => ({
    period: options.period,
    queue,
    ...callMetrics(
      calls.filter((c) => c.queue === queue),
      options.settings,
    ),
  }));
}

/** One figure set per month, oldest first. */
export async function callMetricsSeries(
  db: Db,
  options: { months: readonly YearMonth[]; settings: ServiceSettings },
): Promise<MonthCallMetrics[]> {
  const out: MonthCallMetrics[] = [];
  for (const period of options.months) out.push(await monthCallMetrics(db, { period, settings: options.settings }));
  return out;
}
