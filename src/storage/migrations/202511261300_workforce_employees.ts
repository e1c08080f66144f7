import type { Kysely } from 'kysely';
import { withId } from '../schema.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('employees'))
    .addColumn('employee_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('position_fraction', 'double precision', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('exempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit', 'text')
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('employees_employee_id').on('employees').columns(['employee_id', 'valid_from']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('employees').execute();
}
