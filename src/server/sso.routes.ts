/**
 * Single sign-on (only when STYREROM_OIDC_ISSUER is set): `GET /logg-inn/sso` sends the browser to
 * the provider with state, nonce and a PKCE challenge (kept in a signed, short-lived HttpOnly cookie);
 * `GET /logg-inn/sso/callback` exchanges the code, validates the ID token, finds or creates the user
 * by e-mail with roles from the claim mapping and starts a database session exactly like a password
 * login. Every outcome is audited.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../auth/audit.queries.ts';
import { finishLogin, OIDC_COOKIE, OIDC_PENDING_SECONDS, oidcClient, openPending, sealPending, startLogin } from '../auth/oidc.ts';
import { activeUser, linkSsoUser } from '../auth/users.queries.ts';
import type { OidcConfig } from '../config.ts';
import type { AppDeps } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { loginPage, safeNext } from '../web/login-page.ts';
import { startSession } from './session.routes.ts';

const COOKIE_PATH = '/logg-inn/sso';

export async function ssoRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const settings = deps.config.auth.oidc;
  if (!settings) return;
  const configuration = oidcClient(settings);
  const publicRoute = { permission: 'public' } as const;

  const failed = (reply: FastifyReply, status: number, message: string) =>
    reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(loginPage({ organisationName: deps.config.organisationName, next: '/', error: message, sso: true }));

  app.get<{ Querystring: { neste?: string } }>('/logg-inn/sso', { config: publicRoute }, async (req, reply) => {
    let started: Awaited<ReturnType<typeof startLogin>>;
    try {
      started = await startLogin(await configuration(), settings, safeNext(req.query.neste));
    } catch (err) {
      req.log.error({ err }, 'OIDC discovery failed');
      return failed(reply, 502, err instanceof AppError ? err.message : 'Innloggingstjenesten svarte ikke');
    }
    reply.setCookie(OIDC_COOKIE, sealPending(settings.clientSecret, started.pending), {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.auth.secureCookie || req.protocol === 'https',
      maxAge: OIDC_PENDING_SECONDS,
    });
    return reply.redirect(started.url.href, 303);
  });

  app.get('/logg-inn/sso/callback', { config: publicRoute }, async (req, reply) => {
    const pending = openPending(settings.clientSecret, req.cookies[OIDC_COOKIE], Date.now());
    reply.clearCookie(OIDC_COOKIE, { path: COOKIE_PATH });
    if (!pending) return failed(reply, 400, 'Innloggingen var utløpt eller ugyldig. Prøv igjen.');
    try {
      await completeLogin(deps, settings, req, reply, await configuration(), pending);
    } catch (err) {
      const message = err instanceof AppError ? err.message : 'Innloggingstjenesten godtok ikke innloggingen';
      await recordAudit(
        deps.db,
        { action: 'login.failure', address: req.ip, detail: { method: 'sso', reason: String((err as Error).message) } },
        new Date(),
      );
      return failed(reply, err instanceof AppError && err.code === 'FORBIDDEN' ? 403 : 401, message);
    }
    return reply.redirect(pending.next, 303);
  });
}

async function completeLogin(
  deps: AppDeps,
  settings: OidcConfig,
  req: FastifyRequest,
  reply: FastifyReply,
  configuration: Awaited<ReturnType<ReturnType<typeof oidcClient>>>,
  pending: NonNullable<ReturnType<typeof openPending>>,
): Promise<void> {
  const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
  const identity = await finishLogin(configuration, settings, query, pending);
  const now = new Date();
  const link = await linkSsoUser(deps.db, identity, now);
  const user = await activeUser(deps.db, link.userId, 'session');
  if (!user) throw new AppError('FORBIDDEN', 'Brukeren er deaktivert i Styrerom');
  if (link.created) {
    await recordAudit(
      deps.db,
      { action: 'user.add', actor: 'sso', target: user.email, address: req.ip, detail: { roles: user.roles } },
      now,
    );
  } else if (link.rolesBefore && link.rolesBefore.join(',') !== user.roles.join(',')) {
    const detail = { before: { roles: link.rolesBefore }, after: { roles: user.roles } };
    await recordAudit(deps.db, { action: 'user.roles', actor: 'sso', target: user.email, address: req.ip, detail }, now);
  }
  await startSession(deps, req, reply, user, 'sso');
}
