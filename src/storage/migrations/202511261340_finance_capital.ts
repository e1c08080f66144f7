import type { Kysely } from 'kysely';
import { withId } from '../schema.ts';

/** Investments, payment milestones, investment invoices, loans, liquidity forecasts and receivables. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('finance_investment_budgets'))
    .addColumn('budget_year', 'integer', (c) => c.notNull())
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('approved_ore', 'bigint', (c) => c.notNull())
    .addColumn('reserve_ore', 'bigint', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('finance_investment_budgets_key')
    .on('finance_investment_budgets')
    .columns(['budget_year', 'project'])
    .unique()
    .execute();

  await withId(db, db.schema.createTable('finance_investment_expected_use'))
    .addColumn('budget_year', 'integer', (c) => c.notNull())
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('use_year', 'integer', (c) => c.notNull())
    .addColumn('amount_ore', 'bigint', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('finance_investment_expected_use_key')
    .on('finance_investment_expected_use')
    .columns(['budget_year', 'project', 'use_year'])
    .unique()
    .execute();

  await withId(db, db.schema.createTable('finance_payment_milestones'))
    .addColumn('budget_year', 'integer', (c) => c.notNull())
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('milestone', 'text', (c) => c.notNull())
    .addColumn('amount_ore', 'bigint', (c) => c.notNull())
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('paid_date', 'text')
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('finance_payment_milestones_key')
    .on('finance_payment_milestones')
    .columns(['budget_year', 'project', 'milestone'])
    .unique()
    .execute();

  await withId(db, db.schema.createTable('finance_investment_invoices'))
    .addColumn('invoice_no', 'text', (c) => c.notNull())
    .addColumn('invoice_date', 'text', (c) => c.notNull())
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('budget_year', 'integer', (c) => c.notNull())
    .addColumn('amount_ore', 'bigint', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finance_investment_invoices_no').on('finance_investment_invoices').columns(['invoice_no']).execute();

  await withId(db, db.schema.createTable('finance_loan_facilities'))
    .addColumn('facility', 'text', (c) => c.notNull().unique())
    .addColumn('requested_ore', 'bigint', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('finance_loan_disbursements'))
    .addColumn('facility', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount_ore', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('finance_loan_disbursements_facility')
    .on('finance_loan_disbursements')
    .columns(['facility', 'date'])
    .execute();

  await withId(db, db.schema.createTable('finance_liquidity_forecasts'))
    .addColumn('period', 'text', (c) => c.notNull().unique())
    .addColumn('year_end_forecast_ore', 'bigint', (c) => c.notNull())
    .addColumn('next_year_q1_investments_ore', 'bigint')
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('finance_receivables'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('customer', 'text', (c) => c.notNull())
    .addColumn('customer_type', 'text', (c) => c.notNull())
    .addColumn('invoice_no', 'text', (c) => c.notNull())
    .addColumn('invoice_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amount_ore', 'bigint', (c) => c.notNull())
    .addColumn('outstanding_ore', 'bigint', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finance_receivables_as_of').on('finance_receivables').columns(['as_of', 'invoice_no']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'finance_receivables',
    'finance_liquidity_forecasts',
    'finance_loan_disbursements',
    'finance_loan_facilities',
    'finance_investment_invoices',
    'finance_payment_milestones',
    'finance_investment_expected_use',
    'finance_investment_budgets',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
