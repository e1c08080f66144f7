/**
 * Every KPI over the 12 months ending with a period, for the overview's trend lines. Computing a
 * month runs every engine (a second or more on a large organisation), so past months are kept in
 * memory per database, keyed by a data version: the newest import run and the newest audited edit.
 * Any import or edit through the app changes the version and empties the cache, so a trend never
 * shows a figure the data no longer gives.
 */
import { sql } from 'kysely';
import { type EvaluatedKpi, evaluateRegistry } from '../kpi/registry.ts';
import type { AppDeps } from '../module.ts';
import { rolling12Months, type YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import type { TrendPoint } from './sparkline.ts';

export type Trends = ReadonlyMap<string, readonly TrendPoint[]>;

interface MonthCache {
  version: string;
  months: Map<YearMonth, ReadonlyMap<string, number | null>>;
}

const caches = new WeakMap<Db, MonthCache>();

async function dataVersion(db: Db): Promise<string> {
  const runs = await db.selectFrom('import_runs').select(sql<number | null>`max(id)`.as('id')).executeTakeFirst();
  const audit = await db.selectFrom('audit_log').select(sql<number | null>`max(id)`.as('id')).executeTakeFirst();
  return `${runs?.id ?? 0}:${audit?.id ?? 0}`;
}

async function cacheOf(db: Db): Promise<MonthCache> {
  const version = await dataVersion(db);
  const cached = caches.get(db);
  if (cached?.version === version) return cached;
  const fresh = { version, months: new Map() };
  caches.set(db, fresh);
  return fresh;
}

function valuesOf(evaluated: readonly EvaluatedKpi[]): Map<string, number | null> {
  return new Map(evaluated.map((k) => [k.definition.id, k.value.value]));
}

/** `current` is the period's own evaluation (the tiles'), reused rather than computed again. */
export async function kpiTrends(
  deps: Pick<AppDeps, 'domains' | 'db'>,
  period: YearMonth,
  current: readonly EvaluatedKpi[],
): Promise<Trends> {
  const cache = await cacheOf(deps.db);
  const trends = new Map<string, TrendPoint[]>(current.map((k) => [k.definition.id, []]));
  for (const month of rolling12Months(period)) {
    let values = month === period ? valuesOf(current) : cache.months.get(month);
    if (!values) {
      values = valuesOf(await evaluateRegistry(deps.domains, { db: deps.db, period: month }));
      cache.months.set(month, values);
    }
    for (const [id, points] of trends) points.push({ period: month, value: values.get(id) ?? null });
  }
  return trends;
}
