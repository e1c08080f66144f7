import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type TestApp, testApp } from '../server-support.ts';
import { describeWithChromium } from '../support/layers.ts';
import { launchChromium, signedInContext } from './browser.ts';

describeWithChromium('Swagger UI at /api/docs in Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await testApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(loadConfig());
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders the operations under our Content-Security-Policy without console errors', async () => {
    const page = await (
      await signedInContext(browser, `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`, t.open.db)
    ).newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/docs`);
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    expect(await page.getByText('Styrerom API').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
