/**
 * Access control in real Chromium: sign in through /logg-inn, see the overview, a reader gets 403 on
 * an HR page, log out; a form posted from another origin is refused (CSRF).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { riskModule } from '../../src/risk/risk.module.ts';
import { workforceAml } from '../../src/workforce/aml/aml.module.ts';
import { type TestApp, testApp } from '../server-support.ts';
import { createTestUser } from '../support/auth.ts';
import { describeWithChromium } from '../support/layers.ts';
import { launchChromium, signedInContext } from './browser.ts';

describeWithChromium('access control in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let evil: Server;
  let evilBase: string;

  beforeAll(async () => {
    t = await testApp([riskModule, workforceAml]);
    await t.anonymous.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.anonymous.server.address() as AddressInfo).port}`;
    // Another origin serving a page that posts a form to Styrerom on load.
    evil = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><title>x</title><form id="f" method="post" action="${base}/risiko">
<input name="id" value="OR-666"><input name="title" value="Forfalsket"></form><script>document.getElementById('f').submit()</script>`);
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    evilBase = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
    browser = await launchChromium(loadConfig());
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => evil?.close(r));
    await t?.close();
  });

  it('signs in through the login page, shows the overview, answers 403 on an HR page for a reader, and signs out', async () => {
    const user = await createTestUser(t.open.db, ['reader']);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/arbeidstid/brudd?period=2025-05`);
    expect(new URL(page.url()).pathname).toBe('/logg-inn');
    await page.getByLabel('E-postadresse').fill(user.email);
    await page.getByLabel('Passord').fill('feil-passord-her');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Feil e-postadresse eller passord');
    await page.getByLabel('Passord').fill(user.password);
    await Promise.all([page.waitForURL(/\/arbeidstid\/brudd/), page.getByRole('button', { name: 'Logg inn' }).click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Ingen tilgang');
    expect(await page.getByRole('alert').textContent()).toContain('Rollen din gir ikke tilgang');

    const overview = await page.goto(`${base}/?period=2025-05`);
    expect(overview?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Oversikt');

    await Promise.all([page.waitForURL(/\/logg-inn/), page.getByRole('button', { name: 'Logg ut' }).click()]);
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/logg-inn');
    await context.close();
  });

  it('refuses a form posted from another origin by a signed-in editor (CSRF)', async () => {
    const context = await signedInContext(browser, base, t.open.db, ['editor']);
    const page = await context.newPage();
    const refused = page.waitForResponse((r) => r.url() === `${base}/risiko` && r.request().method() === 'POST');
    await page.goto(evilBase);
    expect((await refused).status()).toBe(403);
    expect(await page.getByRole('alert').textContent()).toContain('ble avvist');
    const list = await t.app.inject({ url: '/api/risks?period=2025-05' });
    expect(list.json().risks.map((r: { id: string }) => r.id)).not.toContain('OR-666');
    await context.close();
  });
});
