import type { Kysely } from 'kysely';
import { withId } from '../schema.ts';

/** Registered figures (numbers without a source system), their values per period and the audit of every change. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('registered_figures'))
    .addColumn('figure_id', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('registered_figure_values'))
    .addColumn('figure_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer')
    .execute();
  await db.schema
    .createIndex('registered_figure_values_key')
    .on('registered_figure_values')
    .columns(['figure_id', 'period'])
    .unique()
    .execute();

  await withId(db, db.schema.createTable('registered_figure_changes'))
    .addColumn('figure_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value_before', 'double precision')
    .addColumn('value_after', 'double precision', (c) => c.notNull())
    .addColumn('source_before', 'text')
    .addColumn('source_after', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer')
    .execute();
  await db.schema
    .createIndex('registered_figure_changes_key')
    .on('registered_figure_changes')
    .columns(['figure_id', 'period', 'changed_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registered_figure_changes').execute();
  await db.schema.dropTable('registered_figure_values').execute();
  await db.schema.dropTable('registered_figures').execute();
}
