/**
 * The /rapport page body: status and workflow buttons, downloads, the sections' texts with links to
 * the editor, the publication history, and the report itself (the live draft, or the stored
 * published edition) inside the app shell.
 */
import { formatProblem, type Problem } from '../shared/errors.ts';
import { formatMonth } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import { html, raw, type SafeHtml } from '../web/html.ts';
import { type ReportModel, STATUS_LABELS } from './model.ts';
import type { reportStatusDoc } from './overview.ts';
import type { Publication } from './publication.queries.ts';
import { publicationFileUrl } from './publication.ts';
import { formatInstant } from './render-blocks.ts';
import { REPORT_CSS } from './report.css.ts';
import { ACTIONS, type WorkflowAction } from './workflow.ts';

export type StatusDoc = Awaited<ReturnType<typeof reportStatusDoc>>;

export const PAGE_CSS = `
.sr-panel { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); gap: 1rem 2rem; margin-bottom: 1.5rem; }
.sr-panel h2 { margin-top: .5rem; }
.sr-badge { display: inline-block; padding: .1rem .6rem; border-radius: 999px; font-weight: 700; background: #eef0f2; }
.sr-badge--published { background: #e6f4ea; color: #1e6b34; }
.sr-badge--in-review, .sr-badge--approved { background: #fff4d6; color: #6b4e00; }
.sr-actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: .5rem 0; }
.sr-actions label { display: block; font-size: .9rem; }
.sr-actions input { font: inherit; padding: .2rem .4rem; }
.sr-actions button, .sr-editor button { font: inherit; padding: .3rem .8rem; cursor: pointer; }
.sr-texts td, .sr-texts th { padding: .2rem .6rem; }
.sr-state--none { color: #a4161a; } .sr-state--inherited { color: #6b4e00; }
.sr-frame { border-top: 3px solid #1f4e79; padding-top: 1rem; }
.sr-hashes code { font-size: .8rem; word-break: break-all; }
.sr-editor { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
@media (max-width: 60rem) { .sr-editor { grid-template-columns: 1fr; } }
.sr-editor textarea { width: 100%; min-height: 28rem; font: 14px/1.5 "DejaVu Sans Mono", monospace; padding: .5rem; }
.sr-editor label { display: block; font-weight: 700; margin: .5rem 0 .25rem; }
.sr-editor input[type=text] { font: inherit; padding: .25rem .5rem; width: 16rem; }
.sr-preview { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem 1rem; min-height: 28rem; background: #fff; }
.sr-refs code { white-space: nowrap; }
`;

function badge(status: StatusDoc['status']): SafeHtml {
  return html`<span class="sr-badge sr-badge--${status}">${STATUS_LABELS[status]}</span>`;
}

function actionsForm(doc: StatusDoc): SafeHtml {
  const allowed = (Object.keys(ACTIONS) as WorkflowAction[]).filter((a) => ACTIONS[a].from.includes(doc.status));
  return html`<form method="post" action="/rapport/status?period=${doc.period}" class="sr-actions">
<div><label for="sr-by">Ditt navn</label><input id="sr-by" name="by" type="text" autocomplete="name"></div>
<div><label for="sr-comment">Kommentar</label><input id="sr-comment" name="comment" type="text"></div>
${allowed.map((a) => html`<button type="submit" name="action" value="${a}">${ACTIONS[a].label}</button>`)}
</form>`;
}

function downloads(doc: StatusDoc, model: ReportModel | null): SafeHtml {
  const current = doc.publications.find((p) => p.supersededAt === null && p.version === doc.version && doc.status === 'published');
  if (current) {
    const url = (name: string) => publicationFileUrl(doc.period, current.version, name);
    return html`<ul>
<li><a href="${url('report.pdf')}">PDF</a> · <a href="${url('report.html')}">HTML</a> (publisert versjon ${current.version})</li>
<li><a href="/api/report/${doc.period}/publications/${current.version}/files">Alle filer med SHA-256</a></li>
</ul>`;
  }
  const live = (name: string) => `/api/report/${doc.period}/current/${name}`;
  const data = model ? [...model.figures, ...model.tables] : [];
  return html`<ul>
<li><a href="${live('report.pdf')}">PDF</a> · <a href="${live('report.html')}">HTML</a> (utkast bygget fra dagens data)</li>
${data.length > 0 ? html`<li>Tall: ${data.map((d, i) => html`${i > 0 ? ', ' : ''}<a href="${live(`data/${d.block.id}.csv`)}">${d.label} (CSV)</a>`)}</li>` : ''}
<li><a href="${live('provenance.json')}">Datagrunnlag (JSON)</a> · <a href="${live('values.json')}">Verdier (JSON)</a></li>
</ul>`;
}

