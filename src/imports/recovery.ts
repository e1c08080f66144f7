/**
 * What a crash leaves behind, cleared when a process starts (the server, and the CLI before an
 * import): runs left `running` by a process that no longer exists are marked failed with the
 * reason, and the upload folder under the data directory is emptied. The import itself was one
 * transaction, so its rows were never committed.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Problem } from '../shared/errors.ts';
import type { Db } from '../storage/db.ts';

/** "<host>:<pid>" of this process, stored on each run it starts. */
export function runOwner(): string {
  return `${hostname()}:${process.pid}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A run (or the import lock) is orphaned when it has no owner (older versions) or its owner is a dead process on this host. */
export function orphanedOwner(owner: string | null): boolean {
  if (owner === null) return true;
  const at = owner.lastIndexOf(':');
  const host = owner.slice(0, at);
  const pid = Number(owner.slice(at + 1));
  return host === hostname() && pid !== process.pid && !alive(pid);
}

/** Marks orphaned `running` runs failed; returns their ids. */
export async function recoverInterruptedRuns(db: Db, options: { now?: string } = {}): Promise<number[]> {
  const now = options.now ?? new Date().toISOString();
  const running = await db.selectFrom('import_runs').select(['id', 'file_name', 'owner']).where('status', '=', 'running').execute();
  const ids: number[] = [];
  for (const r of running.filter((x) => orphanedOwner(x.owner))) {
    const p: Problem = {
      file: r.file_name,
      message: 'importen ble avbrutt (prosessen stoppet før den var ferdig); ingenting ble importert',
      messageEn: 'the import was interrupted (its process stopped before it finished); nothing was imported',
      severity: 'error',
    };
    await db
      .updateTable('import_runs')
      .set({ status: 'failed', row_count: 0, finished_at: now, problems: JSON.stringify([p]) })
      .where('id', '=', r.id)
      .where('status', '=', 'running')
      .execute();
    ids.push(r.id);
  }
  return ids;
}

/** The folder uploads are written to before they are imported: `<dataDir>/uploads`. */
export function uploadDir(dataDir: string): string {
  return join(dataDir, 'uploads');
}

/** Creates the upload folder, removing anything left in it (at start, no import is running yet). */
export async function cleanUploads(dataDir: string): Promise<void> {
  const dir = uploadDir(dataDir);
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true });
}
