/**
 * Issue 16 items 1 and 2 at the API: the upload body is capped (413 with the error body), the CSV
 * encoding is a query parameter and is answered back, and a second import while one runs is 503 BUSY.
 */
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineTableImporter } from '../src/imports/table-importer.ts';
import type { DomainModule } from '../src/module.ts';
import { type TestApp, testApp } from './server-support.ts';

const names = defineTableImporter<string>({
  kind: 'names',
  label: 'Navn',
  description: 'Test importer: name column',
  columns: [{ name: 'name' }],
  parseRow: (record) => record.values.name,
  write: async () => {},
});

const domain: DomainModule = { id: 'limits', importers: [names] } as unknown as DomainModule;

describe('upload limits, encoding and the import lock at POST /api/imports/:kind', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp([domain], { STYREROM_IMPORT_MAX_UPLOAD_MB: '1' });
  });
  afterAll(async () => t.close());

  const post = (url: string, payload: string | Buffer | Readable, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'text/csv', ...headers } });

  it('answers 413 with the error body when the declared body is larger than STYREROM_IMPORT_MAX_UPLOAD_MB', async () => {
    const res = await post('/api/imports/names?fileName=big.csv', Buffer.alloc(1024 * 1024 + 1, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION',
      message: 'Fila er for stor: en opplasting kan være høyst 1 MB (STYREROM_IMPORT_MAX_UPLOAD_MB)',
      problems: [],
    });
  });

  it('counts the bytes of a body sent without a length, and stores nothing past the cap', async () => {
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024, 0x41));
    const res = await post('/api/imports/names?fileName=chunked.csv', Readable.from(chunks));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.details).toEqual({ maxUploadBytes: 1024 * 1024 });
  });

  it('reads a CSV in the encoding given as ?encoding= and says which it used', async () => {
    const body = iconv.encode('name\nÅse Bjørnstad\n', 'windows-1252');
    const bad = await post('/api/imports/names?fileName=a.csv', body);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.problems).toEqual([
      expect.objectContaining({ file: 'a.csv', line: 2, message: expect.stringContaining('ugyldige UTF-8-tegn') }),
    ]);
    const ok = await post('/api/imports/names?fileName=a.csv&encoding=windows-1252', body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'succeeded', rowCount: 1, encoding: 'windows-1252' });
    const runs = (await t.app.inject({ method: 'GET', url: '/api/imports?limit=2' })).json().runs;
    expect(runs.map((r: { encoding: string }) => r.encoding)).toEqual(['windows-1252', 'utf-8']);
    const unknown = await post('/api/imports/names?fileName=a.csv&encoding=ebcdic', body);
    expect(unknown.statusCode).toBe(400);
  });

  it('answers 503 BUSY "Import pågår" while another process (a CLI import) holds the import lock', async () => {
    await t.open.db
      .insertInto('import_lock')
      .values({ id: 1, owner: 'cli-host:4242', kind: 'saf-t', file_name: 'hovedbok.xml', acquired_at: '2026-12-01T08:00:00Z' })
      .execute();
    const second = await post('/api/imports/names?fileName=second.csv', 'name\nA\n');
    expect(second.statusCode).toBe(503);
    expect(second.json().error).toMatchObject({
      code: 'BUSY',
      message: expect.stringMatching(/^Import pågår: hovedbok\.xml \(saf-t\) importeres nå/),
    });
    await t.open.db.deleteFrom('import_lock').execute();
    expect((await post('/api/imports/names?fileName=third.csv', 'name\nB\n')).statusCode).toBe(200);
  });
});
