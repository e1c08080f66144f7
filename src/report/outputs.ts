/**
 * Every file a report build produces, in memory: report.html, report.pdf, data/<id>.csv|.xlsx,
 * provenance.json and values.json (the values shown, stored with a publication). `report build`
 * writes them to a folder; publishing stores them in the database.
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { sheetOf, toCsv, toXlsx } from './data-files.ts';
import { allSections, type ReportModel, type ReportSection } from './model.ts';
import { renderPdf } from './pdf.ts';
import { reportDocument } from './render-document.ts';

export interface OutputFile {
  name: string;
  mediaType: string;
  bytes: Buffer;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const JSON_TYPE = 'application/json; charset=utf-8';

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

export function reportHtml(model: ReportModel): string {
  return reportDocument(model, { mode: 'html' });
}

export async function reportPdf(model: ReportModel, o: { chromiumPath: string; browser?: Browser; fresh?: boolean }): Promise<Buffer> {
  const { pdf } = await renderPdf({
    chromiumPath: o.chromiumPath,
    browser: o.browser,
    fresh: o.fresh,
    html: (pages) => reportDocument(model, { mode: 'pdf', pages }),
  });
  return pdf;
}

export function provenanceDocument(model: ReportModel) {
  const blocks = allSections(model.sections).flatMap((s) =>
    s.blocks.flatMap((b) =>
      b.kind === 'figure' || b.kind === 'table'
        ? [
            {
              id: b.block.id,
              kind: b.kind,
              label: b.label,
              caption: b.block.caption,
              section: s.id,
              imports: b.imports,
              importKinds: b.block.provenance.importKinds,
              rules: b.block.provenance.rules,
            },
          ]
        : [],
    ),
  );
  return { title: model.title, organisation: model.organisation, period: model.period, compiledAt: model.compiledAt, blocks };
}

function sectionValues(s: ReportSection) {
  return {
    id: s.id,
    number: s.number,
    title: s.title,
    narrative: s.narrative
      ? { markdown: s.narrative.markdown, author: s.narrative.author, savedAt: s.narrative.createdAt, liveValues: s.narrative.liveValues }
      : null,
    blocks: s.blocks.map((b) => {
      switch (b.kind) {
        case 'table':
          return { kind: 'table', id: b.block.id, label: b.label, caption: b.block.caption, columns: b.block.columns, rows: b.block.rows };
        case 'figure':
          return { kind: 'figure', id: b.block.id, label: b.label, caption: b.block.caption, data: b.block.data };
        case 'kpis':
          return { kind: 'kpis', id: b.block.id, title: b.block.title ?? null, items: b.block.items };
        default:
          return { kind: 'html', id: b.block.id, html: b.block.html.value };
      }
    }),
  };
}

/** Everything the document showed: texts, live values, table cells, figure data, KPI lines. */
export function valuesDocument(model: ReportModel) {
  return {
    title: model.title,
    organisation: model.organisation,
    period: model.period,
    compiledAt: model.compiledAt,
    status: model.status,
    version: model.version,
    sections: allSections(model.sections).map(sectionValues),
  };
}

/** The data files of every table and figure, in document order. */
export async function dataFiles(model: ReportModel): Promise<OutputFile[]> {
  const created = new Date(model.compiledAt);
  const out: OutputFile[] = [];
  for (const s of allSections(model.sections)) {
    for (const b of s.blocks) {
      if (b.kind !== 'figure' && b.kind !== 'table') continue;
      const sheet = sheetOf(b.block, b.label);
      out.push({ name: `data/${b.block.id}.csv`, mediaType: 'text/csv; charset=utf-8', bytes: Buffer.from(toCsv(sheet), 'utf8') });
      out.push({
        name: `data/${b.block.id}.xlsx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: await toXlsx(sheet, created),
      });
    }
  }
  return out;
}

export interface OutputOptions {
  chromiumPath: string;
  /** false: HTML and data only (fast builds, tests without Chromium). */
  pdf: boolean;
  browser?: Browser;
}

export async function renderOutputs(model: ReportModel, o: OutputOptions): Promise<OutputFile[]> {
  const files: OutputFile[] = [
    { name: 'report.html', mediaType: 'text/html; charset=utf-8', bytes: Buffer.from(reportHtml(model), 'utf8') },
  ];
  if (o.pdf) files.push({ name: 'report.pdf', mediaType: 'application/pdf', bytes: await reportPdf(model, o) });
  files.push(...(await dataFiles(model)));
  files.push({ name: 'provenance.json', mediaType: JSON_TYPE, bytes: json(provenanceDocument(model)) });
  files.push({ name: 'values.json', mediaType: JSON_TYPE, bytes: json(valuesDocument(model)) });
  return files;
}
