/**
 * Signing in from tests, through the real machinery (users, roles, tokens, sessions in the test
 * database): nothing in production code is switched off for tests.
 *
 *   const headers = await bearerHeaders(db, ['reader']);          // Authorization: Bearer …
 *   const app = signedIn(await buildApp(…), headers);             // every inject carries them
 *   const { cookie } = await loginWithPassword(app, db, ['hr']);   // POST /api/session
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { hashPassword } from '../../src/auth/password.ts';
import { createToken } from '../../src/auth/tokens.queries.ts';
import { createUser } from '../../src/auth/users.queries.ts';
import { ROLES, type Role } from '../../src/shared/access.ts';
import type { Db } from '../../src/storage/db.ts';

export const ALL_ROLES: Role[] = [...ROLES];
export const TEST_PASSWORD = 'riktig-hest-batteri-stift';
/** The origin light-my-request's requests come from (Host: localhost:80). */
export const INJECT_ORIGIN = 'http://localhost:80';

let counter = 0;

export interface TestUser {
  id: number;
  email: string;
  password: string;
}

export async function createTestUser(db: Db, roles: Role[], opts: { email?: string; password?: string | null } = {}): Promise<TestUser> {
  counter += 1;
  const email = opts.email ?? `${roles.join('-') || 'ingen'}-${counter}@test.example`;
  const password = opts.password === undefined ? TEST_PASSWORD : opts.password;
  const id = await createUser(db, { email, roles, passwordHash: password === null ? null : await hashPassword(password), now: new Date() });
  return { id, email, password: password ?? '' };
}

/** A new user with `roles` and an API token for them, as request headers. */
export async function bearerHeaders(db: Db, roles: Role[] = ALL_ROLES): Promise<Record<string, string>> {
  const user = await createTestUser(db, roles, { password: null });
  const { token } = await createToken(db, { userId: user.id, name: 'test', now: new Date() });
  return { authorization: `Bearer ${token}` };
}

/** Signs in through POST /api/session; returns the cookie header (plus Origin, as a browser sends). */
export async function loginWithPassword(
  app: FastifyInstance,
  db: Db,
  roles: Role[],
): Promise<{ user: TestUser; headers: Record<string, string> }> {
  const user = await createTestUser(db, roles);
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: user.password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { user, headers: { cookie, origin: INJECT_ORIGIN } };
}

/** The app with `headers` added to every inject() (headers given in a call win). */
export function signedIn(app: FastifyInstance, headers: Record<string, string>): FastifyInstance {
  return new Proxy(app, {
    get(target, prop) {
      // Fastify instances are thenable (await app = ready()); the proxy must not be, or `await` unwraps it.
      if (prop === 'then') return undefined;
      if (prop === 'inject') {
        return (opts: InjectOptions | string) => {
          const o: InjectOptions = typeof opts === 'string' ? { url: opts } : opts;
          return target.inject({ ...o, headers: { ...headers, ...(o.headers as Record<string, string> | undefined) } });
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Shorthand: the app signed in as a new user holding `roles` (an API token). */
export async function signInAs(app: FastifyInstance, db: Db, roles: Role[] = ALL_ROLES): Promise<FastifyInstance> {
  return signedIn(app, await bearerHeaders(db, roles));
}
