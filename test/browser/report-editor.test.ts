import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { reportModule } from '../../src/report/report.module.ts';
import { fakeData, fakeDomains, seedFakeReport } from '../report-fake-domains.ts';
import { type TestApp, testApp } from '../server-support.ts';
import { describeWithChromium } from '../support/layers.ts';
import { launchChromium, signedInContext } from './browser.ts';

describeWithChromium('the narrative editor in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await testApp([...fakeDomains(fakeData()), reportModule]);
    await seedFakeReport(t.open.db);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium(loadConfig());
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('refuses to save a broken reference with a Norwegian message naming it and the nearest valid id', async () => {
    const page = await (await signedInContext(browser, base, t.open.db)).newPage();
    await page.goto(`${base}/rapport/tekst/risk?period=2025-05`);
    await page.getByLabel('Tekst (Markdown)').fill('Se [@fig:aml-trnd] for utviklingen.');
    // The live preview says it before the save.
    await expect
      .poll(() => page.locator('#sr-preview-problems').textContent(), { timeout: 15_000 })
      .toContain('Nærmeste gyldige: [@fig:aml-trend]');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Lagre' }).click()]);
    const alert = page.getByRole('alert');
    expect(await alert.getByRole('heading').textContent()).toBe('Teksten ble ikke lagret');
    expect(await alert.textContent()).toContain('kryssreferansen [@fig:aml-trnd] peker ikke på noen figur i rapporten');
    expect(await alert.textContent()).toContain('Nærmeste gyldige: [@fig:aml-trend]');
    // Focus moves to the refusal; the author's text is kept.
    expect(await page.evaluate("document.activeElement?.getAttribute('role')")).toBe('alert');
    expect(await page.getByLabel('Tekst (Markdown)').inputValue()).toBe('Se [@fig:aml-trnd] for utviklingen.');
    await page.close();
  });

  it('inserts a reference and a live value from the picker at the cursor, and the text then saves', async () => {
    const page = await (await signedInContext(browser, base, t.open.db)).newPage();
    await page.goto(`${base}/rapport/tekst/risk?period=2025-05`);
    const area = page.getByLabel('Tekst (Markdown)');
    await area.fill('Se  og fraværet .');
    type Area = { value: string; setSelectionRange(start: number, end: number): void };
    await area.evaluate((el: Area) => el.setSelectionRange(3, 3));
    await page.getByLabel('Figur eller tabell').selectOption('[@fig:aml-trend]');
    await page.getByRole('button', { name: 'Sett inn referanse' }).click();
    await area.evaluate((el: Area) => el.setSelectionRange(el.value.length - 1, el.value.length - 1));
    await page.getByLabel('Live verdi').selectOption('{{ kpi.workforce.sickLeave.total }}');
    await page.getByRole('button', { name: 'Sett inn verdi' }).click();
    expect(await area.inputValue()).toBe('Se [@fig:aml-trend] og fraværet {{ kpi.workforce.sickLeave.total }}.');
    await expect
      .poll(() => page.locator('#sr-preview-body').textContent(), { timeout: 15_000 })
      .toBe('Se Figur 3 og fraværet 1,20\u00a0%.');
    await Promise.all([page.waitForURL(/lagret=1/), page.getByRole('button', { name: 'Lagre' }).click()]);
    expect(await page.getByRole('status').first().textContent()).toContain('Teksten er lagret.');
    await page.close();
  });
});
