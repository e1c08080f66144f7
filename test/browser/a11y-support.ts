/**
 * The accessibility tests' server: the demo organisation's database (built once by the real demo
 * runner into a temp dir), every domain, and the list of GET routes the server registered. Pages
 * are fetched through ONE function, `openPage`, in a context signed in with every role (`signedInContext`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { buildDemo, DEMO_PERIOD } from '../../src/demo/demo.ts';
import { domains } from '../../src/domains.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Db } from '../../src/storage/db.ts';
import { bearerHeaders } from '../support/auth.ts';

export interface DemoServer {
  base: string;
  /** The demo database, for signing in test users. */
  db: Db;
  /** Every GET route as registered ("/risiko/:id"), in registration order, without duplicates. */
  getRoutes: string[];
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'styrerom-a11y-'));
  const config = loadConfig({ STYREROM_DATA_DIR: dir, STYREROM_PERIOD: DEMO_PERIOD, STYREROM_ORG_NAME: 'HDO demo' });
  const open = await buildDemo({ config, domains, database: undefined, reset: false, log: () => {} });
  const getRoutes = new Set<string>();
  const app = await buildApp({
    config,
    db: open.db,
    domains,
    logger: pino({ level: 'silent' }),
    onRoute: (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (methods.includes('GET')) getRoutes.add(route.url);
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    db: open.db,
    getRoutes: [...getRoutes],
    async close() {
      await app.close();
      await open.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Opened {
  status: number;
  /** True when the answer is an HTML page, now loaded in `page`; other answers are only fetched. */
  html: boolean;
}

/**
 * How every accessibility test gets a page: fetched first through the page's own context (same
 * cookies: the tests' pages come from a context signed in through the login page), and loaded in
 * the browser when it is HTML (files would start a download).
 */
export async function openPage(page: Page, base: string, path: string): Promise<Opened> {
  const head = await page.context().request.get(base + path, { maxRedirects: 5 });
  const html = (head.headers()['content-type'] ?? '').startsWith('text/html');
  await head.dispose();
  if (!html) return { status: head.status(), html };
  const response = await page.goto(base + path, { waitUntil: 'load' });
  return { status: response?.status() ?? 0, html };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE: string = require('axe-core').source;

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page (through the DevTools protocol, so our CSP does not block it). A
 * fragment (the published web.html, embedded in the organisation's own website) is checked without
 * the two rules its host page answers for: the document's title and language.
 */
export async function runAxe(page: Page, opts: { fragment?: boolean } = {}): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const rules = opts.fragment ? { 'document-title': { enabled: false }, 'html-has-lang': { enabled: false } } : {};
  const options = { runOnly: { type: 'tag', values: WCAG_TAGS }, rules, resultTypes: ['violations'] };
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, ${JSON.stringify(options)});
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  })()`);
}

/** Takes the demo report for the period through review and approval to publication (version 1). */
export async function publishReport(server: DemoServer, period: string): Promise<void> {
  const base = server.base;
  const auth = await bearerHeaders(server.db);
  for (const action of ['submit', 'approve', 'publish']) {
    const r = await fetch(`${base}/api/report/${period}/actions/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ by: 'Tilgjengelighetstest' }),
    });
    if (!r.ok) throw new Error(`${action}: HTTP ${r.status} ${await r.text()}`);
  }
}

export function describeViolations(path: string, violations: AxeViolation[]): string[] {
  return violations.map(
    (v) =>
      `${path}: ${v.id} (${v.impact}) ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
}
