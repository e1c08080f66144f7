import type { Kysely } from 'kysely';
import { trackTables, untrackTables } from '../data-version.ts';

/**
 * The data's version (src/storage/data-version.ts): a counter moved by triggers on every table the
 * report reads, so the report cache can key on it. A later migration that creates a table tracks it
 * too (or lists it in UNTRACKED_TABLES); test/data-version.test.ts checks.
 */
const TABLES = [
  'dispensations',
  'employees',
  'finance_forecasts',
  'finance_investment_budgets',
  'finance_investment_expected_use',
  'finance_investment_invoices',
  'finance_liquidity_forecasts',
  'finance_loan_disbursements',
  'finance_loan_facilities',
  'finance_mapping_rules',
  'finance_payment_milestones',
  'finance_receivables',
  'import_runs',
  'ledger_accounts',
  'ledger_customers',
  'ledger_files',
  'project_defect_rules',
  'project_milestone_changes',
  'project_milestones',
  'projects',
  'recruitments',
  'registered_figure_changes',
  'registered_figure_values',
  'registered_figures',
  'report_events',
  'report_narratives',
  'report_publication_files',
  'report_publications',
  'report_templates',
  'report_workflow',
  'risk_assessments',
  'risk_matrix_settings',
  'risk_revisions',
  'risks',
  'service_complaints',
  'service_hours',
  'service_outages',
  'service_volumes',
];

export async function up(db: Kysely<any>): Promise<void> {
  await trackTables(db, TABLES);
}

export async function down(db: Kysely<any>): Promise<void> {
  await untrackTables(db, TABLES);
  await db.schema.dropTable('data_generation').execute();
}
