/**
 * The DEMO report's HTML against a golden file: the whole product — generators → real importers →
 * engines → report blocks → narratives with live values → HTML — with a fixed compile clock. Import
 * times (wall clock at demo time) are pinned before the build so provenance is stable too.
 * The golden file is written only by `UPDATE_GOLDEN=1 npx vitest run test/report-demo-golden.test.ts`;
 * CI never rewrites it.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { buildDemo, DEMO_PERIOD } from '../src/demo/demo.ts';
import { domains } from '../src/domains.ts';
import { reportModel } from '../src/report/build.ts';
import { reportHtml } from '../src/report/outputs.ts';
import type { OpenDatabase } from '../src/storage/db.ts';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden', 'report-demo.html');
const COMPILED_AT = '2025-06-10T08:00:00.000Z';
const IMPORTED_AT = '2025-06-10T06:00:00.000Z';

describe('demo report HTML (golden)', () => {
  let open: OpenDatabase;
  const config = loadConfig({ STYREROM_DATA_DIR: mkdtempSync(join(tmpdir(), 'styrerom-demo-golden-')), CHROMIUM_PATH: '/nonexistent' });
  const build = async () =>
    reportHtml(await reportModel({ config, db: open.db, domains }, { period: DEMO_PERIOD, compiledAt: COMPILED_AT }));

  beforeAll(async () => {
    open = await buildDemo({ config, domains, database: undefined, reset: false, log: () => {} });
    await open.db.updateTable('import_runs').set({ started_at: IMPORTED_AT, finished_at: IMPORTED_AT }).execute();
  }, 180_000);
  afterAll(async () => {
    await open?.close();
  });

  it('is byte-stable: building twice gives the same bytes', async () => {
    expect(await build()).toBe(await build());
  });

  it('matches test/golden/report-demo.html', async () => {
    const html = await build();
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, html);
    if (!existsSync(GOLDEN)) throw new Error(`${GOLDEN} is missing: create it with UPDATE_GOLDEN=1 and review it`);
    expect(html).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('prints the seed report figures, computed from the generated raw data', async () => {
    const text = (await build()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const figure of ['7,0 MNOK', '40,6 MNOK', '122,4 MNOK', '354,4 MNOK', '1,44 %', '2,60 %', 'OR-631', 'OR-821']) {
      expect(text).toContain(figure); // \s+ above folded the no-break spaces to plain ones
    }
    // Projects: the CAT move and Medielogg's defects per 01.06.2025 (spec demo targets), from Jira data.
    expect(text).toContain('var opprinnelig planlagt til 16.05.2025, men er flyttet til 18.09.2025');
    expect(text).toContain('Status for siste versjon (2.4) per 01.06.2025: A-feil 1, B-feil 0, C-feil 5.');
    expect(text).not.toContain('Feil!');
  });

  it('says the seed’s prose amounts and comparisons from the data (live values, live comparisons)', async () => {
    const text = (await build())
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/&lt;/g, '<');
    expect(text).toContain('forventer HDO i tillegg å motta investeringer på 20,1 MNOK i første kvartal 2026');
    expect(text).toContain('Det er bedt om lån på inntil 120 MNOK i budsjett 2025. 80 MNOK blir utbetalt i juli 2025');
    expect(text).toContain('et sykefravær på 1,44 %, lavere enn indikatoren på < 5 % per måned');
    expect(text).toMatch(/Det ble registrert totalt (\d+) AML-brudd i mai, over indikatoren for perioden \(< 8 stk\. per måned\)/);
    expect(text).toMatch(/I mai ble [\d,]+ % besvart innen fristen, over målsetningen/);
  });
});
