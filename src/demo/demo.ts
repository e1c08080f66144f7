/**
 * `styrerom demo`: builds the demo organisation's database from generated RAW files, run through the
 * real importers. By default it owns `<dataDir>/demo.db` (deleted and rebuilt every run) and never
 * touches another database unless `--database` names one (refused if it holds data, unless --reset).
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { importOrThrow, sourceFromPath } from '../imports/imports.ts';
import { findImporter } from '../imports/registry.ts';
import type { DemoContext, DomainModule } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { type OpenDatabase, openDatabase } from '../storage/db.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { prepareExplicitDatabase } from './demo-database.ts';

/** The demo's report period: May 2025, the month of the seed report it reproduces. */
export const DEMO_PERIOD = '2025-05';

export interface BuildDemoOptions {
  config: Config;
  domains: readonly DomainModule[];
  /** `--database` from the command line; undefined = the demo's own SQLite file. */
  database: string | undefined;
  reset: boolean;
  log(text: string): void;
}

export function demoDatabaseUrl(config: Pick<Config, 'dataDir'>): string {
  return `sqlite:${join(config.dataDir, 'demo.db')}`;
}

async function openFresh(opts: BuildDemoOptions): Promise<OpenDatabase> {
  if (opts.database === undefined) {
    const file = join(opts.config.dataDir, 'demo.db');
    for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(file + suffix, { force: true });
    return openDatabase(demoDatabaseUrl(opts.config));
  }
  const open = openDatabase(opts.database);
  try {
    await prepareExplicitDatabase(open.db, { description: open.description, reset: opts.reset });
  } catch (err) {
    await open.close();
    throw err;
  }
  return open;
}

function domainLabel(d: DomainModule): string {
  return [...(d.nav ?? [])].sort((a, b) => a.order - b.order)[0]?.label ?? d.id;
}

async function runDomain(d: DomainModule, ctx: DemoContext): Promise<void> {
  try {
    await d.demo?.run(ctx);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('INTERNAL', `Demogeneratoren for ${d.id} feilet: ${(err as Error).message} (Demo generator failed)`, { cause: err });
  }
}

/** Builds the demo database and returns it open and migrated. */
export async function buildDemo(opts: BuildDemoOptions): Promise<OpenDatabase> {
  const open = await openFresh(opts);
  try {
    opts.log(`Database: ${open.description}\n`);
    await migrateToLatest(open.db);
    const dir = join(opts.config.dataDir, 'demo');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const ctx: DemoContext = {
      db: open.db,
      dir,
      period: DEMO_PERIOD,
      importFile: (kind, path, options) =>
        importOrThrow(open.db, findImporter(opts.domains, kind), sourceFromPath(path), { importedBy: 'demo', ...options }),
      log: (text) => opts.log(`  ${text}\n`),
      config: { ...opts.config, databaseUrl: opts.database ?? demoDatabaseUrl(opts.config), defaultPeriod: DEMO_PERIOD },
      domains: opts.domains,
    };
    const withDemo = opts.domains.filter((d) => d.demo).sort((a, b) => (a.demo?.order ?? 0) - (b.demo?.order ?? 0));
    for (const d of withDemo) {
      opts.log(`Genererer ${domainLabel(d).toLowerCase()} …\n`);
      await runDomain(d, ctx);
    }
    return open;
  } catch (err) {
    await open.close();
    throw err;
  }
}
