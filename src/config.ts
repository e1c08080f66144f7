/**
 * Configuration is parsed once, here: the only module that reads process.env. Composition roots
 * (cli/main.ts, server/main.ts) pass the frozen object down.
 */
import { isRole, type Role } from './shared/access.ts';
import { AppError } from './shared/errors.ts';
import type { ImportLimits } from './shared/import-limits.ts';
import { DEFAULT_YEAR_RANGE, YEAR_RANGE_LIMITS, type YearRange } from './shared/year-range.ts';

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
  /** Access control (docs/security.md). */
  readonly auth: AuthConfig;
  /** Jira's REST API for `projects sync-jira`; undefined base URL = not configured. */
  readonly jira: JiraConfig;
  /** STYREROM_SQLITE_BUSY_TIMEOUT_MS: how long a SQLite writer waits for another's lock (default 5000). */
  readonly sqliteBusyTimeoutMs: number;
  /** Caps that keep every import's memory bounded whatever the file (docs/configuration.md). */
  readonly importLimits: ImportLimits;
  /**
   * The years a period or date may have anywhere (API, pages, CLI, imports): STYREROM_YEAR_MIN and
   * STYREROM_YEAR_MAX, default 2000–2100, each within 1000–9000.
   */
  readonly yearRange: YearRange;
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

export interface AuthConfig {
  /** A session ends after this long without a request (STYREROM_SESSION_IDLE_MINUTES, default 30). */
  readonly sessionIdleMinutes: number;
  /** … and this long after sign-in whatever happens (STYREROM_SESSION_MAX_HOURS, default 12). */
  readonly sessionAbsoluteHours: number;
  /** Trust X-Forwarded-For/-Proto from the reverse proxy in front (STYREROM_TRUST_PROXY=1). */
  readonly trustProxy: boolean;
  /** Mark the session cookie Secure even when the request arrives over plain HTTP (STYREROM_SECURE_COOKIE=1). */
  readonly secureCookie: boolean;
  /** Audit entries older than this many days are deleted by `styrerom audit prune` (STYREROM_AUDIT_RETENTION_DAYS, 0 = keep). */
  readonly auditRetentionDays: number;
  /** Wrong passwords allowed per account and per address within the window before 429. */
  readonly loginMaxPerAccount: number;
  readonly loginMaxPerAddress: number;
  readonly loginWindowMinutes: number;
  /** Single sign-on with OpenID Connect; undefined = not configured (docs/security.md). */
  readonly oidc: OidcConfig | undefined;
}

export interface OidcConfig {
  /** STYREROM_OIDC_ISSUER: the provider's issuer URL (discovery at /.well-known/openid-configuration). */
  readonly issuer: string;
  /** STYREROM_OIDC_CLIENT_ID / STYREROM_OIDC_CLIENT_SECRET: the confidential client registered for Styrerom. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** STYREROM_OIDC_REDIRECT_URL: `https://<host>/logg-inn/sso/callback`, exactly as registered. */
  readonly redirectUrl: string;
  /** STYREROM_OIDC_SCOPES (default `openid email profile`). */
  readonly scopes: string;
  /** STYREROM_OIDC_ROLE_CLAIM (default `roles`): the ID-token claim that carries group or role values. */
  readonly roleClaim: string;
  /** STYREROM_OIDC_ROLE_MAP: `claim-value=role,…`; a value may map to several roles by repeating it. */
  readonly roleMap: ReadonlyArray<readonly [string, Role]>;
}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new AppError('CONFIG', `Ugyldig verdi for ${name}: «${text}» (et heltall ≥ 0)`);
  return value;
}

function positiveSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = intSetting(env, name, fallback);
  if (value < 1) throw new AppError('CONFIG', `Ugyldig verdi for ${name}: «${env[name]}» (et heltall ≥ 1)`);
  return value;
}

const MIB = 1024 * 1024;

export function loadImportLimits(env: NodeJS.ProcessEnv): ImportLimits {
  return Object.freeze({
    maxUploadBytes: positiveSetting(env, 'STYREROM_IMPORT_MAX_UPLOAD_MB', 512) * MIB,
    maxLineChars: positiveSetting(env, 'STYREROM_IMPORT_MAX_LINE_CHARS', 1_000_000),
    maxCellChars: positiveSetting(env, 'STYREROM_IMPORT_MAX_CELL_CHARS', 100_000),
    maxRows: positiveSetting(env, 'STYREROM_IMPORT_MAX_ROWS', 5_000_000),
    maxColumns: positiveSetting(env, 'STYREROM_IMPORT_MAX_COLUMNS', 500),
    maxUnpackedBytes: positiveSetting(env, 'STYREROM_IMPORT_MAX_UNPACKED_MB', 1024) * MIB,
    maxCompressionRatio: positiveSetting(env, 'STYREROM_IMPORT_MAX_COMPRESSION_RATIO', 200),
  });
}

