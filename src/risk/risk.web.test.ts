import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../test/support/auth.ts';
import { loadConfig } from '../config.ts';
import { buildApp } from '../server/app.ts';
import { type OpenDatabase, openDatabase } from '../storage/db.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { riskModule } from './risk.module.ts';

describe('web pages /risiko', () => {
  let app: FastifyInstance;
  let open: OpenDatabase;
  beforeAll(async () => {
    open = openDatabase('sqlite::memory:');
    await migrateToLatest(open.db);
    const built = await buildApp({
      config: loadConfig({ STYREROM_PERIOD: '2025-05' }),
      db: open.db,
      domains: [riskModule],
      logger: pino({ level: 'silent' }),
    });
    app = await signInAs(built, open.db, ['editor']);
  });
  afterAll(async () => {
    await app.close();
    await open.close();
  });
  const form = (url: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  it('shows an empty register with the heat map and the navigation item', async () => {
    const res = await app.inject({ url: '/risiko?period=2025-05' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Virksomhetsrisiko');
    expect(res.body).toContain('aria-current="page">Virksomhetsrisiko</a>');
    expect(res.body).toContain('class="risk-heatmap"');
    expect(res.body).toContain('Ingen åpne risikoer på nivå 8 eller høyere.');
  });

  it('re-shows the new-risk form with Norwegian messages on bad input', async () => {
    const res = await form('/risiko?period=2025-05', { id: 'OR 1', title: '', opened: '31.02.2025' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Skjemaet har 3 feil');
    expect(res.body).toContain('Tittel må fylles ut');
    expect(res.body).toContain('Åpnet-dato «31.02.2025» er ikke en gyldig dato');
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain('value="OR 1"');
  });

  it('creates a risk and redirects to it (POST-redirect-GET)', async () => {
    const res = await form('/risiko?period=2025-05', {
      id: 'OR-1',
      title: 'Forsinket leveranse',
      owner: 'Eier',
      category: 'delivery',
      scope: 'enterprise',
      opened: '2025-01-02',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/risiko/OR-1?period=2025-05&melding=opprettet');
    const page = await app.inject({ url: res.headers.location as string });
    expect(page.body).toContain('Risikoen er opprettet.');
    expect(page.body).toContain('Ingen vurdering gjelder for perioden.');
  });

  it('refuses a reused id on the form', async () => {
    const res = await form('/risiko?period=2025-05', { id: 'OR-1', title: 'Igjen', opened: '2025-01-02' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Risiko-ID OR-1 er allerede i bruk');
  });

  it('adds an assessment through the form and the heat map counts it', async () => {
    const bad = await form('/risiko/OR-1/vurderinger', { period: '2025-05', probability: '7', consequence: '', assessed_by: 'Eier' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Sannsynlighet må være et heltall fra 1 til 5, ikke «7»');
    expect(bad.body).toContain('Konsekvens må fylles ut (1–5)');
    const before = await form('/risiko/OR-1/vurderinger', { period: '2024-12', probability: '3', consequence: '4', assessed_by: 'Eier' });
    expect(before.body).toContain('perioden 2024-12 er før risikoen ble åpnet (2025-01-02)');
    const ok = await form('/risiko/OR-1/vurderinger', {
      period: '2025-05',
      probability: '3',
      consequence: '4',
      status_text: 'Tiltak pågår.',
      assessed_by: 'Eier',
      assessed_at: '2025-05-20',
      state: 'final',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/risiko/OR-1?period=2025-05&melding=vurdering');
    const register = await app.inject({ url: '/risiko?period=2025-05' });
    expect(register.body).toContain('data-probability="3" data-consequence="4" data-count="1"');
    expect(register.body).toContain('[OR-1] Forsinket leveranse:');
  });

  it('filters by heat-map cell and sorts by column', async () => {
    await form('/risiko?period=2025-05', { id: 'OR-2', title: 'Annen', opened: '2025-01-02' });
    await form('/risiko/OR-2/vurderinger', { period: '2025-05', probability: '1', consequence: '2', assessed_by: 'Eier' });
    const cell = await app.inject({ url: '/risiko?period=2025-05&p=1&c=2' });
    expect(cell.body).toContain('href="/risiko/OR-2?period=2025-05"');
    expect(cell.body).not.toContain('href="/risiko/OR-1?period=2025-05"');
    const byId = await app.inject({ url: '/risiko?period=2025-05&sort=id&order=desc' });
    expect(byId.body.indexOf('/risiko/OR-2?')).toBeLessThan(byId.body.indexOf('/risiko/OR-1?'));
    expect(byId.body).toContain('aria-sort="descending"');
  });

  it('shows no English code in the risk form: the organisation’s own risks have an empty scope field', async () => {
    for (const url of ['/risiko/ny?period=2025-05', '/risiko/OR-2/endre?period=2025-05']) {
      const page = await app.inject({ url });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('enterprise');
      expect(page.body).toContain('Tomt for foretaket, ellers prosjektets ID');
    }
  });

  it('edits and closes a risk, keeping the versions', async () => {
    const edit = await form('/risiko/OR-2?period=2025-05', { title: 'Annen (endret)', opened: '2025-01-02', scope: 'enterprise' });
    expect(edit.statusCode).toBe(303);
    const close = await form('/risiko/OR-2/lukk?period=2025-05', { closed: '2025-05-30' });
    expect(close.statusCode).toBe(303);
    const page = await app.inject({ url: '/risiko/OR-2?period=2025-05' });
    expect(page.body).toContain('Endringslogg (3 versjoner)');
    expect(page.body).toContain('30.05.2025');
  });

  it('rolls the register forward and says how many drafts were made', async () => {
    const res = await form('/risiko/rull-fram', { period: '2025-06' });
    expect(res.headers.location).toBe('/risiko?period=2025-06&melding=rullet&antall=1');
    const page = await app.inject({ url: res.headers.location as string });
    expect(page.body).toContain('1 utkast ble laget');
    expect(page.body).toContain('utkast</span>');
  });
});
