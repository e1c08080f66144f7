import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCS_DIR, docBody, docsIndexBody, listDocs } from './docs-page.ts';

const dir = mkdtempSync(join(tmpdir(), 'styrerom-docs-'));
writeFileSync(join(dir, 'errors.md'), '# Feil\n\nSe [importformater](import-formats.md#csv).\n\n<script>alert(1)</script>\n');
writeFileSync(join(dir, 'import-formats.md'), '# Import\n');
writeFileSync(join(dir, 'notes.txt'), 'not markdown');
mkdirSync(join(dir, 'formats'));
writeFileSync(join(dir, 'formats', 'README.md'), '# Formater\n\n[Risiko](risk.md) · [Feil](../errors.md) · [ut](../../x.md)\n');
writeFileSync(join(dir, 'formats', 'risk.md'), '# Risiko\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the user guide in the web app', () => {
  it('lists the Markdown files of the guide by their titles', async () => {
    expect(await listDocs(dir)).toEqual(['errors', 'formats', 'formats/risk', 'import-formats']);
    expect((await docsIndexBody(dir)).value).toContain('<a href="/dokumentasjon/errors">Feil</a>');
    expect(await listDocs(join(dir, 'missing'))).toEqual([]);
  });

  it('renders a doc, points links between docs to their pages and strips scripts', async () => {
    const body = (await docBody('errors', dir)).value;
    expect(body).toContain('<h1>Feil</h1>');
    expect(body).toContain('href="/dokumentasjon/import-formats#csv"');
    expect(body).not.toContain('<script');
  });

  it('serves a folder through its README and resolves links relative to it', async () => {
    const body = (await docBody('formats', dir)).value;
    expect(body).toContain('href="/dokumentasjon/formats/risk"');
    expect(body).toContain('href="/dokumentasjon/errors"');
    expect(body).toContain('href="../../x.md"');
    expect((await docBody('formats/risk', dir)).value).toContain('<h1>Risiko</h1>');
  });

  it('answers NOT_FOUND for unknown names and anything that looks like a path', async () => {
    await expect(docBody('nosuch', dir)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(docBody('../package', dir)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves the Norwegian user guide: every page in bokmål, no English sentence words outside code', async () => {
    const names = await listDocs(DOCS_DIR);
    expect(names).toEqual(expect.arrayContaining(['import', 'rapporten', 'publisering', 'tilgang']));
    const index = (await docsIndexBody()).value;
    expect(index).toContain('<a href="/dokumentasjon/rapporten">Månedsrapporten</a>');
    const english = /\b(the|and|with|from|is|are|this|that|which|file|report|page|when|you)\b/i;
    for (const name of ['README', ...names]) {
      const markdown = await readFile(join(DOCS_DIR, `${name}.md`), 'utf8');
      const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
      expect(english.exec(prose)?.[0], `${name}.md`).toBeUndefined();
    }
  });
});
