import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import { AppError } from '../shared/errors.ts';
import { registerSqliteHandle } from './bulk-insert.ts';
import type { Database } from './database.ts';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface OpenDatabase {
  db: Db;
  dialect: DialectName;
  /** A printable form of the URL: the password is left out entirely (not even masked). */
  description: string;
  close(): Promise<void>;
}

/** The PostgreSQL driver loads only when a postgres:// database is opened (CommonJS, so synchronously). */
let pgDriver: typeof pg | undefined;
function postgresDriver(): typeof pg {
  if (pgDriver) return pgDriver;
  pgDriver = createRequire(import.meta.url)('pg') as typeof pg;
  // int8 (bigint) columns hold øre and epoch milliseconds; both fit a JS number exactly.
  pgDriver.types.setTypeParser(20, (v) => Number(v));
  // numeric is used for nothing that needs more than a double; return numbers, not strings.
  pgDriver.types.setTypeParser(1700, (v) => Number(v));
  return pgDriver;
}

export function dialectOf(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new AppError('CONFIG', `Ukjent database-URL «${url}»: bruk sqlite:<fil>, sqlite::memory: eller postgres://…`);
}

export interface OpenOptions {
  /** How long a SQLite writer waits for another writer's lock before failing with BUSY. */
  busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** Opens (and for SQLite creates) the database named by a URL. Does not migrate. */
export function openDatabase(url: string, options: OpenOptions = {}): OpenDatabase {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    let sqlite: SQLite.Database;
    try {
      sqlite = new SQLite(file);
    } catch (err) {
      throw new AppError('DATABASE', `Kan ikke åpne SQLite-fila ${file}`, { cause: err });
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    registerSqliteHandle(db, sqlite);
    return { db, dialect, description: `sqlite:${file}`, close: () => db.destroy() };
  }
  const pool = new (postgresDriver().Pool)({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect, description: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1@'), close: () => db.destroy() };
}
