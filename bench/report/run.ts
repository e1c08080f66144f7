/**
 * Report build benchmark (prints figures; not a test). Run: `npx tsx bench/report/run.ts [--runs N]
 * [--database <url>]`.
 *
 * Without --database it first builds the demo organisation (all domains, through the real
 * importers) into a temporary folder. Then, for the demo period, it times separately:
 *  1. HTML: assembling the report (every domain's blocks from the database, numbering, narratives,
 *     live values, provenance) and rendering the self-contained report.html;
 *  2. PDF: printing that model in headless Chromium, both passes (contents page numbers), browser
 *     start included;
 * and prints the median and the slowest of N runs, plus the peak RSS of the whole process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { buildDemo, DEMO_PERIOD } from '../../src/demo/demo.ts';
import { domains } from '../../src/domains.ts';
import { reportModel } from '../../src/report/build.ts';
import { reportHtml, reportPdf } from '../../src/report/outputs.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, database: { type: 'string' } } });
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'styrerom-bench-report-'));
const config = loadConfig({ ...process.env, STYREROM_DATA_DIR: dir });

async function openDemo() {
  if (values.database) {
    const open = openDatabase(values.database);
    await migrateToLatest(open.db);
    return open;
  }
  const t = performance.now();
  const open = await buildDemo({ config, domains, database: undefined, reset: false, log: () => {} });
  console.log(`demo data:  built in ${((performance.now() - t) / 1000).toFixed(1)} s (not part of the figures below)`);
  return open;
}

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `median ${(median / 1000).toFixed(2)} s, slowest ${((sorted.at(-1) ?? 0) / 1000).toFixed(2)} s (${ms.length} runs)`;
}

const open = await openDemo();
try {
  const deps = { config, db: open.db, domains };
  const htmlMs: number[] = [];
  const pdfMs: number[] = [];
  let size = { html: 0, pdf: 0, figures: 0, tables: 0 };
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const model = await reportModel(deps, { period: DEMO_PERIOD });
    const html = reportHtml(model);
    htmlMs.push(performance.now() - t);
    t = performance.now();
    const pdf = await reportPdf(model, { chromiumPath: config.chromiumPath });
    pdfMs.push(performance.now() - t);
    size = { html: html.length, pdf: pdf.length, figures: model.figures.length, tables: model.tables.length };
  }
  console.log(
    `report:     ${DEMO_PERIOD}, ${size.figures} figures, ${size.tables} tables; HTML ${(size.html / 1024).toFixed(0)} KB, PDF ${(size.pdf / 1024).toFixed(0)} KB`,
  );
  console.log(`HTML build: ${stats(htmlMs)}  (target < 1 s)`);
  console.log(`PDF build:  ${stats(pdfMs)}  (target < 5 s)`);
  console.log(`peak RSS:   ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process; Chromium runs in its own)`);
} finally {
  await open.close();
  rmSync(dir, { recursive: true, force: true });
}
