/** The capital figures of a period, read once and turned into the report's table blocks (report and web). */
import type { ReportBlockProvider, TableBlock } from '../report/blocks.ts';
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { type BankBalanceSource, getInvestmentOverview, getLiquidityOverview, getReceivablesAgeing } from './capital.queries.ts';
import { investmentsTable, liquidityTable, receivablesTable } from './capital.section.ts';
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

export function liquidityBlock(v: CapitalView): TableBlock | null {
  const l = v.liquidity;
  return l.bankBalance === null && l.yearEndForecast === null && l.loans.length === 0 ? null : liquidityTable(l);
}

export function receivablesBlock(v: CapitalView): TableBlock | null {
  return v.receivables.listDate === null ? null : receivablesTable(v.receivables);
}

export const CAPITAL_BLOCKS = {
  'finance-investments': investmentsBlock,
  'finance-liquidity': liquidityBlock,
  'finance-receivables': receivablesBlock,
} as const;

export type CapitalBlockId = keyof typeof CAPITAL_BLOCKS;

export function isCapitalBlockId(id: string): id is CapitalBlockId {
  return Object.hasOwn(CAPITAL_BLOCKS, id);
}

export function capitalReportBlocks(options: { bankBalanceAt: BankBalanceSource }): ReportBlockProvider[] {
  return (Object.keys(CAPITAL_BLOCKS) as CapitalBlockId[]).map((id) => ({
    id,
    async build(ctx) {
      const block = CAPITAL_BLOCKS[id](await capitalView(ctx.db, { period: ctx.period, bankBalanceAt: options.bankBalanceAt }));
      return block ? [block] : [];
    },
  }));
}
