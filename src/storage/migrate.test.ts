import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialectMatrix, freshDatabase } from '../../test/support/databases.ts';
import { describeLayer } from '../../test/support/layers.ts';
import { folderMigrations, MERGED_LATE, migrateToLatest } from './migrate.ts';

/**
 * Every migration, in the order it was merged. Append yours at the end: its timestamp must be
 * greater than every one above it, or databases migrated before it would run it after a newer one.
 */
const HISTORY = [
  '202511261200_import_runs',
  '202511261300_workforce_employees',
  '202511261305_workforce_time_records',
  '202511261310_workforce_absences',
  '202511261320_risk',
  '202511261330_finance_ledger',
  '202511261331_finance_plan',
  '202511261340_finance_capital',
  '202511261350_report',
  '202511261332_finance_ledger_postings', // merged after 1340 and 1350: MERGED_LATE
  '202612010410_workforce_hiring',
  '202612010411_registered_figures',
  '202612010412_finance_replaced_sums',
  '202612010420_access',
  '202612010430_service',
  '202612010440_projects',
  '202612010455_report_publication_chain',
  '202612010456_import_run_owner',
  '202612020110_import_encoding_and_lock',
  '202612020190_data_generation',
];

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const LATE = '202511261332_finance_ledger_postings';

describe('migration order', () => {
  it('lists every migration file in HISTORY, and nothing else', () => {
    const files = readdirSync(DIR)
      .filter((f) => /^\d{12}_.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    expect([...HISTORY].sort()).toEqual(files.sort());
  });

  it('gives every migration a timestamp greater than every migration merged before it', () => {
    const early = HISTORY.flatMap((name, i) => {
      if (MERGED_LATE.includes(name)) return [];
      const newer = HISTORY.slice(0, i).filter((before) => before.slice(0, 12) >= name.slice(0, 12));
      return newer.length > 0 ? [`${name} is not newer than ${newer.join(', ')}`] : [];
    });
    expect(early).toEqual([]);
  });

  it('knows only the one migration that was merged late', () => {
    expect(MERGED_LATE).toEqual([LATE]);
  });
});

async function migrationsWithout(...names: string[]): Promise<Record<string, Migration>> {
  return Object.fromEntries(Object.entries(await folderMigrations()).filter(([name]) => !names.includes(name)));
}

for (const { dialect, missing } of dialectMatrix()) {
  describeLayer(`migrating an existing database [${dialect}]`, missing, () => {
    it('runs the late migration on a database that ran the newer ones before it existed, and nothing twice', async () => {
      const open = await freshDatabase(dialect, { migrate: false });
      try {
        // The database as migrated between the merges of 1350 and 1332.
        const before = await migrationsWithout(LATE);
        expect(await migrateToLatest(open.db, { getMigrations: async () => before })).toContain('202511261350_report');
        expect((await open.db.introspection.getTables()).map((t) => t.name)).toContain('ledger_lines');

        expect(await migrateToLatest(open.db)).toEqual([LATE]);
        const tables = (await open.db.introspection.getTables()).map((t) => t.name);
        expect(tables).toContain('ledger_postings');
        expect(tables).not.toContain('ledger_lines');
        // Ran both, in a different order from a fresh database: later runs find nothing to do.
        expect(await migrateToLatest(open.db)).toEqual([]);
      } finally {
        await open.close();
      }
    });

    it('refuses a pending migration older than one the database already ran', async () => {
      const open = await freshDatabase(dialect, { migrate: false });
      try {
        const all = await folderMigrations();
        await migrateToLatest(open.db, { getMigrations: async () => migrationsWithout('202612010456_import_run_owner') });
        const newest = Object.keys(all).sort().at(-1);
        await expect(migrateToLatest(open.db, { getMigrations: async () => all })).rejects.toThrow(
          `Migreringen 202612010456_import_run_owner er eldre enn ${newest}`,
        );
      } finally {
        await open.close();
      }
    });
  });
}
