/**
 * Single sign-on against a REAL OpenID Connect provider (oidc-provider) running in this process on
 * port 0, on both dialects: the browser walk (redirects followed by hand, the provider's cookies kept
 * in a small jar, its login interaction answered by the test), the session cookie that results, the
 * role claim mapped to roles (403 on an hr route for a reader claim, 200 for an hr claim), the user
 * created by e-mail and its roles following the claim, refusals, and the audit entries.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import Provider from 'oidc-provider';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../src/auth/audit.queries.ts';
import { mapRoles, openPending, sealPending } from '../src/auth/oidc.ts';
import { findUserByEmail, listUsers } from '../src/auth/users.queries.ts';
import { loadConfig } from '../src/config.ts';
import { domains } from '../src/domains.ts';
import { buildApp } from '../src/server/app.ts';
import { describeEachDialect } from './support/databases.ts';

const silent = pino({ level: 'silent' });
const CLIENT_ID = 'styrerom';
const CLIENT_SECRET = 'en-lang-hemmelighet-bare-for-testen-0123456789';
const REDIRECT = 'http://localhost/logg-inn/sso/callback';

/** The accounts the provider knows: subject → claims (the `grupper` claim carries the roles). */
const ACCOUNTS: Record<string, { email: string; name: string; grupper: string[] }> = {
  'sub-hr': { email: 'Hanne.HR@sykehus.example', name: 'Hanne HR', grupper: ['alle-ansatte', 'styrerom-hr'] },
  'sub-les': { email: 'lars.leser@sykehus.example', name: 'Lars Leser', grupper: ['styrerom-les'] },
  'sub-ingen': { email: 'ingen@sykehus.example', name: 'Ingen Tilgang', grupper: ['alle-ansatte'] },
};

interface LocalProvider {
  issuer: string;
  /** Who signs in at the provider's next login interaction. */
  signInAs: (subject: string) => void;
  close: () => Promise<void>;
}

