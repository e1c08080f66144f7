import { type Kysely, sql } from 'kysely';

/**
 * `import_runs.encoding`: the text encoding a CSV was read as (`utf-8`, `windows-1252`, …; null for
 * XLSX, XML and runs before it was kept). `import_lock`: at most one row (id 1), held by the process
 * running an import, so a second import into the same database is refused at once ("import pågår")
 * instead of queueing behind the first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_runs').addColumn('encoding', 'text').execute();
  await db.schema
    .createTable('import_lock')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sqlIdIsOne()))
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('acquired_at', 'text', (c) => c.notNull())
    .execute();
}

function sqlIdIsOne() {
  return sql`id = 1`;
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_lock').execute();
  await db.schema.alterTable('import_runs').dropColumn('encoding').execute();
}
