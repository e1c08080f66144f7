/**
 * The PDF's accessibility, read from the file's own structure (Chromium writes PDF 1.4 without
 * object streams, so every object is readable text): document language nb-NO in the catalog, a
 * title shown in the window, a bookmark for every top-level section, alternative text on every
 * figure ("Figur n: caption. Tallene …") and a header row of TH cells on every table.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportModel } from '../src/report/build.ts';
import { allSections, type ReportModel } from '../src/report/model.ts';
import { reportPdf } from '../src/report/outputs.ts';
import { fakeData, fakeDomains, seedFakeReport } from './report-fake-domains.ts';
import { freshDatabase } from './support/databases.ts';
import { describeWithChromium } from './support/layers.ts';

const run = promisify(execFile);
const config = { organisationName: 'Testforetaket', chromiumPath: '/usr/bin/chromium' };

/** A PDF string: <FEFF…> hex (UTF-16BE) or a (literal) with backslash escapes. */
function pdfString(token: string): string {
  if (token.startsWith('<')) {
    const bytes = Buffer.from(token.slice(1, -1).replace(/\s/g, ''), 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
  }
  return token
    .slice(1, -1)
    .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
      /^[0-7]+$/.test(e) ? String.fromCharCode(Number.parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[e] ?? e),
    );
}

const STRING = String.raw`(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))`;

interface Pdf {
  objects: Map<number, string>;
  text: string;
}

function readPdf(bytes: Buffer): Pdf {
  const text = bytes.toString('latin1');
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(?:^|\n)(\d+) 0 obj\s*([\s\S]*?)\s*endobj/g)) objects.set(Number(m[1]), m[2] ?? '');
  return { objects, text };
}

function entry(dict: string, key: string): string | undefined {
  const m = new RegExp(`/${key}\\s*${STRING}`).exec(dict);
  return m?.[1] === undefined ? undefined : pdfString(m[1]);
}

interface StructElem {
  id: number;
  type: string;
  alt: string | undefined;
  kids: StructElem[];
}

/** The structure tree below StructTreeRoot, kids in /K order (marked-content ids left out). */
function structTree(pdf: Pdf): StructElem[] {
  const seen = new Map<number, StructElem>();
  const elem = (id: number): StructElem | undefined => {
    const dict = pdf.objects.get(id);
    if (!dict?.includes('/Type /StructElem')) return undefined;
    const cached = seen.get(id);
    if (cached) return cached;
    const e: StructElem = { id, type: /\/S \/(\w+)/.exec(dict)?.[1] ?? '', alt: entry(dict, 'Alt'), kids: [] };
    seen.set(id, e);
    e.kids = refs(dict).flatMap((k) => elem(k) ?? []);
    return e;
  };
  const refs = (dict: string): number[] => {
    const k = /\/K\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? '';
    const direct = [...k.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    // An array of kids may itself be a separate object ("/K 57 0 R" pointing at "[58 0 R …]").
    return direct.flatMap((r) => (pdf.objects.get(r)?.trim().startsWith('[') ? refs(`/K ${pdf.objects.get(r)}`) : [r]));
  };
  const root = [...pdf.objects.values()].find((d) => d.includes('/Type /StructTreeRoot'));
  if (!root) return [];
  return refs(root).flatMap((k) => elem(k) ?? []);
}

function walk(elems: readonly StructElem[], type: string): StructElem[] {
  return elems.flatMap((e) => [...(e.type === type ? [e] : []), ...walk(e.kids, type)]);
}

describeWithChromium('the PDF is accessible (language, title, bookmarks, figure alt text, table headers)', () => {
  let model: ReportModel;
  let pdf: Pdf;
  let info: string;

  beforeAll(async () => {
    const open = await freshDatabase('sqlite');
    try {
      await seedFakeReport(open.db);
      model = await reportModel(
        { config, db: open.db, domains: fakeDomains(fakeData()) },
        { period: '2025-05', compiledAt: '2025-06-05T08:00:00.000Z' },
      );
      const bytes = await reportPdf(model, { chromiumPath: config.chromiumPath });
      pdf = readPdf(bytes);
      const dir = await mkdtemp(join(tmpdir(), 'styrerom-pdf-a11y-'));
      await writeFile(join(dir, 'report.pdf'), bytes);
      info = (await run('pdfinfo', [join(dir, 'report.pdf')])).stdout;
      await rm(dir, { recursive: true, force: true });
    } finally {
      await open.close();
    }
  }, 60_000);

  it('is tagged, in Norwegian bokmål (nb-NO) and shows its title in the window', () => {
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Virksomhetsrapport per mai 2025 – Testforetaket/);
    const catalog = [...pdf.objects.values()].find((d) => d.includes('/Type /Catalog'));
    expect(catalog && entry(catalog, 'Lang')).toBe('nb-NO');
    expect(catalog).toMatch(/\/DisplayDocTitle true/);
  });

  it('has a bookmark for every top-level section', () => {
    const bookmarks = [...pdf.objects.values()]
      .filter((d) => d.includes('/Parent') && d.includes('/Title'))
      .map((d) => entry(d, 'Title') ?? '');
    expect(model.sections.length).toBeGreaterThanOrEqual(3);
    for (const s of model.sections)
      expect(
        bookmarks.some((b) => b.includes(s.title)),
        `${s.number} ${s.title}`,
      ).toBe(true);
  });

  it('gives every figure an alternative text from its number, caption and the numbers drawn', () => {
    const tree = structTree(pdf);
    const figures = walk(tree, 'Figure');
    const alts = figures.flatMap((f) => f.alt ?? []);
    // A <figure> is a Figure holding the drawing (a Figure with /Alt) and its Caption.
    for (const f of figures) expect(f.alt !== undefined || walk(f.kids, 'Figure').some((k) => k.alt), `Figure ${f.id}`).toBe(true);
    const modelFigures = allSections(model.sections).flatMap((s) => s.blocks.filter((b) => b.kind === 'figure'));
    expect(modelFigures.length).toBeGreaterThanOrEqual(2);
    expect(alts).toHaveLength(modelFigures.length);
    modelFigures.forEach((f, i) => {
      expect(alts[i]).toMatch(new RegExp(`^Figur ${i + 1}: `));
      expect(alts[i]).toContain(f.block.caption);
      expect(alts[i]).toContain('Tallene');
    });
  });

  it('marks a header row of TH cells (scope column) on every table', () => {
    const tables = walk(structTree(pdf), 'Table');
    const modelTables = allSections(model.sections).flatMap((s) => s.blocks.filter((b) => b.kind === 'table'));
    expect(tables.length).toBeGreaterThanOrEqual(modelTables.length);
    for (const t of tables) {
      const firstRow = walk(t.kids, 'TR')[0];
      expect(firstRow, `Table ${t.id} has rows`).toBeDefined();
      expect(firstRow?.kids.length).toBeGreaterThan(0);
      expect(
        firstRow?.kids.map((c) => c.type).every((type) => type === 'TH'),
        `Table ${t.id} header row`,
      ).toBe(true);
    }
    expect(pdf.text).toContain('/Scope /Column');
  });
});
