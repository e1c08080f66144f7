import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { bulkInsertFlat, bulkUpsertRows } from './bulk-insert.ts';
import { openDatabase } from './db.ts';

const dir = mkdtempSync(join(tmpdir(), 'styrerom-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bulk inserts on SQLite', () => {
  it('undo a failed multi-row statement alone (its journal in memory) and leave temporary storage as it was', async () => {
    const open = openDatabase(`sqlite:${join(dir, 'bulk.db')}`);
    const tempStore = async () => (await sql<{ temp_store: number }>`pragma temp_store`.execute(open.db)).rows[0]?.temp_store;
    try {
      await sql`create table t (k text not null unique, v integer not null)`.execute(open.db);
      const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => [`k${from + i}`, from + i]).flat();
      let kept = -1;
      await open.db.transaction().execute(async (trx) => {
        await bulkInsertFlat(trx, 't', ['k', 'v'], rows(0, 1000));
        // One statement of 600 rows whose last row breaks NOT NULL: its first 599 rows are undone with it.
        const bad = [...rows(1000, 599), 'k1599', null];
        await expect(bulkInsertFlat(trx, 't', ['k', 'v'], bad)).rejects.toThrow(/NOT NULL/);
        await bulkUpsertRows(
          trx,
          't',
          ['k'],
          { v: 7 },
          { count: 2, fill: (p, j, r) => (p[j] = `k${r}`) },
          'on conflict (k) do update set v = excluded.v',
        );
        kept = Number((await sql<{ n: number }>`select count(*) as n from t`.execute(trx)).rows[0]?.n);
      });
      expect(kept).toBe(1000);
      expect(
        (await sql<{ v: number }>`select v from t where k in ('k0', 'k1', 'k2') order by k`.execute(open.db)).rows.map((r) => r.v),
      ).toEqual([7, 7, 2]);
      expect(await tempStore()).toBe(0);
    } finally {
      await open.close();
    }
  });
});
