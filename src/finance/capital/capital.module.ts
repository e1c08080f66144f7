/**
 * Finance, the capital half: investments per budget year, liquidity and loans, receivables ageing
 * (finance spec §5–7). Imports, KPIs, API, web page, report blocks and demo data.
 */
import type { DomainModule } from '../../module.ts';
import { runCapitalDemo } from '../demo/capital.demo.ts';
import { capitalImporters } from './capital.import.ts';
import { capitalKpis } from './capital.kpis.ts';
import { type BankBalanceSource, ledgerBankBalance } from './capital.queries.ts';
import { capitalReportBlocks } from './capital.report.ts';
import { capitalRoutes } from './capital.routes.ts';
import { CAPITAL_PATH, capitalWeb } from './capital.web.ts';

/** `bankBalanceAt` defaults to the ledger (accounts 1900–1999); tests pass their own. */
export function financeCapitalModule(options: { bankBalanceAt?: BankBalanceSource } = {}): DomainModule {
  const bankBalanceAt = options.bankBalanceAt ?? ledgerBankBalance;
  return {
    id: 'financeCapital',
    nav: [{ path: CAPITAL_PATH, label: 'Investeringer og likviditet', order: 21 }],
    kpis: capitalKpis(),
    importers: capitalImporters,
    api: capitalRoutes({ bankBalanceAt }),
    web: capitalWeb({ bankBalanceAt }),
    demo: { order: 16, run: runCapitalDemo },
    report: capitalReportBlocks({ bankBalanceAt }),
  };
}

export const financeCapital: DomainModule = financeCapitalModule();
