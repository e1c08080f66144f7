/**
 * Composition root of the server: opens and migrates the database, listens, prints the URL and
 * shuts down gracefully on SIGINT/SIGTERM (stop accepting requests, finish running ones, close the
 * database). `styrerom serve` and `styrerom demo` use this; it also runs on its own:
 *   node dist/server/main.js      (compiled, after npm run build)
 *   node --import tsx src/server/main.ts   (from the sources)
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { type Config, loadConfig } from '../config.ts';
import { domains as allDomains } from '../domains.ts';
import { cleanUploads, recoverInterruptedRuns } from '../imports/recovery.ts';
import type { DomainModule } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { type OpenDatabase, openDatabase } from '../storage/db.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { buildApp } from './app.ts';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** Resolves once the server and the database are closed (after a signal or close()). */
  closed: Promise<void>;
  close(): Promise<void>;
}

export interface StartServerOptions {
  config: Config;
  open: OpenDatabase;
  domains: readonly DomainModule[];
  logger?: Logger;
  /** Install SIGINT/SIGTERM handlers (default true). */
  handleSignals?: boolean;
}

function urlOf(address: AddressInfo): string {
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`;
}

/** Listens on config.host:config.port with an already open (and migrated) database. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, open } = options;
  await recoverAtStart(config, open);
  const app = await buildApp({ config, db: open.db, domains: options.domains, ...(options.logger ? { logger: options.logger } : {}) });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await app.close();
    const reason =
      (err as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? 'porten er opptatt (velg en annen med --port eller PORT)'
        : String((err as Error).message);
    throw new AppError('CONFIG', `Kan ikke lytte på ${config.host}:${config.port}: ${reason}`, { cause: err });
  }
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => {
    resolveClosed = r;
  });
  let closing: Promise<void> | undefined;
  const signals: NodeJS.Signals[] = options.handleSignals === false ? [] : ['SIGINT', 'SIGTERM'];
  const close = () => {
    closing ??= (async () => {
      for (const s of signals) process.off(s, onSignal);
      await app.close();
      await open.close();
      resolveClosed();
    })();
    return closing;
  };
  function onSignal(signal: NodeJS.Signals) {
    app.log.info({ signal }, 'shutting down');
    void close();
  }
  for (const s of signals) process.once(s, onSignal);
  return { app, url: urlOf(app.server.address() as AddressInfo), closed, close };
}

/** Runs left `running` by a dead process are marked failed; leftover uploads are removed. */
async function recoverAtStart(config: Config, open: OpenDatabase): Promise<void> {
  const ids = await recoverInterruptedRuns(open.db);
  if (ids.length > 0) process.stderr.write(`Avbrutte importer merket som feilet: kjøring ${ids.join(', ')}\n`);
  await cleanUploads(config.dataDir);
}

/** Opens the configured database, migrates it and starts the server. */
export async function serve(config: Config, domains: readonly DomainModule[] = allDomains): Promise<RunningServer> {
  const open = openDatabase(config.databaseUrl, { busyTimeoutMs: config.sqliteBusyTimeoutMs });
  try {
    await migrateToLatest(open.db);
    return await startServer({ config, open, domains });
  } catch (err) {
    await open.close();
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const running = await serve(loadConfig());
  process.stdout.write(`Styrerom kjører på ${running.url}\n`);
  await running.closed;
}
