/**
 * Issue 16 item 1: at most one import per database at a time, whoever starts it. A second import
 * (same process or another connection, as a CLI next to the server) is refused at once with BUSY
 * "Import pågår", and the lock is free again when the first ends, also after it failed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Importer, runImport, sourceFromPath } from '../../src/imports/imports.ts';
import { type OpenDatabase, openDatabase } from '../../src/storage/db.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { dialectMatrix, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { describeLayer } from '../support/layers.ts';

const dir = mkdtempSync(join(tmpdir(), 'styrerom-lock-'));
let n = 0;
const file = () => {
  const path = join(dir, `f${++n}.txt`);
  writeFileSync(path, `content ${n}\n`);
  return sourceFromPath(path);
};

/** An importer that waits until released, so a second import can be tried while it runs. */
function gated(): { importer: Importer; started: Promise<void>; release: () => void } {
  let release = () => {};
  let started = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const startedP = new Promise<void>((r) => {
    started = r;
  });
  return {
    importer: {
      kind: 'gated',
      label: 'Test',
      description: 'waits',
      async run() {
        started();
        await gate;
        return 0;
      },
    },
    started: startedP,
    release,
  };
}

const quick: Importer = { kind: 'quick', label: 'Test', description: 'nothing', run: async () => 0 };
const failing: Importer = {
  kind: 'failing',
  label: 'Test',
  description: 'throws',
  run: async () => {
    throw new Error('boom');
  },
};

for (const { dialect, missing } of dialectMatrix()) {
  describeLayer(`one import per database [${dialect}]`, missing, () => {
    let first: TestDatabase | OpenDatabase;
    let second: OpenDatabase;
    let close: () => Promise<void>;
    beforeAll(async () => {
      if (dialect === 'sqlite') {
        const url = `sqlite:${join(dir, 'lock.db')}`;
        first = openDatabase(url);
        await migrateToLatest(first.db);
        second = openDatabase(url);
        close = async () => {
          await second.close();
          await first.close();
        };
      } else {
        const fresh = await freshDatabase('postgres');
        first = fresh;
        second = openDatabase(fresh.url);
        close = async () => {
          await second.close();
          await fresh.close();
        };
      }
    });
    afterAll(async () => close());

    it('refuses a second import while one runs, in this process and from another connection', async () => {
      const g = gated();
      const running = runImport(first.db, g.importer, file());
      await g.started;
      const busy = { code: 'BUSY', message: expect.stringMatching(/^Import pågår: f\d+\.txt \(gated\) importeres nå/) };
      await expect(runImport(first.db, quick, file())).rejects.toMatchObject(busy);
      await expect(runImport(second.db, quick, file())).rejects.toMatchObject(busy);
      g.release();
      expect((await running).status).toBe('succeeded');
      expect((await runImport(second.db, quick, file())).status).toBe('succeeded');
      expect(await first.db.selectFrom('import_lock').selectAll().execute()).toEqual([]);
    });

    it('frees the lock when an import fails', async () => {
      expect((await runImport(first.db, failing, file())).status).toBe('failed');
      expect((await runImport(first.db, quick, file())).status).toBe('succeeded');
    });

    it('respects a lock held by another host, and takes over one left by a dead process here', async () => {
      await first.db
        .insertInto('import_lock')
        .values({ id: 1, owner: 'elsewhere:1', kind: 'saf-t', file_name: 'hovedbok.xml', acquired_at: '2026-12-01T08:00:00Z' })
        .execute();
      await expect(runImport(first.db, quick, file())).rejects.toMatchObject({
        code: 'BUSY',
        message: expect.stringContaining('hovedbok.xml (saf-t) importeres nå, startet 2026-12-01T08:00:00Z'),
      });
      await first.db
        .updateTable('import_lock')
        .set({ owner: `${hostname()}:2147483646` })
        .execute();
      expect((await runImport(first.db, quick, file())).status).toBe('succeeded');
    });
  });
}
