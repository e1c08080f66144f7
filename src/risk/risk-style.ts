/**
 * Styles of the risk pages only. The shell's stylesheet (web/assets.ts) is shared; these few rules
 * ride along in the page (the CSP allows inline styles) so the domain needs no change to the shell.
 */
export const RISK_STYLE = `<style>
.risk-summary { font-size: 1.05rem; }
.risk-toolbar { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: center; margin: .75rem 0 1rem; }
.risk-inline { display: inline; margin: 0; }
.risk-button, .risk-toolbar button, .risk-form button, .risk-filters button { display: inline-block; font: inherit; padding: .35rem .9rem;
  border-radius: 4px; border: 1px solid var(--brand); background: var(--brand); color: #fff; text-decoration: none; cursor: pointer; }
.risk-columns { display: grid; grid-template-columns: minmax(0, 680px) minmax(min(16rem, 100%), 1fr); gap: 1.5rem; align-items: start; }
@media (max-width: 70rem) { .risk-columns { grid-template-columns: minmax(0, 1fr); } }
.risk-figure { margin: 0 0 1rem; }
.risk-figure figcaption { color: var(--muted); font-size: .9rem; }
.risk-heatmap a:focus-visible rect { stroke: #000; stroke-width: 4; }
.risk-report-preview { border: 1px solid var(--line); border-radius: 6px; padding: 0 1rem .5rem; background: #fff; }
.risk-report-preview h3 { font-size: 1rem; }
.risk-filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0; }
.risk-filters label { display: flex; flex-direction: column; font-size: .9rem; font-weight: 700; }
.risk-filters select, .risk-filters input { font: inherit; padding: .2rem .4rem; }
.risk-table-wrap { overflow-x: auto; }
.risk-table { width: 100%; }
.risk-table th a { color: inherit; }
.risk-id { white-space: nowrap; }
.risk-status { color: var(--muted); font-size: .88rem; margin-top: .2rem; }
.risk-badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; color: #000; font-weight: 700; font-size: .85rem;
  border: 1px solid rgba(0,0,0,.35); white-space: nowrap; }
.risk-badge--none { background: var(--bg); font-weight: 400; }
.risk-badge-letter { display: inline-block; min-width: 1em; text-align: center; background: rgba(255,255,255,.75); border-radius: 3px; }
.risk-move { white-space: nowrap; }
.risk-move--up { color: var(--miss); font-weight: 700; } .risk-move--down { color: var(--met); font-weight: 700; }
.risk-move--new { font-weight: 700; }
.risk-tag { display: inline-block; font-size: .78rem; padding: 0 .35rem; border: 1px solid var(--line); border-radius: 3px; background: var(--bg); }
.risk-muted { color: var(--muted); font-size: .9rem; }
.risk-superseded td { color: var(--muted); }
.risk-detail-head { display: grid; grid-template-columns: minmax(12rem, 18rem) 1fr; gap: 1.5rem; }
@media (max-width: 50rem) { .risk-detail-head { grid-template-columns: 1fr; } }
.risk-facts { display: grid; grid-template-columns: auto 1fr; gap: .25rem .75rem; margin: 0; }
.risk-facts dt { font-weight: 700; }
.risk-facts dd { margin: 0; }
.risk-current h2 { margin-top: 0; }
.risk-form { max-width: 52rem; }
.risk-row { display: flex; flex-wrap: wrap; gap: 0 1rem; }
.risk-field { display: flex; flex-direction: column; margin: 0 0 .9rem; flex: 1 1 12rem; }
.risk-field label { font-weight: 700; }
.risk-field input, .risk-field select, .risk-field textarea { font: inherit; padding: .3rem .45rem; border: 1px solid #8c959f; border-radius: 4px; }
.risk-hint { color: var(--muted); font-size: .88rem; }
.risk-error { color: var(--miss); font-weight: 700; font-size: .92rem; }
.risk-field--error input, .risk-field--error select, .risk-field--error textarea { border: 2px solid var(--miss); }
.risk-errors a { color: var(--miss); }
.risk-revisions { margin: 1rem 0; }
.risk-item { margin-bottom: .75rem; }
.risk-title { margin-bottom: .25rem; }
</style>`;
