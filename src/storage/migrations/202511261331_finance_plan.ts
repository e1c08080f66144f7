import type { Kysely } from 'kysely';
import { withId } from '../schema.ts';

/** Category mapping rules, budget lines (monthly, øre) and forecasts (per report period). */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('finance_mapping_rules'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('account', 'text')
    .addColumn('range_from', 'integer')
    .addColumn('range_to', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('finance_budget_lines'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer')
    .execute();
  await db.schema.createIndex('finance_budget_year').on('finance_budget_lines').columns(['year', 'category', 'month']).execute();

  await withId(db, db.schema.createTable('finance_forecasts'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer')
    .execute();
  await db.schema.createIndex('finance_forecasts_period').on('finance_forecasts').columns(['period', 'category']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('finance_forecasts').execute();
  await db.schema.dropTable('finance_budget_lines').execute();
  await db.schema.dropTable('finance_mapping_rules').execute();
}
