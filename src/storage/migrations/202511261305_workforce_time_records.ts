import type { Kysely } from 'kysely';
import { withId } from '../schema.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('time_records'))
    .addColumn('employee_id', 'text', (c) => c.notNull())
    .addColumn('start_ms', 'bigint', (c) => c.notNull())
    .addColumn('end_ms', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cause', 'text')
    .addColumn('registered_ms', 'bigint', (c) => c.notNull())
    .addColumn('record_key', 'text', (c) => c.notNull().unique())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('time_records_employee_start').on('time_records').columns(['employee_id', 'start_ms']).execute();
  await withId(db, db.schema.createTable('dispensations'))
    .addColumn('employee_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('dispensation_key', 'text', (c) => c.notNull().unique())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dispensations_employee').on('dispensations').column('employee_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dispensations').execute();
  await db.schema.dropTable('time_records').execute();
}
