/**
 * API tokens (`Authorization: Bearer <token>`): 32 random bytes, shown once; the database keeps the
 * SHA-256 only (a high-entropy secret needs no slow hash), so a dump holds no usable token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../shared/errors.ts';
import type { Db } from '../storage/db.ts';

const PREFIX = 'styr_';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export async function createToken(db: Db, input: { userId: number; name: string; now: Date }): Promise<{ id: number; token: string }> {
  const token = `${PREFIX}${randomSecret()}`;
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: input.userId,
      name: input.name,
      token_sha256: sha256Hex(token),
      created_at: input.now.toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** The user id of a valid (unrevoked) token, recording its use. */
export async function userOfToken(
  db: Db,
  token: string,
  now: Date,
): Promise<{ userId: number; tokenId: number; name: string } | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'name', 'last_used_at'])
    .where('token_sha256', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  // One write per minute at most: a busy integration must not turn every read into a write.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { userId: row.user_id, tokenId: row.id, name: row.name };
}

export async function listTokens(db: Db, userId?: number) {
  let q = db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'users.email',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
    ])
    .orderBy('api_tokens.id');
  if (userId !== undefined) q = q.where('api_tokens.user_id', '=', userId);
  return q.execute();
}

/** Revokes a token by id, or every token of the user with `name`. Returns how many were revoked. */
export async function revokeToken(db: Db, input: { userId: number; name?: string; id?: number; now: Date }): Promise<number> {
  let q = db
    .updateTable('api_tokens')
    .set({ revoked_at: input.now.toISOString() })
    .where('user_id', '=', input.userId)
    .where('revoked_at', 'is', null);
  if (input.id !== undefined) q = q.where('id', '=', input.id);
  else if (input.name !== undefined) q = q.where('name', '=', input.name);
  else throw new AppError('VALIDATION', 'Oppgi --name eller --id for nøkkelen som skal trekkes tilbake');
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
