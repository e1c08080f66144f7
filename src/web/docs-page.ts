/**
 * Operator documentation (`docs/*.md` in the repository) rendered in the web app, so the empty
 * state and error pages can link to it. Markdown goes through marked and then sanitize-html.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import { AppError } from '../shared/errors.ts';
import { html, raw, type SafeHtml } from './html.ts';

export const DOCS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');

/** "configuration" or "import-formats/risk": one folder level, lower-case words. */
const NAME = /^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)?$/;

async function markdownNames(dir: string, prefix: string): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  for (const e of entries) {
    if (e.isFile() && e.name === 'README.md' && prefix) names.push(prefix.slice(0, -1));
    else if (e.isFile() && e.name.endsWith('.md')) names.push(prefix + e.name.slice(0, -3));
    else if (e.isDirectory() && !prefix) names.push(...(await markdownNames(dir, `${e.name}/`)));
  }
  return names;
}

export async function listDocs(dir = DOCS_DIR): Promise<string[]> {
  return (await markdownNames(dir, '')).filter((n) => NAME.test(n)).sort();
}

export async function docsIndexBody(dir = DOCS_DIR): Promise<SafeHtml> {
  const names = await listDocs(dir);
  if (names.length === 0) return html`<p>Ingen dokumentasjon funnet i <code>docs/</code>.</p>`;
  return html`<ul>${names.map((n) => html`<li><a href="/dokumentasjon/${n}">${n}</a></li>`)}</ul>`;
}

/** Relative links between docs (`risk.md`, `../errors.md`, `x/README.md`) → their web pages. */
export function rewriteDocLinks(markdown: string, base: string): string {
  return markdown.replace(/\]\((?![a-z]+:|\/|#)([^)#\s]+)\.md(#[^)\s]*)?\)/g, (whole, path: string, hash: string | undefined) => {
    const target = posix.normalize(posix.join(base, path)).replace(/(?:^|\/)README$/, '');
    return target.startsWith('..') ? whole : `](/dokumentasjon/${target}${hash ?? ''})`;
  });
}

async function readDoc(dir: string, name: string): Promise<{ markdown: string; base: string } | undefined> {
  for (const [file, base] of [
    [`${name}.md`, posix.dirname(name)],
    [`${name}/README.md`, name],
  ] as const) {
    try {
      return { markdown: await readFile(join(dir, file), 'utf8'), base: base === '.' ? '' : base };
    } catch {
      // try the next form
    }
  }
  return undefined;
}

/** Renders `docs/<name>.md` (or `docs/<name>/README.md`), sanitised. */
export async function docBody(name: string, dir = DOCS_DIR): Promise<SafeHtml> {
  const doc = NAME.test(name) ? await readDoc(dir, name) : undefined;
  if (!doc) throw new AppError('NOT_FOUND', `Fant ikke dokumentet «${name}» (Document not found)`);
  const rendered = await marked.parse(rewriteDocLinks(doc.markdown, doc.base));
  const { default: sanitizeHtml } = await import('sanitize-html'); // loads only when a document is shown
  const clean = sanitizeHtml(rendered, { allowedTags: sanitizeHtml.defaults.allowedTags.concat(['h1', 'h2', 'img']) });
  return html`<article class="doc">${raw(clean)}</article>`;
}
