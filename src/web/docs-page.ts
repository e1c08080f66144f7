/**
 * Operator documentation (`docs/*.md` in the repository) rendered in the web app, so the empty
 * state and error pages can link to it. Markdown goes through marked and then sanitize-html.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { AppError } from '../shared/errors.ts';
import { html, raw, type SafeHtml } from './html.ts';

export const DOCS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');

const NAME = /^[a-z0-9][a-z0-9-]*$/;

export async function listDocs(dir = DOCS_DIR): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3))
      .filter((n) => NAME.test(n))
      .sort();
  } catch {
    return [];
  }
}

export async function docsIndexBody(dir = DOCS_DIR): Promise<SafeHtml> {
  const names = await listDocs(dir);
  if (names.length === 0) return html`<p>Ingen dokumentasjon funnet i <code>docs/</code>.</p>`;
  return html`<ul>${names.map((n) => html`<li><a href="/dokumentasjon/${n}">${n}</a></li>`)}</ul>`;
}

/** Renders `docs/<name>.md`; links between docs (`other.md`) point to their web pages. */
export async function docBody(name: string, dir = DOCS_DIR): Promise<SafeHtml> {
  const notFound = new AppError('NOT_FOUND', `Fant ikke dokumentet «${name}» (Document not found)`);
  if (!NAME.test(name)) throw notFound;
  let markdown: string;
  try {
    markdown = await readFile(join(dir, `${name}.md`), 'utf8');
  } catch {
    throw notFound;
  }
  const rendered = await marked.parse(markdown.replace(/\]\(\.?\/?([a-z0-9-]+)\.md(#[^)]*)?\)/g, '](/dokumentasjon/$1$2)'));
  const clean = sanitizeHtml(rendered, { allowedTags: sanitizeHtml.defaults.allowedTags.concat(['h1', 'h2', 'img']) });
  return html`<article class="doc">${raw(clean)}</article>`;
}
