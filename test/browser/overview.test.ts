import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { DomainModule } from '../../src/module.ts';
import { fakeDomain, type TestApp, testApp } from '../server-support.ts';
import { ALL_ROLES } from '../support/auth.ts';
import { describeWithChromium } from '../support/layers.ts';
import { launchChromium, signedInContext } from './browser.ts';

/** A KPI with a value every month from 2024-07 (breaches 10, 9, 8, …) and its own page and table. */
const trendDomain: DomainModule = {
  id: 'trend',
  nav: [{ path: '/fake', label: 'Trendområde', order: 11 }],
  kpis: [
    {
      id: 'trend.breaches',
      label: 'Brudd på arbeidstid',
      unit: 'count',
      decimals: 0,
      target: { op: '<=', value: 5 },
      page: { path: '/fake', anchor: 'brudd-tabell' },
      compute: async ({ period }) => (period >= '2024-07' && period <= '2025-05' ? 10 - monthsSince('2024-07', period) : null),
    },
  ],
};

function monthsSince(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

describeWithChromium('overview page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await testApp([fakeDomain]);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium(loadConfig());
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('finds the period picker by its label, and choosing a month then Vis reloads with ?period=', async () => {
    const page = await (await signedInContext(browser, base, t.open.db)).newPage();
    await page.goto(`${base}/`);
    const picker = page.getByLabel('Periode');
    expect(await picker.inputValue()).toBe('2025-05');
    await expect.poll(() => page.locator('.tile-value').first().textContent()).toBe('1,44\u00a0%');
    await picker.selectOption('2025-04');
    // The picker navigates on its button (or Enter), never on its own (WCAG 3.2.2).
    await Promise.all([page.waitForURL(/period=2025-04/), page.getByRole('button', { name: 'Vis' }).click()]);
    expect(new URL(page.url()).searchParams.get('period')).toBe('2025-04');
    expect(await page.getByLabel('Periode').inputValue()).toBe('2025-04');
    expect(await page.getByRole('status').textContent()).toContain('Ingen data for april 2025 ennå');
    await page.close();
  });

  it('works without JavaScript through the "Vis" button', async () => {
    const context = await signedInContext(browser, base, t.open.db, ALL_ROLES, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/import?period=2025-05`);
    await page.getByLabel('Periode').selectOption('2025-03');
    await Promise.all([page.waitForURL(/\/import\?period=2025-03/), page.getByRole('button', { name: 'Vis' }).click()]);
    expect(new URL(page.url()).searchParams.get('period')).toBe('2025-03');
    expect(await page.getByLabel('Periode').inputValue()).toBe('2025-03');
    await context.close();
  });

  it('has the landmarks, a skip link and the navigation marking the current page', async () => {
    const page = await (await signedInContext(browser, base, t.open.db)).newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${base}/?period=2025-05`);
    for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) expect(await page.getByRole(role).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Hopp til hovedinnhold' }).count()).toBe(1);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Oversikt' }).getAttribute('aria-current')).toBe('page');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows each KPI with its status in words, a trend line over 12 months with its numbers as text, and a link to the table behind it', async () => {
    const t2 = await testApp([fakeDomain, trendDomain]);
    await t2.app.listen({ host: '127.0.0.1', port: 0 });
    const base2 = `http://127.0.0.1:${(t2.app.server.address() as AddressInfo).port}`;
    const page = await (await signedInContext(browser, base2, t2.open.db)).newPage();
    await page.goto(`${base2}/?period=2025-05`);
    const tile = page.locator('[data-kpi="trend.breaches"]');
    expect(await tile.locator('.tile-value').textContent()).toBe('0\u00a0stk.');
    expect(await tile.locator('.tile-status').textContent()).toBe('✓ Mål nådd');
    const trend = tile.getByRole('img');
    expect(await trend.getAttribute('aria-label')).toBe(
      'Brudd på arbeidstid, siste 12 måneder: 0\u00a0stk. i mai 25; laveste 0\u00a0stk. (mai 25), høyeste 10\u00a0stk. (jul 24)',
    );
    await tile.getByText('Tall for 12 måneder').click();
    const rows = tile.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(12);
    expect(await rows.first().textContent()).toBe('jun 24–'); // no data that month: a dash, not a zero
    expect(await rows.nth(1).textContent()).toBe('jul 2410\u00a0stk.');
    // The tile leads to the page and table behind it; a KPI without its own page to the domain's page.
    expect(await tile.getByRole('link').getAttribute('href')).toBe('/fake?period=2025-05#brudd-tabell');
    expect(await page.locator('[data-kpi="fake.rate"]').getByRole('link').getAttribute('href')).toBe('/fake?period=2025-05');
    await page.close();
    await t2.close();
  });
});
