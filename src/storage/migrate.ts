import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { AppError } from '../shared/errors.ts';
import type { Db } from './db.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Migrations are files `src/storage/migrations/<YYYYMMDDHHMM>_<name>.ts` exporting `up` (and
 * `down`), typed on Kysely<any> and frozen once merged: a change is a new file whose timestamp is
 * greater than every existing one (src/storage/migrate.test.ts checks this).
 */
async function migrationFiles(): Promise<string[]> {
  // `.ts` from the sources, `.js` in the compiled dist/ (scripts/build.mjs).
  return (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{12}_.+\.(ts|js)$/.test(f) && !/\.test\.(ts|js)$/.test(f));
}

export async function folderMigrations(): Promise<Record<string, Migration>> {
  const files = await migrationFiles();
  const out: Record<string, Migration> = {};
  for (const f of files.sort()) {
    out[f.replace(/\.(ts|js)$/, '')] = (await import(pathToFileURL(join(MIGRATIONS_DIR, f)).href)) as Migration;
  }
  return out;
}

/**
 * Migrations merged after a migration with a greater timestamp, before the order was tested. A
 * database migrated in between has run the greater one and still lacks these, so they may run after
 * it; no other migration may (a database records migrations in the order it ran them, so such a
 * database keeps a different order from a fresh one for good).
 */
export const MERGED_LATE: readonly string[] = ['202511261332_finance_ledger_postings'];

/**
 * True when every migration file has run in `db`: then a command need not import a module per
 * migration just to learn there is nothing to do (most CLI calls).
 */
async function upToDate(db: Db): Promise<boolean> {
  try {
    const rows = await db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    const done = new Set(rows.map((r) => (r as { name: string }).name));
    const files = await migrationFiles();
    // Equal sets only: a migration the database ran that no file knows is left to Kysely's check.
    return files.length === done.size && files.every((f) => done.has(f.replace(/\.(ts|js)$/, '')));
  } catch {
    return false; // no bookkeeping table yet: a fresh database
  }
}

export async function migrateToLatest(db: Db, provider?: MigrationProvider): Promise<string[]> {
  if (provider === undefined && (await upToDate(db))) return [];
  return migrateWith(db, provider ?? { getMigrations: folderMigrations });
}

async function migrateWith(db: Db, provider: MigrationProvider): Promise<string[]> {
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const all = await migrator.getMigrations();
  const lastRun = all
    .filter((m) => m.executedAt)
    .map((m) => m.name)
    .sort()
    .at(-1);
  const early = all.find((m) => !m.executedAt && lastRun !== undefined && m.name < lastRun && !MERGED_LATE.includes(m.name));
  if (early) {
    throw new AppError(
      'DATABASE',
      `Migreringen ${early.name} er eldre enn ${lastRun}, som allerede er kjørt i databasen. En ny migrering må ha et nyere tidsstempel enn alle eksisterende.`,
    );
  }
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'ukjent';
    throw new AppError('DATABASE', `Migrering ${failed} feilet (Migration failed): ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
