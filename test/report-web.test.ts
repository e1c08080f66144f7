/** The report's API (/api/report/…) and pages (/rapport, the narrative editor) through app.inject(). */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveNarrative } from '../src/report/narratives.ts';
import { reportModule } from '../src/report/report.module.ts';
import { fakeData, fakeDomains, seedFakeReport } from './report-fake-domains.ts';
import { type TestApp, testApp } from './server-support.ts';
import { itWithChromium } from './support/layers.ts';

let t: TestApp;
const data = fakeData();

beforeAll(async () => {
  t = await testApp([...fakeDomains(data), reportModule]);
  await seedFakeReport(t.open.db);
});
afterAll(async () => {
  await t.close();
});

const json = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => t.app.inject({ method, url, payload: payload as object });

describe('report API', () => {
  it("describes a period's report: status, version, texts", async () => {
    const r = await json('GET', '/api/report/2025-05');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ period: '2025-05', status: 'draft', version: 1, events: [], publications: [] });
    expect(body.sections.find((s: { id: string }) => s.id === 'finance.result')).toMatchObject({ state: 'own', author: 'Kari' });
    expect(body.sections.find((s: { id: string }) => s.id === 'projects')).toMatchObject({ state: 'none' });
  });

  it('saves a narrative as the signed-in user (a claimed `by` does not override it) and returns it with its history', async () => {
    const put = await json('PUT', '/api/report/2025-05/narratives/customers.complaints', {
      markdown: 'Ingen klager i perioden.',
      by: 'Ola',
    });
    expect(put.statusCode).toBe(200);
    const get = (await json('GET', '/api/report/2025-05/narratives/customers.complaints')).json();
    expect(get).toMatchObject({
      markdown: 'Ingen klager i perioden.',
      author: expect.stringMatching(/@test\.example$/),
      inheritedFrom: null,
    });
    expect(get.history).toHaveLength(1);
  });

  it('previews Markdown with numbered references and live values, listing problems instead of failing', async () => {
    const r = await json('POST', '/api/report/2025-05/preview', {
      sectionId: 'risk',
      markdown: 'Se [@fig:aml-trend] og [@fig:nope]; {{ kpi.workforce.sickLeave.total }}',
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.html).toContain('<a class="xref" href="#fig-aml-trend" title="Figur 3">Figur 3</a>');
    expect(body.html).toContain('1,20\u00a0%');
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0].message).toMatch(
      /^Seksjon «1 Ledelsens gjennomgang virksomhetsrisiko» \(risk\): kryssreferansen \[@fig:nope\] peker ikke på noen figur i rapporten\. Nærmeste gyldige: \[@fig:/,
    );
  });

  it('suggests the nearest valid ids for a misspelt reference and live value', async () => {
    const r = await json('POST', '/api/report/2025-05/preview', {
      sectionId: 'risk',
      markdown: 'Se [@fig:aml-trnd].\n\nSykefravær {{ kpi.workforce.sickLeave.totl }}.',
    });
    const messages = r.json().problems.map((p: { message: string }) => p.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/\[@fig:aml-trnd\].*Nærmeste gyldige: \[@fig:aml-trend\]/);
    expect(messages[1]).toMatch(/kpi\.workforce\.sickLeave\.totl.*Nærmeste gyldige: \{\{ kpi\.workforce\.sickLeave\.total \}\}/);
  });

  it('refuses to save a text the build would refuse, naming the reference, and stores nothing', async () => {
    const put = await json('PUT', '/api/report/2025-05/narratives/customers.complaints', { markdown: 'Se [@tab:finance-reslt].' });
    expect(put.statusCode).toBe(400);
    const error = put.json().error;
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('Teksten ble ikke lagret');
    expect(error.message).toContain('[@tab:finance-reslt]');
    expect(error.message).toContain('Nærmeste gyldige: [@tab:finance-result]');
    const get = (await json('GET', '/api/report/2025-05/narratives/customers.complaints')).json();
    expect(get.markdown).toBe('Ingen klager i perioden.');
  });

  it('validates the period and the action', async () => {
    expect((await json('GET', '/api/report/2025-13')).statusCode).toBe(400);
    expect((await json('POST', '/api/report/2025-05/actions/delete', {})).statusCode).toBe(400);
    expect((await json('POST', '/api/report/2025-05/actions/publish', {})).json().error.code).toBe('CONFLICT');
  });

  it('serves the current report and its data files', async () => {
    const html = await json('GET', '/api/report/2025-05/current/report.html');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    const csv = await json('GET', '/api/report/2025-05/current/data/aml-trend.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('2025-05,5');
    expect((await json('GET', '/api/report/2025-05/current/data/nope.csv')).statusCode).toBe(404);
  });

  itWithChromium('publishes and then serves the stored files byte-identical, with their SHA-256', async () => {
    for (const action of ['submit', 'approve', 'publish']) {
      const r = await json('POST', `/api/report/2025-05/actions/${action}`, { by: 'Styreleder' });
      expect(r.statusCode, r.body).toBe(200);
    }
    const list = (await json('GET', '/api/report/2025-05/publications/1/files')).json();
    const pdfEntry = list.files.find((f: { name: string }) => f.name === 'report.pdf');
    const before = await t.app.inject({ method: 'GET', url: pdfEntry.url });
    expect(before.headers['x-content-sha256']).toBe(pdfEntry.sha256);
    expect(createHash('sha256').update(before.rawPayload).digest('hex')).toBe(pdfEntry.sha256);
    data.breaches[4]!.corrected = 11;
    const after = await t.app.inject({ method: 'GET', url: pdfEntry.url });
    expect(after.rawPayload.equals(before.rawPayload)).toBe(true);
    const page = await t.app.inject({ method: 'GET', url: '/rapport?period=2025-05' });
    expect(page.body).toContain('Publisert');
    expect(page.body).toContain('Det ble registrert 5\u00a0stk. brudd'); // the frozen edition, not today's 11
  });
});

