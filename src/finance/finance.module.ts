/**
 * Finance, the ledger half (spec finance §1–§4): SAF-T and trial-balance imports, category
 * mapping, budget and forecast, the result table (CLI, API, web, report) and its KPIs. The capital
 * half (investments, liquidity forecast, loans, receivables) is `financeCapital`.
 */
import type { DomainModule } from '../module.ts';
import { financeReportBlocks } from './finance.blocks.ts';
import { financeMappingCommand, financeTableCommand } from './finance.commands.ts';
import { runFinanceDemo } from './finance.demo.ts';
import { financeKpis } from './finance.kpis.ts';
import { financeRoutes } from './finance.routes.ts';
import { FINANCE_PATH, financeWeb } from './finance.web.ts';
import { annualBudgetImporter, budgetImporter, forecastImporter, mappingImporter } from './plan.import.ts';
import { saftImporter } from './saft.import.ts';
import { trialBalanceImporter } from './trial-balance.import.ts';

export const finance: DomainModule = {
  id: 'finance',
  nav: [{ path: FINANCE_PATH, label: 'Økonomi', order: 20 }],
  kpis: financeKpis,
  importers: [saftImporter, trialBalanceImporter, budgetImporter, annualBudgetImporter, forecastImporter, mappingImporter],
  api: financeRoutes,
  web: financeWeb,
  commands: [financeTableCommand, financeMappingCommand],
  demo: { order: 15, run: runFinanceDemo },
  report: financeReportBlocks,
};
