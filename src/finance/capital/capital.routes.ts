/**
 * GET /api/finance/investments, /api/finance/liquidity and /api/finance/receivables
 * (?period=YYYY-MM): the capital overviews as JSON, amounts in NOK.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../module.ts';
import { type Ore, oreToNok } from '../../shared/money.ts';
import { resolvePeriod } from '../../web/period-param.ts';
import { type BankBalanceSource, getInvestmentOverview, getLiquidityOverview, getReceivablesAgeing } from './capital.queries.ts';
import { errorResponseSchema, investmentsSchema, liquiditySchema, periodQuerySchema, receivablesSchema } from './capital.schemas.ts';
import type { LiquidityOverview } from './capital.ts';
import type { InvestmentFigures, InvestmentOverview } from './capital-investments.ts';
import { AGEING_BUCKETS, type AgeingRow, type ReceivablesAgeing } from './capital-receivables.ts';

const orNull = (ore: Ore | null) => (ore === null ? null : oreToNok(ore));

function figuresJson(f: InvestmentFigures) {
  return {
    approved: oreToNok(f.approved),
    invoicedThisYear: oreToNok(f.invoicedThisYear),
    invoicedToDate: oreToNok(f.invoicedToDate),
    remaining: oreToNok(f.remaining),
    expectedUseThisYear: orNull(f.expectedUseThisYear),
    remainingMilestones: oreToNok(f.remainingMilestones),
    remainingMilestoneCount: f.remainingMilestoneCount,
    remainingReserve: oreToNok(f.remainingReserve),
    remainingOther: oreToNok(f.remainingOther),
  };
}

export function investmentsJson(o: InvestmentOverview) {
  return {
    period: o.period,
    year: o.year,
    asOf: o.asOf,
    invoicedThisYear: oreToNok(o.invoicedThisYear),
    total: figuresJson(o.total),
    budgetYears: o.budgetYears.map((b) => ({
      budgetYear: b.budgetYear,
      ...figuresJson(b),
      projects: b.projects.map((p) => ({ project: p.project, ...figuresJson(p) })),
    })),
  };
}

export function liquidityJson(o: LiquidityOverview) {
  return {
    period: o.period,
    asOf: o.asOf,
    bankBalance: orNull(o.bankBalance),
    yearEndForecast: orNull(o.yearEndForecast),
    nextYearQ1Investments: orNull(o.nextYearQ1Investments),
    loans: o.loans.map((l) => ({
      facility: l.facility,
      purpose: l.purpose,
      requested: oreToNok(l.requested),
      disbursed: oreToNok(l.disbursed),
      planned: oreToNok(l.planned),
      unallocated: oreToNok(l.unallocated),
      disbursements: l.disbursements.map((d) => ({ date: d.date, amount: oreToNok(d.amount), status: d.status, state: d.state })),
    })),
  };
}

function ageingRowJson(r: AgeingRow) {
  return {
    buckets: Object.fromEntries(AGEING_BUCKETS.map((b) => [b, oreToNok(r.buckets[b])])),
    total: oreToNok(r.total),
    overdue: oreToNok(r.overdue),
    items: r.items,
  };
}

export function receivablesJson(a: ReceivablesAgeing) {
  return {
    period: a.period,
    asOf: a.asOf,
    listDate: a.listDate,
    byType: a.byType.map((r) => ({ customerType: r.customerType, ...ageingRowJson(r) })),
    total: ageingRowJson(a.total),
  };
}

function schema(operationId: string, summary: string, body: object) {
  return { operationId, summary, tags: ['finance'], querystring: periodQuerySchema, response: { 200: body, 400: errorResponseSchema } };
}

export function capitalRoutes(options: { bankBalanceAt: BankBalanceSource }) {
  return async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
    app.get(
      '/finance/investments',
      { config: { permission: 'read' }, schema: schema('getInvestments', 'Investments per budget year at period end', investmentsSchema) },
      async (req) => investmentsJson(await getInvestmentOverview(deps.db, { period: resolvePeriod(req.query, deps.config) })),
    );
    app.get(
      '/finance/liquidity',
      {
        config: { permission: 'read' },
        schema: schema('getLiquidity', 'Liquidity at period end, year-end forecast and loans', liquiditySchema),
      },
      async (req) =>
        liquidityJson(
          await getLiquidityOverview(deps.db, { period: resolvePeriod(req.query, deps.config), bankBalanceAt: options.bankBalanceAt }),
        ),
    );
    app.get(
      '/finance/receivables',
      {
        config: { permission: 'read' },
        schema: schema('getReceivables', 'Receivables ageing at period end by customer type', receivablesSchema),
      },
      async (req) => receivablesJson(await getReceivablesAgeing(deps.db, { period: resolvePeriod(req.query, deps.config) })),
    );
  };
}