describe('report pages', () => {
  it('shows the report inside the app shell with status, downloads and the texts', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/rapport?period=2025-04' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<nav class="site-nav"');
    expect(r.body).toContain('aria-current="page">Rapport</a>');
    expect(r.body).toContain('<article class="sr-report" data-period="2025-04" data-status="draft"');
    expect(r.body).toContain('href="/api/report/2025-04/current/report.pdf"');
    expect(r.body).toContain('<span class="sr-state--none">ingen tekst</span>'); // May's texts are not April's
  });

  it('has an editor per section with the preview beside it and the history below', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/rapport/tekst/organisation.aml?period=2025-06' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<textarea id="sr-markdown" name="markdown"');
    expect(r.body).toContain('data-preview-url="/api/report/2025-06/preview"');
    expect(r.body).toContain('Teksten er et utkast hentet fra mai 2025');
    expect(r.body).toContain('id="sr-preview-body"><p>Det ble registrert');
    expect(r.body).toContain('<script src="/rapport/editor.js" defer></script>');
  });

  it('saves a text posted from the form and redirects back to the editor', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/rapport/tekst/risk?period=2025-06',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'markdown=Ny+tekst+for+juni.&by=Kari&intent=save',
    });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/rapport/tekst/risk?period=2025-06&lagret=1');
    const page = await t.app.inject({ method: 'GET', url: r.headers.location as string });
    expect(page.body).toContain('Teksten er lagret.');
    expect(page.body).toContain('>Ny tekst for juni.</textarea>');
  });

  it('moves the report through the workflow from the status form', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/rapport/status?period=2025-06',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'action=submit&by=Kari',
    });
    expect(r.statusCode).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: '/rapport?period=2025-06' });
    expect(page.body).toContain('<span class="sr-badge sr-badge--in-review">Til gjennomgang</span>');
    expect(page.body).toContain('value="approve"');
  });

  it('refuses to save a broken reference from the form, keeps the text and says why in Norwegian', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/rapport/tekst/risk?period=2025-06',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `markdown=${encodeURIComponent('Se [@fig:aml-trnd] nå.')}&intent=save`,
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('<h3>Teksten ble ikke lagret</h3>');
    expect(r.body).toContain('Linje 1: Seksjon «1 Ledelsens gjennomgang virksomhetsrisiko» (risk): kryssreferansen [@fig:aml-trnd]');
    expect(r.body).toContain('Nærmeste gyldige: [@fig:aml-trend]');
    expect(r.body).toContain('>Se [@fig:aml-trnd] nå.</textarea>');
    const page = await t.app.inject({ method: 'GET', url: '/rapport/tekst/risk?period=2025-06' });
    expect(page.body).not.toContain('aml-trnd');
  });

  it('offers a picker with the figures, tables and every live value to insert', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/rapport/tekst/risk?period=2025-05' });
    expect(r.body).toContain('<label for="sr-pick-ref">Figur eller tabell</label>');
    expect(r.body).toMatch(/<option value="\[@fig:aml-trend\]">Figur 3: /);
    expect(r.body).toMatch(/<option value="\[@tab:finance-result\]">Tabell \d+: /);
    expect(r.body).toContain('<option value="{{ kpi.workforce.sickLeave.total }}">');
    expect(r.body).toContain('data-insert-from="sr-pick-kpi" hidden>Sett inn verdi</button>');
    expect(r.body).toMatch(/Lagres med deg som forfatter \([^)]*@test\.example\)/);
  });

  it('shows a broken reference as a problem on the page instead of failing it', async () => {
    // Stored past the editor's check (as an older version of the app could have): the page still shows why.
    await saveNarrative(t.open.db, { period: '2025-07', sectionId: 'risk', markdown: 'Se [@tab:nope].', author: 'Kari' });
    const r = await t.app.inject({ method: 'GET', url: '/rapport?period=2025-07' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Rapporten kan ikke bygges:');
    expect(r.body).toContain('kryssreferansen [@tab:nope] peker ikke på noen tabell');
  });
});
