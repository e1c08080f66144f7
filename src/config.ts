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
  /** Who to contact about accessibility (e-mail, web form or phone), shown in the accessibility statement. */
  readonly accessibilityContact: string | undefined;
  /** STYREROM_DEBUG=1: print stack traces on CLI errors. */
  readonly debug: boolean;
}

export interface ConfigOverrides {
  databaseUrl?: string | undefined;
  host?: string | undefined;
  port?: number | undefined;
  defaultPeriod?: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const dataDir = env.STYREROM_DATA_DIR ?? './data';
  const port = overrides.port ?? Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('CONFIG', `Ugyldig port «${env.PORT}» (Invalid port)`);
  }
  const databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL ?? `sqlite:${dataDir}/styrerom.db`;
  return Object.freeze({
    databaseUrl,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    port,
    logLevel: env.LOG_LEVEL ?? 'info',
    organisationName: env.STYREROM_ORG_NAME ?? 'HDO demo',
    dataDir,
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    defaultPeriod: overrides.defaultPeriod ?? env.STYREROM_PERIOD,
    accessibilityContact: env.STYREROM_ACCESSIBILITY_CONTACT?.trim() || undefined,
    debug: env.STYREROM_DEBUG === '1' || env.STYREROM_DEBUG === 'true',
  });
}
