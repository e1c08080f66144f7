/**
 * The PDF, opened the way a reader would: text extracted per page with poppler's pdftotext.
 * Checks nb-NO numbers, that the contents' page numbers are the pages the headings are on, unique
 * figure numbers, no "Feil!", the cover without header/footer, a long table split with its header
 * row repeated and no row cut, vector charts (no raster images) and A4 pages.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportModel } from '../src/report/build.ts';
import type { ReportModel } from '../src/report/model.ts';
import { reportPdf } from '../src/report/outputs.ts';
import { closeWarmBrowser, pdfPrintStats, warmBrowser } from '../src/report/pdf.ts';
import { fakeData, fakeDomains, seedFakeReport } from './report-fake-domains.ts';
import { freshDatabase } from './support/databases.ts';
import { describeWithChromium } from './support/layers.ts';

const run = promisify(execFile);
const config = { organisationName: 'Testforetaket', chromiumPath: '/usr/bin/chromium' };

let dir: string;
let file: string;
let pages: string[] = [];
let model: ReportModel;
let firstPrints = 0;

/** Page texts (1-based index 0 = page 1), whitespace collapsed per line. */
async function pageTexts(path: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', path, '-']);
  return stdout.split('\f').map((p) =>
    p
      .split('\n')
      .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter((l) => l !== '')
      .join('\n'),
  );
}

