import type { Generated } from 'kysely';

/** Money columns are integer øre; dates are YYYY-MM-DD text; every row knows the import run that wrote it. */

/** One project's approved amount in one investment budget year (the reserve is part of `approved_ore`). */
export interface InvestmentBudgetTable {
  id: Generated<number>;
  budget_year: number;
  project: string;
  approved_ore: number;
  reserve_ore: number;
  import_run_id: number;
}

/** How much of a budget year's project money is expected to be used in `use_year`. */
export interface InvestmentExpectedUseTable {
  id: Generated<number>;
  budget_year: number;
  project: string;
  use_year: number;
  amount_ore: number;
  import_run_id: number;
}

export interface PaymentMilestoneTable {
  id: Generated<number>;
  budget_year: number;
  project: string;
  milestone: string;
  amount_ore: number;
  planned_date: string;
  /** null = not paid yet */
  paid_date: string | null;
  import_run_id: number;
}

export interface InvestmentInvoiceTable {
  id: Generated<number>;
  invoice_no: string;
  invoice_date: string;
  project: string;
  budget_year: number;
  amount_ore: number;
  import_run_id: number;
}

export interface LoanFacilityTable {
  id: Generated<number>;
  facility: string;
  requested_ore: number;
  purpose: string | null;
  import_run_id: number;
}

export interface LoanDisbursementTable {
  id: Generated<number>;
  facility: string;
  date: string;
  amount_ore: number;
  status: 'planned' | 'actual';
  import_run_id: number;
}

/** The year-end liquidity forecast entered for a period ("YYYY-MM"). */
export interface LiquidityForecastTable {
  id: Generated<number>;
  period: string;
  year_end_forecast_ore: number;
  /** Investments expected in the first quarter of the next year (explains the forecast); optional. */
  next_year_q1_investments_ore: number | null;
  import_run_id: number;
}

/** One open item of a receivables (kundereskontro) list extracted on `as_of`. */
export interface ReceivableTable {
  id: Generated<number>;
  as_of: string;
  customer: string;
  customer_type: 'helseforetak' | 'kommune' | 'annen';
  invoice_no: string;
  invoice_date: string;
  due_date: string;
  amount_ore: number;
  outstanding_ore: number;
  import_run_id: number;
}

export interface FinanceCapitalTables {
  finance_investment_budgets: InvestmentBudgetTable;
  finance_investment_expected_use: InvestmentExpectedUseTable;
  finance_payment_milestones: PaymentMilestoneTable;
  finance_investment_invoices: InvestmentInvoiceTable;
  finance_loan_facilities: LoanFacilityTable;
  finance_loan_disbursements: LoanDisbursementTable;
  finance_liquidity_forecasts: LiquidityForecastTable;
  finance_receivables: ReceivableTable;
}
