/**
 * Sessions live in the database so several app instances share them. The cookie carries a random
 * id; the table keeps its SHA-256. A session ends after `idle` without requests or `absolute` after
 * sign-in, whichever comes first.
 */
import type { Db } from '../storage/db.ts';
import { randomSecret, sha256Hex } from './tokens.queries.ts';

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export async function createSession(db: Db, userId: number, now: Date): Promise<string> {
  const id = randomSecret();
  const at = now.toISOString();
  await db
    .insertInto('sessions')
    .values({ id_sha256: sha256Hex(id), user_id: userId, created_at: at, last_seen_at: at })
    .execute();
  return id;
}

/** The session's user id while it is valid; expired sessions are deleted on sight. */
export async function touchSession(db: Db, id: string, now: Date, limits: SessionLimits): Promise<number | undefined> {
  const key = sha256Hex(id);
  const row = await db.selectFrom('sessions').selectAll().where('id_sha256', '=', key).executeTakeFirst();
  if (!row) return undefined;
  const t = now.getTime();
  const lastSeen = Date.parse(row.last_seen_at);
  if (t - lastSeen > limits.idleMs || t - Date.parse(row.created_at) > limits.absoluteMs) {
    await db.deleteFrom('sessions').where('id_sha256', '=', key).execute();
    return undefined;
  }
  if (t - lastSeen > 30_000)
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_sha256', '=', key).execute();
  return row.user_id;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_sha256', '=', sha256Hex(id)).execute();
}

/** Removes sessions past either limit (called now and then; expired ones are refused anyway). */
export async function purgeSessions(db: Db, now: Date, limits: SessionLimits): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('last_seen_at', '<', new Date(now.getTime() - limits.idleMs).toISOString()),
        eb('created_at', '<', new Date(now.getTime() - limits.absoluteMs).toISOString()),
      ]),
    )
    .execute();
}
