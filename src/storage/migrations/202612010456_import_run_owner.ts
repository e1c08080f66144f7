import type { Kysely } from 'kysely';

/**
 * `import_runs.owner` = "<host>:<pid>" of the process running the import, so a process starting
 * later can tell a run whose process died (kill -9, power loss) from one still running elsewhere.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_runs').addColumn('owner', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_runs').dropColumn('owner').execute();
}