export function loadYearRange(env: NodeJS.ProcessEnv): YearRange {
  const year = (name: string, fallback: number): number => {
    const value = intSetting(env, name, fallback);
    if (value < YEAR_RANGE_LIMITS.min || value > YEAR_RANGE_LIMITS.max) {
      throw new AppError(
        'CONFIG',
        `Ugyldig verdi for ${name}: «${env[name]}» (et årstall fra ${YEAR_RANGE_LIMITS.min} til ${YEAR_RANGE_LIMITS.max})`,
      );
    }
    return value;
  };
  const min = year('STYREROM_YEAR_MIN', DEFAULT_YEAR_RANGE.min);
  const max = year('STYREROM_YEAR_MAX', DEFAULT_YEAR_RANGE.max);
  if (min > max) throw new AppError('CONFIG', `STYREROM_YEAR_MIN (${min}) er større enn STYREROM_YEAR_MAX (${max})`);
  return Object.freeze({ min, max });
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  return env[name] === '1' || env[name] === 'true';
}

function parseRoleMap(text: string): Array<readonly [string, Role]> {
  return text
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.lastIndexOf('=');
      const value = pair.slice(0, at).trim();
      const role = pair.slice(at + 1).trim();
      if (at <= 0 || !isRole(role)) {
        throw new AppError('CONFIG', `Ugyldig STYREROM_OIDC_ROLE_MAP-ledd «${pair}»: skriv kravverdi=rolle, f.eks. styrerom-hr=hr`);
      }
      return [value, role] as const;
    });
}

export function loadOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.STYREROM_OIDC_ISSUER;
  if (!issuer) return undefined;
  const required = ['STYREROM_OIDC_CLIENT_ID', 'STYREROM_OIDC_CLIENT_SECRET', 'STYREROM_OIDC_REDIRECT_URL'] as const;
  const missing = required.filter((name) => !env[name]);
  if (missing.length > 0) throw new AppError('CONFIG', `STYREROM_OIDC_ISSUER er satt, men ${missing.join(', ')} mangler`);
  for (const name of ['STYREROM_OIDC_ISSUER', 'STYREROM_OIDC_REDIRECT_URL'] as const) {
    if (!URL.canParse(env[name] as string)) throw new AppError('CONFIG', `Ugyldig URL i ${name}: «${env[name]}»`);
  }
  return Object.freeze({
    issuer,
    clientId: env.STYREROM_OIDC_CLIENT_ID as string,
    clientSecret: env.STYREROM_OIDC_CLIENT_SECRET as string,
    redirectUrl: env.STYREROM_OIDC_REDIRECT_URL as string,
    scopes: env.STYREROM_OIDC_SCOPES || 'openid email profile',
    roleClaim: env.STYREROM_OIDC_ROLE_CLAIM || 'roles',
    roleMap: Object.freeze(parseRoleMap(env.STYREROM_OIDC_ROLE_MAP ?? '')),
  });
}

export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  return Object.freeze({
    sessionIdleMinutes: intSetting(env, 'STYREROM_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: intSetting(env, 'STYREROM_SESSION_MAX_HOURS', 12),
    trustProxy: flag(env, 'STYREROM_TRUST_PROXY'),
    secureCookie: flag(env, 'STYREROM_SECURE_COOKIE'),
    auditRetentionDays: intSetting(env, 'STYREROM_AUDIT_RETENTION_DAYS', 0),
    loginMaxPerAccount: intSetting(env, 'STYREROM_LOGIN_MAX_PER_ACCOUNT', 5),
    loginMaxPerAddress: intSetting(env, 'STYREROM_LOGIN_MAX_PER_ADDRESS', 20),
    loginWindowMinutes: intSetting(env, 'STYREROM_LOGIN_WINDOW_MINUTES', 15),
    oidc: loadOidcConfig(env),
  });
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
    throw new AppError('CONFIG', `Ugyldig port «${env.PORT}»`);
  }
  const apiVersion = env.STYREROM_JIRA_API_VERSION ?? '3';
  if (apiVersion !== '2' && apiVersion !== '3') {
    throw new AppError('CONFIG', `Ugyldig STYREROM_JIRA_API_VERSION «${apiVersion}»: bruk 2 eller 3`);
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
    accessibilityContact: env.STYREROM_ACCESSIBILITY_CONTACT?.trim() || undefined,
    debug: env.STYREROM_DEBUG === '1' || env.STYREROM_DEBUG === 'true',
    auth: loadAuthConfig(env),
    jira: Object.freeze({
      baseUrl: env.STYREROM_JIRA_URL || undefined,
      token: env.STYREROM_JIRA_TOKEN || undefined,
      user: env.STYREROM_JIRA_USER || undefined,
      jql: env.STYREROM_JIRA_JQL ?? 'project = {key} AND issuetype = Bug ORDER BY key',
      apiVersion,
    }),
    sqliteBusyTimeoutMs: busy,
    importLimits: loadImportLimits(env),
    yearRange: loadYearRange(env),
  });
}
