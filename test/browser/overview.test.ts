import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { fakeDomain, type TestApp, testApp } from '../server-support.ts';
import { ALL_ROLES } from '../support/auth.ts';
import { describeWithChromium } from '../support/layers.ts';
import { launchChromium, signedInContext } from './browser.ts';

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
});
