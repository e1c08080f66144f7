/**
 * HTML of the report's blocks: numbered tables (caption above, header row repeated on every PDF
 * page), numbered figures (vector SVG, caption below, never split), KPI lines with target status
 * as text and colour, and provenance on demand. Shared by the document, the PDF and the web page.
 */
import { formatDate, formatMonth, formatNumber } from '../shared/format.ts';
import { isYearMonth, localDateTimeOf } from '../shared/period.ts';
import { escapeHtml, html, raw, type SafeHtml } from '../web/html.ts';
import type { KpiLinesBlock } from './blocks.ts';
import type { PlacedBlock, PlacedFigure, PlacedTable } from './model.ts';
import type { ImportRef } from './provenance.ts';

export interface BlockRenderOptions {
  /** Provenance and the numbers behind figures as <details> (HTML); false in the PDF (appendix instead). */
  details: boolean;
  /** Where the CSV/XLSX of a table or figure is downloaded from. */
  dataHref: (id: string, ext: 'csv' | 'xlsx') => string;
}

/** Tables up to about this many printed lines (a third of a page) are never split across pages. */
const KEEP_TOGETHER_LINES = 18;

/** Rough printed height of a table in lines: a row is as tall as its longest cell wraps. */
function estimatedLines(b: PlacedTable['block']): number {
  return b.rows.reduce((sum, r) => sum + Math.max(1, ...r.cells.map((c) => Math.ceil(c.text.length / 45))), 1);
}

const STATUS_TEXT = { met: '✓ Innenfor mål', 'not-met': '✗ Utenfor mål', none: '' } as const;

/** "02.06.2025 kl. 08:00" (Europe/Oslo) */
export function formatInstant(iso: string): string {
  const local = localDateTimeOf(Date.parse(iso));
  return `${formatDate(local.slice(0, 10))} kl. ${local.slice(11, 16)}`;
}

/**
 * ECharts names its SVG ids and classes after process-wide counters (`zr3-c0`, `zr3-cls-7`);
 * renaming them per figure, in order of first appearance, keeps several charts on one page apart
 * and the HTML byte-stable whatever was drawn before.
 */
export function scopeSvgIds(svg: string, scope: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-[\w-]+/g, (token) => {
    let name = names.get(token);
    if (!name) {
      name = `${scope}-${names.size}`;
      names.set(token, name);
    }
    return name;
  });
}

function importList(imports: readonly ImportRef[]): SafeHtml {
  if (imports.length === 0) return html`<p>Ingen registrerte importer.</p>`;
  return html`<ul class="sr-prov-imports">${imports.map(
    (i) => html`<li><span class="sr-file">${i.fileName}</span> (${i.kindLabel}), importert ${formatInstant(i.importedAt)},
 SHA-256 <code class="sr-hash">${i.sha256}</code></li>`,
  )}</ul>`;
}

/** "Datagrunnlag" shown on demand in HTML (hidden in print: the PDF has the appendix). */
export function provenanceDetails(p: PlacedFigure | PlacedTable, o: BlockRenderOptions): SafeHtml {
  const rules = p.block.provenance.rules;
  return html`<details class="sr-prov">
<summary>Datagrunnlag for ${p.label.toLowerCase()}</summary>
${importList(p.imports)}
${rules.length > 0 ? html`<p class="sr-prov-head">Regler:</p><ul class="sr-prov-rules">${rules.map((r) => html`<li>${r}</li>`)}</ul>` : ''}
<p class="sr-prov-data">Tallene: <a href="${o.dataHref(p.block.id, 'csv')}">${p.block.id}.csv</a> · <a href="${o.dataHref(p.block.id, 'xlsx')}">${p.block.id}.xlsx</a></p>
</details>`;
}

function alignClass(align: 'left' | 'right' | undefined): string {
  return align === 'right' ? 'num' : '';
}

export function renderTable(t: PlacedTable, o: BlockRenderOptions): SafeHtml {
  const b = t.block;
  const head = b.columns.map((c) => html`<th scope="col" class="${alignClass(c.align)}">${c.label}</th>`);
  const rows = b.rows.map((r) => {
    const cells = r.cells.map((cell, i) => {
      const cls = alignClass(b.columns[i]?.align);
      return i === 0 ? html`<th scope="row" class="${cls}">${cell.text}</th>` : html`<td class="${cls}">${cell.text}</td>`;
    });
    return html`<tr${r.total ? html` class="sr-total"` : ''}>${cells}</tr>`;
  });
  // A short table is kept whole on one page; a long one splits between rows, its header repeated.
  const keep = estimatedLines(b) <= KEEP_TOGETHER_LINES ? ' sr-keep' : '';
  return html`<div class="sr-table-block${keep}" id="${t.anchor}">
<table class="sr-table">
<caption><span class="sr-label">${t.label}:</span> ${b.caption}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.map((r) => html`${r}\n`)}</tbody>
</table>
${b.note ? html`<p class="sr-note">${b.note}</p>` : ''}
${o.details ? provenanceDetails(t, o) : ''}
</div>`;
}

