/**
 * The report's stylesheet, scoped to `.sr-report` so the same markup sits inside the web app's
 * shell. PAGE_CSS adds the A4 page rules (running header, "Side x av y", a cover page without them)
 * for the standalone document and the PDF; Chromium ≥ 131 implements CSS page margin boxes.
 */

/** The status stamp as an SVG image: a word in a frame, drawn in a faint colour. */
function stamp(word: string, colour: string): string {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='600' height='156' viewBox='0 0 600 156'><rect x='5' y='5' width='590' height='146' fill='none' stroke='${colour}' stroke-width='10'/><text x='300' y='114' text-anchor='middle' textLength='540' lengthAdjust='spacingAndGlyphs' font-family='Liberation Sans, Arial, sans-serif' font-size='100' font-weight='700' fill='${colour}'>${word}</text></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

export const REPORT_CSS = `
.sr-report { --sr-ink: #1a1a1a; --sr-muted: #555; --sr-brand: #1f4e79; --sr-line: #c9d1d9; --sr-zebra: #f3f6f9;
  --sr-met: #1e6b34; --sr-met-bg: #e6f4ea; --sr-miss: #a4161a; --sr-miss-bg: #fdecec;
  font-family: "Liberation Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: var(--sr-ink); }
.sr-report h1, .sr-report h2, .sr-report h3, .sr-report h4, .sr-report h5, .sr-report h6 { color: var(--sr-brand); line-height: 1.25; }
.sr-report h2 { font-size: 17pt; margin: 0 0 .6em; padding-bottom: .25em; border-bottom: 2px solid var(--sr-brand); }
.sr-report h3 { font-size: 13pt; margin: 1.4em 0 .5em; }
.sr-report h4 { font-size: 11.5pt; margin: 1.2em 0 .4em; }
.sr-report h5, .sr-report h6 { font-size: 11pt; margin: 1em 0 .3em; color: var(--sr-ink); }
.sr-report .sr-num { display: inline-block; min-width: 2.2em; }
.sr-report p { margin: 0 0 .6em; orphans: 3; widows: 3; }
.sr-report ul, .sr-report ol { margin: 0 0 .7em; padding-left: 1.4em; }
.sr-report li { margin: 0 0 .25em; }
.sr-report a { color: var(--sr-brand); }
.sr-report .sr-narrative { max-width: 46em; }
/* Headings inside a text are run-in subheadings, never mistaken for numbered sections. */
.sr-report .sr-narrative h3, .sr-report .sr-narrative h4, .sr-report .sr-narrative h5, .sr-report .sr-narrative h6 {
  font-size: 11pt; color: var(--sr-ink); margin: 1em 0 .25em; break-after: avoid; }
.sr-report .sr-narrative table { border-collapse: collapse; margin: .4em 0 .8em; }
.sr-report .sr-narrative th, .sr-report .sr-narrative td { border-bottom: 1px solid var(--sr-line); padding: .2em .6em; }

/* Tables: caption above, header row repeated on each PDF page, rows never cut. */
.sr-report .sr-table-block { margin: .8em 0 1.4em; }
.sr-report .sr-keep { break-inside: avoid; }
.sr-report .sr-table { width: 100%; border-collapse: collapse; font-size: 9.5pt; font-variant-numeric: tabular-nums; }
.sr-report .sr-table caption { caption-side: top; text-align: left; font-size: 9.5pt; color: var(--sr-ink); padding: 0 0 .35em; break-after: avoid; }
.sr-report .sr-label { font-weight: 700; }
.sr-report .sr-table thead { display: table-header-group; }
.sr-report .sr-table th, .sr-report .sr-table td { padding: .3em .55em; border-bottom: 1px solid var(--sr-line); text-align: left; vertical-align: top; }
.sr-report .sr-table thead th { background: var(--sr-brand); color: #fff; font-weight: 700; border-bottom: 0; }
/* Row headers as wide as their content needs: a year column stays narrow beside a long project name. */
.sr-report .sr-table tbody th { font-weight: 400; min-width: 3em; }
.sr-report .sr-table tbody tr:nth-child(even) { background: var(--sr-zebra); }
.sr-report .sr-table tr { break-inside: avoid; }
.sr-report .sr-table .num { text-align: right; white-space: nowrap; }
.sr-report .sr-table tr.sr-total th, .sr-report .sr-table tr.sr-total td { font-weight: 700; border-top: 1.5px solid var(--sr-ink); background: #fff; }
.sr-report .sr-table--compact { width: auto; font-size: 9pt; }
.sr-report .sr-note { font-size: 9pt; color: var(--sr-muted); margin: .35em 0 0; }

/* Figures: vector SVG, caption below, never split across pages. */
.sr-report .sr-figure { margin: 1em 0 1.4em; break-inside: avoid; }
.sr-report .sr-chart svg { display: block; max-width: 100%; height: auto; }
.sr-report figcaption { font-size: 9.5pt; margin-top: .35em; }

/* KPI lines: value and target status as text and colour. */
.sr-report .sr-kpis { margin: .6em 0 1.2em; padding: .6em .9em; border: 1px solid var(--sr-line); border-left: 5px solid var(--sr-brand);
  background: #fafbfc; break-inside: avoid; max-width: 34em; }
.sr-report .sr-kpis-title { font-weight: 700; margin: 0 0 .3em; }
.sr-report .sr-kpis dl { margin: 0; }
.sr-report .sr-kpi { display: flex; justify-content: space-between; gap: 1em; padding: .15em 0; }
.sr-report .sr-kpi + .sr-kpi { border-top: 1px dotted var(--sr-line); }
.sr-report .sr-kpi dt { font-weight: 400; }
.sr-report .sr-kpi dd { margin: 0; text-align: right; white-space: nowrap; }
.sr-report .sr-kpi-value { font-weight: 700; }
.sr-report .sr-kpi-status { display: inline-block; margin-left: .5em; padding: 0 .45em; border-radius: 3px; font-size: 8.5pt; font-weight: 700; }
.sr-report .sr-kpi--met .sr-kpi-status { color: var(--sr-met); background: var(--sr-met-bg); }
.sr-report .sr-kpi--not-met .sr-kpi-status { color: var(--sr-miss); background: var(--sr-miss-bg); }

/* Provenance and figure data on demand. */
.sr-report details { margin: .4em 0 0; font-size: 9pt; color: var(--sr-muted); }
.sr-report details summary { cursor: pointer; }
.sr-report .sr-hash { font-size: 8pt; word-break: break-all; }
.sr-report .sr-file { font-weight: 700; color: var(--sr-ink); }

/* Table of contents: sections, then the figures and tables, on one page. */
.sr-report .sr-toc h2 { border-bottom: 0; }
.sr-report .sr-toc ol { list-style: none; margin: 0; padding: 0; }
.sr-report .sr-toc ol ol { padding-left: 2.2em; }
.sr-report .sr-toc li { margin: 0; }
.sr-report .sr-toc a { display: flex; align-items: baseline; color: var(--sr-ink); text-decoration: none; padding: .08em 0; font-size: 10.5pt; }
.sr-report .sr-toc .sr-toc-1 > a { font-weight: 700; margin-top: .4em; }
.sr-report .sr-toc-n { min-width: 2.2em; }
.sr-report .sr-toc-lead { flex: 1; border-bottom: 1px dotted #999; margin: 0 .4em .3em; min-width: 1em; }
.sr-report .sr-toc-page { min-width: 2em; text-align: right; font-variant-numeric: tabular-nums; }
.sr-report .sr-toc h3 { font-size: 11pt; margin: 1.1em 0 .3em; }
.sr-report .sr-toc .sr-toc-fig a { font-size: 9pt; padding: .02em 0; }

/* Cover. */
.sr-report .sr-cover { position: relative; overflow: hidden; }
.sr-report .sr-cover-band { background: var(--sr-brand); color: #fff; padding: 2.2em 2.4em; }
.sr-report .sr-cover-logo { display: block; max-height: 22mm; max-width: 60mm; margin: 0 0 1.2em; background: #fff; padding: 2mm; }
.sr-report .sr-cover-org { font-size: 14pt; margin: 0 0 2.5em; letter-spacing: .02em; }
.sr-report .sr-cover h1 { color: #fff; font-size: 28pt; margin: 0 0 .3em; }
.sr-report .sr-cover-sub { font-size: 13pt; margin: 0; opacity: .9; }
.sr-report .sr-cover-meta { padding: 1.6em 2.4em; font-size: 11pt; }
.sr-report .sr-cover-meta dt { color: var(--sr-muted); font-size: 9pt; text-transform: uppercase; letter-spacing: .05em; }
.sr-report .sr-cover-meta dd { margin: 0 0 .8em; }
/* The stamp is decoration only (a background image, aria-hidden); the status is text in the cover's list. */
.sr-report .sr-stamp { position: absolute; left: 50%; top: 58%; transform: translate(-50%, -50%) rotate(-30deg); width: 13cm; height: 3.4cm;
  margin: 0; background: no-repeat center / contain ${stamp('UTKAST', 'rgba(164, 22, 26, .16)')}; }
.sr-report .sr-stamp--published { background-image: ${stamp('PUBLISERT', 'rgba(30, 107, 52, .2)')}; }

/* Appendix. */
.sr-report .sr-appendix h3 { font-size: 11pt; margin: 1.1em 0 .3em; color: var(--sr-ink); }
.sr-report .sr-appendix ul, .sr-report .sr-appendix ol { font-size: 9pt; }
.sr-report .sr-table--prov { margin: .6em 0 1.2em; font-size: 8.5pt; }
.sr-report .sr-table--prov td { white-space: nowrap; }
.sr-report .sr-table--prov tbody th { min-width: 0; }
.sr-report .sr-appendix .sr-hash { font-size: 7pt; word-break: normal; white-space: nowrap; }
.sr-report .sr-rules { list-style: none; padding-left: 0; }
.sr-report .sr-rule-n { display: inline-block; min-width: 2.6em; font-weight: 700; }

@media screen {
  .sr-report .sr-section, .sr-report .sr-toc { margin-bottom: 2em; }
  .sr-report .sr-cover { border: 1px solid var(--sr-line); margin-bottom: 2em; }
  .sr-report .sr-stamp { width: 6.5cm; height: 1.7cm; top: 72%; left: 70%; }
}
@media print {
  .sr-report details { display: none; }
  /* Two charts and some text fit a page; a tall chart never pushes its caption off it. */
  .sr-report .sr-chart svg { max-height: 105mm; width: auto; }
  .sr-report a { text-decoration: none; }
  .sr-report h2, .sr-report h3, .sr-report h4 { break-after: avoid; }
  /* A lead-in sentence ("… per 31.05:") stays with its list. */
  .sr-report p:has(+ ul), .sr-report p:has(+ ol) { break-after: avoid; }
  .sr-report .sr-section--1, .sr-report .sr-appendix { break-before: page; }
  .sr-report .sr-toc { break-before: page; }
}
`;

function cssString(text: string): string {
  // `<` as a CSS escape, so no text can close the <style> element.
  return `"${text.replace(/["\\\n<]/g, (c) => (c === '\n' ? ' ' : c === '<' ? '\\3c ' : `\\${c}`))}"`;
}

/** A4 page rules with the running header and "Side x av y" footer; the cover has neither. */
export function pageCss(o: { title: string; organisation: string; draft: boolean; headerLine?: string | null }): string {
  const right = o.draft ? `${o.organisation} · UTKAST` : o.organisation;
  return `
@page { size: A4; margin: 22mm 18mm 20mm 20mm;
  @top-left { content: ${cssString(o.title)}; font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #555; vertical-align: bottom; padding-bottom: 4mm; }
  @top-right { content: ${cssString(right)}; font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #555; vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-center { content: "Side " counter(page) " av " counter(pages); font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #555; vertical-align: top; padding-top: 4mm; }${
    o.headerLine
      ? `
  @bottom-left { content: ${cssString(o.headerLine)}; font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #555; vertical-align: top; padding-top: 4mm; }`
      : ''
  }
}
@page cover { margin: 0; @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } @bottom-left { content: none; } }
@media print {
  html, body { margin: 0; padding: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .sr-report .sr-cover { page: cover; height: 296mm; break-after: page; }
  .sr-report .sr-cover-band { padding: 40mm 24mm 18mm; }
  .sr-report .sr-cover-meta { padding: 14mm 24mm; }
  .sr-report .sr-toc { break-before: auto; }
}
@media screen {
  body { margin: 0; background: #e9ecef; }
  .sr-report { max-width: 190mm; margin: 1.5em auto; padding: 2em 2.5em; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
}
`;
}
