/**
 * The user guide (`docs/brukerveiledning/*.md`, Norwegian) rendered in the web app at /dokumentasjon,
 * so the empty state and error pages can link to it. The rest of `docs/` is developer and operator
 * documentation in English and is not served. Markdown goes through marked and then sanitize-html.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import { AppError } from '../shared/errors.ts';
import { html, raw, type SafeHtml } from './html.ts';

export const DOCS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'brukerveiledning');

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

/** A page's title: its first `# ` heading, else its name. */
async function docTitle(dir: string, name: string): Promise<string> {
  const doc = await readDoc(dir, name);
  return /^# (.+)$/m.exec(doc?.markdown ?? '')?.[1]?.trim() ?? name;
}

/** The guide's front page (README.md) with the list of its pages by title. */
export async function docsIndexBody(dir = DOCS_DIR): Promise<SafeHtml> {
  const names = (await listDocs(dir)).filter((n) => n !== 'README');
  const front = await readDoc(dir, 'README');
  const { default: sanitizeHtml } = await import('sanitize-html'); // loads only when a document is shown
  const intro = front ? raw(sanitizeHtml(await marked.parse(rewriteDocLinks(front.markdown.replace(/^# .*\n/, ''), '')))) : '';
  if (names.length === 0 && !front) return html`<p>Brukerveiledningen mangler.</p>`;
  const titles = await Promise.all(names.map((n) => docTitle(dir, n)));
  return html`<article class="doc">${intro}</article>
<h2>Sider i brukerveiledningen</h2>
<ul>${names.map((n, i) => html`<li><a href="/dokumentasjon/${n}">${titles[i]}</a></li>`)}</ul>`;
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
  if (!doc) throw new AppError('NOT_FOUND', `Fant ikke siden «${name}» i brukerveiledningen`);
  const rendered = await marked.parse(rewriteDocLinks(doc.markdown, doc.base));
  const { default: sanitizeHtml } = await import('sanitize-html'); // loads only when a document is shown
  const clean = sanitizeHtml(rendered, { allowedTags: sanitizeHtml.defaults.allowedTags.concat(['h1', 'h2', 'img']) });
  return html`<article class="doc">${raw(clean)}</article>`;
}