function texts(doc: StatusDoc): SafeHtml {
  const state = (s: StatusDoc['sections'][number]) =>
    s.state === 'own'
      ? html`${s.savedAt ? formatInstant(s.savedAt) : ''}, ${s.author ?? ''}`
      : s.state === 'inherited'
        ? html`<span class="sr-state--inherited">utkast fra ${formatMonth(s.from ?? doc.period)}</span>`
        : html`<span class="sr-state--none">ingen tekst</span>`;
  return html`<table class="sr-texts"><thead><tr><th scope="col">Seksjon</th><th scope="col">Tekst</th><th scope="col"><span class="sr-only">Handling</span></th></tr></thead>
<tbody>${doc.sections.map(
    (s) => html`<tr><th scope="row">${s.depth > 1 ? raw('&nbsp;&nbsp;&nbsp;') : ''}${s.title}</th><td>${state(s)}</td>
<td><a href="/rapport/tekst/${s.id}?period=${doc.period}">Rediger<span class="sr-only"> ${s.title}</span></a></td></tr>`,
  )}</tbody></table>`;
}

function history(doc: StatusDoc): SafeHtml {
  const pub = (p: Publication) =>
    html`<li>Versjon ${p.version} publisert ${formatInstant(p.publishedAt)} av ${p.publishedBy}${p.supersededAt ? html` (erstattet ${formatInstant(p.supersededAt)})` : ''}:
<a href="${publicationFileUrl(p.period, p.version, 'report.pdf')}">PDF</a> · <a href="${publicationFileUrl(p.period, p.version, 'report.html')}">HTML</a>
<span class="sr-hashes">· PDF SHA-256 <code>${p.pdfSha256}</code></span></li>`;
  return html`${doc.publications.length > 0 ? html`<ul>${doc.publications.map(pub)}</ul>` : html`<p>Ikke publisert.</p>`}
${
  doc.events.length > 0
    ? html`<details><summary>Statushistorikk (${doc.events.length})</summary><ul>${doc.events.map(
        (e) => html`<li>${formatInstant(e.at)}: ${e.from ? STATUS_LABELS[e.from].toLowerCase() : '–'} → ${STATUS_LABELS[e.to].toLowerCase()}
(versjon ${e.version}) av ${e.actor}${e.comment ? html` – «${e.comment}»` : ''}</li>`,
      )}</ul></details>`
    : ''
}`;
}

function problemsNotice(problems: readonly Problem[], message: string): SafeHtml {
  return html`<div class="notice notice--error" role="alert"><p><strong>Rapporten kan ikke bygges:</strong> ${message}</p>
<ul>${problems.map((p) => html`<li>${formatProblem(p)}</li>`)}</ul>
<p>Rett teksten i seksjonen som er nevnt.</p></div>`;
}

export interface ReportPageInput {
  period: YearMonth;
  doc: StatusDoc;
  /** The live draft's model, or null when showing a publication or the build failed. */
  model: ReportModel | null;
  /** The report HTML to show (live article or stored web.html). */
  article: SafeHtml | null;
  error: { message: string; problems: Problem[] } | null;
}

export function reportPageBody(i: ReportPageInput): SafeHtml {
  const warnings = i.model?.warnings ?? [];
  return html`<style>${raw(REPORT_CSS + PAGE_CSS)}</style>
<div class="sr-panel">
<section aria-labelledby="sr-status"><h2 id="sr-status">Status</h2>
<p>${badge(i.doc.status)} versjon ${i.doc.version}</p>
${actionsForm(i.doc)}
<h2>Last ned</h2>${downloads(i.doc, i.model)}
</section>
<section aria-labelledby="sr-texts"><h2 id="sr-texts">Tekster</h2>${texts(i.doc)}
<h2>Publiseringer</h2>${history(i.doc)}</section>
</div>
${i.error ? problemsNotice(i.error.problems, i.error.message) : ''}
${warnings.length > 0 ? html`<details class="notice"><summary>${warnings.length} merknader til bygget</summary><ul>${warnings.map((w) => html`<li>${w}</li>`)}</ul></details>` : ''}
${i.article ? html`<div class="sr-frame">${i.article}</div>` : ''}`;
}
