/**
 * ReportModel → HTML. One renderer for three uses: the standalone self-contained report.html
 * (cover, contents, sections; provenance on demand), the PDF's HTML (the same plus page numbers in
 * the contents and a provenance appendix instead of <details>), and the article the web app shows
 * inside its shell.
 */
import { formatDate, formatMonthCapitalised, monthName } from '../shared/format.ts';
import { localDateOf } from '../shared/period.ts';
import { html, raw, type SafeHtml } from '../web/html.ts';
import { allSections, type ReportModel, type ReportSection, STATUS_LABELS, sectionLabel } from './model.ts';
import { type BlockRenderOptions, formatInstant, renderBlock } from './render-blocks.ts';
import { pageCss, REPORT_CSS } from './report.css.ts';

export type RenderMode = 'html' | 'pdf' | 'web';

export interface RenderOptions {
  mode: RenderMode;
  /** PDF second pass: the page of each anchor, printed in the contents. */
  pages?: ReadonlyMap<string, number>;
  /** Where data files are linked from; default `data/<id>.<ext>` next to report.html. */
  dataHref?: BlockRenderOptions['dataHref'];
}

/** The report's language (BCP 47): the HTML's lang, which Chromium writes as the PDF's /Lang. */
export const REPORT_LANG = 'nb-NO';

export const APPENDIX_ANCHOR = 'sec-vedlegg-datagrunnlag';

/** "januar–mai" */
function ytdLabel(period: string): string {
  const month = Number(period.slice(5, 7));
  return month === 1 ? 'januar' : `januar–${monthName(month)}`;
}

function cover(m: ReportModel): SafeHtml {
  const published = m.status === 'published';
  return html`<section class="sr-cover" aria-label="Forside">
<div class="sr-cover-band">
${m.logo ? html`<img class="sr-cover-logo" src="${m.logo}" alt="Logo: ${m.organisation}">` : ''}
<p class="sr-cover-org">${m.organisation}</p>
<h1>${m.title}</h1>
<p class="sr-cover-sub">Rapport til styret</p>
</div>
<dl class="sr-cover-meta">
<dt>Rapportperiode</dt><dd>${formatMonthCapitalised(m.period)} (hittil i år: ${ytdLabel(m.period)})</dd>
<dt>${m.dated.label}</dt><dd>${formatDate(localDateOf(Date.parse(m.dated.at)))}</dd>
${m.headerLine ? html`<dt>Saksreferanse</dt><dd>${m.headerLine}</dd>` : ''}
<dt>Status</dt><dd>${STATUS_LABELS[m.status]}, versjon ${m.version}</dd>
</dl>
<div class="sr-stamp${published ? ' sr-stamp--published' : ''}" aria-hidden="true"></div>
</section>`;
}

function tocEntry(anchor: string, num: string, title: string, pages: ReadonlyMap<string, number> | undefined, pdf: boolean): SafeHtml {
  const page = pdf ? html`<span class="sr-toc-lead"></span><span class="sr-toc-page">${pages?.get(anchor) ?? ''}</span>` : '';
  return html`<a href="#${anchor}"><span class="sr-toc-n">${num}</span><span class="sr-toc-t">${title}</span>${page}</a>`;
}

function tocSections(sections: readonly ReportSection[], o: RenderOptions): SafeHtml {
  const pdf = o.mode === 'pdf';
  return html`<ol>${sections.map(
    (s) =>
      html`<li class="sr-toc-${s.depth}">${tocEntry(s.anchor, s.number, s.title, o.pages, pdf)}${
        s.sections.length > 0 ? tocSections(s.sections, o) : ''
      }</li>`,
  )}</ol>`;
}

function toc(m: ReportModel, o: RenderOptions): SafeHtml {
  const pdf = o.mode === 'pdf';
  const list = (items: readonly { anchor: string; label: string; block: { caption: string } }[], title: string) =>
    items.length === 0
      ? ''
      : html`<h3>${title}</h3><ol class="sr-toc-fig">${items.map((i) => html`<li>${tocEntry(i.anchor, '', `${i.label}: ${i.block.caption}`, o.pages, pdf)}</li>`)}</ol>`;
  return html`<nav class="sr-toc" aria-labelledby="sr-toc-title">
<h2 id="sr-toc-title">Innhold</h2>
${tocSections(m.sections, o)}
${pdf ? html`<ol><li class="sr-toc-1">${tocEntry(APPENDIX_ANCHOR, '', 'Vedlegg: Datagrunnlag og regler', o.pages, pdf)}</li></ol>` : ''}
${list(m.figures, 'Figurer')}
${list(m.tables, 'Tabeller')}
</nav>`;
}

function heading(s: ReportSection): SafeHtml {
  const inner = html`<span class="sr-num">${s.number}</span> ${s.title}`;
  switch (s.headingLevel) {
    case 2:
      return html`<h2 id="${s.anchor}">${inner}</h2>`;
    case 3:
      return html`<h3 id="${s.anchor}">${inner}</h3>`;
    case 4:
      return html`<h4 id="${s.anchor}">${inner}</h4>`;
    default:
      return html`<h5 id="${s.anchor}">${inner}</h5>`;
  }
}

function section(s: ReportSection, o: BlockRenderOptions): SafeHtml {
  const narrative = s.narrative ? html`<div class="sr-narrative">${s.narrative.html}</div>` : '';
  const blocks = s.blocks.map((b) => html`${renderBlock(b, o)}\n`);
  const body = [...blocks.slice(0, s.narrativeAt), narrative, ...blocks.slice(s.narrativeAt)];
  return html`<section class="sr-section sr-section--${s.depth}" aria-labelledby="${s.anchor}">
${heading(s)}
${body}
${s.sections.map((c) => section(c, o))}
</section>
`;
}

