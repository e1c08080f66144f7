import type { KpiContext, KpiDefinition } from '../kpi/kpi.ts';
import type { Db } from '../storage/db.ts';
import { figureChanges, findFigureDefinitions } from './figures.queries.ts';
import { changeKnownAt, type FigureDefinition, registeredText } from './figures.ts';

/** The value in effect for the period, as known at ctx.knownAt (every change is audited, so history is exact). */
async function current(def: FigureDefinition, ctx: KpiContext) {
  return changeKnownAt(await figureChanges(ctx.db, def.id, ctx.period), ctx.knownAt);
}

/** One KPI `figure.<id>` per registered figure: the value registered for the period, and who registered it. */
export function figureKpi(def: FigureDefinition): KpiDefinition {
  return {
    id: `figure.${def.id}`,
    label: def.label,
    unit: def.unit,
    decimals: def.decimals,
    async compute(ctx) {
      return (await current(def, ctx))?.valueAfter ?? null;
    },
    async source(ctx) {
      const c = await current(def, ctx);
      return c ? registeredText(c) : null;
    },
  };
}

export async function figureKpis(db: Db): Promise<KpiDefinition[]> {
  return (await findFigureDefinitions(db)).map(figureKpi);
}
