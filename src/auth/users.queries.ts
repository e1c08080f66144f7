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

export interface SsoLink {
  userId: number;
  created: boolean;
  /** The roles before this sign-in (undefined for a new user); equal to `roles` when unchanged. */
  rolesBefore: Role[] | undefined;
}

/**
 * The user for a single sign-on: found by e-mail (and then bound to the provider's subject) or
 * created; the roles follow the provider's claim on every sign-in. Refused when the claim maps to no
 * role, the user is disabled, or the e-mail is already bound to another subject.
 */
export async function linkSsoUser(
  db: Db,
  identity: { subject: string; email: string; name?: string | undefined; roles: Role[] },
  now: Date,
): Promise<SsoLink> {
  if (identity.roles.length === 0) throw new AppError('FORBIDDEN', 'Kontoen din har ingen rolle i Styrerom. Kontakt administratoren.');
  const row = await findUserByEmail(db, identity.email);
  if (!row) {
    const userId = await createUser(db, {
      email: identity.email,
      name: identity.name,
      roles: identity.roles,
      oidcSubject: identity.subject,
      now,
    });
    return { userId, created: true, rolesBefore: undefined };
  }
  if (row.disabled_at) throw new AppError('FORBIDDEN', 'Brukeren er deaktivert i Styrerom');
  if (row.oidc_subject !== null && row.oidc_subject !== identity.subject) {
    throw new AppError('FORBIDDEN', 'E-postadressen er knyttet til en annen konto hos innloggingstjenesten');
  }
  if (row.oidc_subject === null) await db.updateTable('users').set({ oidc_subject: identity.subject }).where('id', '=', row.id).execute();
  const sorted = [...identity.roles].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
  const before = await rolesOf(db, row.id);
  if (before.join(',') !== sorted.join(',')) await setRoles(db, row.id, sorted);
  return { userId: row.id, created: false, rolesBefore: before };
}
