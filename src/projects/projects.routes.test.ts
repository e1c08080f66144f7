import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/server-support.ts';
import { projectsModule } from './projects.module.ts';
import { seedProjects } from './projects.testing.ts';

describe('projects over HTTP and on the web page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp([projectsModule]);
    await seedProjects(t.open.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /api/projects lists the register', async () => {
    const res = await t.app.inject({ url: '/api/projects' });
    expect(res.statusCode).toBe(200);
    expect(res.json().projects.map((p: { id: string; active: boolean }) => [p.id, p.active])).toEqual([
      ['kak', true],
      ['medielogg', true],
    ]);
  });

  it('GET /api/projects/:id/defects answers the CLI contract as of a date, plus the unclassified', async () => {
    const res = await t.app.inject({ url: '/api/projects/medielogg/defects?asOf=2025-06-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      project: 'medielogg',
      asOf: '2025-06-01T21:59:59.999Z',
      release: null,
      open: { A: 1, B: 0, C: 1, unclassified: 1 },
      total: 3,
      unclassified: [{ key: 'ML-4', summary: 'Feil ML-4', priority: 'Odd' }],
    });
    expect((await t.app.inject({ url: '/api/projects/medielogg/defects?asOf=igår' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/projects/nope/defects?asOf=2025-06-01' })).statusCode).toBe(404);
  });

  it('GET /api/projects/:id/milestones marks moves in the period; PUT changes a date with reason and moves followers', async () => {
    const res = await t.app.inject({ url: '/api/projects/medielogg/milestones?period=2025-05' });
    expect(
      res
        .json()
        .milestones.map((m: { milestone: string; movedInPeriod: boolean; slipDays: number }) => [m.milestone, m.movedInPeriod, m.slipDays]),
    ).toEqual([
      ['CAT', true, 125],
      ['PM4', true, 125],
    ]);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/projects/medielogg/milestones/CAT', payload: { planned: '2025-10-01' } });
    expect(bad.statusCode).toBe(400);
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/projects/medielogg/milestones/CAT',
      payload: { planned: '01.10.2025', reason: 'Leverandøren trenger mer tid' },
    });
    expect(ok.statusCode).toBe(200);
    const cat = ok.json().milestones.find((m: { milestone: string }) => m.milestone === 'CAT');
    expect(cat.history.map((h: { newDate: string; reason: string; changedBy: string }) => [h.newDate, h.reason, h.changedBy])).toEqual([
      ['2025-09-18', 'Ny plan', 'pl'],
      ['2025-10-01', 'Leverandøren trenger mer tid', 'api'],
    ]);
    expect(ok.json().milestones.find((m: { milestone: string }) => m.milestone === 'PM4').planned).toBe('2025-10-01');
  });

  it('GET /api/projects/:id/risks answers for a known project', async () => {
    const res = await t.app.inject({ url: '/api/projects/kak/risks?period=2025-05' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ project: 'kak', period: '2025-05', risks: [] });
  });

  it('documents the API in OpenAPI', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/projects'))).toEqual([
      '/api/projects',
      '/api/projects/{id}/milestones',
      '/api/projects/{id}/milestones/{milestone}',
      '/api/projects/{id}/defects',
      '/api/projects/{id}/risks',
    ]);
  });

  it('GET /prosjekter shows the projects with labelled tables, status sentences and export links', async () => {
    const res = await t.app.inject({ url: '/prosjekter?period=2025-05&per=2025-06-01' });
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<h2 id="prosjekt-medielogg">Medielogg</h2>');
    expect(body).toContain('<caption>Åpne feil i Medielogg per 01.06.2025</caption>');
    expect(body).toContain('href="/prosjekter/medielogg/defects.csv?period=2025-05&amp;per=2025-06-01"');
    expect(body).toContain('<label for="per">Feil per dato</label>');
    expect(body).toMatch(/<a href="\/prosjekter"[^>]*aria-current="page"|aria-current="page"[^>]*>Prosjekter/);
  });

  it('exports the defect table as CSV and XLSX with the same numbers', async () => {
    const csv = await t.app.inject({ url: '/prosjekter/medielogg/defects.csv?period=2025-05&per=2025-06-01' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Alle versjoner;1;0;1;1;3');
    const xlsx = await t.app.inject({ url: '/prosjekter/medielogg/defects.xlsx?period=2025-05&per=2025-06-01' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = wb.worksheets[0]?.getRow(3).values as unknown[];
    expect(values.slice(1)).toEqual(['Alle versjoner', 1, 0, 1, 1, 3]);
    expect((await t.app.inject({ url: '/prosjekter/medielogg/other.csv' })).statusCode).toBe(404);
  });

  it('edits a milestone through the accessible form; a new date without reason shows the error on the field', async () => {
    const form = await t.app.inject({ url: '/prosjekter/medielogg/milepaeler/PM4?period=2025-05' });
    expect(form.body).toContain('<label for="f-reason">Begrunnelse for endringen</label>');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/prosjekter/medielogg/milepaeler/PM4?period=2025-05',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'planned=2025-12-01&actual=&reason=',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('aria-invalid="true"');
    expect(bad.body).toContain('<a href="#f-reason">');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/prosjekter/medielogg/milepaeler/PM4?period=2025-05',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'planned=2025-12-01&actual=&reason=Betaling+utsatt',
    });
    expect(ok.statusCode).toBe(303);
    const after = (await t.app.inject({ url: '/api/projects/medielogg/milestones' })).json();
    expect(after.milestones.find((m: { milestone: string }) => m.milestone === 'PM4').history.at(-1)).toMatchObject({
      newDate: '2025-12-01',
      reason: 'Betaling utsatt',
      changedBy: 'nettleser',
    });
  });

  it('creates and changes a project through the register form, with errors on the fields', async () => {
    const form = await t.app.inject({ url: '/prosjekter/register?id=kak' });
    expect(form.body).toContain('<label for="r-jira_key">Jira-nøkkel</label>');
    expect(form.body).toContain('value="KAK"');
    const post = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/prosjekter/register?period=2025-05',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
    const bad = await post('id=Ny+ID&name=');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<a href="#r-id">');
    expect(bad.body).toContain('<a href="#r-name">');
    expect((await post('id=nytt-nodnett&name=Nytt+n%C3%B8dnett&phase=Konseptfase')).statusCode).toBe(303);
    const list = (await t.app.inject({ url: '/api/projects' })).json();
    expect(list.projects.map((p: { id: string }) => p.id)).toContain('nytt-nodnett');
  });
});
