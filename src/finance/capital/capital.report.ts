/** The capital figures of a period, read once and turned into the report's table blocks (report and web). */
import type { ReportBlockProvider, TableBlock } from '../../report/blocks.ts';
import type { YearMonth } from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';
import { type BankBalanceSource, getInvestmentOverview, getLiquidityOverview, getReceivablesAgeing } from './capital.queries.ts';
import { investmentsRemainingTable, investmentsTable, liquidityTable, receivablesTable } from './capital.section.ts';
import type { LiquidityOverview } from './capital.ts';
import type { InvestmentOverview } from './capital-investments.ts';
import type { ReceivablesAgeing } from './capital-receivables.ts';

export interface CapitalView {
  investments: InvestmentOverview;
  liquidity: LiquidityOverview;
  receivables: ReceivablesAgeing;
}

export async function capitalView(db: Db, options: { period: YearMonth; bankBalanceAt: BankBalanceSource }): Promise<CapitalView> {
  const [investments, liquidity, receivables] = await Promise.all([
    getInvestmentOverview(db, options),
    getLiquidityOverview(db, options),
    getReceivablesAgeing(db, options),
  ]);
  return { investments, liquidity, receivables };
}

/** Each table, or null when the period has no data for it. */
export function investmentsBlock(v: CapitalView): TableBlock | null {
  return v.investments.budgetYears.length === 0 ? null : investmentsTable(v.investments);
}

export function investmentsRemainingBlock(v: CapitalView): TableBlock | null {
  return v.investments.budgetYears.length === 0 ? null : investmentsRemainingTable(v.investments);
}

export function liquidityBlock(v: CapitalView): TableBlock | null {
  const l = v.liquidity;
  return l.bankBalance === null && l.yearEndForecast === null && l.loans.length === 0 ? null : liquidityTable(l);
}

export function receivablesBlock(v: CapitalView): TableBlock | null {
  return v.receivables.listDate === null ? null : receivablesTable(v.receivables);
}

/** Every table by its block id (the web page's download names). */
export const CAPITAL_TABLES = {
  'finance-investments': investmentsBlock,
  'finance-investments-remaining': investmentsRemainingBlock,
  'finance-liquidity': liquidityBlock,
  'finance-receivables': receivablesBlock,
} as const;

export type CapitalTableId = keyof typeof CAPITAL_TABLES;

export function isCapitalTableId(id: string): id is CapitalTableId {
  return Object.hasOwn(CAPITAL_TABLES, id);
}

/** The report's providers (template slots) and the tables each places. */
const PROVIDERS: Record<string, CapitalTableId[]> = {
  'finance-investments': ['finance-investments', 'finance-investments-remaining'],
  'finance-liquidity': ['finance-liquidity'],
  'finance-receivables': ['finance-receivables'],
};

export function capitalReportBlocks(options: { bankBalanceAt: BankBalanceSource }): ReportBlockProvider[] {
  return Object.entries(PROVIDERS).map(([id, tables]) => ({
    id,
    async build(ctx) {
      const view = await capitalView(ctx.db, { period: ctx.period, bankBalanceAt: options.bankBalanceAt });
      return tables.map((t) => CAPITAL_TABLES[t](view)).filter((b): b is TableBlock => b !== null);
    },
  }));
}
