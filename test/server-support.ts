/** A small fake domain and an in-memory app for the server tests. */
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { loadConfig } from '../src/config.ts';
import type { Importer } from '../src/imports/imports.ts';
import type { DomainModule } from '../src/module.ts';
import { buildApp } from '../src/server/app.ts';
import { AppError } from '../src/shared/errors.ts';
import { type OpenDatabase, openDatabase } from '../src/storage/db.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { signInAs } from './support/auth.ts';

/** Counts data lines; fails on a line reading "bad". */
export const lineImporter: Importer = {
  kind: 'lines',
  label: 'Linjer',
  description: 'Test importer: one row per line',
  async run(ctx) {
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(ctx.source.path, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    lines.forEach((l, i) => {
      if (l.trim() === 'bad') {
        ctx.report({
          file: ctx.source.fileName,
          line: i + 1,
          column: 'tekst',
          message: 'ugyldig linje',
          messageEn: 'bad line',
          severity: 'error',
        });
      }
    });
    return lines.length;
  },
};

export const fakeDomain: DomainModule = {
  id: 'fake',
  nav: [{ path: '/fake', label: 'Testområde', order: 10 }],
  importers: [lineImporter],
  kpis: [
    {
      id: 'fake.rate',
      label: 'Testrate',
      unit: 'percent',
      decimals: 2,
      target: { op: '<', value: 5 },
      compute: async ({ period }) => (period === '2025-05' ? 1.4412 : null),
    },
    {
      id: 'fake.count',
      label: 'Antall ting',
      unit: 'count',
      decimals: 0,
      compute: async ({ period }) => (period === '2025-05' ? 9 : null),
    },
  ],
  async api(app) {
    app.get('/fake/conflict', { config: { permission: 'read' } }, async () => {
      throw new AppError('CONFLICT', 'Rapporten er publisert og kan ikke endres');
    });
    app.get('/fake/boom', { config: { permission: 'read' } }, async () => {
      throw new Error('secret internals');
    });
  },
  async web(app) {
    app.get('/fake', { config: { permission: 'read' } }, async (_req, reply) => reply.type('text/html').send('<p>fake</p>'));
  },
};

export interface TestApp {
  /** Signed in as a user holding every role (an API token); see test/support/auth.ts. */
  app: FastifyInstance;
  /** The same app without credentials. */
  anonymous: FastifyInstance;
  open: OpenDatabase;
  close(): Promise<void>;
}

export async function testApp(domains: readonly DomainModule[] = [], env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const config = loadConfig({ STYREROM_ORG_NAME: 'Testforetaket', STYREROM_PERIOD: '2025-05', ...env });
  const open = openDatabase('sqlite::memory:');
  await migrateToLatest(open.db);
  const anonymous = await buildApp({ config, db: open.db, domains, logger: pino({ level: 'silent' }) });
  const app = await signInAs(anonymous, open.db);
  return {
    app,
    anonymous,
    open,
    async close() {
      await app.close();
      await open.close();
    },
  };
}
