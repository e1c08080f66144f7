/** Users and their roles. Emails are stored lower-case; a disabled user keeps its history. */

import { type AuthUser, isRole, ROLES, type Role } from '../shared/access.ts';
import { AppError } from '../shared/errors.ts';
import type { Db } from '../storage/db.ts';

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  hasPassword: boolean;
  createdAt: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function parseRoles(text: string): Role[] {
  const roles = text
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length > 0 || roles.length === 0) {
    throw new AppError('VALIDATION', `Ukjent rolle «${bad.join(', ')}»; gyldige roller: ${ROLES.join(', ')}`);
  }
  return [...new Set(roles as Role[])];
}

async function rolesOf(db: Db, userId: number): Promise<Role[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return rows
    .map((r) => r.role)
    .filter(isRole)
    .sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
}

export async function createUser(
  db: Db,
  input: { email: string; name?: string; roles: Role[]; passwordHash?: string | null; oidcSubject?: string | null; now: Date },
): Promise<number> {
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new AppError('VALIDATION', `Ugyldig e-postadresse «${input.email}»`);
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', `Brukeren ${email} finnes allerede`);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('users')
      .values({
        email,
        name: input.name?.trim() || email,
        password_hash: input.passwordHash ?? null,
        oidc_subject: input.oidcSubject ?? null,
        created_at: input.now.toISOString(),
        disabled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.roles.length > 0)
      await trx
        .insertInto('user_roles')
        .values(input.roles.map((role) => ({ user_id: row.id, role })))
        .execute();
    return row.id;
  });
}

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function requireUser(db: Db, email: string) {
  const user = await findUserByEmail(db, email);
  if (!user) throw new AppError('NOT_FOUND', `Fant ingen bruker ${normaliseEmail(email)}`);
  return user;
}

/** The user as requests see it, or undefined when missing or disabled. */
export async function activeUser(db: Db, userId: number, via: AuthUser['via']): Promise<AuthUser | undefined> {
  const row = await db.selectFrom('users').select(['id', 'email', 'name', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!row || row.disabled_at) return undefined;
  return { id: row.id, email: row.email, name: row.name, roles: await rolesOf(db, row.id), via };
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      roles: await rolesOf(db, r.id),
      disabled: r.disabled_at !== null,
      hasPassword: r.password_hash !== null,
      createdAt: r.created_at,
    })),
  );
}

/** Replaces the user's roles; returns the roles before. */
export async function setRoles(db: Db, userId: number, roles: Role[]): Promise<Role[]> {
  const before = await rolesOf(db, userId);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (roles.length > 0)
      await trx
        .insertInto('user_roles')
        .values(roles.map((role) => ({ user_id: userId, role })))
        .execute();
  });
  return before;
}

/** Disables the user and ends every session and token of theirs. */
export async function disableUser(db: Db, userId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ disabled_at: now.toISOString() }).where('id', '=', userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now.toISOString() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  });
}

export async function setPasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}
