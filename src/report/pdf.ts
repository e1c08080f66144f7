/**
 * HTML → PDF in headless Debian Chromium (playwright-core). The contents page needs the page of
 * every heading, which only the printed layout knows: print once, read where each link target
 * landed (Chromium writes a named destination per target; poppler's `pdfinfo -dests` lists them),
 * print again with the numbers. Numbers fit in a fixed-width cell, so the layout does not move;
 * a third pass runs only if it did.
 *
 * Speed: the first pass only measures (no tags, no outline: they do not move the layout, and
 * Chromium writes the named destinations without them); the page numbers of a layout are remembered (keyed by the SHA-256 of the first pass's
 * HTML), so building the same report again prints once, with the numbers, and only checks that they
 * landed; and a long-running process (the server) keeps one browser warm (`warmBrowser`) instead of
 * starting Chromium for every PDF.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { AppError } from '../shared/errors.ts';

const run = promisify(execFile);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(executablePath: string): Promise<Browser> {
  try {
    // The browser driver loads only when a PDF is printed, not with every command.
    const { chromium } = await import('playwright-core');
    // The server's own SIGINT/SIGTERM handler shuts down gracefully; Chromium must not die first.
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  } catch (err) {
    throw new AppError(
      'CONFIG',
      `Kan ikke starte Chromium (${executablePath}) for PDF; sett CHROMIUM_PATH til Chromium-programmet: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}

let warm: { path: string; browser: Promise<Browser> } | undefined;

/**
 * The process's warm browser for `executablePath`: launched on first use, relaunched when it has
 * died or another path is asked for. The caller never closes it; `closeWarmBrowser` does (server
 * shutdown).
 */
export async function warmBrowser(executablePath: string): Promise<Browser> {
  if (warm && warm.path === executablePath) {
    const browser = await warm.browser.catch(() => undefined);
    if (browser?.isConnected()) return browser;
  }
  await closeWarmBrowser();
  const launching = launchChromium(executablePath);
  warm = { path: executablePath, browser: launching };
  launching.catch(() => {
    if (warm?.browser === launching) warm = undefined;
  });
  return launching;
}

export async function closeWarmBrowser(): Promise<void> {
  const current = warm;
  warm = undefined;
  if (!current) return;
  const browser = await current.browser.catch(() => undefined);
  await browser?.close().catch(() => {});
}

/**
 * Why a PDF cannot be printed on this machine (Chromium or poppler's pdfinfo missing), in Norwegian,
 * or undefined when both are there. Lets the demo and the web app degrade to HTML with a clear
 * message instead of failing.
 */
export async function pdfToolsMissing(chromiumPath: string): Promise<string | undefined> {
  const missing: string[] = [];
  if (!existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath})`);
  try {
    await run('pdfinfo', ['-v']);
  } catch {
    missing.push('pdfinfo (poppler-utils)');
  }
  if (missing.length === 0) return undefined;
  return `PDF lages ikke: ${missing.join(' og ')} mangler. Installer med «apt-get install -y chromium poppler-utils» eller sett CHROMIUM_PATH.`;
}

/** Page (1-based) of each named destination in a PDF, via `pdfinfo -dests`. */
export async function namedDestinations(pdf: Uint8Array): Promise<Map<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'styrerom-pdf-'));
  try {
    const file = join(dir, 'pass.pdf');
    await writeFile(file, pdf);
    let stdout: string;
    try {
      ({ stdout } = await run('pdfinfo', ['-dests', file], { maxBuffer: 16 * 1024 * 1024 }));
    } catch (err) {
      throw new AppError('CONFIG', `Kan ikke lese sidetall med pdfinfo (poppler-utils): ${(err as Error).message}`, {
        cause: err,
      });
    }
    const out = new Map<string, number>();
    for (const line of stdout.split('\n')) {
      const m = /^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$/.exec(line);
      if (m?.[1] && m[2] !== undefined && !out.has(m[2])) out.set(m[2], Number(m[1]));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

export interface PdfOptions {
  chromiumPath: string;
  /** The document's HTML, given the page of each anchor (undefined in the first pass). */
  html(pages: ReadonlyMap<string, number> | undefined): string;
  /** A browser to reuse (the caller closes it); otherwise one is launched for this call. */
  browser?: Browser;
  /** Ignore remembered layouts (benchmarks measuring a first build). */
  fresh?: boolean;
}

/** Page numbers of recent layouts, keyed by the SHA-256 of the first pass's HTML (the layout without numbers). */
const layoutPages = new Map<string, Map<string, number>>();
const LAYOUTS_KEPT = 16;

function rememberLayout(key: string, pages: Map<string, number>): void {
  layoutPages.delete(key);
  layoutPages.set(key, pages);
  for (const old of layoutPages.keys()) {
    if (layoutPages.size <= LAYOUTS_KEPT) break;
    layoutPages.delete(old);
  }
}

/** How many times renderPdf printed, for tests and the benchmark. */
export const pdfPrintStats = { prints: 0 };

export async function renderPdf(o: PdfOptions): Promise<{ pdf: Buffer; pages: Map<string, number> }> {
  const browser = o.browser ?? (await launchChromium(o.chromiumPath));
  const page = await browser.newPage();
  try {
    // The measuring pass needs only the named destinations: no tags and no outline (about half the time).
    const print = async (content: string, measureOnly = false) => {
      pdfPrintStats.prints++;
      await page.setContent(content, { waitUntil: 'load' });
      const full = !measureOnly;
      return page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, outline: full, tagged: full });
    };
    const first = o.html(undefined);
    const layout = createHash('sha256').update(first).digest('hex');
    // The same layout printed before: its numbers are known, one print suffices if they still land.
    let pages = (o.fresh ? undefined : layoutPages.get(layout)) ?? (await namedDestinations(await print(first, true)));
    for (let pass = 0; pass < 2; pass++) {
      const pdf = await print(o.html(pages));
      const landed = await namedDestinations(pdf);
      if (samePages(pages, landed)) {
        rememberLayout(layout, pages);
        return { pdf, pages };
      }
      pages = landed;
    }
    throw new AppError('REPORT_BUILD', 'Sidetallene i innholdsfortegnelsen stabiliserte seg ikke');
  } finally {
    if (o.browser) await page.close().catch(() => {});
    else await browser.close();
  }
}
