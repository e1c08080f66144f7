import type { Generated } from 'kysely';

/** One imported ledger source: a SAF-T file or a CSV trial balance. */
export interface LedgerFileTable {
  id: Generated<number>;
  import_run_id: number;
  source: 'saf-t' | 'trial-balance';
  /** Organisation number from the SAF-T header; '' for a trial balance. */
  company_id: string;
  company_name: string | null;
  /** year*100 + period, inclusive (a selection starting in period 1 starts at period 0). */
  first_period: number;
  last_period: number;
  audit_file_version: string | null;
  /** '1.10' (StandardAccountID shape), '1.30' (GroupingCategory shape) or 'csv'. */
  shape: string;
  file_name: string;
  imported_at: string;
  /** Set when a newer file of the same company covered this file's whole range. */
  replaced_by_id: number | null;
}

/** An account of a ledger file, with balances at the start and end of the file's range (øre, debit positive). */
export interface LedgerAccountTable {
  id: Generated<number>;
  ledger_file_id: number;
  company_id: string;
  account_id: string;
  /** The account id as a number when it is all digits (for range rules); else null. */
  account_number: number | null;
  description: string | null;
  standard_account_id: string | null;
  grouping_category: string | null;
  grouping_code: string | null;
  opening_balance: number | null;
  closing_balance: number | null;
}

/**
 * One posting (table `ledger_postings`). For a trial balance, one row per year/month/account(/cost
 * centre) with the net amount. Company, report month and account number are derived: from the
 * ledger file, the period (0 → January, 13 → December) and the account id.
 */
export interface LedgerPostingTable {
  id: Generated<number>;
  ledger_file_id: number;
  account_id: string;
  /** year*100 + accounting period (0..13). */
  period: number;
  transaction_date: string;
  /** Øre, debit positive, credit negative. */
  amount: number;
  journal_id: string | null;
  transaction_id: string | null;
  record_id: string | null;
  description: string | null;
  customer_id: string | null;
  supplier_id: string | null;
  /** JSON array of { type, id, amount? } (SAF-T Analysis, or the trial balance cost centre). */
  analysis: string | null;
}

/**
 * The columns of a posting tuple, in order (the SAF-T import builds tuples directly: millions of rows).
 * Here rather than in ledger.queries.ts so the SAF-T worker thread loads no query builder.
 */
export const POSTING_COLUMNS = [
  'ledger_file_id',
  'account_id',
  'period',
  'transaction_date',
  'amount',
  'journal_id',
  'transaction_id',
  'record_id',
  'description',
  'customer_id',
  'supplier_id',
  'analysis',
] as const;

export interface LedgerCustomerTable {
  id: Generated<number>;
  ledger_file_id: number;
  company_id: string;
  customer_id: string;
  name: string | null;
  registration_number: string | null;
  account_id: string | null;
  opening_balance: number | null;
  closing_balance: number | null;
}

/**
 * Postings deleted when a newer import replaced their range, kept as sums per original file, account
 * and period (cheap to copy), so a month's result can be computed as known at any instant.
 */
export interface LedgerReplacedSumTable {
  id: Generated<number>;
  /** The ledger file the postings came from. */
  ledger_file_id: number;
  /** The ledger file whose import replaced them. */
  replaced_by_file_id: number;
  /** That file's imported_at: before this instant the postings were known. */
  replaced_at: string;
  account_id: string;
  period: number;
  /** Øre, debit positive. */
  amount: number;
}

export interface LedgerTables {
  ledger_replaced_sums: LedgerReplacedSumTable;
  ledger_files: LedgerFileTable;
  ledger_accounts: LedgerAccountTable;
  ledger_postings: LedgerPostingTable;
  ledger_customers: LedgerCustomerTable;
}
