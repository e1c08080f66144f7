import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { hasData, prepareExplicitDatabase } from './demo-database.ts';

describeEachDialect('demo database safety', (ctx) => {
  it('sees no data in a freshly migrated database', async () => {
    expect(await hasData(ctx.db)).toBe(false);
    await expect(prepareExplicitDatabase(ctx.db, { description: 'test', reset: false })).resolves.toBeUndefined();
  });

  it('sees a single row in any table as data, and refuses it without reset', async () => {
    await ctx.db
      .insertInto('import_runs')
      .values({
        kind: 'x',
        file_name: 'x.csv',
        sha256: 'abc',
        started_at: '2025-06-01T00:00:00.000Z',
        status: 'succeeded',
        imported_by: 't',
      })
      .execute();
    expect(await hasData(ctx.db)).toBe(true);
    await expect(prepareExplicitDatabase(ctx.db, { description: 'test', reset: false })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('drops every table with reset, so the migrations run again from scratch', async () => {
    await prepareExplicitDatabase(ctx.db, { description: 'test', reset: true });
    expect(await ctx.db.introspection.getTables({ withInternalKyselyTables: true })).toEqual([]);
    const ran = await migrateToLatest(ctx.db);
    expect(ran).toContain('202511261200_import_runs');
    expect(await hasData(ctx.db)).toBe(false);
  });
});
