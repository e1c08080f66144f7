/** KPIs of the capital part of finance, in MNOK (unrounded; the dashboard shows one decimal). */
import type { KpiDefinition } from '../../kpi/kpi.ts';
import type { Ore } from '../../shared/money.ts';
import { type BankBalanceSource, getInvestmentOverview, getLiquidityOverview, getReceivablesAgeing } from './capital.queries.ts';

const toMnok = (ore: Ore) => ore / 100 / 1_000_000;

/** The forecast needs no bank balance; skipping the ledger keeps the KPI cheap. */
const noBankBalance: BankBalanceSource = async () => null;

export function capitalKpis(): KpiDefinition[] {
  return [
    {
      id: 'finance.investments.invoicedYtd',
      label: 'Investeringer fakturert hittil i år',
      unit: 'MNOK',
      decimals: 1,
      async compute(ctx) {
        const o = await getInvestmentOverview(ctx.db, { period: ctx.period });
        return o.budgetYears.length === 0 ? null : toMnok(o.invoicedThisYear);
      },
    },
    {
      id: 'finance.liquidity.yearEndForecast',
      label: 'Likviditetsprognose per årsslutt',
      unit: 'MNOK',
      decimals: 1,
      async compute(ctx) {
        const o = await getLiquidityOverview(ctx.db, { period: ctx.period, bankBalanceAt: noBankBalance });
        return o.yearEndForecast === null ? null : toMnok(o.yearEndForecast);
      },
    },
    {
      id: 'finance.investments.nextYearQ1',
      label: 'Investeringer forventet mottatt i første kvartal neste år',
      unit: 'MNOK',
      decimals: 1,
      async compute(ctx) {
        const o = await getLiquidityOverview(ctx.db, { period: ctx.period, bankBalanceAt: noBankBalance });
        return o.nextYearQ1Investments === null ? null : toMnok(o.nextYearQ1Investments);
      },
    },
    {
      id: 'finance.loans.requested',
      label: 'Lån det er bedt om (årets låneposter)',
      unit: 'MNOK',
      decimals: 0,
      async compute(ctx) {
        const o = await getLiquidityOverview(ctx.db, { period: ctx.period, bankBalanceAt: noBankBalance });
        return o.loans.length === 0 ? null : toMnok(o.loans.reduce((sum, l) => sum + l.requested, 0));
      },
    },
    {
      id: 'finance.loans.firstDisbursement',
      label: 'Første utbetaling av årets lån',
      unit: 'MNOK',
      decimals: 0,
      async compute(ctx) {
        const o = await getLiquidityOverview(ctx.db, { period: ctx.period, bankBalanceAt: noBankBalance });
        const first = o.loans
          .flatMap((l) => l.disbursements)
          .filter((d) => d.date.slice(0, 4) === ctx.period.slice(0, 4))
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
        return first ? toMnok(first.amount) : null;
      },
    },
    {
      id: 'finance.receivables.overdue',
      label: 'Forfalte kundefordringer',
      unit: 'MNOK',
      decimals: 1,
      async compute(ctx) {
        const a = await getReceivablesAgeing(ctx.db, { period: ctx.period });
        return a.listDate === null ? null : toMnok(a.total.overdue);
      },
    },
  ];
}
