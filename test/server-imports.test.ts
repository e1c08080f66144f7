import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeDomain, type TestApp, testApp } from './server-support.ts';

describe('POST /api/imports/:kind and GET /api/imports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp([fakeDomain]);
  });
  afterAll(async () => t.close());

  const post = (url: string, payload: string, type = 'text/csv') =>
    t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': type } });

  it('imports a raw CSV body through the importer of :kind and returns the ImportResult', async () => {
    const res = await post('/api/imports/lines?fileName=a.csv', 'en\nto\ntre\n');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'lines', fileName: 'a.csv', status: 'succeeded', rowCount: 3, problems: [] });
    expect(res.json().sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts application/octet-stream', async () => {
    const res = await post('/api/imports/lines?fileName=b.csv', 'fire\n', 'application/octet-stream');
    expect(res.json()).toMatchObject({ status: 'succeeded', rowCount: 1 });
  });

  it('answers 422 IMPORT_FAILED with the problems (file, line, column) when a row is bad', async () => {
    const res = await post('/api/imports/lines?fileName=c.csv', 'ok\nbad\n');
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('IMPORT_FAILED');
    expect(error.problems).toEqual([expect.objectContaining({ file: 'c.csv', line: 2, column: 'tekst', severity: 'error' })]);
  });

  it('answers 409 DUPLICATE_IMPORT when the same content comes again', async () => {
    const res = await post('/api/imports/lines?fileName=a-igjen.csv', 'en\nto\ntre\n');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE_IMPORT');
  });

  it('answers 404 NOT_FOUND naming the known kinds for an unknown kind', async () => {
    const res = await post('/api/imports/nosuch?fileName=a.csv', 'x');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('Kjente typer: lines');
  });

  it('answers 400 VALIDATION without ?fileName', async () => {
    const res = await post('/api/imports/lines', 'x');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('lists the runs newest first, with the failed run and its problems', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/imports?limit=10' });
    const runs = res.json().runs as { fileName: string; status: string; problems: unknown[] }[];
    expect(runs.map((r) => [r.fileName, r.status])).toEqual([
      ['a-igjen.csv', 'duplicate'],
      ['c.csv', 'failed'],
      ['b.csv', 'succeeded'],
      ['a.csv', 'succeeded'],
    ]);
    expect(runs[1]?.problems).toHaveLength(1);
  });

  it('shows the runs on the "Importer" page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/import?period=2025-05' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('c.csv');
    expect(res.body).toContain('Feilet');
    expect(res.body).toContain('c.csv, linje 2, felt «tekst»: ugyldig linje');
    expect(res.body).not.toContain('(bad line)');
    expect(res.body).toContain('<code>lines</code>');
  });
});

describe('/health when the database is gone', () => {
  it('answers 503', async () => {
    const t = await testApp();
    await t.open.close();
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json().status).toBe('unavailable');
    await t.app.close();
  });
});
