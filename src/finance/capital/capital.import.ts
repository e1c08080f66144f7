/** The seven capital importers (`styrerom import <kind> <file>`); formats in docs/import-formats/finance-capital.md. */
import { problem } from '../../imports/decode.ts';
import type { Importer } from '../../imports/imports.ts';
import { defineTableImporter } from '../../imports/table-importer.ts';
import {
  DISBURSEMENT_COLUMNS,
  type DisbursementRow,
  duplicateKeys,
  LIQUIDITY_FORECAST_COLUMNS,
  type LiquidityForecastRow,
  LOAN_COLUMNS,
  type LoanRow,
  parseDisbursementRow,
  parseLiquidityForecastRow,
  parseLoanRow,
} from './capital.parse.ts';
import {
  checkInvestmentBudgets,
  INVESTMENT_BUDGET_COLUMNS,
  INVESTMENT_INVOICE_COLUMNS,
  type InvestmentBudgetRow,
  type InvestmentInvoiceRow,
  PAYMENT_MILESTONE_COLUMNS,
  type PaymentMilestoneRow,
  parseInvestmentBudgetRow,
  parseInvestmentInvoiceRow,
  parsePaymentMilestoneRow,
} from './capital-investments.parse.ts';
import { checkReceivables, parseReceivableRow, RECEIVABLE_COLUMNS, type ReceivableRow } from './capital-receivables.parse.ts';
import {
  replaceInvestmentBudgets,
  replaceInvestmentInvoices,
  replaceLiquidityForecasts,
  replaceLoanDisbursements,
  replaceLoanFacilities,
  replacePaymentMilestones,
  replaceReceivables,
} from './capital-store.ts';

export const investmentBudgetsImporter = defineTableImporter<InvestmentBudgetRow>({
  kind: 'investment-budgets',
  label: 'Investeringsbudsjett',
  description:
    'Investment budgets: budget_year;project;approved;uncertainty_reserve;expected_use_year;expected_use (replaces the budget years in the file)',
  columns: INVESTMENT_BUDGET_COLUMNS,
  parseRow: parseInvestmentBudgetRow,
  validate: (rows, ctx) => checkInvestmentBudgets(ctx.source.fileName, rows),
  write: (trx, rows, ctx) => replaceInvestmentBudgets(trx, rows, ctx.runId),
});

export const paymentMilestonesImporter = defineTableImporter<PaymentMilestoneRow>({
  kind: 'payment-milestones',
  label: 'Betalingsmilepæler',
  description: 'Payment milestones: budget_year;project;milestone;amount;planned_date;paid_date (replaces the projects in the file)',
  columns: PAYMENT_MILESTONE_COLUMNS,
  parseRow: parsePaymentMilestoneRow,
  validate: (rows, ctx) =>
    duplicateKeys(ctx.source.fileName, rows, {
      keyOf: (r) => `${r.budgetYear}\u0000${r.project}\u0000${r.milestone}`,
      column: 'milestone',
      describe: (r) => `milepælen ${r.milestone} (${r.project} ${r.budgetYear})`,
    }),
  write: (trx, rows, ctx) => replacePaymentMilestones(trx, rows, ctx.runId),
});

export const investmentInvoicesImporter = defineTableImporter<InvestmentInvoiceRow>({
  kind: 'investment-invoices',
  label: 'Investeringsfakturaer',
  description:
    'Investment invoices received: invoice_date;project;budget_year;amount;invoice_no (replaces the invoice numbers in the file)',
  columns: INVESTMENT_INVOICE_COLUMNS,
  parseRow: parseInvestmentInvoiceRow,
  validate: (rows, ctx) =>
    duplicateKeys(ctx.source.fileName, rows, {
      keyOf: (r) => `${r.invoiceNo}\u0000${r.project}\u0000${r.budgetYear}`,
      column: 'invoice_no',
      describe: (r) => `faktura ${r.invoiceNo} (${r.project} ${r.budgetYear})`,
    }),
  write: (trx, rows, ctx) => replaceInvestmentInvoices(trx, rows, ctx.runId),
});

export const loansImporter = defineTableImporter<LoanRow>({
  kind: 'loans',
  label: 'Låneramme',
  description: 'Loan facilities: facility;requested;purpose (replaces the facilities in the file)',
  columns: LOAN_COLUMNS,
  parseRow: parseLoanRow,
  validate: (rows, ctx) =>
    duplicateKeys(ctx.source.fileName, rows, { keyOf: (r) => r.facility, column: 'facility', describe: (r) => `lånerammen ${r.facility}` }),
  write: (trx, rows, ctx) => replaceLoanFacilities(trx, rows, ctx.runId),
});

export const loanDisbursementsImporter = defineTableImporter<DisbursementRow>({
  kind: 'loan-disbursements',
  label: 'Låneutbetalinger',
  description:
    'Loan disbursements: facility;date;amount;status (planned|actual); replaces every disbursement of the facilities in the file',
  columns: DISBURSEMENT_COLUMNS,
  parseRow: parseDisbursementRow,
  async validate(rows, ctx) {
    const known = new Set((await ctx.trx.selectFrom('finance_loan_facilities').select('facility').execute()).map((r) => r.facility));
    return rows
      .filter((r) => !known.has(r.row.facility))
      .map((r) =>
        problem(
          ctx.source.fileName,
          `ukjent låneramme «${r.row.facility}»; importer lånerammen (loans) først`,
          `unknown loan facility "${r.row.facility}"; import it (loans) first`,
          { line: r.line, column: 'facility' },
        ),
      );
  },
  write: (trx, rows, ctx) => replaceLoanDisbursements(trx, rows, ctx.runId),
});

export const liquidityForecastImporter = defineTableImporter<LiquidityForecastRow>({
  kind: 'liquidity-forecast',
  label: 'Likviditetsprognose',
  description:
    'Year-end liquidity forecast per period: period;year_end_forecast[;next_year_q1_investments] (replaces the periods in the file)',
  columns: LIQUIDITY_FORECAST_COLUMNS,
  parseRow: parseLiquidityForecastRow,
  validate: (rows, ctx) =>
    duplicateKeys(ctx.source.fileName, rows, { keyOf: (r) => r.period, column: 'period', describe: (r) => `perioden ${r.period}` }),
  write: (trx, rows, ctx) => replaceLiquidityForecasts(trx, rows, ctx.runId),
});

export const receivablesImporter = defineTableImporter<ReceivableRow>({
  kind: 'receivables',
  label: 'Kundereskontro (åpne poster)',
  description:
    'Open receivable items: customer;customer_type (helseforetak|kommune|annen);invoice_no;invoice_date;due_date;amount;outstanding[;as_of] (replaces the list of that date)',
  columns: RECEIVABLE_COLUMNS,
  parseRow: parseReceivableRow,
  validate: (rows, ctx) => checkReceivables(ctx.source.fileName, rows),
  write: (trx, rows, ctx) => replaceReceivables(trx, rows, ctx.runId),
});

export const capitalImporters: Importer[] = [
  investmentBudgetsImporter,
  paymentMilestonesImporter,
  investmentInvoicesImporter,
  loansImporter,
  loanDisbursementsImporter,
  liquidityForecastImporter,
  receivablesImporter,
];
