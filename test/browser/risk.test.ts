import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { runImport, sourceFromPath } from '../../src/imports/imports.ts';
import { runRiskDemo } from '../../src/risk/risk.demo.ts';
import { riskImporters } from '../../src/risk/risk.import.ts';
import { riskModule } from '../../src/risk/risk.module.ts';
import { type TestApp, testApp } from '../server-support.ts';
import { describeWithChromium } from '../support/layers.ts';
import { launchChromium, signedInContext } from './browser.ts';

/** The number drawn in a heat-map cell (0 when empty). */
async function cellCount(page: Page, probability: number, consequence: number): Promise<number> {
  const cell = page.locator(`.risk-heatmap g.risk-cell[data-probability="${probability}"][data-consequence="${consequence}"]`);
  return Number(await cell.getAttribute('data-count'));
}

describeWithChromium('risk register in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await testApp([riskModule]);
    await runRiskDemo({
      db: t.open.db,
      dir: mkdtempSync(join(tmpdir(), 'risk-browser-')),
      period: '2025-05',
      importFile: (kind, path, options) => runImport(t.open.db, riskImporters.find((i) => i.kind === kind)!, sourceFromPath(path), options),
      log: () => {},
    });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium(loadConfig());
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('adds an assessment through the form and the heat map moves the risk', async () => {
    const page = await (await signedInContext(browser, base, t.open.db)).newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${base}/risiko?period=2025-05`);
    expect(await cellCount(page, 3, 4)).toBe(1);
    expect(await cellCount(page, 4, 4)).toBe(0);
    expect(await page.locator('.risk-above-threshold .risk-title').allTextContents()).toEqual([
      expect.stringMatching(/^\[OR-631\]/),
      expect.stringMatching(/^\[OR-821\]/),
    ]);

    await Promise.all([page.waitForURL(/\/risiko\/OR-631/), page.getByRole('link', { name: 'OR-631', exact: true }).click()]);
    await page.getByLabel('Sannsynlighet', { exact: true }).selectOption('4');
    await page.getByLabel('Status siden forrige periode').fill('Avklaringene trekker ut. Sannsynligheten er økt.');
    await Promise.all([page.waitForURL(/melding=vurdering/), page.getByRole('button', { name: 'Lagre vurdering' }).click()]);
    expect(await page.getByRole('status').textContent()).toContain('Vurderingen er lagret.');
    expect(await page.locator('.risk-score').textContent()).toContain('Skår 16');

    await Promise.all([page.waitForURL(/\/risiko\?period=2025-05$/), page.getByRole('link', { name: '← Tilbake til registeret' }).click()]);
    expect(await cellCount(page, 3, 4)).toBe(0);
    expect(await cellCount(page, 4, 4)).toBe(1);
    expect(await page.locator('.risk-heatmap g.risk-cell[data-probability="4"][data-consequence="4"] title').textContent()).toContain(
      'OR-631',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows Norwegian validation messages and keeps what was typed', async () => {
    const page = await (await signedInContext(browser, base, t.open.db)).newPage();
    await page.goto(`${base}/risiko/OR-821?period=2025-05`);
    await page.getByLabel('Konsekvens', { exact: true }).selectOption('');
    await page.getByLabel('Status siden forrige periode').fill('Uferdig tekst');
    await page.getByRole('button', { name: 'Lagre vurdering' }).click();
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('Konsekvens må fylles ut (1–5)');
    expect(await page.getByLabel('Status siden forrige periode').inputValue()).toBe('Uferdig tekst');
    expect(await page.getByLabel('Konsekvens', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.close();
  });

  it('filters the register by a heat-map cell', async () => {
    const page = await (await signedInContext(browser, base, t.open.db)).newPage();
    await page.goto(`${base}/risiko?period=2025-05`);
    await Promise.all([page.waitForURL(/p=4&c=4/), page.locator('.risk-heatmap a[data-probability="4"][data-consequence="4"]').click()]);
    const ids = await page.locator('.risk-table tbody tr td:first-child').allTextContents();
    expect(ids.map((s) => s.trim())).toEqual(['OR-631']);
    await page.close();
  });
});
