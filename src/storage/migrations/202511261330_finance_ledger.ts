import type { Kysely } from 'kysely';
import { withId } from '../schema.ts';

/**
 * The general ledger as imported (SAF-T Financial or a CSV trial balance). Amounts are bigint øre,
 * debit positive. `period` is year*100 + accounting period (0 = opening entries, 13 = closing
 * entries); `month` is the calendar month the period reports in (period 0 → January, 13 → December).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('ledger_files'))
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text', (c) => c.notNull())
    .addColumn('company_name', 'text')
    .addColumn('first_period', 'integer', (c) => c.notNull())
    .addColumn('last_period', 'integer', (c) => c.notNull())
    .addColumn('audit_file_version', 'text')
    .addColumn('shape', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('replaced_by_id', 'integer')
    .execute();
  await db.schema.createIndex('ledger_files_company').on('ledger_files').columns(['company_id', 'first_period']).execute();

  await withId(db, db.schema.createTable('ledger_accounts'))
    .addColumn('ledger_file_id', 'integer', (c) => c.notNull().references('ledger_files.id').onDelete('cascade'))
    .addColumn('company_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('account_number', 'integer')
    .addColumn('description', 'text')
    .addColumn('standard_account_id', 'text')
    .addColumn('grouping_category', 'text')
    .addColumn('grouping_code', 'text')
    .addColumn('opening_balance', 'bigint')
    .addColumn('closing_balance', 'bigint')
    .execute();
  await db.schema.createIndex('ledger_accounts_file').on('ledger_accounts').columns(['ledger_file_id', 'account_number']).execute();

  await withId(db, db.schema.createTable('ledger_lines'))
    .addColumn('ledger_file_id', 'integer', (c) => c.notNull())
    .addColumn('company_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('account_number', 'integer')
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('transaction_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('journal_id', 'text')
    .addColumn('transaction_id', 'text')
    .addColumn('record_id', 'text')
    .addColumn('description', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('supplier_id', 'text')
    .addColumn('analysis', 'text')
    .execute();
  await db.schema.createIndex('ledger_lines_company_period').on('ledger_lines').columns(['company_id', 'period']).execute();
  await db.schema.createIndex('ledger_lines_month_account').on('ledger_lines').columns(['month', 'account_number']).execute();

  await withId(db, db.schema.createTable('ledger_customers'))
    .addColumn('ledger_file_id', 'integer', (c) => c.notNull().references('ledger_files.id').onDelete('cascade'))
    .addColumn('company_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('registration_number', 'text')
    .addColumn('account_id', 'text')
    .addColumn('opening_balance', 'bigint')
    .addColumn('closing_balance', 'bigint')
    .execute();
  await db.schema.createIndex('ledger_customers_file').on('ledger_customers').column('ledger_file_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ledger_customers').execute();
  await db.schema.dropTable('ledger_lines').execute();
  await db.schema.dropTable('ledger_accounts').execute();
  await db.schema.dropTable('ledger_files').execute();
}
