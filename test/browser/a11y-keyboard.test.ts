/**
 * Keyboard and visual checks axe cannot make: the period picker keeps focus and URL on ArrowDown
 * (3.2.2), the error summary takes focus (3.3.1), the skip link is the first Tab stop (2.4.1), the
 * focus outline has >= 3:1 contrast against the background it sits on (1.4.11, from computed
 * styles), pages reflow at 320 px (1.4.10), and an import upload works with the keyboard alone (2.1.1).
 */
import type { Browser, BrowserContext, FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { contrastRatio, parseCssColour } from '../../src/web/contrast.ts';
import { describeWithChromium } from '../support/layers.ts';
import { type DemoServer, openPage, startDemoServer } from './a11y-support.ts';
import { launchChromium, signedInContext } from './browser.ts';

const P = '2025-05';

interface FocusStyle {
  what: string;
  outline: string;
  width: number;
  outlineStyle: string;
  bg: string;
}

/** Runs in the page: the focused element's outline and the opaque background behind it. */
const FOCUS_STYLE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  let bg = 'rgb(255, 255, 255)';
  for (let n = el.parentElement; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; }
  }
  const name = (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30);
  return { what: el.tagName.toLowerCase() + ' «' + name + '»', outline: style.outlineColor,
    width: parseFloat(style.outlineWidth), outlineStyle: style.outlineStyle, bg };
})()`;

/**
 * Named steps of a browser test, each with its own 20 s limit: a step that hangs fails with its name,
 * the page's state (`state()`) and how long every earlier step took, instead of the test's bare timeout.
 */
function stepsOf(state: () => Promise<string>) {
  const done: string[] = [];
  return async function step<T>(name: string, what: Promise<T>): Promise<T> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(async () => {
        const seen = await state().catch((err: unknown) => String(err));
        reject(new Error(`Still waiting for ${name} after 20 s. ${seen}. Steps before: ${done.join('; ')}`));
      }, 20_000);
    });
    // The step's own promise may still settle after the report; it must not become an unhandled rejection.
    what.catch(() => {});
    try {
      return await Promise.race([what, late]);
    } finally {
      clearTimeout(timer);
      done.push(`${name} ${Date.now() - started} ms`);
    }
  };
}

describeWithChromium('keyboard, focus and reflow in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium(loadConfig());
    context = await signedInContext(browser, server.base, server.db);
    // Building the demo (and publishing its report) takes a minute on a busy machine, more under load.
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await openPage(page, server.base, path);
    return page;
  }

  it('makes the skip link the first Tab stop and moves to the main content', async () => {
    const page = await open(`/?period=${P}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Hopp til hovedinnhold');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
    await page.close();
  });

  it('keeps focus and URL when ArrowDown moves through the period picker, and navigates on Enter', async () => {
    const page = await open(`/risiko?period=${P}`);
    await page.focus('#period');
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(`${server.base}/risiko?period=${P}`);
    expect(await page.evaluate('document.activeElement?.id')).toBe('period');
    expect(await page.inputValue('#period')).toBe('2025-04');
    await Promise.all([page.waitForURL(/period=2025-04/), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(`${server.base}/risiko?period=2025-04`);
    await page.close();
  });

  it('moves focus to the error summary when a form comes back with errors, and its links lead to the fields', async () => {
    const page = await open(`/okonomi/prognose?period=${P}`);
    await page.locator('#amount-0').fill('tolv kroner');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Lagre prognose' }).click()]);
    const focused = await page.evaluate<{ role: string | null; text: string }>(
      "({ role: document.activeElement?.getAttribute('role') ?? null, text: document.activeElement?.textContent ?? '' })",
    );
    expect(focused.role).toBe('alert');
    expect(focused.text).toContain('«tolv kroner» er ikke et beløp i kroner');
    await page.getByRole('alert').getByRole('link').first().click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('amount-0');

    await openPage(page, server.base, `/risiko/ny?period=${P}`);
    await page.evaluate(`document.querySelector('form[action^="/risiko"]:not(.risk-inline)').noValidate = true`);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Opprett risiko' }).click()]);
    expect(await page.evaluate("document.activeElement?.getAttribute('role')")).toBe('alert');
    await page.close();
  });

  it('uploads an import file with the keyboard alone: open the kind, choose the file, send, and focus lands on the outcome', async () => {
    const page = await context.newPage();
    // Listen before the page loads, so Chromium intercepts the chooser long before Space is pressed.
    const choosers: FileChooser[] = [];
    page.on('filechooser', (chooser) => choosers.push(chooser));
    const step = stepsOf(
      async () =>
        `URL ${page.url()}, focus on ${await page.evaluate("document.activeElement?.outerHTML.slice(0, 80) ?? ''")}, ` +
        `status «${await page.locator('.uploads details[open] .upload-status').textContent({ timeout: 2000 })}»`,
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    await step('the import page', openPage(page, server.base, `/import?period=${P}`));
    await step('focus on the first kind', page.locator('.uploads summary').first().focus());
    await step('Enter on the kind', page.keyboard.press('Enter'));
    expect(await page.locator('.uploads details').first().getAttribute('open')).toBe('');
    // Tab through the kind's fields to its file input; Space opens the file chooser.
    const onFileInput = () => page.evaluate("document.activeElement?.matches('.uploads details[open] input[type=file]') === true");
    for (let i = 0; i < 5 && !(await onFileInput()); i++) await step('Tab to the file input', page.keyboard.press('Tab'));
    expect(await onFileInput()).toBe(true);
    const [chooser] = await step(
      'the file chooser opened by Space',
      Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]),
    );
    expect(choosers.length).toBe(1);
    expect(choosers[0]).toBe(chooser);
    await step(
      'the chosen file',
      chooser.setFiles({ name: 'tastatur.csv', mimeType: 'text/csv', buffer: Buffer.from('ikke;en;gyldig;fil\n') }),
    );
    await step('Tab to the button', page.keyboard.press('Tab'));
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Last opp og importer');
    await step('the page of the run after Enter', Promise.all([page.waitForURL(/kjoring=\d+/), page.keyboard.press('Enter')]));
    expect(await page.evaluate('document.activeElement?.id')).toBe('resultat');
    expect(await page.locator('#resultat').textContent()).toContain('tastatur.csv');
    await page.close();
    // Each step has its own 20 s limit and names itself when it hangs; the test's own limit leaves room for that.
  }, 90_000);

  it('draws every focus outline with >= 3:1 contrast against the background behind it', async () => {
    const page = await open(`/risiko?period=${P}`);
    const seen: string[] = [];
    const failures: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate<FocusStyle | null>(FOCUS_STYLE);
      if (!f) continue;
      seen.push(f.what);
      const ratio = contrastRatio(parseCssColour(f.outline), parseCssColour(f.bg));
      if (f.outlineStyle === 'none' || f.width < 2 || ratio < 3) {
        failures.push(`${f.what}: outline ${f.outlineStyle} ${f.width}px ${f.outline} on ${f.bg} (${ratio.toFixed(2)}:1)`);
      }
    }
    expect(failures).toEqual([]);
    // The walk covered the header (brand, picker), the menu and the content.
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.some((s) => s.startsWith('select'))).toBe(true);
    await page.close();
  });

  it('reflows at 320 px: no page scrolls sideways', async () => {
    const paths = [
      '/',
      '/risiko',
      '/risiko/OR-631',
      '/okonomi',
      '/okonomi/kapital',
      '/okonomi/prognose',
      '/arbeidstid',
      '/sykefravaer',
      '/rapport',
      '/import',
      '/tilgjengelighet',
    ];
    const wide: string[] = [];
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of paths) {
      await openPage(page, server.base, `${path}?period=${P}`);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      if (width > 320) wide.push(`${path}: ${width}px`);
    }
    await page.close();
    expect(wide).toEqual([]);
  }, 120_000);
});
