import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { AppError } from '../shared/errors.ts';
import type { Db } from './db.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Migrations are files `src/storage/migrations/<YYYYMMDDHHMM>_<name>.ts` exporting `up` (and
 * `down`), typed on Kysely<any> and frozen once merged: a change is a new file.
 */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{12}_.+\.ts$/.test(f) && !f.endsWith('.test.ts'));
    const out: Record<string, Migration> = {};
    for (const f of files.sort()) {
      out[f.replace(/\.ts$/, '')] = (await import(pathToFileURL(join(MIGRATIONS_DIR, f)).href)) as Migration;
    }
    return out;
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'ukjent';
    throw new AppError('DATABASE', `Migrering ${failed} feilet (Migration failed): ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
