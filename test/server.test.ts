import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeDomain, type TestApp, testApp } from './server-support.ts';

describe('buildApp() without domains', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t.close());

  it('answers /health with 200 ok on SQLite', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document at /api/docs/json, generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/api/kpis', '/api/imports', '/api/imports/{kind}']));
    expect(Object.keys(doc.paths)).not.toContain('/');
    expect(doc.paths['/api/kpis'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'period', in: 'query' })]),
    );
  });

  it('serves Swagger UI at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    const page = res.statusCode === 302 ? await t.app.inject({ method: 'GET', url: res.headers.location as string }) : res;
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
  });

  it('sends security headers with a CSP that allows our inline styles but only our own scripts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('sends HSTS only over HTTPS: never over plain HTTP, and behind a trusted proxy only for https', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const spoofed = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    const proxied = await testApp([], { STYREROM_TRUST_PROXY: '1' });
    try {
      const https = await proxied.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const http = await proxied.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'http' } });
      expect(http.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });

  it('renders the shell on / with the organisation, the period picker and the empty state', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="nb">');
    expect(res.body).toContain('Testforetaket');
    expect(res.body).toContain('<label for="period">Periode</label>');
    expect(res.body).toContain('<option value="2025-05" selected>mai 2025</option>');
    expect(res.body).toContain('Ingen data for mai 2025 ennå');
    expect(res.body).toMatch(/<header[\s\S]*<nav[\s\S]*<main id="main"[\s\S]*<footer/);
  });

  it('answers an invalid ?period on /api with 400 VALIDATION in the JSON error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/kpis?period=2025-13' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toMatch(/Ugyldig/);
    expect(body.error.problems[0].column).toContain('period');
  });

  it('answers an invalid ?period on a web page with a Norwegian 400 page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/?period=mai' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Ugyldig periode «mai»');
    expect(res.body).toContain('<html lang="nb">');
  });

  it('answers unknown pages with a Norwegian 404 page and unknown API paths with JSON', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/finnes-ikke' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Fant ikke siden');
    const api = await t.app.inject({ method: 'GET', url: '/api/finnes-ikke' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
  });

  it('renders the Norwegian user guide (docs/brukerveiledning) and answers 404 for unknown pages', async () => {
    const index = await t.app.inject({ method: 'GET', url: '/dokumentasjon' });
    expect(index.body).toContain('<a href="/dokumentasjon/import">Importere data</a>');
    const guide = await t.app.inject({ method: 'GET', url: '/dokumentasjon/rapporten' });
    expect(guide.statusCode).toBe(200);
    expect(guide.body).toContain('<h1>Månedsrapporten</h1>');
    expect((await t.app.inject({ method: 'GET', url: '/dokumentasjon/nosuch' })).statusCode).toBe(404);
  });

  it('serves the stylesheet with a print section', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/static/app.css' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/css');
    expect(res.body).toContain('@media print');
  });
});

describe('buildApp() with a domain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp([fakeDomain]);
  });
  afterAll(async () => t.close());

  it('maps an AppError thrown by a domain route to its status and JSON body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/fake/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'CONFLICT', message: 'Rapporten er publisert og kan ikke endres', problems: [] } });
  });

  it('hides the details of unexpected errors behind 500 INTERNAL', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/fake/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.body).not.toContain('secret internals');
  });

  it('returns every KPI unrounded from /api/kpis in the `styrerom kpi --json` shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/kpis?period=2025-05' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      period: '2025-05',
      kpis: [
        { id: 'fake.rate', label: 'Testrate', value: 1.4412, unit: 'percent', target: { op: '<', value: 5 }, status: 'met' },
        { id: 'fake.count', label: 'Antall ting', value: 9, unit: 'count', target: null, status: 'none' },
      ],
    });
  });

  it('shows KPI tiles with value, target and a status text on the overview, and the domain in the navigation', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/?period=2025-05' });
    expect(res.body).toContain('1,44\u00a0%');
    expect(res.body).toContain('Mål: &lt; 5\u00a0%');
    expect(res.body).toContain('✓ Mål nådd');
    expect(res.body).toContain('Ingen mål');
    expect(res.body).toContain('<a href="/fake?period=2025-05">Testområde</a>');
    expect(res.body).not.toContain('Ingen data for');
  });

  it('shows the empty state for a month without data', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/?period=2025-04' });
    expect(res.body).toContain('Ingen data for april 2025 ennå');
  });

  it('registers domain web routes at the root and tags domain API routes in the OpenAPI document', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/fake' })).body).toBe('<p>fake</p>');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.paths['/api/fake/conflict'].get.tags).toEqual(['fake']);
    expect(doc.paths['/fake']).toBeUndefined();
  });
});
