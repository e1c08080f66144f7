import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInAs } from '../../test/support/auth.ts';
import { describeEachDialect } from '../../test/support/databases.ts';
import { loadConfig } from '../config.ts';
import { buildApp } from '../server/app.ts';
import { riskModule } from './risk.module.ts';

const risk = (id: string, title: string, opened = '2025-01-05') => ({ id, title, owner: 'Eier', category: 'economy', opened });

describeEachDialect('risk API', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const config = loadConfig({ STYREROM_PERIOD: '2025-05' });
    const built = await buildApp({ config, db: ctx.db, domains: [riskModule], logger: pino({ level: 'silent' }) });
    app = await signInAs(built, ctx.db, ['editor', 'admin']);
  });
  afterAll(async () => {
    await app.close();
  });
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });
  const assess = (id: string, period: string, probability: number, consequence: number, statusText = `${id} ${period}`) =>
    post(`/api/risks/${id}/assessments`, { period, probability, consequence, statusText, assessedBy: 'Eier', assessedAt: `${period}-20` });

  it('creates risks and refuses a reused id', async () => {
    for (const [id, title] of [
      ['OR-100', 'Hundre'],
      ['OR-99', 'Nittini'],
      ['OR-5', 'Fem'],
      ['OR-7', 'Sju'],
    ] as const) {
      const res = await post('/api/risks', risk(id, title));
      expect(res.statusCode).toBe(201);
    }
    expect((await post('/api/risks', risk('OR-5', 'Igjen'))).statusCode).toBe(409);
    const bad = await post('/api/risks', { id: 'OR-8', title: 'Dato', opened: '2025-02-30' });
    expect(bad.statusCode).toBe(400);
    // A date that is not in the calendar fails at the schema, naming the field.
    expect(bad.json().error.problems[0].message).toBe('«body.opened» er ikke en gyldig dato ÅÅÅÅ-MM-DD (år 2000–2100)');
  });

  it('adds assessments and rejects a probability outside 1–5 and an unknown risk', async () => {
    expect((await assess('OR-100', '2025-04', 2, 4)).statusCode).toBe(201);
    expect((await assess('OR-100', '2025-05', 3, 3)).statusCode).toBe(201);
    expect((await assess('OR-99', '2025-02', 3, 4)).statusCode).toBe(201);
    expect((await assess('OR-5', '2025-05', 4, 3)).statusCode).toBe(201);
    expect((await assess('OR-7', '2025-05', 2, 3)).statusCode).toBe(201);
    expect((await assess('OR-7', '2025-05', 6, 3)).statusCode).toBe(400);
    expect((await assess('OR-404', '2025-05', 1, 1)).statusCode).toBe(404);
  });

  it('lists risks at or above a score, ordered by score then id, with movement', async () => {
    const res = await app.inject({ url: '/api/risks?period=2025-05&minScore=8&status=open' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.threshold).toBe(8);
    expect(body.risks.map((r: { id: string; score: number }) => [r.id, r.score])).toEqual([
      ['OR-5', 12],
      ['OR-99', 12],
      ['OR-100', 9],
    ]);
    expect(body.risks[0]).toMatchObject({
      title: 'Fem',
      probability: 4,
      consequence: 3,
      level: 'high',
      levelLabel: 'Høy',
      statusText: 'OR-5 2025-05',
      movement: 'new',
    });
    expect(body.risks[1]).toMatchObject({ carriedForward: true, assessmentPeriod: '2025-02', movement: 'same' });
    expect(body.risks[2]).toMatchObject({ movement: 'up', previousScore: 8, scoreChange: 1 });
  });

  it('returns one risk with its full history', async () => {
    await assess('OR-100', '2025-05', 3, 4, 'rettet');
    const res = await app.inject({ url: '/api/risks/OR-100?period=2025-05' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.risk.title).toBe('Hundre');
    expect(body.current).toMatchObject({ statusText: 'rettet', score: 12 });
    expect(body.assessments.map((a: { period: string; superseded: boolean }) => [a.period, a.superseded])).toEqual([
      ['2025-05', false],
      ['2025-05', true],
      ['2025-04', false],
    ]);
    expect(body.revisions).toHaveLength(1);
    expect(body.timeline.map((t: { score: number | null }) => t.score)).toEqual([8, 12]);
    expect((await app.inject({ url: '/api/risks/OR-404' })).statusCode).toBe(404);
  });

  it('updates a risk as a new revision', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/risks/OR-7',
      payload: { title: 'Sju (endret)', opened: '2025-01-05', owner: 'Ny eier' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ changed: true, risk: { id: 'OR-7', title: 'Sju (endret)', owner: 'Ny eier' } });
    expect((await app.inject({ url: '/api/risks/OR-7' })).json().revisions).toHaveLength(2);
  });

  it('closes a risk, which then leaves the open list', async () => {
    expect((await post('/api/risks/OR-7/close', { closed: '2025-05-20' })).statusCode).toBe(200);
    expect((await post('/api/risks/OR-7/close', { closed: '2025-05-21' })).statusCode).toBe(409);
    const open = (await app.inject({ url: '/api/risks?period=2025-05' })).json().risks.map((r: { id: string }) => r.id);
    expect(open).not.toContain('OR-7');
    const all = (await app.inject({ url: '/api/risks?period=2025-05&status=all' })).json().risks;
    expect(all.find((r: { id: string }) => r.id === 'OR-7').movement).toBe('closed');
  });

  it('gives heat-map data and SVG', async () => {
    const res = await app.inject({ url: '/api/risks/heatmap?period=2025-05' });
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.cells).toHaveLength(25);
    expect(body.cells.find((c: { probability: number; consequence: number }) => c.probability === 3 && c.consequence === 4)).toMatchObject({
      count: 2,
      ids: ['OR-99', 'OR-100'],
      level: 'high',
    });
    const svg = await app.inject({ url: '/api/risks/heatmap.svg?period=2025-05' });
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('Sannsynlighet');
  });

  it('rolls forward to a new period once, keeping everything', async () => {
    const before = (await app.inject({ url: '/api/risks/OR-100' })).json().assessments;
    const res = await post('/api/risks/roll-forward', { period: '2025-06' });
    expect(res.json()).toMatchObject({ period: '2025-06', created: 3 });
    expect((await post('/api/risks/roll-forward', { period: '2025-06' })).json().created).toBe(0);
    const after = (await app.inject({ url: '/api/risks/OR-100?period=2025-06' })).json();
    expect(after.assessments.slice(1)).toEqual(before);
    expect(after.current).toMatchObject({ period: '2025-06', state: 'draft', statusText: 'rettet', score: 12 });
  });

  it('exports the full register as CSV and XLSX', async () => {
    const csv = await app.inject({ url: '/api/risks/export.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffrisk_id;title;description;owner;category;scope;opened;closed;period;probability;consequence;score;level;status_text;assessed_by;assessed_at;state;superseded;source;recorded_at;recorded_by',
    );
    expect(lines.filter((l) => l.startsWith('OR-100;'))).toHaveLength(4);
    const current = await app.inject({ url: '/api/risks/export.csv?view=current&period=2025-05' });
    expect(current.body.split('\r\n')[0]).toContain('carried_forward');
    const xlsx = await app.inject({ url: '/api/risks/export.xlsx?period=2025-05' });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('stores a new matrix version and validates it', async () => {
    const m = (await app.inject({ url: '/api/risks/matrix' })).json();
    expect(m.reportingThreshold).toBe(8);
    const bad = await app.inject({ method: 'PUT', url: '/api/risks/matrix', payload: { ...m, levels: [{ ...m.levels[0], minScore: 2 }] } });
    expect(bad.statusCode).toBe(400);
    const ok = await app.inject({ method: 'PUT', url: '/api/risks/matrix', payload: { ...m, reportingThreshold: 12 } });
    expect(ok.statusCode).toBe(200);
    const list = (await app.inject({ url: '/api/risks?period=2025-05' })).json();
    expect(list.threshold).toBe(12);
    await app.inject({ method: 'PUT', url: '/api/risks/matrix', payload: m });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await app.inject({ url: '/api/docs/json' })).json();
    for (const path of [
      '/api/risks',
      '/api/risks/{id}',
      '/api/risks/{id}/assessments',
      '/api/risks/roll-forward',
      '/api/risks/heatmap',
      '/api/risks/export.xlsx',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/risks'].get.tags).toEqual(['risk']);
  });
});
