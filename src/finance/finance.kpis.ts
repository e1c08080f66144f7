/** The finance KPIs (MNOK, unrounded in JSON): result, cost deviations, forecast and liquidity. */
import type { KpiContext, KpiDefinition } from '../kpi/kpi.ts';
import type { Ore } from '../shared/money.ts';
import { financeResult, liquidityAt } from './finance.section.ts';
import { deviation, type ResultTable } from './finance.ts';

const mnok = (ore: Ore) => ore / 100 / 1_000_000;

/** The tables behind the tiles (finance.web.ts and capital/capital.web.ts; literals so KPIs load no web code). */
const RESULT_PAGE = { path: '/okonomi', anchor: 'ok-resultat' };
const FORECAST_PAGE = { path: '/okonomi', anchor: 'ok-prognose' };
const LIQUIDITY_PAGE = { path: '/okonomi/kapital', anchor: 'kapital-likviditet' };

function fromTable(id: string, label: string, pick: (t: ResultTable) => Ore | null): KpiDefinition {
  return {
    id,
    label,
    unit: 'MNOK',
    decimals: 1,
    page: RESULT_PAGE,
    async compute(ctx: KpiContext) {
      const t = await financeResult(ctx.db, { period: ctx.period });
      if (!t.hasActuals) return null;
      const v = pick(t);
      return v === null ? null : mnok(v);
    },
  };
}

export const financeKpis: KpiDefinition[] = [
  fromTable('finance.result.month', 'Resultat (måned)', (t) => t.result.actualMonth),
  fromTable('finance.result.ytd', 'Resultat hittil i år', (t) => t.result.actualYtd),
  fromTable('finance.costs.deviation.month', 'Kostnadsavvik mot budsjett (måned)', (t) =>
    t.hasBudget ? deviation(t.totals.actualMonth, t.totals.budgetMonth) : null,
  ),
  fromTable('finance.costs.deviation.ytd', 'Kostnadsavvik mot budsjett hittil i år', (t) =>
    t.hasBudget ? deviation(t.totals.actualYtd, t.totals.budgetYtd) : null,
  ),
  {
    id: 'finance.forecast.costs',
    label: 'Prognose totale kostnader (år)',
    unit: 'MNOK',
    decimals: 1,
    page: FORECAST_PAGE,
    async compute(ctx) {
      const t = await financeResult(ctx.db, { period: ctx.period });
      return t.totals.forecastYear === null ? null : mnok(t.totals.forecastYear);
    },
  },
  {
    id: 'finance.liquidity',
    label: 'Likviditet (bankinnskudd ved månedsslutt)',
    unit: 'MNOK',
    decimals: 1,
    page: LIQUIDITY_PAGE,
    async compute(ctx) {
      const ore = await liquidityAt(ctx.db, { period: ctx.period });
      return ore === null ? null : mnok(ore);
    },
  },
];
