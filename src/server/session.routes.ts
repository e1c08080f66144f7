/**
 * Signing in and out: `POST /api/session` (JSON) and the `/logg-inn` form set the session cookie;
 * `DELETE /api/session` and `POST /logg-ut` end it. Wrong email and wrong password get the same
 * answer after the same work (argon2 against a dummy hash). Too many failures per account or per
 * address within the window answer 429 with Retry-After (counted in the audit trail, so several
 * instances share the count).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { countRecent, recordAudit } from '../auth/audit.queries.ts';
import { verifyPassword } from '../auth/password.ts';
import { createSession, deleteSession } from '../auth/sessions.queries.ts';
import { activeUser, findUserByEmail, normaliseEmail } from '../auth/users.queries.ts';
import type { AppDeps } from '../module.ts';
import { type AuthUser, ROLES } from '../shared/access.ts';
import { AppError } from '../shared/errors.ts';
import { loginPage, safeNext } from '../web/login-page.ts';
import { SESSION_COOKIE, sessionLimits } from './access.ts';
import { errorBodySchema } from './http-errors.ts';

const WRONG = 'Feil e-postadresse eller passord';

const credentialsSchema = {
  type: 'object',
  required: ['email', 'password'],
  additionalProperties: false,
  properties: { email: { type: 'string', maxLength: 320 }, password: { type: 'string', maxLength: 1024 } },
} as const;

const userSchema = {
  type: 'object',
  required: ['email', 'name', 'roles'],
  properties: {
    email: { type: 'string' },
    name: { type: ['string', 'null'] },
    roles: { type: 'array', items: { type: 'string', enum: [...ROLES] } },
    via: { type: 'string', enum: ['session', 'token'] },
  },
} as const;

async function checkRateLimit(deps: AppDeps, req: FastifyRequest, email: string, reply: FastifyReply): Promise<void> {
  const { loginMaxPerAccount, loginMaxPerAddress, loginWindowMinutes } = deps.config.auth;
  const since = new Date(Date.now() - loginWindowMinutes * 60_000);
  const perAccount = await countRecent(deps.db, { action: 'login.failure', since, target: email });
  const perAddress = await countRecent(deps.db, { action: 'login.failure', since, address: req.ip });
  if (perAccount >= loginMaxPerAccount || perAddress >= loginMaxPerAddress) {
    await recordAudit(deps.db, { action: 'login.limited', target: email, address: req.ip }, new Date());
    reply.header('retry-after', String(loginWindowMinutes * 60));
    throw new AppError('RATE_LIMITED', `For mange mislykkede innlogginger. Prøv igjen om ${loginWindowMinutes} minutter.`);
  }
}

/** Checks the credentials; on success creates the session and sets the cookie. */
export async function signIn(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  input: { email: string; password: string },
): Promise<AuthUser> {
  const email = normaliseEmail(input.email);
  await checkRateLimit(deps, req, email, reply);
  const row = await findUserByEmail(deps.db, email);
  const ok = await verifyPassword(row && !row.disabled_at ? row.password_hash : null, input.password);
  const user = ok && row ? await activeUser(deps.db, row.id, 'session') : undefined;
  if (!user) {
    await recordAudit(deps.db, { action: 'login.failure', target: email, address: req.ip }, new Date());
    throw new AppError('UNAUTHENTICATED', WRONG);
  }
  await startSession(deps, req, reply, user, 'password');
  return user;
}

/** A new session for an authenticated user (password or SSO): cookie plus audit entry. */
export async function startSession(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, user: AuthUser, method: string): Promise<void> {
  const now = new Date();
  const id = await createSession(deps.db, user.id, now);
  reply.setCookie(SESSION_COOKIE, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.auth.secureCookie || req.protocol === 'https',
    maxAge: Math.floor(sessionLimits(deps.config).absoluteMs / 1000),
  });
  await recordAudit(deps.db, { action: 'login.success', actor: user.email, target: user.email, address: req.ip, detail: { method } }, now);
}

async function signOut(deps: AppDeps, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const id = req.cookies[SESSION_COOKIE];
  if (id) await deleteSession(deps.db, id);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  if (req.user) await recordAudit(deps.db, { action: 'logout', actor: req.user.email, address: req.ip }, new Date());
}

export async function sessionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const publicRoute = { permission: 'public' } as const;
  const org = deps.config.organisationName;

  app.post<{ Body: { email: string; password: string } }>(
    '/api/session',
    {
      config: publicRoute,
      schema: {
        tags: ['session'],
        operationId: 'signIn',
        summary: 'Sign in (sets the session cookie)',
        body: credentialsSchema,
        response: { 200: userSchema, 401: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (req, reply) => {
      const user = await signIn(deps, req, reply, req.body);
      return { email: user.email, name: user.name, roles: user.roles };
    },
  );

  app.get(
    '/api/session',
    {
      config: { permission: 'read' },
      schema: { tags: ['session'], operationId: 'getSession', summary: 'The signed-in user', response: { 200: userSchema } },
    },
    async (req) => {
      const user = req.user as AuthUser;
      return { email: user.email, name: user.name, roles: user.roles, via: user.via };
    },
  );

  app.delete(
    '/api/session',
    {
      config: publicRoute,
      schema: {
        tags: ['session'],
        operationId: 'signOut',
        summary: 'Sign out',
        response: { 204: { type: 'null', description: 'Signed out' } },
      },
    },
    async (req, reply) => {
      await signOut(deps, req, reply);
      return reply.status(204).send();
    },
  );

  app.get<{ Querystring: { neste?: string } }>('/logg-inn', { config: publicRoute }, async (req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(loginPage({ organisationName: org, next: safeNext(req.query.neste), sso: deps.config.auth.oidc !== undefined })),
  );

  app.post<{ Body: { email?: string; password?: string; neste?: string } }>('/logg-inn', { config: publicRoute }, async (req, reply) => {
    const next = safeNext(req.body?.neste);
    const email = String(req.body?.email ?? '');
    try {
      await signIn(deps, req, reply, { email, password: String(req.body?.password ?? '') });
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'UNAUTHENTICATED' && err.code !== 'RATE_LIMITED')) throw err;
      const status = err.code === 'RATE_LIMITED' ? 429 : 401;
      return reply
        .status(status)
        .type('text/html; charset=utf-8')
        .send(loginPage({ organisationName: org, next, email, error: err.message, sso: deps.config.auth.oidc !== undefined }));
    }
    return reply.redirect(next, 303);
  });

  app.post('/logg-ut', { config: publicRoute }, async (req, reply) => {
    await signOut(deps, req, reply);
    return reply.redirect('/logg-inn', 303);
  });
}
