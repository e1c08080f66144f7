/** Safety around the demo's database: an explicit database with data is only wiped on --reset. */
import { sql } from 'kysely';
import { AppError } from '../shared/errors.ts';
import { type Db, openDatabase } from '../storage/db.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { isSqlite } from '../storage/schema.ts';

async function userTables(db: Db): Promise<{ schema: string | undefined; name: string }[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  return tables.filter((t) => !t.isView).map((t) => ({ schema: t.schema, name: t.name }));
}

function ref(t: { schema: string | undefined; name: string }) {
  return sql.table(t.schema ? `${t.schema}.${t.name}` : t.name);
}

async function rowCount(db: Db, t: { schema: string | undefined; name: string }): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from ${ref(t)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Rows per table right after migrating an empty database (some migrations seed settings). */
async function seededRowCounts(): Promise<Map<string, number>> {
  const fresh = openDatabase('sqlite::memory:');
  try {
    await migrateToLatest(fresh.db);
    const counts = new Map<string, number>();
    for (const t of await userTables(fresh.db)) counts.set(t.name, await rowCount(fresh.db, t));
    return counts;
  } finally {
    await fresh.close();
  }
}

/** True when a table holds more rows than migrations alone put there (Kysely's bookkeeping aside). */
export async function hasData(db: Db): Promise<boolean> {
  const seeded = await seededRowCounts();
  for (const t of await userTables(db)) {
    if (t.name.startsWith('kysely_migration')) continue;
    if ((await rowCount(db, t)) > (seeded.get(t.name) ?? 0)) return true;
  }
  return false;
}

/** Drops every table (migration bookkeeping included) so migrations start from scratch. */
export async function dropAllTables(db: Db): Promise<void> {
  const tables = await userTables(db);
  if (isSqlite(db)) {
    await sql`PRAGMA foreign_keys = OFF`.execute(db);
    for (const t of tables) await sql`drop table if exists ${ref(t)}`.execute(db);
    await sql`PRAGMA foreign_keys = ON`.execute(db);
    return;
  }
  for (const t of tables.filter((t) => t.schema === 'public' || t.schema === undefined)) {
    await sql`drop table if exists ${ref(t)} cascade`.execute(db);
  }
}

export async function prepareExplicitDatabase(db: Db, opts: { description: string; reset: boolean }): Promise<void> {
  if (!(await hasData(db))) return;
  if (!opts.reset) {
    throw new AppError(
      'CONFLICT',
      `Databasen ${opts.description} inneholder allerede data. Demoen sletter alt i den: bruk --reset hvis det er meningen, eller dropp --database for å bruke den egne demodatabasen`,
    );
  }
  await dropAllTables(db);
}
