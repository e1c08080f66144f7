import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { fakeDomain, type TestApp, testApp } from '../server-support.ts';
import { ALL_ROLES } from '../support/auth.ts';
import { describeWithChromium } from '../support/layers.ts';
import { launchChromium, signedInContext } from './browser.ts';

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describeWithChromium('uploading an import file on the "Importer" page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await testApp([fakeDomain], { STYREROM_IMPORT_MAX_UPLOAD_MB: '1' });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium(loadConfig());
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('imports a valid file through XHR (progress) and shows the result and the run in the history', async () => {
    const page = await (await signedInContext(browser, base, t.open.db)).newPage();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.resourceType());
    });
    await page.goto(`${base}/import?period=2025-05`);
    await page.getByText('Linjer').first().click();
    await page.getByLabel('Fil for linjer').setInputFiles(csv('gyldig.csv', 'en\nto\ntre\n'));
    await Promise.all([page.waitForURL(/kjoring=\d+/), page.getByRole('button', { name: 'Last opp og importer' }).click()]);
    const result = page.locator('#resultat');
    expect(await result.getByRole('heading').textContent()).toBe('Importen er fullført');
    expect(await result.textContent()).toContain('gyldig.csv (lines): 3\u00a0rader importert.');
    // Focus moves to the outcome so a screen reader hears it.
    expect(await page.evaluate('document.activeElement?.id')).toBe('resultat');
    const history = page.locator('table').filter({ hasText: 'Importert av' });
    expect(await history.locator('tbody tr').first().textContent()).toContain('gyldig.csv');
    expect(await history.locator('tbody tr').first().textContent()).toContain('Fullført');
    expect(posts).toEqual(['xhr']);
    await page.close();
  });

  it('imports nothing from an invalid file and lists the problem with file, line and field in Norwegian', async () => {
    const page = await (await signedInContext(browser, base, t.open.db)).newPage();
    await page.goto(`${base}/import?period=2025-05`);
    await page.getByText('Linjer').first().click();
    await page.getByLabel('Fil for linjer').setInputFiles(csv('ugyldig.csv', 'en\nbad\n'));
    await Promise.all([page.waitForURL(/kjoring=\d+/), page.getByRole('button', { name: 'Last opp og importer' }).click()]);
    const result = page.locator('#resultat');
    expect(await result.getByRole('heading').textContent()).toBe('Importen feilet – ingenting ble importert');
    const row = result.getByRole('table', { name: /Problemer/ }).locator('tbody tr');
    expect(await row.locator('td').allTextContents()).toEqual(['ugyldig.csv', '2', 'tekst', 'Feil', 'ugyldig linje']);
    await page.close();
  });

  it('refuses a file over the limit before sending it, with the limit in the message', async () => {
    const page = await (await signedInContext(browser, base, t.open.db)).newPage();
    let posted = false;
    page.on('request', (r) => {
      if (r.method() === 'POST') posted = true;
    });
    await page.goto(`${base}/import?period=2025-05`);
    await page.getByText('Linjer').first().click();
    await page.getByLabel('Fil for linjer').setInputFiles(csv('stor.csv', 'a'.repeat(1024 * 1024 + 1)));
    await page.getByRole('button', { name: 'Last opp og importer' }).click();
    await expect
      .poll(() => page.locator('.upload-status').first().textContent())
      .toBe('stor.csv er større enn grensen på 1\u00a0MB. Velg en mindre fil.');
    expect(posted).toBe(false);
    await page.close();
  });

  it('takes a dropped file', async () => {
    const page = await (await signedInContext(browser, base, t.open.db)).newPage();
    await page.goto(`${base}/import?period=2025-05`);
    await page.getByText('Linjer').first().click();
    const transfer = await page.evaluateHandle(
      "(() => { const dt = new DataTransfer(); dt.items.add(new File(['sluppet\\n'], 'sluppet.csv', { type: 'text/csv' })); return dt; })()",
    );
    await page.locator('.drop-zone').first().dispatchEvent('drop', { dataTransfer: transfer });
    expect(await page.locator('.upload-status').first().textContent()).toBe('Valgt fil: sluppet.csv');
    await Promise.all([page.waitForURL(/kjoring=\d+/), page.getByRole('button', { name: 'Last opp og importer' }).click()]);
    expect(await page.locator('#resultat').textContent()).toContain('sluppet.csv (lines): 1\u00a0rad importert.');
    await page.close();
  });

  it('works without JavaScript: the form posts and the server answers with the outcome', async () => {
    const context = await signedInContext(browser, base, t.open.db, ALL_ROLES, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/import?period=2025-05`);
    await page.getByText('Linjer').first().click();
    await page.getByLabel('Fil for linjer').setInputFiles(csv('utenjs.csv', 'x\nbad\ny\n'));
    await Promise.all([page.waitForURL(/kjoring=\d+/), page.getByRole('button', { name: 'Last opp og importer' }).click()]);
    expect(await page.locator('#resultat').textContent()).toContain('ugyldig linje');
    await context.close();
  });
});