describeWithChromium(
  'the report PDF (Chromium and pdftotext)',
  () => {
    beforeAll(async () => {
      const open = await freshDatabase('sqlite');
      try {
        await seedFakeReport(open.db);
        model = await reportModel(
          { config, db: open.db, domains: fakeDomains(fakeData()) },
          { period: '2025-05', compiledAt: '2025-06-05T08:00:00.000Z' },
        );
        const before = pdfPrintStats.prints;
        const pdf = await reportPdf(model, { chromiumPath: config.chromiumPath, fresh: true });
        firstPrints = pdfPrintStats.prints - before;
        dir = await mkdtemp(join(tmpdir(), 'styrerom-pdf-test-'));
        file = join(dir, 'report.pdf');
        await writeFile(file, pdf);
        pages = (await pageTexts(file)).filter((p, i, all) => i < all.length - 1 || p !== '');
      } finally {
        await open.close();
      }
    }, 60_000);

    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    describe('the report PDF', () => {
      it('is A4 with a title', async () => {
        const { stdout } = await run('pdfinfo', [file]);
        expect(stdout).toMatch(/Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/);
        expect(stdout).toMatch(/Title:\s+Virksomhetsrapport per mai 2025 – Testforetaket/);
      });

      it('has a cover with organisation, title, date and the draft watermark, without running header or footer', async () => {
        // -raw keeps the rotated watermark's letters in content order.
        const { stdout: cover } = await run('pdftotext', ['-raw', '-f', '1', '-l', '1', file, '-']);
        expect(cover.split('\n')).toEqual(
          expect.arrayContaining(['Testforetaket', 'Virksomhetsrapport per mai 2025', '05.06.2025', 'Utkast, versjon 1', 'UTKAST']),
        );
        expect(cover).not.toMatch(/Side \d+ av/);
      });

      it('has a running header (report name, period) and "Side x av y" on every other page', () => {
        const total = pages.length;
        pages.slice(1).forEach((p, i) => {
          expect(p.split('\n')[0]).toMatch(/^Virksomhetsrapport per mai 2025 Testforetaket · UTKAST$/);
          expect(p).toContain(`Side ${i + 2} av ${total}`);
        });
      });

      it('prints the contents with page numbers that are the pages the headings are on', () => {
        const toc = pages[1] ?? '';
        expect(toc).toContain('Innhold');
        const entries = [...toc.matchAll(/^((?:\d+(?:\.\d+)* |Vedlegg).+?) (\d+)$/gm)].map((m) => ({
          title: m[1] ?? '',
          page: Number(m[2]),
        }));
        const headings = entries.filter((e) => /^(\d|Vedlegg)/.test(e.title));
        expect(headings.map((e) => e.title)).toContain('2.1 Resultat');
        // The appendix is listed by its name, without a section number of its own.
        expect(headings.map((e) => e.title)).toContain('Vedlegg: Datagrunnlag og regler');
        expect(headings.length).toBeGreaterThanOrEqual(8);
        for (const e of headings) {
          const heading = e.title;
          const page = pages[e.page - 1] ?? '';
          expect(page.split('\n'), `${e.title} on page ${e.page}`).toContain(heading);
          expect(page).toContain(`Side ${e.page} av`);
        }
        // The contents list sections only (figures are numbered in the next test); every entry was checked above.
        expect(entries.length).toBe(headings.length);
      });

      it('numbers figures uniquely and consecutively, and never prints "Feil!"', () => {
        const body = pages.slice(2).join('\n');
        const captions = [...body.matchAll(/^Figur (\d+): /gm)].map((m) => Number(m[1]));
        const inBody = [...new Set(captions)];
        expect(inBody).toEqual([1, 2, 3]);
        expect(pages.join('\n')).not.toContain('Feil!');
        expect(pages.join('\n')).not.toMatch(/\[@(fig|tab):/);
      });

      it('formats numbers nb-NO: decimal comma, space as thousands separator, true minus, per cent with a space', () => {
        const text = pages.join('\n');
        expect(text).toContain('Sykefraværet var 1,20 % i perioden');
        expect(text).toContain('0,7 MNOK under budsjett');
        expect(text).toMatch(/Konto 4080 11 110,5 11 700/);
        expect(text).toContain('\u22120,7');
        expect(text).not.toMatch(/\d\.\d+ ?(%|MNOK)/); // no decimal points
        expect(text).not.toMatch(/\b\d{4,},\d/); // thousands grouped
      });

      it('splits a long table across pages with the header row repeated and no row cut in half', () => {
        const withRows = pages
          .map((p, i) => ({ i, rows: p.split('\n').filter((l) => /^Konto \d{4} /.test(l)) }))
          .filter((p) => p.rows.length > 0);
        expect(withRows.length).toBeGreaterThanOrEqual(2);
        for (const p of withRows) expect(pages[p.i]).toContain('Konto Prognose Budsjett');
        const rows = withRows.flatMap((p) => p.rows);
        expect(rows).toHaveLength(70);
        for (const r of rows) expect(r).toMatch(/^Konto \d{4} [\d ]+,\d [\d ]+$/);
      });

      it('draws charts as vectors: the PDF holds no raster images', async () => {
        const { stdout } = await run('pdfimages', ['-list', file]);
        expect(stdout.trim().split('\n').slice(2)).toEqual([]);
      });

      it('has a provenance appendix: sources with file name, SHA-256 and import time, rules, and which figure/table uses which', () => {
        const appendix = pages.filter((p) => p.includes('Vedlegg: Datagrunnlag og regler') && !p.includes('Innhold')).join('\n');
        expect(appendix).toMatch(/^Tabell 1: Resultat mot budsjett hittil i år \(MNOK\) K2, K3 R2$/m);
        expect(appendix).toMatch(/^K2 saf-t-2025-05\.csv saf-t 02\.06\.2025 kl\. 08:00\na{63}5$/m);
        expect(appendix).toMatch(/^R2 Kontoer mappes til rapportkategorier etter kontoplanen\.$/m);
        expect(appendix).toContain('Sykefravær: 1,20 % (seksjon 3.1 Sykefravær)');
        expect(appendix).not.toContain('kpi.');
      });
    });

    describe('printing speed', () => {
      it('measures once and prints once; the same layout again prints once, in the server’s warm browser', async () => {
        expect(firstPrints).toBe(2);
        const browser = await warmBrowser(config.chromiumPath);
        try {
          expect(await warmBrowser(config.chromiumPath)).toBe(browser);
          const before = pdfPrintStats.prints;
          const again = await reportPdf(model, { chromiumPath: config.chromiumPath, browser });
          expect(pdfPrintStats.prints - before).toBe(1);
          const file2 = join(dir, 'again.pdf');
          await writeFile(file2, again);
          expect((await pageTexts(file2)).filter((p) => p !== '')).toEqual(pages.filter((p) => p !== ''));
        } finally {
          await closeWarmBrowser();
        }
        expect(browser.isConnected()).toBe(false);
      }, 60_000);
    });
  },
  { pdftotext: true },
);
