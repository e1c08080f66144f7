import type { Generated } from 'kysely';

/** One category mapping rule: an explicit account (`account`) or an inclusive range. */
export interface FinanceMappingRuleTable {
  id: Generated<number>;
  /** Order within the rule set (explicit accounts are always tried before ranges). */
  position: number;
  category: string;
  account: string | null;
  range_from: number | null;
  range_to: number | null;
  updated_at: string;
  updated_by: string;
}

/** Budget for one category and month, in øre, income and costs both positive (Finansposter: net cost). */
export interface FinanceBudgetLineTable {
  id: Generated<number>;
  year: number;
  month: number;
  category: string;
  amount: number;
  /** 'monthly' (given per month) or the periodisation profile of an annual amount: 'even', 'working-days', 'weights'. */
  profile: string;
  import_run_id: number | null;
}

/** The expected annual total of a category as seen in a report period, with the reason for its deviation. */
export interface FinanceForecastTable {
  id: Generated<number>;
  /** Report period "YYYY-MM" the forecast was made in. */
  period: string;
  category: string;
  /** Øre, same sign convention as the budget. */
  amount: number;
  comment: string;
  updated_at: string;
  updated_by: string;
  import_run_id: number | null;
}

export interface FinancePlanTables {
  finance_mapping_rules: FinanceMappingRuleTable;
  finance_budget_lines: FinanceBudgetLineTable;
  finance_forecasts: FinanceForecastTable;
}
