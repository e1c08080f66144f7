/**
 * The narrative editor of one section: Markdown on the left, the rendered text on the right
 * (server-rendered on load and on «Forhåndsvis»; with JavaScript it follows the typing through the
 * preview endpoint), the references and live values available, and the text's history.
 */
import { formatKpiValue } from '../kpi/kpi.ts';
import type { DomainModule } from '../module.ts';
import type { Problem } from '../shared/errors.ts';
import { formatMonth } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import { html, raw, type SafeHtml } from '../web/html.ts';
import { PICKER_JS, type PickerKpi, pickerFieldset } from './editor-picker.ts';
import type { ReportModel } from './model.ts';
import type { NarrativeVersion } from './narratives.queries.ts';
import type { SectionText } from './narratives.ts';
import { formatInstant } from './render-blocks.ts';
import { REPORT_CSS } from './report.css.ts';
import { PAGE_CSS } from './report-page.ts';

/** The editor's script: debounced preview through POST /api/report/<period>/preview. */
export const EDITOR_JS = `
(function () {
  var area = document.getElementById('sr-markdown');
  var out = document.getElementById('sr-preview-body');
  var problems = document.getElementById('sr-preview-problems');
  if (!area || !out || !problems || !window.fetch) return;
  var timer = null, seq = 0;
  function render() {
    var mine = ++seq;
    fetch(area.getAttribute('data-preview-url'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sectionId: area.getAttribute('data-section'), markdown: area.value })
    }).then(function (r) { return r.json(); }).then(function (body) {
      if (mine !== seq) return;
      if (body.error) { problems.textContent = body.error.message; return; }
      out.innerHTML = body.html;
      problems.textContent = '';
      (body.problems || []).forEach(function (p) {
        var li = document.createElement('li');
        li.textContent = (p.line ? 'Linje ' + p.line + ': ' : '') + p.message;
        problems.appendChild(li);
      });
    }).catch(function () {});
  }
  area.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(render, 350); });
})();
${PICKER_JS}`;

export interface EditorInput {
  period: YearMonth;
  text: SectionText;
  /** The Markdown in the text area (the stored text, or what was posted for preview). */
  markdown: string;
  preview: { html: string; problems: Problem[] };
  history: NarrativeVersion[];
  model: ReportModel | null;
  domains: readonly DomainModule[];
  editable: boolean;
  saved: boolean;
  /** A save refused because the build would refuse the text. */
  refused?: { message: string; problems: readonly Problem[] };
  /** Every KPI a live value may name, registered figures included. */
  kpis: readonly PickerKpi[];
  /** The signed-in user the text is saved as. */
  author?: string;
}

/** "Linje 3: …", Norwegian only. */
function problemLine(p: Problem): string {
  return p.line === undefined ? p.message : `Linje ${p.line}: ${p.message}`;
}

function refusal(r: NonNullable<EditorInput['refused']>): SafeHtml {
  return html`<div class="notice notice--error" role="alert" tabindex="-1" data-error-summary>
<h3>Teksten ble ikke lagret</h3><p>Rapporten kan ikke bygges med denne teksten. Rett dette og lagre igjen:</p>
<ul>${r.problems.map((p) => html`<li>${problemLine(p)}</li>`)}</ul></div>`;
}

function references(model: ReportModel | null): SafeHtml {
  if (!model) return html`<p>Rapporten kan ikke bygges nå, så figurene og tabellene er ukjente.</p>`;
  const items = [
    ...model.figures.map((f) => ({ ref: `[@fig:${f.block.id}]`, b: f })),
    ...model.tables.map((t) => ({ ref: `[@tab:${t.block.id}]`, b: t })),
  ];
  if (items.length === 0) return html`<p>Rapporten har ingen figurer eller tabeller for perioden.</p>`;
  return html`<ul class="sr-refs">${items.map((i) => html`<li><code>${i.ref}</code> → ${i.b.label}: ${i.b.block.caption}</li>`)}</ul>`;
}