function dataTable(f: PlacedFigure): SafeHtml {
  const { columns, rows } = f.block.data;
  const text = (v: number | string | null) => (v === null ? '–' : typeof v === 'number' ? formatNumber(v, Number.isInteger(v) ? 0 : 2) : v);
  return html`<details class="sr-figdata"><summary>Tallene i ${f.label.toLowerCase()}</summary>
<table class="sr-table sr-table--compact"><thead><tr>${columns.map((c, i) => html`<th scope="col" class="${i > 0 ? 'num' : ''}">${c}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr>${r.map((v, i) => (i === 0 ? html`<th scope="row">${text(v)}</th>` : html`<td class="num">${text(v)}</td>`))}</tr>`)}</tbody></table>
</details>`;
}

function figureValue(v: number | string | null): string {
  if (v === null) return 'ingen verdi';
  if (typeof v === 'number') return formatNumber(v, Number.isInteger(v) ? 0 : 2);
  return isYearMonth(v) ? formatMonth(v) : v;
}

/** At most this many data rows are read out in a figure's alternative text. */
const ALT_MAX_ROWS = 24;

/**
 * The figure's alternative text: its number and caption, then the numbers drawn ("mai 25: Korttid
 * 1,44, Langtid 4,1; …"), so a screen reader and the tagged PDF get what the picture shows.
 */
export function figureAltText(f: PlacedFigure): string {
  const { columns, rows } = f.block.data;
  const shown = rows.slice(-ALT_MAX_ROWS).map((r) => {
    const values = r.slice(1).map((v, i) => (columns.length > 2 ? `${columns[i + 1]} ${figureValue(v)}` : figureValue(v)));
    return `${figureValue(r[0] ?? null)}: ${values.join(', ')}`;
  });
  const more = rows.length > ALT_MAX_ROWS ? ` (de siste ${ALT_MAX_ROWS} av ${rows.length} radene)` : '';
  const unit = columns.length === 2 ? ` (${columns[1]})` : '';
  const data = shown.length > 0 ? ` Tallene${unit}${more}: ${shown.join('; ')}.` : '';
  return `${f.label}: ${f.block.caption}.${data}`;
}

/** The drawing is one image whose name is the alternative text (the tagged PDF's /Alt comes from it). */
function namedSvg(svg: string, alt: string): string {
  return svg.replace(/<svg\b[^>]*>/, (tag) =>
    tag
      .replace(/\s(?:role|aria-label|aria-labelledby|aria-describedby)="[^"]*"/g, '')
      .replace(/^<svg/, `<svg role="img" aria-label="${escapeHtml(alt)}"`),
  );
}

export function renderFigure(f: PlacedFigure, o: BlockRenderOptions): SafeHtml {
  const b = f.block;
  return html`<figure class="sr-figure" id="${f.anchor}">
<div class="sr-chart">${raw(namedSvg(scopeSvgIds(b.svg, f.anchor), figureAltText(f)))}</div>
<figcaption><span class="sr-label">${f.label}:</span> ${b.caption}</figcaption>
${b.note ? html`<p class="sr-note">${b.note}</p>` : ''}
${o.details ? html`${dataTable(f)}${provenanceDetails(f, o)}` : ''}
</figure>`;
}

export function renderKpiLines(b: KpiLinesBlock): SafeHtml {
  return html`<div class="sr-kpis" id="kpi-${b.id}">
${b.title ? html`<p class="sr-kpis-title">${b.title}</p>` : ''}
<dl>${b.items.map(
    (i) =>
      html`<div class="sr-kpi sr-kpi--${i.status}"><dt>${i.label}</dt><dd><span class="sr-kpi-value">${i.text}</span>${
        i.status === 'none' ? '' : html` <span class="sr-kpi-status">${STATUS_TEXT[i.status]}</span>`
      }</dd></div>`,
  )}</dl>
</div>`;
}

export function renderBlock(p: PlacedBlock, o: BlockRenderOptions): SafeHtml {
  switch (p.kind) {
    case 'table':
      return renderTable(p, o);
    case 'figure':
      return renderFigure(p, o);
    case 'kpis':
      return renderKpiLines(p.block);
    case 'html':
      return html`<div class="sr-html" id="blk-${p.block.id}">${p.block.html}</div>`;
  }
}
