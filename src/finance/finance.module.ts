/**
 * Finance, the ledger half (spec finance §1–§4): SAF-T and trial-balance imports, category
 * mapping, budget and forecast, the result table (CLI, API, web, report) and its KPIs. The capital
 * half (investments, liquidity forecast, loans, receivables) is `financeCapital`.
 */
import type { DomainModule } from '../module.ts';
import { runFinanceDemo } from './demo/finance.demo.ts';
import { financeReportBlocks } from './finance.blocks.ts';
import { financeMappingCommand, financeTableCommand } from './finance.commands.ts';
import { financeKpis } from './finance.kpis.ts';
import { financeRoutes } from './finance.routes.ts';
import { FINANCE_PATH, financeWeb } from './finance.web.ts';
import { financeRestatementBlock } from './finance-restatement.ts';
import { saftImporter } from './ledger/saft.import.ts';
import { trialBalanceImporter } from './ledger/trial-balance.import.ts';
import { annualBudgetImporter, budgetImporter, forecastImporter, mappingImporter } from './plan/plan.import.ts';

export const finance: DomainModule = {
  id: 'finance',
  nav: [{ path: FINANCE_PATH, label: 'Økonomi', order: 20 }],
  kpis: financeKpis,
  importers: [saftImporter, trialBalanceImporter, budgetImporter, annualBudgetImporter, forecastImporter, mappingImporter],
  api: financeRoutes,
  web: financeWeb,
  commands: [financeTableCommand, financeMappingCommand],
  demo: { order: 15, run: runFinanceDemo },
  report: [...financeReportBlocks, financeRestatementBlock],
};
