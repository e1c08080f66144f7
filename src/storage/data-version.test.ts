import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { dataVersion, UNTRACKED_TABLES } from './data-version.ts';

describeEachDialect('data version', (ctx) => {
  async function tables(): Promise<string[]> {
    const q =
      ctx.dialect === 'sqlite'
        ? sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`
        : sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely_%'`;
    return (await q.execute(ctx.db)).rows.map((r) => r.name).sort();
  }

  async function triggered(): Promise<Set<string>> {
    const q =
      ctx.dialect === 'sqlite'
        ? sql<{ name: string }>`select tbl_name as name from sqlite_master where type = 'trigger' and name like 'data_generation_%'`
        : sql<{
            name: string;
          }>`select event_object_table as name from information_schema.triggers where trigger_name like 'data_generation_%'`;
    return new Set((await q.execute(ctx.db)).rows.map((r) => r.name));
  }

  it('every table either moves the version or is listed as untracked with a reason', async () => {
    const tracked = await triggered();
    const forgotten = (await tables()).filter((t) => !tracked.has(t) && !(t in UNTRACKED_TABLES));
    expect(forgotten).toEqual([]);
    expect(tracked.has('report_narratives')).toBe(true);
    expect(tracked.has('sessions')).toBe(false);
  });

  it('an insert, an update and a delete each move the version once committed; a rollback does not', async () => {
    const run = {
      kind: 'test',
      file_name: 'a.csv',
      sha256: 'x',
      started_at: '2025-06-01T00:00:00Z',
      finished_at: null,
      status: 'running' as const,
      imported_by: 'test',
    };
    const v0 = await dataVersion(ctx.db);
    const { id } = await ctx.db.insertInto('import_runs').values(run).returning('id').executeTakeFirstOrThrow();
    const v1 = await dataVersion(ctx.db);
    expect(v1).toBeGreaterThan(v0);
    await ctx.db.updateTable('import_runs').set({ status: 'failed' }).where('id', '=', id).execute();
    const v2 = await dataVersion(ctx.db);
    expect(v2).toBeGreaterThan(v1);
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('import_runs').set({ status: 'succeeded' }).where('id', '=', id).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await dataVersion(ctx.db)).toBe(v2);
    await ctx.db.deleteFrom('import_runs').where('id', '=', id).execute();
    expect(await dataVersion(ctx.db)).toBeGreaterThan(v2);
  });

  it('a write to an untracked table (a sign-in) leaves the version alone', async () => {
    const v0 = await dataVersion(ctx.db);
    await sql`delete from sessions`.execute(ctx.db);
    await sql`delete from audit_log`.execute(ctx.db);
    expect(await dataVersion(ctx.db)).toBe(v0);
  });
});
