/**
 * WCAG 2.1 AA in real Chromium: axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) on EVERY HTML page
 * the server registers, on the demo organisation's data, plus error states (forms sent with errors,
 * a 404) and empty states (a period without data). Every GET route must be visited: a route missing
 * from EXAMPLES below (when it has parameters) fails the test, so a new page cannot slip past.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { describeWithChromium } from '../support/layers.ts';
import { type DemoServer, describeViolations, openPage, publishReport, runAxe, startDemoServer } from './a11y-support.ts';
import { launchChromium, signedInContext } from './browser.ts';

const P = '2025-05';
/** A month before any demo data: every page's empty state. */
const EMPTY = '2019-01';

/** Realistic URLs for every route with parameters (and a few without that need a query). */
const EXAMPLES: Record<string, string[]> = {
  '/dokumentasjon/*': ['/dokumentasjon/rapporten', '/dokumentasjon/import', '/dokumentasjon/tilgang'],
  '/risiko/:id': [`/risiko/OR-631?period=${P}`],
  '/risiko/:id/endre': [`/risiko/OR-631/endre?period=${P}`],
  '/rapport/tekst/:sectionId': [`/rapport/tekst/finance.result?period=${P}`, `/rapport/tekst/risk?period=${EMPTY}`],
  '/okonomi/:file': [`/okonomi/finance-result.csv?period=${P}`],
  '/okonomi/kapital/:file': [`/okonomi/kapital/finance-investments.csv?period=${P}`],
  '/api/docs/*': ['/api/docs/static/swagger-ui.css'],
  '/api/docs/static/*': ['/api/docs/static/swagger-ui.css'],
  '/api/risks/:id': ['/api/risks/OR-631'],
  '/kundeservice/ko/:queue': [`/kundeservice/ko/Servicedesk?period=${P}`],
  '/kundeservice/ko/:queue/:file': [`/kundeservice/ko/Servicedesk/servicedesk-months.csv?period=${P}`],
  '/kundeservice/:file': [`/kundeservice/servicedesk-months.xlsx?period=${P}`],
  '/tjenester/:file': [`/tjenester/service-availability.csv?period=${P}`],
  '/prosjekter/:id/:file': [`/prosjekter/medielogg/milestones.csv?period=${P}`],
  '/prosjekter/:id/milepaeler/:milestone': [`/prosjekter/medielogg/milepaeler/CAT?period=${P}`],
  '/api/projects/:id/milestones': ['/api/projects/medielogg/milestones'],
  '/api/projects/:id/defects': ['/api/projects/medielogg/defects?asOf=2025-06-01'],
  '/api/projects/:id/risks': ['/api/projects/kak/risks'],
  '/api/report/:period': [`/api/report/${P}`],
  '/api/report/:period/narratives/:sectionId': [`/api/report/${P}/narratives/finance.result`],
  '/api/report/:period/current/:file': [`/api/report/${P}/current/report.html`, `/api/report/${P}/current/values.json`],
  '/api/report/:period/current/data/:file': [`/api/report/${P}/current/data/finance-result.csv`],
  '/api/report/:period/publications/:version/files': [`/api/report/${P}/publications/1/files`],
  '/api/report/:period/publications/:version/files/*': [
    `/api/report/${P}/publications/1/files/report.html`,
    `/api/report/${P}/publications/1/files/web.html`,
  ],
};

/** Routes that answer other than 200 on purpose with these examples. */
const NOT_OK: Record<string, number> = {};

function urlsFor(route: string): string[] | undefined {
  if (route in EXAMPLES) return EXAMPLES[route];
  if (/[:*]/.test(route)) return undefined;
  return [route.startsWith('/api') ? route : `${route}?period=${P}`];
}

describeWithChromium('WCAG 2.1 AA on every page (axe-core in Chromium)', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startDemoServer();
    // The published report (its stamp, web.html) is checked too: publish the demo period first.
    await publishReport(server, P);
    browser = await launchChromium(loadConfig());
    context = await signedInContext(browser, server.base, server.db);
    // Building the demo (and publishing its report) takes a minute on a busy machine, more under load.
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the path and runs axe when it is HTML; returns the findings and whether it was HTML. */
  async function check(page: Page, path: string, expectStatus = 200): Promise<{ html: boolean; problems: string[] }> {
    const { status, html } = await openPage(page, server.base, path);
    const problems: string[] = [];
    if (status !== expectStatus) problems.push(`${path}: HTTP ${status}, expected ${expectStatus}`);
    // Swagger UI draws the operations after load.
    if (html && path.startsWith('/api/docs')) await page.locator('.opblock').first().waitFor({ timeout: 15_000 });
    if (html) problems.push(...describeViolations(path, await runAxe(page, { fragment: path.includes('/web.html') })));
    return { html, problems };
  }

  it('visits every registered GET route and finds no violation on its HTML pages', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    const htmlPages: string[] = [];
    for (const route of server.getRoutes) {
      const urls = urlsFor(route);
      if (!urls) {
        problems.push(`${route}: no example URL; add one to EXAMPLES`);
        continue;
      }
      for (const url of urls) {
        const r = await check(page, url, NOT_OK[url] ?? 200);
        problems.push(...r.problems);
        if (r.html) htmlPages.push(url);
      }
    }
    await page.close();
    expect(problems).toEqual([]);
    expect(htmlPages.length).toBeGreaterThanOrEqual(15);
  }, 1_200_000);

  it('finds no violation in the empty states (a period without data) and on the 404 page', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    for (const route of server.getRoutes) {
      if (/[:*]/.test(route) || route.startsWith('/api') || route.startsWith('/static') || route === '/health') continue;
      if (route.endsWith('.js')) continue;
      problems.push(...(await check(page, `${route}?period=${EMPTY}`)).problems);
    }
    problems.push(...(await check(page, '/finnes-ikke', 404)).problems);
    problems.push(...(await check(page, `/risiko/OR-999?period=${P}`, 404)).problems);
    await page.close();
    expect(problems).toEqual([]);
  }, 300_000);

  it('finds no violation on forms sent with errors', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    const sendBroken = async (path: string, fill: (p: Page) => Promise<void>, button: string) => {
      await openPage(page, server.base, path);
      await fill(page);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.waitForEvent('load'),
        // Skip the browser's own checks (required fields) so the server's validation answers.
        page.evaluate(`(() => {
          const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === ${JSON.stringify(button)});
          if (!b || !b.form) throw new Error('no button ' + ${JSON.stringify(button)});
          b.form.noValidate = true;
          b.click();
        })()`),
      ]);
      if (response.status() !== 400) problems.push(`${path}: sending errors gave HTTP ${response.status()}`);
      problems.push(...describeViolations(`${path} (sent with errors)`, await runAxe(page)));
    };
    await sendBroken(`/risiko/ny?period=${P}`, async () => {}, 'Opprett risiko');
    await sendBroken(
      `/risiko/OR-821?period=${P}`,
      async (p) => {
        await p.getByLabel('Konsekvens', { exact: true }).selectOption('');
      },
      'Lagre vurdering',
    );
    await sendBroken(
      `/okonomi/prognose?period=${P}`,
      async (p) => {
        await p.locator('input[name="amount-0"]').fill('tolv kroner');
      },
      'Lagre prognose',
    );
    await sendBroken(
      `/okonomi/kategorier?period=${P}`,
      async (p) => {
        await p.locator('textarea[name="rules"]').fill('dette er ingen regel');
      },
      'Lagre kategoritilordning',
    );
    await page.close();
    expect(problems).toEqual([]);
  }, 300_000);
});
