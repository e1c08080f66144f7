/** The report cache (src/report/cache.ts): one build per data version, and an edit visible at once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { evaluateRegistry } from '../src/kpi/registry.ts';
import { cachedReportModel } from '../src/report/cache.ts';
import { reportModule } from '../src/report/report.module.ts';
import { dataVersion } from '../src/storage/data-version.ts';
import { fakeData, fakeDomains, seedFakeReport } from './report-fake-domains.ts';
import { type TestApp, testApp } from './server-support.ts';

let t: TestApp;
const data = fakeData();
const config = loadConfig({ STYREROM_ORG_NAME: 'Testforetaket' });
const domains = [...fakeDomains(data), reportModule];
const deps = () => ({ config, db: t.open.db, domains });

beforeAll(async () => {
  t = await testApp(domains);
  await seedFakeReport(t.open.db);
});
afterAll(async () => {
  await t.close();
});

describe('report cache', () => {
  it('builds the model once per data version; concurrent readers share the build', async () => {
    const [a, b] = await Promise.all([cachedReportModel(deps(), '2025-05'), cachedReportModel(deps(), '2025-05')]);
    expect(b).toBe(a);
    expect(await cachedReportModel(deps(), '2025-05')).toBe(a);
    expect(await cachedReportModel(deps(), '2025-04')).not.toBe(a);
  });

  it('KPI evaluations as of now are kept per version; as-of evaluations are computed afresh', async () => {
    const now = await evaluateRegistry(domains, { db: t.open.db, period: '2025-05' });
    expect(await evaluateRegistry(domains, { db: t.open.db, period: '2025-05' })).toBe(now);
    const asOf = await evaluateRegistry(domains, { db: t.open.db, period: '2025-05', knownAt: '2025-06-05T00:00:00Z' });
    expect(asOf).not.toBe(now);
    await t.app.inject({ method: 'PUT', url: '/api/report/2025-05/narratives/risk', payload: { markdown: 'Ny tekst.' } });
    expect(await evaluateRegistry(domains, { db: t.open.db, period: '2025-05' })).not.toBe(now);
  });

  it('a narrative saved through the API moves the version and shows on the next /rapport at once', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/rapport?period=2025-05' });
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain('Cachen er tømt');
    const v0 = await dataVersion(t.open.db);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/report/2025-05/narratives/customers.complaints',
      payload: { markdown: 'Cachen er tømt.' },
    });
    expect(put.statusCode).toBe(200);
    expect(await dataVersion(t.open.db)).toBeGreaterThan(v0);
    const after = await t.app.inject({ method: 'GET', url: '/rapport?period=2025-05' });
    expect(after.body).toContain('Cachen er tømt.');
    const html = await t.app.inject({ method: 'GET', url: '/api/report/2025-05/current/report.html' });
    expect(html.body).toContain('Cachen er tømt.');
  });
});
