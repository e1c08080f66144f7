/**
 * Report build benchmark (prints figures; not a test). Run: `npx tsx bench/report/run.ts [--runs N]
 * [--database <url>]`.
 *
 * Without --database it first builds the demo organisation (all domains, through the real
 * importers) into a temporary folder. Then, for the demo period, it times separately:
 *  1. HTML: assembling the report (every domain's blocks from the database, numbering, narratives,
 *     live values, provenance) and rendering the self-contained report.html;
 *  2. PDF, cold (as `report build` in a fresh process): printing that model in headless Chromium,
 *     browser start and both passes (contents page numbers) included;
 *  3. PDF, warm (as the server): the browser kept warm and the layout's page numbers known, one print;
 *  4. bare Chromium: `chromium --headless --print-to-pdf` of the same report.html, browser start
 *     included — the floor our build is measured against (target: cold PDF ≤ 1,5× this);
 * interleaved per run (the machine may be busy), and prints the median and the slowest of N runs,
 * the ratios of the medians, and the peak RSS of the whole process.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { buildDemo, DEMO_PERIOD } from '../../src/demo/demo.ts';
import { domains } from '../../src/domains.ts';
import { reportModel } from '../../src/report/build.ts';
import { reportHtml, reportPdf } from '../../src/report/outputs.ts';
import { CHROMIUM_ARGS, closeWarmBrowser, pdfPrintStats, warmBrowser } from '../../src/report/pdf.ts';
import { reportDocument } from '../../src/report/render-document.ts';
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

function median(ms: number[]): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function stats(ms: number[]): string {
  const slowest = Math.max(...ms);
  return `median ${(median(ms) / 1000).toFixed(2)} s, slowest ${(slowest / 1000).toFixed(2)} s (${ms.length} runs)`;
}

/** Chromium's own command-line print of a file: no driver, no second pass. */
async function barePrint(htmlFile: string, pdfFile: string): Promise<void> {
  await promisify(execFile)(config.chromiumPath, [
    ...CHROMIUM_ARGS,
    '--headless',
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdfFile}`,
    `file://${htmlFile}`,
  ]);
}

const open = await openDemo();
try {
  const deps = { config, db: open.db, domains };
  const htmlMs: number[] = [];
  const pdfMs: number[] = [];
  const warmMs: number[] = [];
  const bareMs: number[] = [];
  let size = { html: 0, pdf: 0, figures: 0, tables: 0 };
  let coldPrints = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const model = await reportModel(deps, { period: DEMO_PERIOD });
    const html = reportHtml(model);
    htmlMs.push(performance.now() - t);
    // Cold, as a fresh `report build` process: new browser, no known layout.
    const before = pdfPrintStats.prints;
    t = performance.now();
    const pdf = await reportPdf(model, { chromiumPath: config.chromiumPath, fresh: true });
    pdfMs.push(performance.now() - t);
    coldPrints = pdfPrintStats.prints - before;
    // Warm, as the server: one browser kept, the layout's page numbers known from an earlier print.
    const browser = await warmBrowser(config.chromiumPath);
    await reportPdf(model, { chromiumPath: config.chromiumPath, browser });
    t = performance.now();
    await reportPdf(model, { chromiumPath: config.chromiumPath, browser });
    warmMs.push(performance.now() - t);
    // The floor: Chromium printing the same document from its command line.
    const file = join(dir, 'report.html');
    writeFileSync(file, reportDocument(model, { mode: 'pdf' }));
    t = performance.now();
    await barePrint(file, join(dir, 'bare.pdf'));
    bareMs.push(performance.now() - t);
    size = { html: html.length, pdf: pdf.length, figures: model.figures.length, tables: model.tables.length };
  }
  await closeWarmBrowser();
  console.log(
    `report:     ${DEMO_PERIOD}, ${size.figures} figures, ${size.tables} tables; HTML ${(size.html / 1024).toFixed(0)} KB, PDF ${(size.pdf / 1024).toFixed(0)} KB`,
  );
  const ratio = (ms: number[]) => (median(ms) / median(bareMs)).toFixed(2).replace('.', ',');
  console.log(`HTML build: ${stats(htmlMs)}  (target < 1 s)`);
  console.log(`PDF cold:   ${stats(pdfMs)}  = ${ratio(pdfMs)}× bare (${coldPrints} prints; target ≤ 1,5×)`);
  console.log(`PDF warm:   ${stats(warmMs)}  = ${ratio(warmMs)}× bare (warm browser, known layout: 1 print)`);
  console.log(`bare print: ${stats(bareMs)}  (chromium --headless --print-to-pdf of the same HTML)`);
  console.log(`peak RSS:   ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process; Chromium runs in its own)`);
} finally {
  await open.close();
  rmSync(dir, { recursive: true, force: true });
}
