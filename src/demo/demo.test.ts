import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Importer } from '../imports/imports.ts';
import type { DomainModule } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { buildDemo, DEMO_PERIOD, openDemo } from './demo.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'styrerom-demo-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const config = loadConfig({ STYREROM_DATA_DIR: dataDir });

const lines: Importer = {
  kind: 'lines',
  label: 'Linjer',
  description: 'one row per line',
  run: async (ctx) => {
    const { readFile } = await import('node:fs/promises');
    return (await readFile(ctx.source.path, 'utf8')).split('\n').filter(Boolean).length;
  },
};

const order: string[] = [];
const seen: unknown[] = [];
function domain(id: string, demoOrder: number): DomainModule {
  return {
    id,
    nav: [{ path: `/${id}`, label: id.toUpperCase(), order: demoOrder }],
    importers: id === 'b' ? [lines] : [],
    demo: {
      order: demoOrder,
      async run(ctx) {
        order.push(`${id}:${ctx.period}`);
        seen.push({ db: ctx.config?.databaseUrl, period: ctx.config?.defaultPeriod, domains: ctx.domains?.length });
        const path = join(ctx.dir, `${id}.txt`);
        writeFileSync(path, `${id}\n${id}\n`);
        await ctx.importFile('lines', path, { now: '2025-06-05T08:00:00.000Z' });
      },
    },
  };
}
const domains = [domain('b', 2), domain('a', 1)];

async function runs(open: Awaited<ReturnType<typeof buildDemo>>) {
  return open.db.selectFrom('import_runs').select(['file_name', 'status', 'row_count', 'imported_by', 'started_at']).execute();
}

describe('buildDemo()', () => {
  it('runs every domain generator in demo order, importing through the real importers into <dataDir>/demo.db', async () => {
    const log: string[] = [];
    const open = await buildDemo({ config, domains, database: undefined, reset: false, log: (t) => log.push(t) });
    expect(order).toEqual([`a:${DEMO_PERIOD}`, `b:${DEMO_PERIOD}`]);
    expect(open.description).toBe(`sqlite:${join(dataDir, 'demo.db')}`);
    expect(await runs(open)).toEqual([
      { file_name: 'a.txt', status: 'succeeded', row_count: 2, imported_by: 'demo', started_at: '2025-06-05T08:00:00.000Z' },
      { file_name: 'b.txt', status: 'succeeded', row_count: 2, imported_by: 'demo', started_at: '2025-06-05T08:00:00.000Z' },
    ]);
    expect(log).toContain('Genererer a …\n');
    expect(seen[0]).toEqual({ db: `sqlite:${join(dataDir, 'demo.db')}`, period: DEMO_PERIOD, domains: 2 });
    await open.close();
  });

  it('keeps its own database on later starts, with what was changed in it, and says so', async () => {
    const first = await openDemo({ config, domains, database: undefined, reset: false, log: () => {} });
    expect(first.built).toBe(false); // built by the test above
    await first.open.db
      .insertInto('users')
      .values({
        email: 'kari@example.no',
        name: 'Kari',
        password_hash: null,
        oidc_subject: null,
        created_at: '2025-06-05T08:00:00.000Z',
        disabled_at: null,
      })
      .execute();
    await first.open.close();
    const log: string[] = [];
    const again = await openDemo({ config, domains, database: undefined, reset: false, log: (t) => log.push(t) });
    expect(again.built).toBe(false);
    expect(await again.open.db.selectFrom('users').select('email').execute()).toEqual([{ email: 'kari@example.no' }]);
    expect((await runs(again.open)).map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(log.join('')).toContain('fra forrige gang');
    await again.open.close();
  });

  it('rebuilds its own database on --reset, after saying what it discards', async () => {
    const log: string[] = [];
    const { open, built } = await openDemo({ config, domains, database: undefined, reset: true, log: (t) => log.push(t) });
    expect(built).toBe(true);
    expect(log[0]).toBe(
      `--reset: sletter demodatabasen sqlite:${join(dataDir, 'demo.db')} med alt i den (2 importer, 1 bruker, også alt som er endret i appen) og bygger den på nytt.\n`,
    );
    expect(await open.db.selectFrom('users').select('email').execute()).toEqual([]);
    expect(await runs(open)).toHaveLength(2);
    await open.close();
  });

  it('builds into a temporary file first, so a build that fails half-way never becomes demo.db', async () => {
    const fresh = loadConfig({ STYREROM_DATA_DIR: join(dataDir, 'broken') });
    const broken: DomainModule = { id: 'x', demo: { order: 1, run: async () => Promise.reject(new Error('boom')) } };
    await expect(openDemo({ config: fresh, domains: [broken], database: undefined, reset: false, log: () => {} })).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    expect(existsSync(join(dataDir, 'broken', 'demo.db'))).toBe(false);
  });

  it('refuses an explicit --database that holds data, and wipes it only with --reset', async () => {
    const url = `sqlite:${join(dataDir, 'demo.db')}`;
    const refused = buildDemo({ config, domains, database: url, reset: false, log: () => {} });
    await expect(refused).rejects.toThrow(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT' });
    const open = await buildDemo({ config, domains, database: url, reset: true, log: () => {} });
    expect(await runs(open)).toHaveLength(2);
    await open.close();
  });

  it('uses an explicit empty database as it is', async () => {
    const url = `sqlite:${join(dataDir, 'empty.db')}`;
    const open = await buildDemo({ config, domains, database: url, reset: false, log: () => {} });
    expect(await runs(open)).toHaveLength(2);
    await open.close();
  });
});
