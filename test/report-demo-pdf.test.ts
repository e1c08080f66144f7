/**
 * The DEMO report's PDF, read page by page the way a board member turns the pages: poppler renders
 * each page (pdftoppm, grey, 20 dpi) and pdftotext gives its text. Checks:
 * - no page is left more than half empty (a figure or table pushed to the next page) unless a
 *   top-level section or the appendix starts on the next page, or it is the cover or the last page;
 * - no comment text is printed twice (e.g. forecast comments both as bullets and in the table);
 * - the appendix speaks Norwegian: import kinds and KPIs by their labels, no code identifiers.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { buildDemo, DEMO_PERIOD } from '../src/demo/demo.ts';
import { domains } from '../src/domains.ts';
import { reportModel } from '../src/report/build.ts';
import type { ReportModel } from '../src/report/model.ts';
import { reportPdf } from '../src/report/outputs.ts';
import { describeWithChromium } from './support/layers.ts';

const run = promisify(execFile);
const COMPILED_AT = '2025-06-10T08:00:00.000Z';

/** Fraction of the page's text area (A4 within the 22 mm / 20 mm page margins) down to its last ink. */
function filled(pgm: Buffer): number {
  // Binary PGM: "P5", width, height, maxval, one whitespace, then width × height bytes.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [head, w, h] = [header[0].length, Number(header[1]), Number(header[2])];
  const mm = h / 297;
  const top = Math.round(22 * mm);
  const bottom = Math.round(h - 20 * mm);
  let last = top;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < w; x++) {
      if ((pgm[head + y * w + x] ?? 255) < 200) {
        last = y;
        break;
      }
    }
  }
  return (last - top) / (bottom - top);
}

/** Page text without the running header and the "Side x av y" footer, whitespace collapsed. */
function bodyText(page: string): string {
  return page
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '' && !/^Side \d+ av \d+$/.test(l) && !/^Virksomhetsrapport per .* · (UTKAST|PUBLISERT)$/.test(l))
    .join('\n');
}

describeWithChromium(
  'the demo report PDF, page by page',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'styrerom-demo-pdf-'));
    const file = join(dir, 'report.pdf');
    let model: ReportModel;
    let pages: string[] = [];
    let fill: number[] = [];

    beforeAll(async () => {
      const config = loadConfig({ STYREROM_DATA_DIR: dir, CHROMIUM_PATH: '/usr/bin/chromium' });
      const open = await buildDemo({ config, domains, database: undefined, reset: false, log: () => {} });
      try {
        model = await reportModel({ config, db: open.db, domains }, { period: DEMO_PERIOD, compiledAt: COMPILED_AT });
        await writeFile(file, await reportPdf(model, { chromiumPath: config.chromiumPath }));
      } finally {
        await open.close();
      }
      const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 32 * 1024 * 1024 });
      pages = stdout.split('\f').slice(0, -1);
      await run('pdftoppm', ['-r', '20', '-gray', file, join(dir, 'p')]);
      const images = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
      fill = await Promise.all(images.map(async (f) => filled(await readFile(join(dir, f)))));
    }, 400_000);

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('leaves no page more than half empty, except before a new section, the cover and the last page', () => {
      expect(fill).toHaveLength(pages.length);
      expect(pages.length).toBeGreaterThan(15);
      const halfEmpty = fill.flatMap((f, i) => {
        if (f >= 0.5 || i === 0 || i === pages.length - 1) return [];
        const next = bodyText(pages[i + 1] ?? '').split('\n')[0] ?? '';
        // A top-level section ("3 Organisatoriske forhold") or the appendix starts on a new page by design.
        if (/^\d+ \p{Lu}/u.test(next) || next.startsWith('Vedlegg')) return [];
        return [`side ${i + 1} er ${Math.round(f * 100)} % full; neste side begynner med «${next.slice(0, 60)}»`];
      });
      expect(halfEmpty).toEqual([]);
    });

    it('prints no comment twice (forecast comments once, in the table)', async () => {
      const { stdout } = await run('pdftotext', ['-raw', file, '-'], { maxBuffer: 32 * 1024 * 1024 });
      const text = stdout
        .split('\f')
        .map(bodyText)
        .join(' ')
        .replace(/-\s+(?=\p{Ll})/gu, '')
        .replace(/\s+/g, ' ');
      // A note under several tables or figures (the same definition) may repeat; written text may not.
      const notes = new Set([...model.tables, ...model.figures].flatMap((b) => (b.block.note ? b.block.note.split(/(?<=[.!?:])\s+/) : [])));
      const seen = new Map<string, number>();
      for (const s of text.split(/(?<=[.!?:])\s+/)) if (s.length >= 50 && !notes.has(s)) seen.set(s, (seen.get(s) ?? 0) + 1);
      expect([...seen].filter(([, n]) => n > 1).map(([s]) => s)).toEqual([]);
      expect(text).toContain('Som følge av forsinkelse i rekrutteringer av nye årsverk, samt turnover.');
    });

    it('writes the appendix in Norwegian: import kinds and KPIs by their labels, no code identifiers', async () => {
      const start = pages.findIndex((p, i) => i > 2 && bodyText(p).startsWith('Vedlegg: Datagrunnlag og regler'));
      expect(start).toBeGreaterThan(2);
      const appendix = pages.slice(start).map(bodyText).join('\n');
      const words = new Set(appendix.split(/[\s,()]+/));
      const kinds = domains.flatMap((d) => (d.importers ?? []).map((i) => i.kind));
      expect(kinds.filter((k) => words.has(k))).toEqual([]);
      const kpiIds = domains.flatMap((d) => (d.kpis ?? []).map((k) => k.id));
      expect(kpiIds.filter((id) => appendix.includes(id))).toEqual([]);
      expect(appendix).not.toMatch(/\bkpi\./);
      expect(appendix).toContain('SAF-T Financial (hovedbok)');
      expect(appendix).toMatch(/Sykefravær[^\n]*: 1,44 %/);
    });
  },
  { pdftotext: true },
);
