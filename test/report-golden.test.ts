/**
 * The report HTML against a golden file, built from the fake domains (hand-drawn SVG figures, so
 * only the report's own code changes it) with a fixed clock. The golden
 * file is written only by an explicit `UPDATE_GOLDEN=1 npx vitest run test/report-golden.test.ts`;
 * CI never rewrites it. A difference means the document changed: look at it, then update on purpose.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportModel } from '../src/report/build.ts';
import { reportHtml } from '../src/report/outputs.ts';
import { fakeData, fakeDomains, seedFakeReport } from './report-fake-domains.ts';
import { freshDatabase, type TestDatabase } from './support/databases.ts';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden', 'report-fake.html');
const options = { period: '2025-05', compiledAt: '2025-06-05T08:00:00.000Z' };
const config = { organisationName: 'Testforetaket', chromiumPath: '/usr/bin/chromium' };

describe('report HTML (golden)', () => {
  let open: TestDatabase;
  const build = async () => reportHtml(await reportModel({ config, db: open.db, domains: fakeDomains(fakeData(), 'plain') }, options));

  beforeAll(async () => {
    open = await freshDatabase('sqlite');
    await seedFakeReport(open.db);
  });
  afterAll(async () => {
    await open.close();
  });

  it('is byte-stable: building twice gives the same bytes', async () => {
    expect(await build()).toBe(await build());
  });

  it('matches test/golden/report-fake.html', async () => {
    const html = await build();
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, html);
    if (!existsSync(GOLDEN)) throw new Error(`${GOLDEN} is missing: create it with UPDATE_GOLDEN=1 and review it`);
    expect(html).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('is self-contained: no external stylesheet, script, image or font', async () => {
    const html = await build();
    expect(html).not.toMatch(/<link\b|<script\b|<img\b|@import|url\(\s*['"]?https?:/i);
    expect(html).toContain('<style>');
    expect(html.match(/<svg\b/g)?.length).toBe(3);
  });
});
