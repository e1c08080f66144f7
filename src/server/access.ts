/**
 * Access control, enforced in ONE place: every route declares `config.permission` (permissions.ts);
 * `onRoute` collects them (the route-walk test reads `app.accessRoutes`), `onRequest` finds the user
 * (API token or session cookie), answers 401 to anonymous requests for anything not `public` (HTML
 * pages redirect to /logg-inn instead), 403 when the user's roles lack the permission, and refuses
 * cookie-authenticated unsafe requests from another origin (CSRF). A route that declares nothing is
 * refused to everyone (fail closed). `onResponse` writes every mutation to the audit trail.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../auth/audit.queries.ts';
import { touchSession } from '../auth/sessions.queries.ts';
import { userOfToken } from '../auth/tokens.queries.ts';
import { activeUser } from '../auth/users.queries.ts';
import type { Config } from '../config.ts';
import type { AppDeps } from '../module.ts';
import { type AuthUser, holds } from '../shared/access.ts';
import { AppError } from '../shared/errors.ts';
import type { Permission } from './permissions.ts';

export const SESSION_COOKIE = 'styrerom_sesjon';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RouteEntry {
  method: string;
  url: string;
  permission: Permission | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route with the permission it declared (HEAD twins left out). */
    accessRoutes: RouteEntry[];
  }
}

export function sessionLimits(config: Config) {
  return { idleMs: config.auth.sessionIdleMinutes * 60_000, absoluteMs: config.auth.sessionAbsoluteHours * 3_600_000 };
}

/** Pages (not /api, not /health) answer anonymous GETs with a redirect to the login page. */
function isPage(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? '/';
  return (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api') && path !== '/health';
}

function bearerOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m?.[1];
}

async function identify(req: FastifyRequest, deps: AppDeps, now: Date): Promise<AuthUser | null> {
  const bearer = bearerOf(req);
  if (bearer !== undefined) {
    const token = await userOfToken(deps.db, bearer, now);
    if (!token) throw new AppError('UNAUTHENTICATED', 'API-nøkkelen er ugyldig eller trukket tilbake');
    const user = await activeUser(deps.db, token.userId, 'token');
    if (!user) throw new AppError('UNAUTHENTICATED', 'API-nøkkelen tilhører en deaktivert bruker');
    return user;
  }
  const sessionId = req.cookies[SESSION_COOKIE];
  if (!sessionId) return null;
  const userId = await touchSession(deps.db, sessionId, now, sessionLimits(deps.config));
  return userId === undefined ? null : ((await activeUser(deps.db, userId, 'session')) ?? null);
}

/**
 * Cross-site request forgery: an unsafe request authenticated by the cookie must come from our own
 * origin. Browsers say so in Sec-Fetch-Site (Fetch Metadata); without it, Origin (else Referer) must
 * be ours. (Our Referrer-Policy is no-referrer, so Chromium sends `Origin: null` on form posts; the
 * fetch metadata is what tells.) SameSite=Lax on the cookie is the second line.
 */
export function checkSameOrigin(req: FastifyRequest, required: boolean): void {
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin ?? originOfReferer(req.headers.referer);
  const own = `${req.protocol}://${req.host}`;
  const refused =
    site !== undefined
      ? site !== 'same-origin' && site !== 'none'
      : (origin !== undefined && origin !== own) || (required && origin === undefined);
  if (refused) {
    throw new AppError('FORBIDDEN', 'Forespørselen kom ikke fra Styrerom selv og ble avvist (vern mot forfalskede forespørsler)', {
      details: { reason: 'csrf' },
    });
  }
}

function originOfReferer(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

function loginRedirect(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.redirect(`/logg-inn?neste=${encodeURIComponent(req.url)}`, 303);
}

export function installAccessControl(app: FastifyInstance, deps: AppDeps): void {
  const routes: RouteEntry[] = [];
  app.decorate('accessRoutes', routes);
  app.decorateRequest('user', null);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' && methods.length === 1 && routes.some((r) => r.url === route.url && r.method === 'GET')) continue;
      // Read at use time: a later onRoute hook (Swagger UI's scope) may still set the permission.
      routes.push({
        method,
        url: route.url,
        get permission() {
          return route.config?.permission;
        },
      });
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    const permission = req.routeOptions.config?.permission;
    // A public route (/health) must answer even when the credentials cannot be checked.
    req.user = permission === 'public' ? await identify(req, deps, new Date()).catch(() => null) : await identify(req, deps, new Date());
    const unsafe = !SAFE_METHODS.has(req.method);
    if (unsafe && req.user?.via !== 'token') checkSameOrigin(req, req.user !== null);
    if (permission === 'public') return;
    if (!req.user) {
      if (isPage(req)) return loginRedirect(req, reply);
      throw new AppError('UNAUTHENTICATED', 'Du må logge inn for å se dette');
    }
    if (req.is404) return; // the not-found handler answers (signed-in users only)
    if (permission === undefined) throw new AppError('FORBIDDEN', 'Denne adressen har ingen tilgangsregel og er stengt');
    if (!holds(req.user, permission)) {
      throw new AppError('FORBIDDEN', 'Rollen din gir ikke tilgang til dette', { details: { required: permission } });
    }
  });

  app.addHook('onResponse', async (req, reply) => {
    if (SAFE_METHODS.has(req.method) || !req.user || req.routeOptions.config?.permission === 'public') return;
    await recordAudit(
      deps.db,
      {
        action: req.user.via === 'token' ? 'token.mutation' : 'request.mutation',
        actor: req.user.email,
        address: req.ip,
        target: `${req.method} ${req.url.split('?')[0]}`,
        detail: { status: reply.statusCode },
      },
      new Date(),
    ).catch((err: unknown) => req.log.error({ err }, 'audit write failed'));
  });
}
