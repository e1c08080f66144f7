import type { Kysely } from 'kysely';
import { withId } from '../schema.ts';

/**
 * Ledger postings replaced by a newer import, kept as monthly sums per file, account and period, so
 * the result of a month can be computed as known at any instant (finance "as first reported").
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('ledger_replaced_sums'))
    .addColumn('ledger_file_id', 'integer', (c) => c.notNull())
    .addColumn('replaced_by_file_id', 'integer', (c) => c.notNull())
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_replaced_sums_period').on('ledger_replaced_sums').columns(['period', 'replaced_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ledger_replaced_sums').execute();
}
