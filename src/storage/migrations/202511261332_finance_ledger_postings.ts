import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../schema.ts';

/**
 * Replaces `ledger_lines` with the leaner `ledger_postings` (SAF-T files reach millions of
 * postings; the import benchmark showed every column and index counts): company, month and
 * account number are derived (from the file, the period and the account id), one index
 * (file, period) serves the range replacement and every query, and the SQLite id is a plain
 * rowid alias (AUTOINCREMENT costs a sequence-table update per row). Existing rows are copied.
 */
export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema.createTable('ledger_postings');
  table = isSqlite(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity());
  await table
    .addColumn('ledger_file_id', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
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
  await sql`insert into ledger_postings (ledger_file_id, account_id, period, transaction_date, amount, journal_id, transaction_id, record_id, description, customer_id, supplier_id, analysis)
    select ledger_file_id, account_id, period, transaction_date, amount, journal_id, transaction_id, record_id, description, customer_id, supplier_id, analysis
    from ledger_lines order by id`.execute(db);
  await db.schema.dropTable('ledger_lines').execute();
  await db.schema.createIndex('ledger_postings_file_period').on('ledger_postings').columns(['ledger_file_id', 'period']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ledger_postings').execute();
}
