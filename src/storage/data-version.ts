/**
 * The data's version: one counter that every committed change to report-relevant data moves, so a
 * cache (the report's, src/report/cache.ts) can key on it and an edit is visible at once, from this
 * process or any other writing to the same database.
 *
 * Triggers move it: row triggers in SQLite; in PostgreSQL deferred constraint triggers, which run at
 * commit, so a long import holds the counter's row lock only for the instant of its commit.
 * Tables that only imports write in bulk (postings, time records, calls …) carry no trigger: every
 * such write happens in the transaction that also marks its `import_runs` row succeeded, and that
 * table is tracked. test/data-version.test.ts fails on a table that is neither tracked nor listed
 * here as untracked, so a new table cannot be forgotten.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Tables whose changes do not move the version, and why. */
export const UNTRACKED_TABLES: Readonly<Record<string, string>> = {
  data_generation: 'the counter itself',
  sessions: 'sign-ins, not report data',
  audit_log: 'who did what, not report data',
  users: 'accounts, not report data',
  user_roles: 'accounts, not report data',
  api_tokens: 'accounts, not report data',
  import_lock: 'who is importing right now, not report data',
  ledger_postings: 'bulk, written only by imports (import_runs is tracked)',
  ledger_replaced_sums: 'bulk, written only by imports (import_runs is tracked)',
  time_records: 'bulk, written only by imports (import_runs is tracked)',
  absences: 'bulk, written only by imports (import_runs is tracked)',
  service_calls: 'bulk, written only by imports (import_runs is tracked)',
  service_call_stage: 'bulk, written only by imports (import_runs is tracked)',
  project_issues: 'bulk, written only by imports and Jira syncs, both with an import run',
  finance_budget_lines: 'bulk, written only by imports (import_runs is tracked)',
};

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Creates the counter (once) and its triggers on `tables`; for migrations. */
export async function trackTables(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  const postgres = isPostgres(db);
  await sql`create table if not exists data_generation (id integer primary key, generation bigint not null)`.execute(db);
  await sql`insert into data_generation (id, generation) select 1, 0 where not exists (select 1 from data_generation)`.execute(db);
  if (postgres) {
    await sql`create or replace function data_generation_bump() returns trigger language plpgsql as $$
      begin update data_generation set generation = generation + 1 where id = 1; return null; end $$`.execute(db);
  }
  for (const table of tables) {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
    if (postgres) {
      await sql
        .raw(
          `create constraint trigger data_generation_${table} after insert or update or delete on ${table}
           deferrable initially deferred for each row execute function data_generation_bump()`,
        )
        .execute(db);
      continue;
    }
    for (const event of ['insert', 'update', 'delete']) {
      await sql
        .raw(
          `create trigger if not exists data_generation_${table}_${event} after ${event} on ${table}
           begin update data_generation set generation = generation + 1 where id = 1; end`,
        )
        .execute(db);
    }
  }
}

/** Removes the triggers on `tables` (a migration's down). */
export async function untrackTables(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    if (isPostgres(db)) await sql.raw(`drop trigger if exists data_generation_${table} on ${table}`).execute(db);
    else
      for (const event of ['insert', 'update', 'delete'])
        await sql.raw(`drop trigger if exists data_generation_${table}_${event}`).execute(db);
  }
}

/** The current version; it only grows. */
export async function dataVersion(db: Kysely<any>): Promise<number> {
  const row = await sql<{ generation: number | string }>`select generation from data_generation where id = 1`.execute(db);
  return Number(row.rows[0]?.generation ?? 0);
}
