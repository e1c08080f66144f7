/**
 * The KPI registry: every domain's KPI definitions, evaluated for a period. The overview page,
 * `GET /api/kpis` and `styrerom kpi` all read KPIs through here, so they never disagree.
 */
import type { DomainModule } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { formatMonth } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { VersionedCache } from '../storage/versioned-cache.ts';
import { evaluateKpi, type KpiDefinition, type KpiValue } from './kpi.ts';

export interface EvaluatedKpi {
  definition: KpiDefinition;
  value: KpiValue;
  domainId: string;
}

/** The `styrerom kpi --json` and `GET /api/kpis` document. */
export interface KpiDocument {
  period: YearMonth;
  kpis: KpiValue[];
}

export function kpiDefinitions(domains: readonly DomainModule[]): { domainId: string; definition: KpiDefinition }[] {
  return domains.flatMap((d) => (d.kpis ?? []).map((definition) => ({ domainId: d.id, definition })));
}

/** The code-defined KPIs plus those the domains define by data (`kpisFrom`, e.g. registered figures). */
export async function kpiDefinitionsWithData(
  domains: readonly DomainModule[],
  db: Db,
): Promise<{ domainId: string; definition: KpiDefinition }[]> {
  const out = kpiDefinitions(domains);
  for (const d of domains) if (d.kpisFrom) for (const definition of await d.kpisFrom(db)) out.push({ domainId: d.id, definition });
  return out;
}

/** Evaluations as of now, per period, kept until the data's version moves (the overview, trends, /api/kpis). */
const current = new VersionedCache<EvaluatedKpi[]>(36);

export async function evaluateRegistry(
  domains: readonly DomainModule[],
  ctx: { db: Db; period: YearMonth; knownAt?: string },
): Promise<EvaluatedKpi[]> {
  if (ctx.knownAt === undefined) return current.get(ctx.db, domains, ctx.period, () => evaluateNow(domains, ctx));
  return evaluateNow(domains, ctx);
}

async function evaluateNow(
  domains: readonly DomainModule[],
  ctx: { db: Db; period: YearMonth; knownAt?: string },
): Promise<EvaluatedKpi[]> {
  const out: EvaluatedKpi[] = [];
  for (const { domainId, definition } of await kpiDefinitionsWithData(domains, ctx.db)) {
    out.push({ domainId, definition, value: await evaluateKpi(definition, ctx) });
  }
  return out;
}

export function kpiDocument(period: YearMonth, evaluated: readonly EvaluatedKpi[]): KpiDocument {
  return { period, kpis: evaluated.map((e) => e.value) };
}

/**
 * A command that reports on a month (`styrerom kpi`, `report build`) from a database without any
 * data for it is an error, not a page of dashes: NO_DATA (exit 13) unless some KPI has a value.
 */
export function requireData(evaluated: readonly EvaluatedKpi[], period: YearMonth, what: string): void {
  if (evaluated.some((e) => e.value.value !== null)) return;
  throw new AppError(
    'NO_DATA',
    `Ingen data for ${formatMonth(period)} i databasen: ingen nøkkeltall kan beregnes, så ${what}. Importer data først (styrerom import <type> <fil>, se styrerom import --help) eller bruk demoen (npm start, deretter --database sqlite:data/demo.db).`,
  );
}
