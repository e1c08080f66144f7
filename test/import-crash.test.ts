/**
 * Crash drill, on both dialects: `kill -9` of the server in the middle of an uploaded import, then a
 * fresh start. The run left `running` is marked failed with the reason, the upload left under
 * <dataDir>/uploads is removed, and the data is unchanged (the import was one transaction).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { bearerHeaders } from './support/auth.ts';
import { describeEachDialect, freshDatabase, type TestDatabase } from './support/databases.ts';
import { serve } from './support/serve-process.ts';

const root = mkdtempSync(join(tmpdir(), 'styrerom-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ROWS = 150_000;
function bigRisks(): string {
  const lines = ['id;title;description;owner;category;scope;opened;closed'];
  for (let i = 1; i <= ROWS; i++) lines.push(`OR-${i};Risiko ${i};;Eier;economy;enterprise;2025-01-05;`);
  return `${lines.join('\n')}\n`;
}

const uploads = (dataDir: string) => (existsSync(join(dataDir, 'uploads')) ? readdirSync(join(dataDir, 'uploads')) : []);

describeEachDialect('kill -9 mid import, then start', (ctx) => {
  it('marks the run failed, removes the upload and leaves the data unchanged', async () => {
    const dataDir = join(root, ctx.dialect);
    mkdirSync(dataDir, { recursive: true });
    // The server gets its own database (the matrix's SQLite is in memory): a file, or a fresh PostgreSQL database.
    let db: TestDatabase | undefined;
    let url = `sqlite:${join(dataDir, 'crash.db')}`;
    if (ctx.dialect === 'postgres') {
      db = await freshDatabase('postgres');
      url = db.url;
    }
    const file = join(dataDir, 'big.csv');
    writeFileSync(file, bigRisks());
    const first = serve(dataDir, url);
    const base = await first.url;
    const { openDatabase } = await import('../src/storage/db.ts');
    const probe = db ?? { ...openDatabase(url), url };
    try {
      const upload = fetch(`${base}api/imports/risks?fileName=big.csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...(await bearerHeaders(probe.db)) },
        body: new Blob([await import('node:fs/promises').then((f) => f.readFile(file))]),
      }).catch((err: unknown) => err);
      let running: { id: number } | undefined;
      for (let i = 0; i < 1200 && !running; i++) {
        await new Promise((r) => setTimeout(r, 50));
        running = await probe.db.selectFrom('import_runs').select('id').where('status', '=', 'running').executeTakeFirst();
      }
      expect(running, 'the import started').toBeDefined();
      first.child.kill('SIGKILL');
      await first.exited;
      await upload;
      const left = await probe.db.selectFrom('import_runs').select(['id', 'status']).execute();
      expect(left).toEqual([{ id: running?.id, status: 'running' }]); // killed before it finished
      expect(uploads(dataDir)).toHaveLength(1); // the crash left the upload behind

      const second = serve(dataDir, url);
      await second.url;
      const run = await probe.db
        .selectFrom('import_runs')
        .selectAll()
        .where('id', '=', running?.id ?? 0)
        .executeTakeFirstOrThrow();
      expect(run.status).toBe('failed');
      expect(JSON.parse(run.problems)).toEqual([
        expect.objectContaining({ message: 'importen ble avbrutt (prosessen stoppet før den var ferdig); ingenting ble importert' }),
      ]);
      expect(uploads(dataDir)).toEqual([]);
      const { n } = await probe.db
        .selectFrom('risks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n)).toBe(0);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      first.child.kill('SIGKILL');
      await probe.close();
    }
  }, 240_000);
});
