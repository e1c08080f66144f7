/**
 * Access control on both dialects: every registered route declares a permission; 401/403/200 per
 * role for each route class; sessions (cookie flags, logout, idle and absolute expiry); API tokens
 * from the CLI and their revocation; the login rate limit; CSRF; audit entries for each kind of event.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../src/auth/audit.queries.ts';
import { createContext } from '../src/cli/context.ts';
import { findCommand } from '../src/cli/dispatch.ts';
import { builtinCommands } from '../src/cli/run.ts';
import { loadConfig } from '../src/config.ts';
import { domains } from '../src/domains.ts';
import { buildApp } from '../src/server/app.ts';
import type { Role } from '../src/shared/access.ts';
import { bearerHeaders, createTestUser, INJECT_ORIGIN, loginWithPassword } from './support/auth.ts';
import { describeEachDialect, freshDatabase } from './support/databases.ts';

const silent = pino({ level: 'silent' });

describe('every registered route declares a permission', () => {
  it('finds none without one among the real domains and the core routes', async () => {
    const open = await freshDatabase('sqlite');
    const app = await buildApp({ config: loadConfig({}), db: open.db, domains, logger: silent });
    await app.ready();
    const routes = app.accessRoutes;
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.filter((r) => r.permission === undefined).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const of = (method: string, url: string) => routes.find((r) => r.method === method && r.url === url)?.permission;
    expect(of('GET', '/health')).toBe('public');
    expect(of('GET', '/logg-inn')).toBe('public');
    expect(of('GET', '/api/workforce/aml/breaches')).toBe('hr');
    expect(of('GET', '/arbeidstid/brudd')).toBe('hr');
    expect(of('GET', '/api/kpis')).toBe('read');
    expect(of('POST', '/api/imports/:kind')).toBe('edit');
    expect(of('GET', '/revisjonslogg')).toBe('admin');
    await app.close();
    await open.close();
  });
});

describeEachDialect('access control', (ctx) => {
  let app: FastifyInstance;
  const dir = mkdtempSync(join(tmpdir(), 'styrerom-access-'));
  const env = { STYREROM_PERIOD: '2025-05', STYREROM_LOGIN_MAX_PER_ACCOUNT: '3' };
  beforeAll(async () => {
    app = await buildApp({ config: loadConfig(env), db: ctx.db, domains, logger: silent });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const as = async (roles: Role[]) => bearerHeaders(ctx.db, roles);

  it('answers 401 to anonymous API requests, redirects anonymous page views to the login page, and lets /health through', async () => {
    expect((await app.inject({ url: '/api/kpis' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/kpis' })).json().error.code).toBe('UNAUTHENTICATED');
    const page = await app.inject({ url: '/risiko?period=2025-05' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/logg-inn?neste=%2Frisiko%3Fperiod%3D2025-05');
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/logg-inn' })).body).toContain('<label for="passord">Passord</label>');
  });

  const classes: { name: string; method: 'GET' | 'POST'; url: string; allowed: Role[] }[] = [
    { name: 'aggregates (read)', method: 'GET', url: '/api/kpis?period=2025-05', allowed: ['reader', 'editor', 'hr', 'approver', 'admin'] },
    { name: 'employee-level data (hr)', method: 'GET', url: '/api/workforce/aml/breaches?period=2025-05', allowed: ['hr'] },
    { name: 'edits (edit)', method: 'POST', url: '/api/risks/roll-forward', allowed: ['editor'] },
    { name: 'approval (approve)', method: 'POST', url: '/api/report/2025-05/actions/approve', allowed: ['approver'] },
    { name: 'audit trail (admin)', method: 'GET', url: '/api/audit', allowed: ['admin'] },
  ];
  for (const c of classes) {
    it(`gives 401 / 403 / allowed per role for ${c.name}`, async () => {
      const anonymous = await app.inject({ method: c.method, url: c.url, ...(c.method === 'POST' ? { payload: {} } : {}) });
      expect(anonymous.statusCode).toBe(401);
      for (const role of ['reader', 'editor', 'hr', 'approver', 'admin'] as Role[]) {
        const res = await app.inject({
          method: c.method,
          url: c.url,
          headers: await as([role]),
          ...(c.method === 'POST' ? { payload: {} } : {}),
        });
        if (c.allowed.includes(role)) expect([401, 403], `${role}: ${res.body}`).not.toContain(res.statusCode);
        else expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
      }
    });
  }

  it('shows a Norwegian 403 page to a reader on the HR breach list, while the AML page itself is open to readers', async () => {
    const headers = await as(['reader']);
    const denied = await app.inject({ url: '/arbeidstid/brudd?period=2025-05', headers });
    expect(denied.statusCode).toBe(403);
    expect(denied.body).toContain('Ingen tilgang');
    const aml = await app.inject({ url: '/arbeidstid?period=2025-05', headers });
    expect(aml.statusCode).toBe(200);
  });

  it('signs in with POST /api/session: an HttpOnly SameSite=Lax cookie; the same 401 for a wrong password and an unknown user', async () => {
    const user = await createTestUser(ctx.db, ['reader']);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email.toUpperCase(), password: user.password },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ email: user.email, roles: ['reader'] });
    const setCookie = String(ok.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const wrong = await app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: 'feil-feil-feil' } });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'ingen@test.example', password: 'feil-feil-feil' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
  });

  it('marks the cookie Secure behind an HTTPS proxy it is told to trust', async () => {
    const proxied = await buildApp({ config: loadConfig({ ...env, STYREROM_TRUST_PROXY: '1' }), db: ctx.db, domains: [], logger: silent });
    const user = await createTestUser(ctx.db, ['reader']);
    const res = await proxied.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: user.email, password: user.password },
    });
    expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    await proxied.close();
  });

  it('ends a session on DELETE /api/session, after the idle timeout and after the absolute timeout', async () => {
    const login = async () => (await loginWithPassword(app, ctx.db, ['reader'])).headers;
    const a = await login();
    expect((await app.inject({ url: '/api/session', headers: a })).json()).toMatchObject({ via: 'session' });
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: a })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/session', headers: a })).statusCode).toBe(401);

    const b = await login();
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() })
      .execute();
    expect((await app.inject({ url: '/api/kpis', headers: b })).statusCode).toBe(401);

    const c = await login();
    const longAgo = new Date(Date.now() - 13 * 3_600_000).toISOString();
    await ctx.db.updateTable('sessions').set({ created_at: longAgo }).execute();
    expect((await app.inject({ url: '/api/kpis', headers: c })).statusCode).toBe(401);
  });

  it('refuses cookie-authenticated mutations from another origin or without one; API tokens need no origin', async () => {
    const { headers } = await loginWithPassword(app, ctx.db, ['editor']);
    const forged = await app.inject({
      method: 'POST',
      url: '/api/risks/roll-forward',
      headers: { ...headers, origin: 'https://evil.example' },
      payload: {},
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.details).toEqual({ reason: 'csrf' });
    const { origin: _, ...noOrigin } = headers;
    expect((await app.inject({ method: 'POST', url: '/api/risks/roll-forward', headers: noOrigin, payload: {} })).statusCode).toBe(403);
    const fromFetch = await app.inject({
      method: 'POST',
      url: '/api/risks/roll-forward',
      headers: { ...noOrigin, 'sec-fetch-site': 'cross-site' },
      payload: {},
    });
    expect(fromFetch.statusCode).toBe(403);
    const same = await app.inject({
      method: 'POST',
      url: '/api/risks/roll-forward',
      headers: { ...headers, origin: INJECT_ORIGIN },
      payload: {},
    });
    expect([401, 403]).not.toContain(same.statusCode);
    const token = await app.inject({ method: 'POST', url: '/api/risks/roll-forward', headers: await as(['editor']), payload: {} });
    expect([401, 403]).not.toContain(token.statusCode);
  });

  it('answers 429 with Retry-After once an account has too many wrong passwords', async () => {
    const user = await createTestUser(ctx.db, ['reader']);
    const attempt = (password: string) => app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password } });
    for (let i = 0; i < 3; i++) expect((await attempt('feil-passord')).statusCode).toBe(401);
    const limited = await attempt(user.password);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('900');
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });

  it('creates users and tokens from the CLI; a revoked token is refused; the audit trail records each kind of event', async () => {
    // The built-in commands, run on this dialect's test database (as `styrerom <argv>` would).
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const found = findCommand(builtinCommands(domains), argv);
      if (!found) throw new Error(`no command ${argv.join(' ')}`);
      const base = createContext({
        config: loadConfig({}),
        domains,
        databaseFlag: undefined,
        stdout: (t) => out.push(t),
        stderr: () => {},
      });
      const open = { db: ctx.db, dialect: ctx.dialect, description: 'test', close: async () => {} };
      expect(await found.command.run(found.rest, { ...base, openDb: async () => open })).toBe(0);
      return out.join('');
    };
    const passwordFile = join(dir, 'pw');
    writeFileSync(passwordFile, 'et-langt-nok-passord\n');
    await cli('user', 'add', 'kari@test.example', '--role', 'reader,editor', '--password-file', passwordFile);
    await cli('user', 'set-role', 'kari@test.example', '--role', 'editor');
    expect(await cli('user', 'list')).toMatch(/kari@test\.example\teditor\taktiv/);
    const token = (await cli('token', 'create', 'kari@test.example', '--name', 'integrasjon')).trim().split('\n').at(-1) as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: '/api/session', headers: bearer })).json()).toMatchObject({ email: 'kari@test.example', via: 'token' });
    expect(
      (await app.inject({ method: 'POST', url: '/api/risks/roll-forward', headers: bearer, payload: { period: '2025-05' } })).statusCode,
    ).toBeLessThan(500);
    await cli('token', 'revoke', 'kari@test.example', '--name', 'integrasjon');
    expect((await app.inject({ url: '/api/kpis', headers: bearer })).statusCode).toBe(401);

    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'kari@test.example', password: 'et-langt-nok-passord' },
    });
    expect(login.statusCode).toBe(200);
    await cli('user', 'disable', 'kari@test.example');
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await app.inject({ url: '/api/kpis', headers: { cookie } })).statusCode).toBe(401);

    const actions = new Set((await listAudit(ctx.db, { limit: 5000 })).map((e) => e.action));
    for (const a of [
      'login.success',
      'login.failure',
      'login.limited',
      'logout',
      'token.mutation',
      'request.mutation',
      'user.add',
      'user.roles',
      'user.disable',
      'token.create',
      'token.revoke',
    ]) {
      expect(actions, a).toContain(a);
    }
    const roles = (await listAudit(ctx.db, { action: 'user.roles' }))[0];
    expect(roles?.detail).toEqual({ before: { roles: ['reader', 'editor'] }, after: { roles: ['editor'] } });
    const json = JSON.parse(await cli('audit', 'list', '--json', '--since', '2000-01-01'));
    expect(json.length).toBeGreaterThan(10);
    const page = await app.inject({ url: '/revisjonslogg', headers: await as(['admin']) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<th scope="col">Hendelse</th>');
    expect(page.body).toContain('Mislykket innlogging');
  });
});
