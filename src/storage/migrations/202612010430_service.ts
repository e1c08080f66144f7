import type { Kysely } from 'kysely';
import { withId } from '../schema.ts';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per call, a (callid, queue) pair; imports merge into it so overlapping files count once.
  const callColumns = (t: any) =>
    t
      .addColumn('call_id', 'text', (c: any) => c.notNull())
      .addColumn('queue', 'text', (c: any) => c.notNull())
      .addColumn('direction', 'text', (c: any) => c.notNull())
      .addColumn('entered_at', 'bigint')
      .addColumn('outcome', 'text')
      .addColumn('outcome_at', 'bigint')
      .addColumn('wait_seconds', 'double precision')
      .addColumn('talk_seconds', 'double precision')
      .addColumn('import_run_id', 'integer', (c: any) => c.notNull());
  await callColumns(withId(db, db.schema.createTable('service_calls'))).execute();
  await db.schema.createIndex('service_calls_key').unique().on('service_calls').columns(['call_id', 'queue']).execute();
  await db.schema.createIndex('service_calls_entered').on('service_calls').column('entered_at').execute();
  // Staging for one batch of a streaming import, merged into service_calls and emptied (inside the import's transaction).
  await callColumns(db.schema.createTable('service_call_stage')).execute();

  await withId(db, db.schema.createTable('service_outages'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('start_ms', 'bigint', (c) => c.notNull())
    .addColumn('end_ms', 'bigint', (c) => c.notNull())
    .addColumn('planned', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_outages_key')
    .unique()
    .on('service_outages')
    .columns(['service', 'start_ms', 'end_ms', 'planned'])
    .execute();

  await withId(db, db.schema.createTable('service_hours'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('from_minute', 'integer', (c) => c.notNull())
    .addColumn('to_minute', 'integer', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_hours_service').on('service_hours').column('service').execute();

  await withId(db, db.schema.createTable('service_volumes'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('vendor', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_volumes_key').unique().on('service_volumes').columns(['month', 'service', 'vendor']).execute();

  await withId(db, db.schema.createTable('service_complaints'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('customer', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_complaints_key')
    .unique()
    .on('service_complaints')
    .columns(['date', 'customer', 'category', 'summary'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['service_complaints', 'service_volumes', 'service_hours', 'service_outages', 'service_call_stage', 'service_calls']) {
    await db.schema.dropTable(t).execute();
  }
}
