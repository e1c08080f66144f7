/**
 * Every KPI over the 12 months ending with a period, for the overview's trend lines. Computing a
 * month runs every engine, so each month's evaluation comes from the KPI registry's cache, which
 * keeps it until the data's version moves (src/storage/data-version.ts: any committed import or
 * edit, from any process), so a trend never shows a figure the data no longer gives.
 */
import { type EvaluatedKpi, evaluateRegistry } from '../kpi/registry.ts';
import type { AppDeps } from '../module.ts';
import { rolling12Months, type YearMonth } from '../shared/period.ts';
import type { TrendPoint } from './sparkline.ts';

export type Trends = ReadonlyMap<string, readonly TrendPoint[]>;

function valuesOf(evaluated: readonly EvaluatedKpi[]): Map<string, number | null> {
  return new Map(evaluated.map((k) => [k.definition.id, k.value.value]));
}

/** `current` is the period's own evaluation (the tiles'), reused rather than computed again. */
export async function kpiTrends(
  deps: Pick<AppDeps, 'domains' | 'db'>,
  period: YearMonth,
  current: readonly EvaluatedKpi[],
): Promise<Trends> {
  const trends = new Map<string, TrendPoint[]>(current.map((k) => [k.definition.id, []]));
  for (const month of rolling12Months(period)) {
    const values = valuesOf(month === period ? current : await evaluateRegistry(deps.domains, { db: deps.db, period: month }));
    for (const [id, points] of trends) points.push({ period: month, value: values.get(id) ?? null });
  }
  return trends;
}
