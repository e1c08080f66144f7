import type { Kysely } from 'kysely';
import { withId } from '../schema.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('absences'))
    .addColumn('employee_id', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('grade', 'double precision', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('absences_employee_from').on('absences').columns(['employee_id', 'from_date']).execute();
  await db.schema.createIndex('absences_to_date').on('absences').column('to_date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('absences').execute();
}