/** "K1, K2, K4" → compact ranges "K1–K2, K4". */
function refList(prefix: string, numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number;
    parts.push(
      end > start + 1
        ? `${prefix}${start}–${prefix}${end}`
        : end === start + 1
          ? `${prefix}${start}, ${prefix}${end}`
          : `${prefix}${start}`,
    );
  }
  return parts.length > 0 ? parts.join(', ') : '–';
}

/**
 * The PDF's provenance appendix: every imported file once (numbered K1…, with SHA-256 and import
 * time), every rule once (R1…), and for each figure and table the sources and rules behind it.
 */
function appendix(m: ReportModel): SafeHtml {
  const placed = allSections(m.sections).flatMap((s) => s.blocks.filter((b) => b.kind === 'figure' || b.kind === 'table'));
  const sources = new Map<number, { n: number; ref: (typeof placed)[number]['imports'][number] }>();
  const rules = new Map<string, number>();
  for (const p of placed) {
    for (const i of p.imports) if (!sources.has(i.runId)) sources.set(i.runId, { n: sources.size + 1, ref: i });
    for (const r of p.block.provenance.rules) if (!rules.has(r)) rules.set(r, rules.size + 1);
  }
  const live = collectLiveValues(m);
  return html`<section class="sr-appendix" aria-labelledby="${APPENDIX_ANCHOR}">
<h2 id="${APPENDIX_ANCHOR}">Vedlegg: Datagrunnlag og regler</h2>
<p>Tallene i rapporten er beregnet ${formatInstant(m.compiledAt)} fra importerte kildedata. Tabellen nedenfor viser hvilke
kilder (K) og regler (R) hver figur og tabell bygger på; kildene er identifisert med SHA-256-kontrollsum og importtidspunkt.</p>
<table class="sr-table sr-table--prov">
<caption><span class="sr-label">Figurer og tabeller</span></caption>
<thead><tr><th scope="col">Figur/tabell</th><th scope="col">Kilder</th><th scope="col">Regler</th></tr></thead>
<tbody>${placed.map(
    (p) => html`<tr><th scope="row">${p.label}: ${p.block.caption}</th><td>${refList(
      'K',
      p.imports.map((i) => sources.get(i.runId)?.n ?? 0),
    )}</td>
<td>${refList(
      'R',
      p.block.provenance.rules.map((r) => rules.get(r) ?? 0),
    )}</td></tr>`,
  )}</tbody>
</table>
<table class="sr-table sr-table--prov">
<caption><span class="sr-label">Kilder (importerte filer)</span></caption>
<thead><tr><th scope="col">Nr.</th><th scope="col">Fil og SHA-256</th><th scope="col">Type</th><th scope="col">Importert</th></tr></thead>
<tbody>${[...sources.values()].map(
    ({
      n,
      ref,
    }) => html`<tr><th scope="row">K${n}</th><td><span class="sr-file">${ref.fileName}</span><br><code class="sr-hash">${ref.sha256}</code></td>
<td>${ref.kindLabel}</td><td>${formatInstant(ref.importedAt)}</td></tr>`,
  )}</tbody>
</table>
${
  rules.size > 0
    ? html`<h3>Regler</h3><ol class="sr-rules">${[...rules.entries()].map(([text, n]) => html`<li><span class="sr-rule-n">R${n}</span> ${text}</li>`)}</ol>`
    : ''
}
${
  live.length > 0
    ? html`<h3>Beregnede verdier i teksten</h3><ul>${live.map((l) => html`<li>${l.label}: ${l.text} (seksjon ${l.section})${l.source ? `, ${l.source}` : ''}</li>`)}</ul>`
    : ''
}
</section>`;
}

function collectLiveValues(m: ReportModel): { label: string; text: string; section: string; source?: string }[] {
  const out: { label: string; text: string; section: string; source?: string }[] = [];
  const walk = (ss: readonly ReportSection[]) => {
    for (const s of ss) {
      for (const l of s.narrative?.liveValues ?? [])
        out.push({ label: l.label, text: l.text, section: sectionLabel(s), ...(l.source ? { source: l.source } : {}) });
      walk(s.sections);
    }
  };
  walk(m.sections);
  return out;
}

/** The <article> with everything; the web page embeds it, the documents wrap it. */
export function reportArticle(m: ReportModel, o: RenderOptions): SafeHtml {
  const blockOptions: BlockRenderOptions = {
    details: o.mode !== 'pdf',
    dataHref: o.dataHref ?? ((id, ext) => `data/${id}.${ext}`),
  };
  return html`<article class="sr-report" data-period="${m.period}" data-status="${m.status}" data-version="${m.version}">
${o.mode === 'web' ? '' : cover(m)}
${toc(m, o)}
${m.sections.map((s) => section(s, blockOptions))}
${o.mode === 'pdf' ? appendix(m) : ''}
</article>`;
}

/** A complete, self-contained HTML document (inline CSS and SVG, no external resources). */
export function reportDocument(m: ReportModel, o: RenderOptions): string {
  const css =
    REPORT_CSS + pageCss({ title: m.title, organisation: m.organisation, draft: m.status !== 'published', headerLine: m.headerLine });
  return html`<!doctype html>
<html lang="${REPORT_LANG}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${m.title} – ${m.organisation}</title>
<meta name="generator" content="Styrerom">
<style>${raw(css)}</style>
</head>
<body>
${reportArticle(m, o)}
</body>
</html>
`.value;
}