function liveValues(all: readonly PickerKpi[]): SafeHtml {
  const kpis = all.map((k) => k.definition);
  if (kpis.length === 0) return html`<p>Ingen nøkkeltall er registrert.</p>`;
  const example = (unit: (typeof kpis)[number]['unit'], decimals: number) => formatKpiValue(unit === 'count' ? 9 : 1.5, unit, decimals);
  return html`<ul class="sr-refs">${kpis.map((k) => html`<li><code>{{ kpi.${k.id} }}</code> – ${k.label} (f.eks. «${example(k.unit, k.decimals)}»)</li>`)}</ul>`;
}

function historyList(history: readonly NarrativeVersion[]): SafeHtml {
  if (history.length === 0) return html`<p>Ingen lagrede versjoner for denne perioden.</p>`;
  return html`<ol>${history.map((h) => html`<li>${formatInstant(h.createdAt)} av ${h.author} (${h.markdown.length} tegn)</li>`)}</ol>`;
}

export function editorPageBody(i: EditorInput): SafeHtml {
  const n = i.text.narrative;
  const action = `/rapport/tekst/${i.text.id}?period=${i.period}`;
  return html`<style>${raw(REPORT_CSS + PAGE_CSS)}</style>
<p><a href="/rapport?period=${i.period}">← Tilbake til rapporten for ${formatMonth(i.period)}</a></p>
<p>Seksjon <code>${i.text.id}</code> i rapporten for ${formatMonth(i.period)}.</p>
${i.saved ? html`<div class="notice" role="status"><p>Teksten er lagret.</p></div>` : ''}
${i.refused ? refusal(i.refused) : ''}
${n?.inherited ? html`<div class="notice" role="status"><p>Teksten er et utkast hentet fra ${formatMonth(n.period)}. Rediger og lagre den for ${formatMonth(i.period)}.</p></div>` : ''}
${i.editable ? '' : html`<div class="notice notice--error" role="alert"><p>Rapporten er ikke et utkast; teksten kan ikke endres nå.</p></div>`}
<div class="sr-editor">
<form method="post" action="${action}">
<label for="sr-markdown">Tekst (Markdown)</label>
<textarea id="sr-markdown" name="markdown" spellcheck="true" lang="nb" data-section="${i.text.id}" data-preview-url="/api/report/${i.period}/preview"${i.editable ? '' : html` readonly`}>${i.markdown}</textarea>
${pickerFieldset(i.model, i.kpis, i.domains)}
${i.author ? html`<p class="muted">Lagres med deg som forfatter (${i.author}).</p>` : ''}
<p><button type="submit" name="intent" value="save"${i.editable ? '' : html` disabled`}>Lagre</button>
<button type="submit" name="intent" value="preview">Forhåndsvis</button></p>
</form>
<section class="sr-preview" aria-labelledby="sr-preview-title" aria-live="polite">
<h3 id="sr-preview-title">Forhåndsvisning</h3>
<div class="sr-report"><div class="sr-narrative" id="sr-preview-body">${raw(i.preview.html)}</div></div>
<ul id="sr-preview-problems" class="notice--error">${i.preview.problems.map((p) => html`<li>${problemLine(p)}</li>`)}</ul>
</section>
</div>
<details><summary>Slik skriver du</summary>
<p>Markdown: <code>**fet**</code>, <code>*kursiv*</code>, punktlister med <code>- </code>, overskrifter med <code>### </code>. Rå HTML vises som tekst.</p>
<p>Kryssreferanser blir «Figur N»/«Tabell N» med riktig nummer; en referanse som ikke finnes stopper bygget:</p>
${references(i.model)}
<p>Beregnede verdier settes inn med riktig format; <code>| abs</code> gir verdien uten fortegn, <code>| number</code> tallet uten enhet:</p>
${liveValues(i.kpis)}
</details>
<h3>Historikk for ${formatMonth(i.period)}</h3>
${historyList(i.history)}
<script src="/rapport/editor.js" defer></script>`;
}
