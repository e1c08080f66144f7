/**
 * Which database a command uses, never a surprise: `--database`, else DATABASE_URL, else the
 * default in the data directory — `styrerom.db` when it exists, else the demo's `demo.db` when
 * `npm start` built it (so the README's examples answer with the demo's figures), else a new
 * `styrerom.db`. Commands print the choice and why on stderr when they open it. On the demo's
 * database, the month defaults to the demo's (May 2025) unless STYREROM_PERIOD says otherwise.
 */
import { existsSync } from 'node:fs';

export interface DatabaseChoice {
  url: string;
  /** Why this one, in Norwegian (printed after the database on stderr). */
  why: string;
  /** The demo's database chosen by default: commands then default to the demo's month. */
  demo?: boolean;
}

export function chooseDatabase(env: NodeJS.ProcessEnv, flag: string | undefined): DatabaseChoice {
  if (flag !== undefined) return { url: flag, why: 'valgt med --database' };
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, why: 'fra DATABASE_URL' };
  const dataDir = env.STYREROM_DATA_DIR ?? './data';
  const own = `${dataDir}/styrerom.db`;
  const demo = `${dataDir}/demo.db`;
  if (existsSync(own)) return { url: `sqlite:${own}`, why: 'standarddatabasen; velg en annen med --database eller DATABASE_URL' };
  if (existsSync(demo)) {
    return {
      demo: true,
      url: `sqlite:${demo}`,
      why: 'demoen fra npm start, siden det ikke finnes noen egen database; velg en annen med --database eller DATABASE_URL',
    };
  }
  return { url: `sqlite:${own}`, why: 'ny standarddatabase; velg en annen med --database eller DATABASE_URL' };
}
