import type { Kysely } from 'kysely';
import { withId } from '../schema.ts';

/** The employees' role (for hires by role) and the recruitment register. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('employees').addColumn('role', 'text').execute();

  await withId(db, db.schema.createTable('recruitments'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('started', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('filled_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer')
    .execute();
  await db.schema.createIndex('recruitments_position').on('recruitments').column('position').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recruitments').execute();
  await db.schema.alterTable('employees').dropColumn('role').execute();
}
