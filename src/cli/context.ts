/** What built-in commands receive: the domain context plus the domain list and the raw flags. */
import type { Config } from '../config.ts';
import type { CliCommand, CliContext, DomainModule } from '../module.ts';
import { type OpenDatabase, openDatabase } from '../storage/db.ts';
import { migrateToLatest } from '../storage/migrate.ts';

export interface BuiltinContext extends CliContext {
  domains: readonly DomainModule[];
  /** `--database` when given on the command line (the demo refuses to touch other databases). */
  databaseFlag: string | undefined;
  /** Opens a database without migrating (for `migrate`, which reports what it runs). */
  openRaw(url?: string): OpenDatabase;
  /** Closes every database this context opened. */
  closeAll(): Promise<void>;
}

export interface BuiltinCommand extends Omit<CliCommand, 'run'> {
  run(argv: string[], ctx: BuiltinContext): Promise<number>;
}

export function createContext(opts: {
  config: Config;
  domains: readonly DomainModule[];
  databaseFlag: string | undefined;
  /** Why the configured database was chosen (cli/database-choice.ts), said on stderr when it is opened. */
  databaseWhy?: string;
  stdout(text: string): void;
  stderr(text: string): void;
}): BuiltinContext {
  const opened: OpenDatabase[] = [];
  let announced = false;
  const openRaw = (url = opts.config.databaseUrl): OpenDatabase => {
    const open = openDatabase(url, { busyTimeoutMs: opts.config.sqliteBusyTimeoutMs });
    if (!announced && url === opts.config.databaseUrl) {
      announced = true;
      opts.stderr(`Database: ${open.description}${opts.databaseWhy ? ` (${opts.databaseWhy})` : ''}\n`);
    }
    let closing: Promise<void> | undefined;
    const once: OpenDatabase = { ...open, close: () => (closing ??= open.close()) };
    opened.push(once);
    return once;
  };
  return {
    config: opts.config,
    domains: opts.domains,
    databaseFlag: opts.databaseFlag,
    stdout: opts.stdout,
    stderr: opts.stderr,
    openRaw,
    async openDb() {
      const open = openRaw();
      await migrateToLatest(open.db);
      return open;
    },
    async closeAll() {
      for (const o of opened) await o.close();
    },
  };
}