async function startProvider(): Promise<LocalProvider> {
  let subject = 'sub-les';
  let provider: Provider | undefined;
  const server: Server = createServer((req, res) => {
    const p = provider as Provider;
    if (!req.url?.startsWith('/interaction/')) return void p.callback()(req, res);
    // The provider's login (and consent) page: the test is the user and signs in as `subject`.
    void (async () => {
      const details = await p.interactionDetails(req, res);
      const grant = new p.Grant({ accountId: subject, clientId: CLIENT_ID });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await p.interactionFinished(req, res, { login: { accountId: subject }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], grupper: ['grupper'] },
    scopes: ['openid', 'email', 'profile', 'grupper'],
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: ['en-nokkel-bare-for-testen'] },
    findAccount: async (_ctx, sub) => {
      const account = ACCOUNTS[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email_verified: true, ...account }) };
    },
  });
  return {
    issuer,
    signInAs: (s) => {
      subject = s;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's cookie jar for the provider's origin (name → value). */
function keepCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = (pair ?? '').indexOf('=');
    const name = (pair ?? '').slice(0, at);
    const value = (pair ?? '').slice(at + 1);
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

/** Follows the provider's redirects until one leads back to the app; returns that URL. */
async function throughProvider(start: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.href.startsWith(REDIRECT)) return url;
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    keepCookies(jar, res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} without a redirect: ${await res.text()}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects at the provider');
}

function cookieOf(res: LightMyRequestResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

describe('the pieces of single sign-on', () => {
  it('maps claim values (an array or one string) to roles and ignores values without a mapping', () => {
    const map = [
      ['styrerom-hr', 'hr'],
      ['styrerom-hr', 'reader'],
      ['styrerom-les', 'reader'],
    ] as const;
    expect(mapRoles(['x', 'styrerom-hr'], map)).toEqual(['hr', 'reader']);
    expect(mapRoles('styrerom-les x', map)).toEqual(['reader']);
    expect(mapRoles(undefined, map)).toEqual([]);
  });

  it('reads back a pending login only with the right key and before it expires', () => {
    const pending = { state: 's', nonce: 'n', verifier: 'v', next: '/risiko', expires: 2_000 };
    const sealed = sealPending('hemmelig', pending);
    expect(openPending('hemmelig', sealed, 1_000)).toEqual(pending);
    expect(openPending('annen', sealed, 1_000)).toBeUndefined();
    expect(openPending('hemmelig', sealed, 3_000)).toBeUndefined();
    expect(openPending('hemmelig', `${sealed}x`, 1_000)).toBeUndefined();
  });

  it('refuses a half-done configuration and a role map naming an unknown role', () => {
    expect(() => loadConfig({ STYREROM_OIDC_ISSUER: 'https://idp.example' })).toThrow(/STYREROM_OIDC_CLIENT_ID/);
    const env = {
      STYREROM_OIDC_ISSUER: 'https://idp.example',
      STYREROM_OIDC_CLIENT_ID: 'a',
      STYREROM_OIDC_CLIENT_SECRET: 'b',
      STYREROM_OIDC_REDIRECT_URL: 'https://styrerom.example/logg-inn/sso/callback',
    };
    expect(() => loadConfig({ ...env, STYREROM_OIDC_ROLE_MAP: 'gruppe=sjef' })).toThrow(/gruppe=sjef/);
    expect(loadConfig({ ...env, STYREROM_OIDC_ROLE_MAP: 'a=hr, b=reader' }).auth.oidc?.roleMap).toEqual([
      ['a', 'hr'],
      ['b', 'reader'],
    ]);
    expect(loadConfig({}).auth.oidc).toBeUndefined();
  });
});

describeEachDialect('single sign-on with a local OpenID Connect provider', (ctx) => {
  let provider: LocalProvider;
  let app: FastifyInstance;
  beforeAll(async () => {
    provider = await startProvider();
    const env = {
      STYREROM_PERIOD: '2025-05',
      STYREROM_OIDC_ISSUER: provider.issuer,
      STYREROM_OIDC_CLIENT_ID: CLIENT_ID,
      STYREROM_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      STYREROM_OIDC_REDIRECT_URL: REDIRECT,
      STYREROM_OIDC_SCOPES: 'openid email profile grupper',
      STYREROM_OIDC_ROLE_CLAIM: 'grupper',
      STYREROM_OIDC_ROLE_MAP: 'styrerom-hr=hr,styrerom-hr=reader,styrerom-les=reader',
    };
    app = await buildApp({ config: loadConfig(env), db: ctx.db, domains, logger: silent });
  });
  afterAll(async () => {
    await app.close();
    await provider.close();
  });

  /** The whole walk: /logg-inn/sso → provider → callback. Returns the callback's answer. */
  async function ssoLogin(subject: string, next = '/risiko'): Promise<LightMyRequestResponse> {
    provider.signInAs(subject);
    const start = await app.inject({ url: `/logg-inn/sso?neste=${encodeURIComponent(next)}` });
    expect(start.statusCode).toBe(303);
    const authorize = new URL(start.headers.location as string);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const pending = cookieOf(start, 'styrerom_sso') as string;
    expect(start.cookies.find((c) => c.name === 'styrerom_sso')?.httpOnly).toBe(true);
    const back = await throughProvider(authorize.href);
    expect(back.searchParams.get('code')).toBeTruthy();
    return app.inject({ url: `${back.pathname}${back.search}`, headers: { cookie: `styrerom_sso=${pending}` } });
  }

  const session = (res: LightMyRequestResponse) => ({ cookie: `styrerom_sesjon=${cookieOf(res, 'styrerom_sesjon')}` });

  it('shows the SSO link on the login page when configured', async () => {
    const page = await app.inject({ url: '/logg-inn?neste=/risiko' });
    expect(page.body).toContain('href="/logg-inn/sso?neste=%2Frisiko"');
    expect(page.body).toContain('Logg inn med SSO');
  });

  it('signs in a reader claim: a database session that reads aggregates but gets 403 on an hr route', async () => {
    const res = await ssoLogin('sub-les');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/risiko');
    expect(res.cookies.find((c) => c.name === 'styrerom_sesjon')?.httpOnly).toBe(true);
    const me = await app.inject({ url: '/api/session', headers: session(res) });
    expect(me.json()).toEqual({ email: 'lars.leser@sykehus.example', name: 'Lars Leser', roles: ['reader'], via: 'session' });
    expect((await app.inject({ url: '/api/kpis?period=2025-05', headers: session(res) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/workforce/aml/breaches?period=2025-05', headers: session(res) })).statusCode).toBe(403);
    const row = await findUserByEmail(ctx.db, 'lars.leser@sykehus.example');
    expect(row?.oidc_subject).toBe('sub-les');
    expect(row?.password_hash).toBeNull();
  });

  it('signs in an hr claim (e-mail matched case-insensitively) and lets it see employee-level data', async () => {
    const res = await ssoLogin('sub-hr', '/');
    expect(res.statusCode).toBe(303);
    const me = await app.inject({ url: '/api/session', headers: session(res) });
    expect(me.json().roles).toEqual(['reader', 'hr']);
    expect(me.json().email).toBe('hanne.hr@sykehus.example');
    expect((await app.inject({ url: '/api/workforce/aml/breaches?period=2025-05', headers: session(res) })).statusCode).toBe(200);
  });

  it('lets the roles follow the claim at the next sign-in, audited with before and after', async () => {
    const { setRoles } = await import('../src/auth/users.queries.ts');
    const row = await findUserByEmail(ctx.db, 'lars.leser@sykehus.example');
    await setRoles(ctx.db, row?.id as number, ['admin']);
    const res = await ssoLogin('sub-les');
    expect(res.statusCode).toBe(303);
    expect((await app.inject({ url: '/api/session', headers: session(res) })).json().roles).toEqual(['reader']);
    const [change] = await listAudit(ctx.db, { action: 'user.roles' });
    expect(change).toMatchObject({
      actor: 'sso',
      target: 'lars.leser@sykehus.example',
      detail: { before: { roles: ['admin'] }, after: { roles: ['reader'] } },
    });
  });

  it('refuses an account whose claim maps to no role, and creates no user for it', async () => {
    const res = await ssoLogin('sub-ingen');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Kontoen din har ingen rolle i Styrerom');
    expect(cookieOf(res, 'styrerom_sesjon')).toBeUndefined();
    expect((await listUsers(ctx.db)).map((u) => u.email)).not.toContain('ingen@sykehus.example');
  });

  it('refuses a callback without the pending-login cookie or with a forged state', async () => {
    const missing = await app.inject({ url: '/logg-inn/sso/callback?code=x&state=y' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Innloggingen var utløpt eller ugyldig');
    const start = await app.inject({ url: '/logg-inn/sso' });
    const pending = cookieOf(start, 'styrerom_sso') as string;
    const forged = await app.inject({ url: '/logg-inn/sso/callback?code=x&state=feil', headers: { cookie: `styrerom_sso=${pending}` } });
    expect(forged.statusCode).toBe(401);
    expect(cookieOf(forged, 'styrerom_sesjon')).toBeUndefined();
  });

  it('audits each SSO sign-in and each refusal', async () => {
    const entries = await listAudit(ctx.db, {});
    const successes = entries.filter((e) => e.action === 'login.success' && e.detail?.method === 'sso');
    expect(successes.map((e) => e.actor)).toEqual(['lars.leser@sykehus.example', 'hanne.hr@sykehus.example', 'lars.leser@sykehus.example']);
    expect(entries.filter((e) => e.action === 'user.add' && e.actor === 'sso').map((e) => e.target)).toEqual([
      'hanne.hr@sykehus.example',
      'lars.leser@sykehus.example',
    ]);
    expect(entries.filter((e) => e.action === 'login.failure' && e.detail?.method === 'sso')).toHaveLength(2);
  });
});
