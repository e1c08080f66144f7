/**
 * Configuration is parsed once, here: the only module that reads process.env. Composition roots
 * (cli/main.ts, server/main.ts) pass the frozen object down.
 */
import { AppError } from './shared/errors.ts';

export interface Config {
  /** sqlite:<path>, sqlite::memory: or postgres://… */
  readonly databaseUrl: string;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  /** Organisation name shown in the header and on the report cover. */
  readonly organisationName: string;
  /** Where demo raw files, report builds and published reports are written. */
  readonly dataDir: string;
  /** Chromium used for PDF rendering and browser tests. */
  readonly chromiumPath: string;
  /** The period pages open on when none is chosen ("YYYY-MM"); undefined = the previous month. */
  readonly defaultPeriod: string | undefined;
  /** STYREROM_DEBUG=1: print stack traces on CLI errors. */
  readonly debug: boolean;
  /** STYREROM_SQLITE_BUSY_TIMEOUT_MS: how long a SQLite writer waits for another's lock (default 5000). */
  readonly sqliteBusyTimeoutMs: number;
}

export interface ConfigOverrides {
  databaseUrl?: string | undefined;
  host?: string | undefined;
  port?: number | undefined;
  defaultPeriod?: string | undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(value: string | undefined): string {
  if (value === undefined || value === '') return 'info';
  if (!LOG_LEVELS.includes(value)) throw new AppError('CONFIG', `Ukjent LOG_LEVEL «${value}»: bruk ${LOG_LEVELS.join(', ')}`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const dataDir = env.STYREROM_DATA_DIR ?? './data';
  const port = overrides.port ?? Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('CONFIG', `Ugyldig port «${env.PORT}» (Invalid port)`);
  }
  const busy = Number(env.STYREROM_SQLITE_BUSY_TIMEOUT_MS ?? 5000);
  if (!Number.isInteger(busy) || busy < 0 || busy > 600_000) {
    throw new AppError(
      'CONFIG',
      `Ugyldig STYREROM_SQLITE_BUSY_TIMEOUT_MS «${env.STYREROM_SQLITE_BUSY_TIMEOUT_MS}»: bruk millisekunder fra 0 til 600000`,
    );
  }
  const databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL ?? `sqlite:${dataDir}/styrerom.db`;
  return Object.freeze({
    databaseUrl,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    port,
    logLevel: logLevel(env.LOG_LEVEL),
    organisationName: env.STYREROM_ORG_NAME ?? 'HDO demo',
    dataDir,
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    defaultPeriod: overrides.defaultPeriod ?? env.STYREROM_PERIOD,
    debug: env.STYREROM_DEBUG === '1' || env.STYREROM_DEBUG === 'true',
    sqliteBusyTimeoutMs: busy,
  });
}
