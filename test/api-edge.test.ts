/**
 * The reproductions of issue #18, one by one: every bad request is refused at the edge with a
 * documented 4xx and the documented error body (`{ error: { code, message, problems } }`) in
 * Norwegian; nothing reaches a handler that cannot use it. Plus the year range as a setting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.ts';
import { loadConfig, loadYearRange } from '../src/config.ts';
import { domains } from '../src/domains.ts';
import { DEFAULT_YEAR_RANGE, useYearRange } from '../src/shared/period.ts';
import { type TestApp, testApp } from './server-support.ts';

function errorShape(body: string): { code: string; message: string; problems: unknown[] } {
  const parsed = JSON.parse(body) as { error: { code: string; message: string; problems: unknown[] } };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error).toEqual(
    expect.objectContaining({ code: expect.any(String), message: expect.any(String), problems: expect.any(Array) }),
  );
  return parsed.error;
}

describe('the API edge', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(domains);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers periods outside the year range with 400 on every route of the issue, never 500', async () => {
    for (const url of [
      '/api/workforce/aml?period=0000-01',
      '/api/kpis?period=9999-12',
      '/api/workforce/aml/breaches?period=9999-12',
      '/api/workforce/sick-leave?period=0000-01',
      '/api/report/9999-12',
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(errorShape(res.body).message, url).toMatch(/året må være mellom 2000 og 2100|år 2000–2100/);
    }
  });

  it('refuses a date that is not in the calendar (2025-13-45, 2025-02-29) at the schema, naming the field', async () => {
    for (const opened of ['2025-13-45', '2025-02-29', '9999-12-31']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/risks', payload: { id: 'OR-1', title: 'Dato', opened } });
      expect(res.statusCode, opened).toBe(400);
      expect(errorShape(res.body)).toMatchObject({
        code: 'VALIDATION',
        message: 'Ugyldig forespørsel: «body.opened» er ikke en gyldig dato ÅÅÅÅ-MM-DD (år 2000–2100)',
        problems: [expect.objectContaining({ column: 'body.opened' })],
      });
    }
  });

  it('does not coerce JSON body types: {"comment":123} is a 400, not the text "123"', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/report/2025-05/actions/submit', payload: { comment: 123 } });
    expect(res.statusCode).toBe(400);
    expect(errorShape(res.body).message).toBe('Ugyldig forespørsel: «body.comment» må være av typen string');
  });

  it('still coerces query strings (limit=5 is a number)', async () => {
    const res = await t.app.inject({ url: '/api/imports?limit=5' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ runs: [] });
  });

  it('refuses unknown body fields with 400 naming the field instead of dropping them', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/risks/roll-forward', payload: { period: '2025-06', ekstra: 1 } });
    expect(res.statusCode).toBe(400);
    expect(errorShape(res.body)).toMatchObject({
      message: 'Ugyldig forespørsel: ukjent felt «body.ekstra»',
      problems: [expect.objectContaining({ column: 'body.ekstra', message: 'ukjent felt «body.ekstra»' })],
    });
  });

  it('documents and checks the report template: a missing title is a schema 400', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/report/template', payload: { sections: [{ id: 'a', title: 'A' }] } });
    expect(res.statusCode).toBe(400);
    expect(errorShape(res.body).message).toBe('Ugyldig forespørsel: «body.title» mangler');
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    const body = doc.paths['/api/report/template'].put.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['title', 'sections']);
  });

  it('limits the length of risk-matrix labels', async () => {
    const matrix = (await t.app.inject({ url: '/api/risks/matrix' })).json();
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/risks/matrix',
      payload: { ...matrix, probabilityLabels: ['x'.repeat(81), 'b', 'c', 'd', 'e'] },
    });
    expect(res.statusCode).toBe(400);
    expect(errorShape(res.body).message).toBe('Ugyldig forespørsel: «body.probabilityLabels.0» er lengre enn 80 tegn');
  });

  it('answers a too long path parameter with 414 in the documented shape, in Norwegian', async () => {
    for (const url of [`/api/report/2025-05/narratives/${'a'.repeat(500)}`, `/api/imports/${'k'.repeat(500)}?fileName=a.csv`]) {
      const res = await t.app.inject({ method: url.includes('narratives') ? 'PUT' : 'POST', url, payload: {} });
      expect(res.statusCode, url).toBe(414);
      expect(errorShape(res.body)).toEqual({
        code: 'VALIDATION',
        message: 'Adressen er for lang: en del av stien er lengre enn serveren tar imot',
        problems: [],
      });
    }
  });

  it('answers an oversize JSON body with 413 and an unsupported content type with 415, in the documented shape', async () => {
    const big = await t.app.inject({
      method: 'PUT',
      url: '/api/report/template',
      headers: { 'content-type': 'application/json' },
      payload: `{"title":"${'x'.repeat(1_100_000)}"}`,
    });
    expect(big.statusCode).toBe(413);
    expect(errorShape(big.body).message).toBe('Forespørselskroppen er større enn serveren tar imot');
    const odd = await t.app.inject({
      method: 'PUT',
      url: '/api/report/template',
      headers: { 'content-type': 'application/x-styrerom' },
      payload: 'x',
    });
    expect(odd.statusCode).toBe(415);
    expect(errorShape(odd.body).message).toBe('Innholdstypen (Content-Type) støttes ikke her');
  });

  it('answers a body that is not JSON with 400 in Norwegian', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/report/template',
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(res.statusCode).toBe(400);
    expect(errorShape(res.body).message).toBe('Forespørselskroppen er ikke gyldig JSON');
  });

  it('answers a wrong method with 405 and Allow, for the API and for pages', async () => {
    const api = await t.app.inject({ method: 'DELETE', url: '/api/kpis' });
    expect(api.statusCode).toBe(405);
    expect(api.headers.allow).toBe('GET, HEAD');
    expect(errorShape(api.body)).toMatchObject({ code: 'VALIDATION' });
    expect(errorShape(api.body).message).toBe('Metoden DELETE er ikke tillatt for /api/kpis; tillatt: GET, HEAD');
    const withParams = await t.app.inject({ method: 'PATCH', url: '/api/risks/OR-1' });
    expect(withParams.statusCode).toBe(405);
    expect(withParams.headers.allow).toBe('GET, HEAD, PUT');
    const unknown = await t.app.inject({ method: 'DELETE', url: '/api/finnes-ikke' });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('the year range as a setting', () => {
  afterAll(() => useYearRange(DEFAULT_YEAR_RANGE));

  it('defaults to 2000–2100 and takes STYREROM_YEAR_MIN / STYREROM_YEAR_MAX', () => {
    expect(loadConfig({}).yearRange).toEqual({ min: 2000, max: 2100 });
    expect(loadYearRange({ STYREROM_YEAR_MIN: '1990', STYREROM_YEAR_MAX: '2200' })).toEqual({ min: 1990, max: 2200 });
  });

  it('refuses a range outside 1000–9000 or upside down as a configuration error', () => {
    expect(() => loadYearRange({ STYREROM_YEAR_MAX: '9999' })).toThrow(
      expect.objectContaining({ code: 'CONFIG', message: 'Ugyldig verdi for STYREROM_YEAR_MAX: «9999» (et årstall fra 1000 til 9000)' }),
    );
    expect(() => loadYearRange({ STYREROM_YEAR_MIN: '2050', STYREROM_YEAR_MAX: '2040' })).toThrow(
      expect.objectContaining({ code: 'CONFIG', message: 'STYREROM_YEAR_MIN (2050) er større enn STYREROM_YEAR_MAX (2040)' }),
    );
  });

  it('is what the API checks against', async () => {
    const wide = await testApp(domains, { STYREROM_YEAR_MAX: '2200' });
    try {
      expect((await wide.app.inject({ url: '/api/kpis?period=2150-01' })).statusCode).toBe(200);
      const res = await wide.app.inject({ url: '/api/kpis?period=2201-01' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe('Ugyldig periode «2201-01»: året må være mellom 2000 og 2200');
    } finally {
      await wide.close();
    }
  });

  it('is what the command line checks against', async () => {
    let stderr = '';
    const io = {
      env: { DATABASE_URL: 'sqlite::memory:', STYREROM_YEAR_MIN: '2010' },
      stdout: () => {},
      stderr: (text: string) => {
        stderr += text;
      },
    };
    expect(await runCli(['kpi', '--period', '2005-12'], io, domains)).toBe(3);
    expect(stderr).toBe('Feil: Ugyldig periode «2005-12»: året må være mellom 2010 og 2100\n');
  });
});
