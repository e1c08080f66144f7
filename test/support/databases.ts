/**
 * The dialect matrix: storage tests run on SQLite always and on PostgreSQL when
 * TEST_POSTGRES_URL names a server (CI always sets it; see .ci/run). Without it, a local run lists the
 * PostgreSQL blocks as skipped with the reason (test/support/layers.ts). Each opened database is
 * fresh and migrated; PostgreSQL gets a new database per call, dropped on close.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type DialectName, type OpenDatabase, openDatabase } from '../../src/storage/db.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { describeLayer, postgresMissing } from './layers.ts';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL;

/**
 * Every dialect with the reason it cannot run here (undefined when it can): a local run without
 * PostgreSQL registers those blocks as skipped, with the reason, instead of leaving them out.
 */
export function dialectMatrix(): { dialect: DialectName; missing: string | undefined }[] {
  return [
    { dialect: 'sqlite', missing: undefined },
    { dialect: 'postgres', missing: postgresMissing() },
  ];
}

export interface TestDatabase extends OpenDatabase {
  url: string;
}

/** A fresh database of the given dialect, migrated unless `migrate` is false. */
export async function freshDatabase(dialect: DialectName, { migrate = true } = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const open = openDatabase('sqlite::memory:');
    if (migrate) await migrateToLatest(open.db);
    return { ...open, url: 'sqlite::memory:' };
  }
  if (!POSTGRES_URL) throw new Error('TEST_POSTGRES_URL is not set');
  const name = `styrerom_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const open = openDatabase(url.toString());
  if (migrate) await migrateToLatest(open.db);
  return {
    ...open,
    url: url.toString(),
    async close() {
      await open.close();
      const a = new pg.Client({ connectionString: POSTGRES_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * describe() once per dialect, with a fresh migrated database shared by the tests inside:
 *   describeEachDialect('risk queries', (ctx) => { it('…', async () => { ctx.db … }) })
 */
export function describeEachDialect(
  name: string,
  body: (ctx: { readonly db: TestDatabase['db']; readonly dialect: DialectName }) => void,
): void {
  for (const { dialect, missing } of dialectMatrix()) {
    describeLayer(`${name} [${dialect}]`, missing, () => {
      let open: TestDatabase | undefined;
      const ctx = {
        dialect,
        get db() {
          if (!open) throw new Error('database not opened yet');
          return open.db;
        },
      };
      beforeAll(async () => {
        open = await freshDatabase(dialect);
      });
      afterAll(async () => {
        await open?.close();
      });
      body(ctx);
    });
  }
}
