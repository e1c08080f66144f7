/**
 * The shape every domain (risk, finance, workforce, service, projects) plugs in with. A domain
 * exports one DomainModule from `src/<d>/<d>.module.ts`; `src/domains.ts` lists them. The server,
 * CLI, KPI registry, demo and report read this list and nothing else.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Importer, ImportResult, RunImportOptions } from './imports/imports.ts';
import type { KpiDefinition } from './kpi/kpi.ts';
import type { ReportBlockProvider } from './report/blocks.ts';
import type { Db, OpenDatabase } from './storage/db.ts';

/** What every server plugin (API or web) receives. */
export interface AppDeps {
  config: Config;
  db: Db;
  domains: readonly DomainModule[];
}

export interface NavItem {
  /** Web path, e.g. `/risiko`. */
  path: string;
  /** Norwegian label. */
  label: string;
  /** Position in the navigation (report section order). */
  order: number;
}

export interface CliContext {
  config: Config;
  /** Opens the configured database and runs migrations. */
  openDb(): Promise<OpenDatabase>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Every domain module (the composition root's list), for commands that work across domains (report). */
  domains?: readonly DomainModule[];
}

export interface CliCommand {
  /** Words after `styrerom`, e.g. `workforce check`. */
  name: string;
  summary: string;
  /** Full `--help` text. */
  usage: string;
  /** Returns the exit code; throws AppError for failures (mapped by cli/exit-codes.ts). */
  run(argv: string[], ctx: CliContext): Promise<number>;
}

export interface DemoContext {
  db: Db;
  /** Folder where the generator writes the raw files it then imports. */
  dir: string;
  /** The demo's report period ("2025-05"). */
  period: string;
  /** Imports a generated file through the real importer of `kind`. */
  importFile(kind: string, path: string, options?: RunImportOptions): Promise<ImportResult>;
  log(text: string): void;
  /** The configuration and the domain list, for steps that work across domains (the report build). */
  config?: Config;
  domains?: readonly DomainModule[];
}

export interface DomainModule {
  id: string;
  nav?: NavItem[];
  kpis?: KpiDefinition[];
  /** KPIs defined by data rather than code (registered figures): read from the database when evaluated. */
  kpisFrom?(db: Db): Promise<KpiDefinition[]>;
  importers?: Importer[];
  /** JSON API routes, registered under /api. */
  api?: (app: FastifyInstance, deps: AppDeps) => Promise<void>;
  /** HTML pages and form handlers. */
  web?: (app: FastifyInstance, deps: AppDeps) => Promise<void>;
  commands?: CliCommand[];
  /** Writes this domain's demo raw data and imports it; runs in `order`. */
  demo?: { order: number; run(ctx: DemoContext): Promise<void> };
  /** Tables, figures and KPI lines this domain contributes to the monthly report. */
  report?: ReportBlockProvider[];
}
