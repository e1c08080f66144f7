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
  /** Jira's REST API for `projects sync-jira`; undefined base URL = not configured. */
  readonly jira: JiraConfig;
}

export interface JiraConfig {
  /** `https://example.atlassian.net` or a Server/DC base URL. */
  readonly baseUrl: string | undefined;
  /** API token (Cloud, with `user`) or personal access token (Server/DC, Bearer). */
  readonly token: string | undefined;
  /** Cloud: the account e-mail for basic auth with the token; unset = Bearer token. */
  readonly user: string | undefined;
  /** JQL; `{key}` is replaced by the project's Jira key. */
  readonly jql: string;
  /** `3` = Cloud `POST /rest/api/3/search/jql` with nextPageToken; `2` = Server/DC `GET /rest/api/2/search` with startAt. */
  readonly apiVersion: '2' | '3';
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
  const apiVersion = env.STYREROM_JIRA_API_VERSION ?? '3';
  if (apiVersion !== '2' && apiVersion !== '3') {
    throw new AppError('CONFIG', `Ugyldig STYREROM_JIRA_API_VERSION «${apiVersion}»: bruk 2 eller 3 (Invalid Jira API version)`);
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
    debug: env.STYREROM_DEBUG === '1' || env.STYREROM_DEBUG === 'true',
    jira: Object.freeze({
      baseUrl: env.STYREROM_JIRA_URL || undefined,
      token: env.STYREROM_JIRA_TOKEN || undefined,
      user: env.STYREROM_JIRA_USER || undefined,
      jql: env.STYREROM_JIRA_JQL ?? 'project = {key} AND issuetype = Bug ORDER BY key',
      apiVersion,
    }),
  });
}
