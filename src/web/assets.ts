/**
 * The web app's only stylesheet and script, served from memory at /static/ with a content hash in
 * the URL so they can be cached. The script is progressive enhancement: every page works without it.
 */
import { createHash } from 'node:crypto';
import { UPLOAD_JS } from './upload-script.ts';

const CSS = `
:root { --ink: #1a1a1a; --muted: #595959; --brand: #1f4e79; --line: #d0d7de; --bg: #f6f8fa;
  --met: #1e6b34; --met-bg: #e6f4ea; --miss: #a4161a; --miss-bg: #fdecec; --none: #4a4a4a; --none-bg: #eef0f2; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--brand); }
/* Focus: a dark ring with a white gap on light backgrounds, a yellow ring on the blue header; each is
   >= 3:1 against the background it sits on (checked by test/browser/a11y-keyboard.test.ts). */
:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 2px #fff; }
.site-header :focus-visible { outline-color: #ffd34d; box-shadow: none; }
.table-scroll { overflow-x: auto; max-width: 100%; position: relative; }
.table-scroll > table { margin-bottom: .5rem; }
main, .site-header, .site-nav, .site-footer { overflow-wrap: anywhere; }
/* Visually hidden but read by screen readers. */
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip-link { position: absolute; left: -9999px; top: 0; background: #fff; color: var(--brand); padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: 1rem; }
.site-header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between;
  padding: .75rem 1.5rem; background: var(--brand); color: #fff; }
.brand { margin: 0; font-size: 1.25rem; font-weight: 700; }
.brand a { color: #fff; text-decoration: none; }
.brand .product { font-weight: 400; opacity: .9; margin-right: .5rem; }
.period-picker { display: flex; gap: .5rem; align-items: center; }
.period-picker label { font-weight: 700; }
.period-picker select, .period-picker button { font: inherit; padding: .25rem .5rem; border-radius: 4px; border: 1px solid #fff; }
.period-picker button { background: #fff; color: var(--brand); cursor: pointer; }
.logout { margin: 0; }
.logout button { font: inherit; padding: .25rem .75rem; border-radius: 4px; border: 1px solid #fff; background: transparent; color: #fff; cursor: pointer; }
.login { max-width: 28rem; margin: 2rem auto; padding: 0 1rem; }
.login-form input { font: inherit; padding: .4rem; width: 100%; border: 1px solid var(--muted); border-radius: 4px; }
.login-form button { font: inherit; padding: .5rem 1.25rem; background: var(--brand); color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
.site-nav { background: var(--bg); border-bottom: 1px solid var(--line); padding: 0 1.5rem; }
.site-nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; margin: 0; padding: .5rem 0; }
.site-nav a { text-decoration: none; padding: .25rem 0; display: inline-block; }
.site-nav a[aria-current="page"] { font-weight: 700; border-bottom: 3px solid var(--brand); }
main { padding: 1rem 1.5rem 2rem; max-width: 80rem; }
main:focus { outline: none; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h1 .period { font-weight: 400; color: var(--muted); }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .75rem; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; list-style: none; padding: 0; margin: 0; }
.tile { border: 1px solid var(--line); border-left: 6px solid var(--none); border-radius: 6px; padding: .75rem 1rem; background: #fff; }
.tile-label { display: block; font-weight: 700; }
.tile-value { display: block; font-size: 1.75rem; font-weight: 700; margin: .25rem 0; }
.tile-target { display: block; color: var(--muted); }
.tile-status { display: inline-block; margin-top: .5rem; padding: .1rem .5rem; border-radius: 999px; font-size: .9rem; font-weight: 700;
  background: var(--none-bg); color: var(--none); }
.tile--met { border-left-color: var(--met); } .tile--met .tile-status { background: var(--met-bg); color: var(--met); }
.tile--not-met { border-left-color: var(--miss); } .tile--not-met .tile-status { background: var(--miss-bg); color: var(--miss); }
.tile-trend { margin-top: .5rem; }
.sparkline { display: block; fill: none; stroke: var(--brand); stroke-width: 2; }
.sparkline circle { fill: var(--brand); }
.tile-trend summary { cursor: pointer; color: var(--brand); font-size: .9rem; }
.trend-table { margin: .25rem 0 0; font-size: .9rem; }
.trend-table th, .trend-table td { padding: .1rem .5rem; }
.notice { border: 1px solid var(--line); background: var(--bg); border-radius: 6px; padding: 1rem 1.25rem; margin: 1rem 0; }
.notice--error { border-color: var(--miss); background: var(--miss-bg); }
code { background: var(--bg); padding: 0 .25rem; border-radius: 3px; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
th, td { text-align: left; padding: .35rem .75rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg); }
td code { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); }
.uploads details { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .5rem; padding: .5rem 1rem; }
.uploads summary { cursor: pointer; font-weight: 700; }
.upload-form { margin: .75rem 0 .25rem; }
.upload-form input[type=text] { font: inherit; padding: .3rem; border: 1px solid var(--muted); border-radius: 4px; }
.drop-zone { border: 2px dashed var(--muted); border-radius: 6px; padding: .75rem 1rem; margin: .5rem 0; }
.drop-zone label { display: block; font-weight: 700; margin-bottom: .25rem; }
.drop-zone--active { border-color: var(--brand); background: var(--bg); }
.upload-form progress { display: block; width: 100%; max-width: 30rem; height: 1.25rem; }
.upload-form progress[hidden] { display: none; }
.upload-form button { font: inherit; padding: .4rem 1rem; background: var(--brand); color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
.import-runs td { white-space: nowrap; }
.import-runs td:last-child { white-space: normal; min-width: 20rem; }
.upload-form button:disabled { opacity: .6; cursor: progress; }
.site-footer { border-top: 1px solid var(--line); padding: 1rem 1.5rem; color: var(--muted); font-size: .9rem; }
svg { max-width: 100%; height: auto; }
@media print {
  .skip-link, .site-nav, .period-picker, .site-footer { display: none; }
  .site-header { background: none; color: #000; padding: 0 0 .5rem; border-bottom: 2px solid #000; }
  .brand a { color: #000; }
  main { padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
  .tile { break-inside: avoid; }
  table { break-inside: auto; } tr { break-inside: avoid; }
}
`;

const JS = `
// The period picker navigates on its button or on Enter, never on a change (WCAG 3.2.2).
document.querySelectorAll('.period-picker select').forEach(function (select) {
  select.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { event.preventDefault(); select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit(); }
  });
});
// A form sent back with errors: focus moves to its error summary, whose links lead to the fields.
var summary = document.querySelector('[data-error-summary]');
if (summary) summary.focus();
`;

function hashed(path: string, body: string, type: string) {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { url: `${path}?v=${hash}`, path, body, type };
}

export const STYLESHEET = hashed('/static/app.css', CSS, 'text/css; charset=utf-8');
export const SCRIPT = hashed('/static/app.js', JS + UPLOAD_JS, 'text/javascript; charset=utf-8');
export const ASSETS = [STYLESHEET, SCRIPT] as const;
