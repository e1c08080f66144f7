/**
 * At most one import per database at a time, whoever starts it (CLI, API, web form): a row in
 * `import_lock` (id 1, so a second INSERT fails on both dialects) held for the whole run, and a
 * per-process set so a second import in the same process is refused at once instead of queueing for
 * the connection. A second import gets AppError BUSY "import pågår" (HTTP 503, exit 12). A lock left
 * by a process that died on this host is taken over.
 */
import { AppError } from '../shared/errors.ts';
import type { Db } from '../storage/db.ts';
import { orphanedOwner, runOwner } from './recovery.ts';

interface Held {
  kind: string;
  file_name: string;
  acquired_at: string;
  owner: string;
}

/** Imports running in this process, by database handle (asked without touching the database: on SQLite its one connection is busy with the running import). */
const heldHere = new WeakMap<Db, Held>();

function busy(held: Held): AppError {
  return new AppError(
    'BUSY',
    `Import pågår: ${held.file_name} (${held.kind}) importeres nå, startet ${held.acquired_at}. Vent til den er ferdig og prøv igjen`,
    { details: { kind: held.kind, fileName: held.file_name, since: held.acquired_at } },
  );
}

async function current(db: Db) {
  return db.selectFrom('import_lock').select(['owner', 'kind', 'file_name', 'acquired_at']).where('id', '=', 1).executeTakeFirst();
}

/** Takes the import lock of this database or throws BUSY; returns the release function. */
export async function acquireImportLock(db: Db, what: { kind: string; fileName: string; now: string }): Promise<() => Promise<void>> {
  const here = { kind: what.kind, file_name: what.fileName, acquired_at: what.now, owner: runOwner() };
  const mine = heldHere.get(db);
  if (mine) throw busy(mine);
  heldHere.set(db, here);
  try {
    const held = await current(db);
    if (held && orphanedOwner(held.owner)) {
      await db.deleteFrom('import_lock').where('id', '=', 1).where('owner', '=', held.owner).execute();
    } else if (held) {
      throw busy(held);
    }
    try {
      await db
        .insertInto('import_lock')
        .values({ id: 1, ...here })
        .execute();
    } catch (err) {
      const now = await current(db).catch(() => undefined);
      if (now) throw busy(now);
      throw err;
    }
  } catch (err) {
    heldHere.delete(db);
    throw err;
  }
  return async () => {
    try {
      await db.deleteFrom('import_lock').where('id', '=', 1).where('owner', '=', here.owner).execute();
    } finally {
      heldHere.delete(db);
    }
  };
}
