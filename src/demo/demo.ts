/**
 * `styrerom demo`: builds the demo organisation's database from generated RAW files, run through the
 * real importers. By default it owns `<dataDir>/demo.db`: built once (into a temporary file renamed
 * when complete, so an interrupted build is never served), then kept, so what the user edits in the
 * app survives a restart; only `--reset` rebuilds it, after saying what it discards. It never
 * touches another database unless `--database` names one (refused if it holds data, unless --reset).
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { importOrThrow, sourceFromPath } from '../imports/imports.ts';
import { findImporter } from '../imports/registry.ts';
import type { DemoContext, DomainModule } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { formatNumber } from '../shared/format.ts';
import type { Database } from '../storage/database.ts';
import { type Db, type OpenDatabase, openDatabase } from '../storage/db.ts';
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

export function demoDatabaseFile(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'demo.db');
}

export function demoDatabaseUrl(config: Pick<Config, 'dataDir'>): string {
  return `sqlite:${demoDatabaseFile(config)}`;
}

async function removeSqlite(file: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(file + suffix, { force: true });
}

/** The file the demo is built into before it is renamed to demo.db. */
function buildingFile(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'demo.db.bygges');
}

async function openFresh(opts: BuildDemoOptions): Promise<OpenDatabase> {
  if (opts.database === undefined) {
    const file = buildingFile(opts.config);
    await mkdir(opts.config.dataDir, { recursive: true });
    await removeSqlite(file);
    return openDatabase(`sqlite:${file}`);
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
    throw new AppError('INTERNAL', `Demogeneratoren for ${d.id} feilet: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Opens the demo's own database: the one built before (migrated to the latest version, edits kept),
 * or a new build when there is none or `reset` asks for one (after logging what it discards).
 * An explicit `database` is always built (buildDemo's rules).
 */
export async function openDemo(opts: BuildDemoOptions): Promise<{ open: OpenDatabase; built: boolean }> {
  const file = demoDatabaseFile(opts.config);
  if (opts.database === undefined && existsSync(file)) {
    const open = openDatabase(demoDatabaseUrl(opts.config));
    try {
      if (!opts.reset) {
        await migrateToLatest(open.db);
        opts.log(
          `Bruker demodatabasen ${open.description} fra forrige gang (endringer gjort i appen er med). Bygg den på nytt med: styrerom demo --reset\n`,
        );
        return { open, built: false };
      }
      opts.log(`--reset: ${await discardSummary(open.db, open.description)}\n`);
    } finally {
      if (opts.reset) await open.close();
    }
  }
  return { open: await buildDemo(opts), built: true };
}

const KEPT_WORK: ReadonlyArray<readonly [keyof Database, string, string]> = [
  ['report_narratives', 'tekstversjon', 'tekstversjoner'],
  ['risk_revisions', 'risikoendring', 'risikoendringer'],
  ['risk_assessments', 'risikovurdering', 'risikovurderinger'],
  ['report_publications', 'publisering', 'publiseringer'],
  ['import_runs', 'import', 'importer'],
  ['users', 'bruker', 'brukere'],
];

/** What a reset deletes, in words: the rows that carry the user's work. */
export async function discardSummary(db: Db, description: string): Promise<string> {
  const parts: string[] = [];
  for (const [table, one, many] of KEPT_WORK) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst()
      .catch(() => undefined);
    const n = Number(row?.n ?? 0);
    if (n > 0) parts.push(`${formatNumber(n)} ${n === 1 ? one : many}`);
  }
  const what = parts.length > 0 ? `${parts.join(', ')}, ` : '';
  return `sletter demodatabasen ${description} med alt i den (${what}også alt som er endret i appen) og bygger den på nytt.`;
}

/** Builds the demo database and returns it open and migrated. */
export async function buildDemo(opts: BuildDemoOptions): Promise<OpenDatabase> {
  let open = await openFresh(opts);
  try {
    opts.log(`Bygger demodatabasen ${opts.database === undefined ? demoDatabaseUrl(opts.config) : open.description}\n`);
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
    if (opts.database === undefined) {
      // Complete: only now does it become demo.db (a build stopped half-way is never served).
      await open.close();
      await removeSqlite(demoDatabaseFile(opts.config));
      await rename(buildingFile(opts.config), demoDatabaseFile(opts.config));
      open = openDatabase(demoDatabaseUrl(opts.config));
    }
    return open;
  } catch (err) {
    await open.close();
    throw err;
  }
}
