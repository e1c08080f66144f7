import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { uploadDir } from '../src/imports/recovery.ts';
import { fakeDomain, type TestApp, testApp } from './server-support.ts';

/** A multipart body as a browser sends the import page's form. */
function multipart(fileName: string, content: string | Buffer, fields: Record<string, string> = {}) {
  const boundary = '----styrerom-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('POST /import/:kind (the import page upload form)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp([fakeDomain], { STYREROM_IMPORT_MAX_UPLOAD_MB: '1' });
  });
  afterAll(async () => t?.close());

  const upload = (kind: string, ...args: Parameters<typeof multipart>) =>
    t.app.inject({ method: 'POST', url: `/import/${kind}?period=2025-05`, ...multipart(...args) });

  it('imports the file through the same importer and redirects to the page showing the run', async () => {
    const res = await upload('lines', 'web.csv', 'en\nto\n');
    expect(res.statusCode).toBe(303);
    const runs = (await t.app.inject({ method: 'GET', url: '/api/imports?limit=1' })).json().runs;
    expect(runs[0]).toMatchObject({ fileName: 'web.csv', kind: 'lines', status: 'succeeded', rowCount: 2 });
    // Who imported it is the signed-in user, not "api" or "cli".
    expect(runs[0].importedBy).toMatch(/@/);
    expect(res.headers.location).toBe(`/import?period=2025-05&kjoring=${runs[0].id}#resultat`);
    const page = await t.app.inject({ method: 'GET', url: res.headers.location as string });
    expect(page.body).toContain('Importen er fullført');
    expect(page.body).toContain('web.csv (lines): 2\u00a0rader importert.');
    expect(page.body).toContain(runs[0].importedBy);
  });

  it('imports nothing from a file with a bad line and lists the problem by file, line and field', async () => {
    const res = await upload('lines', 'feil.csv', 'ok\nbad\n');
    expect(res.statusCode).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: res.headers.location as string });
    expect(page.body).toContain('Importen feilet – ingenting ble importert');
    expect(page.body).toMatch(/<td>feil\.csv<\/td><td class="num">2<\/td><td>tekst<\/td>\s*<td>Feil<\/td><td>ugyldig linje<\/td>/);
  });

  it('refuses a file over the upload limit with the limit in Norwegian, and keeps nothing on disk', async () => {
    const res = await upload('lines', 'stor.csv', Buffer.alloc(1024 * 1024 + 10, 'a'));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('stor.csv: fila er større enn grensen på 1\u00a0MB; ingenting ble importert');
    const left = await readdir(uploadDir(loadConfig().dataDir)).catch(() => [] as string[]);
    expect(left.filter((f) => f.startsWith('import-'))).toEqual([]);
  });

  it('refuses a form without a file and an unknown kind on the page, not as JSON', async () => {
    const empty = await upload('lines', '', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Velg en fil å importere');
    const unknown = await upload('finnes-ikke', 'a.csv', 'x\n');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/text\/html/);
    expect(unknown.body).toContain('Ukjent importtype «finnes-ikke»');
  });

  it('needs the edit permission', async () => {
    const res = await t.anonymous.inject({ method: 'POST', url: '/import/lines', ...multipart('a.csv', 'x\n') });
    expect(res.statusCode).toBe(401);
  });
});
