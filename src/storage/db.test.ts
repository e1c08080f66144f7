import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { dialectOf, openDatabase } from './db.ts';
import { migrateToLatest } from './migrate.ts';

describe('openDatabase(url)', () => {
  it('selects the dialect from the URL', () => {
    expect(dialectOf('sqlite:./data/x.db')).toBe('sqlite');
    expect(dialectOf('sqlite::memory:')).toBe('sqlite');
    expect(dialectOf('postgres://u:p@h/db')).toBe('postgres');
    expect(dialectOf('postgresql://h/db')).toBe('postgres');
  });

  it('names the accepted forms when the URL is unknown', () => {
    expect(() => dialectOf('mysql://h/db')).toThrow(/sqlite:<fil>.*postgres:\/\//);
  });

  it('creates the SQLite file and its folder on first run, in WAL mode', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'styrerom-db-')), 'nested', 'styrerom.db');
    const open = openDatabase(`sqlite:${file}`);
    await migrateToLatest(open.db);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(open.db);
    await open.close();
    expect(existsSync(file)).toBe(true);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
  });

  it('hides the password when describing a PostgreSQL URL', async () => {
    const open = openDatabase('postgres://styrerom:secret@127.0.0.1:1/styrerom');
    expect(open.description).toBe('postgres://styrerom@127.0.0.1:1/styrerom'); // no password, masked or not
    await open.close();
  });
});

describeEachDialect('migrations', (ctx) => {
  it('are applied once and are idempotent', async () => {
    expect(await migrateToLatest(ctx.db)).toEqual([]);
    const tables = await ctx.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toContain('import_runs');
  });

  it('round-trip money in øre and epoch milliseconds beyond 32 bits as exact numbers', async () => {
    await ctx.db.schema.createTable('money_probe').addColumn('ore', 'bigint').execute();
    const big = 9_007_199_254_740_991; // 2^53 − 1
    await sql`insert into money_probe (ore) values (${big})`.execute(ctx.db);
    const row = await sql<{ ore: number }>`select ore from money_probe`.execute(ctx.db);
    expect(row.rows[0]?.ore).toBe(big);
  });
});
