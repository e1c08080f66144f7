/**
 * Page bodies of "Virksomhetsrisiko" (the shell around them is web/layout.ts): the register with
 * filters, sorting, heat map and the report's threshold list; the risk detail with history and
 * timeline. Pure functions of view data, so they are easy to test.
 */
import { formatDate, formatMonth, formatMonthCapitalised } from '../shared/format.ts';
import { addMonths, type YearMonth } from '../shared/period.ts';
import { html, raw, type SafeHtml } from '../web/html.ts';
import type { RiskRevision } from './risk.queries.ts';
import { type RiskSection, renderAboveThreshold, statusParagraphs } from './risk.section.ts';
import { categoryLabel, type RegisterEntry, type Risk, scopeLabel, summariseMovement } from './risk.ts';
import type { RegisterFilter, SortKey, SortOrder } from './risk-filter.ts';
import { defaultOrder } from './risk-filter.ts';
import { type HeatmapCell, renderHeatmapSvg } from './risk-heatmap.ts';
import type { assessmentJson } from './risk-json.ts';
import { levelRangeText, type RiskLevelDef, type RiskMatrix } from './risk-level.ts';
import { RISK_STYLE } from './risk-style.ts';
import { renderTimelineSvg, type TimelinePoint } from './risk-timeline.ts';

export const FLASH: Record<string, string> = {
  opprettet: 'Risikoen er opprettet.',
  oppdatert: 'Endringene er lagret. Tidligere versjoner er tatt vare på i endringsloggen.',
  uendret: 'Ingen endringer å lagre.',
  vurdering: 'Vurderingen er lagret.',
  lukket: 'Risikoen er lukket.',
  rullet: 'Registeret er rullet fram.',
};

function flash(message: string | undefined): SafeHtml | '' {
  return message ? html`<div class="notice risk-flash" role="status"><p>${message}</p></div>` : '';
}

export function levelBadge(level: RiskLevelDef | null, score: number | null): SafeHtml {
  if (!level || score === null) return html`<span class="risk-badge risk-badge--none">Ikke vurdert</span>`;
  return html`<span class="risk-badge" style="background:${level.colour}"><span class="risk-badge-letter" aria-hidden="true">${level.letter}</span> ${level.label}</span>`;
}

export function movementText(e: RegisterEntry): SafeHtml {
  const m = e.movement;
  const change = m.change ?? 0;
  switch (m.kind) {
    case 'up':
      return html`<span class="risk-move risk-move--up" title="Økt fra ${m.previousScore ?? ''}"><span aria-hidden="true">↑</span> +${change}<span class="sr-only"> (opp fra ${m.previousScore ?? ''})</span></span>`;
    case 'down':
      return html`<span class="risk-move risk-move--down" title="Redusert fra ${m.previousScore ?? ''}"><span aria-hidden="true">↓</span> −${Math.abs(change)}<span class="sr-only"> (ned fra ${m.previousScore ?? ''})</span></span>`;
    case 'same':
      return html`<span class="risk-move"><span aria-hidden="true">→</span><span class="sr-only">uendret</span></span>`;
    case 'new':
      return html`<span class="risk-move risk-move--new">Ny</span>`;
    case 'closed':
      return html`<span class="risk-move">Lukket</span>`;
  }
}

function assessedText(e: RegisterEntry): SafeHtml {
  const a = e.assessment;
  if (!a) return html`–`;
  const draft = a.state === 'draft' ? html` <span class="risk-tag">utkast</span>` : '';
  return e.carriedForward
    ? html`${formatMonthCapitalised(a.period)} <span class="risk-tag">videreført</span>${draft}`
    : html`${formatMonthCapitalised(a.period)}${draft}`;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export interface RegisterView {
  period: YearMonth;
  matrix: RiskMatrix;
  /** Filtered and sorted rows for the table. */
  rows: RegisterEntry[];
  /** Every entry of the period (for the summary). */
  all: RegisterEntry[];
  filter: RegisterFilter;
  section: RiskSection;
  scopes: string[];
  flash?: string | undefined;
}

/** Query string of the register page with some parameters changed. */
export function registerHref(
  period: YearMonth,
  f: RegisterFilter,
  change: Partial<Record<string, string | number | undefined>> = {},
): string {
  const params: Record<string, string | number | undefined> = {
    period,
    status: f.status,
    scope: f.scope,
    level: f.level,
    q: f.q,
    p: f.probability,
    c: f.consequence,
    sort: f.sort,
    order: f.order,
    ...change,
  };
  const qs = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `/risiko?${qs}`;
}

function sortHeader(view: RegisterView, key: SortKey, label: string, cls = ''): SafeHtml {
  const current = view.filter.sort ?? 'score';
  const order = view.filter.order ?? defaultOrder(current);
  const active = current === key;
  const next: SortOrder = active ? (order === 'asc' ? 'desc' : 'asc') : defaultOrder(key);
  const aria = active ? (order === 'asc' ? 'ascending' : 'descending') : undefined;
  const arrow = active ? (order === 'asc' ? ' ▲' : ' ▼') : '';
  return html`<th scope="col"${cls ? html` class="${cls}"` : ''}${aria ? html` aria-sort="${aria}"` : ''}><a href="${registerHref(view.period, view.filter, { sort: key, order: next })}">${label}${arrow}</a></th>`;
}

function filterForm(view: RegisterView): SafeHtml {
  const f = view.filter;
  const opt = (value: string, label: string, current: string | undefined) =>
    html`<option value="${value}"${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;
  return html`<form class="risk-filters" method="get" action="/risiko" role="search" aria-label="Filtrer registeret">
<input type="hidden" name="period" value="${view.period}">
<label>Status <select name="status">${opt('open', 'Åpne', f.status ?? 'open')}${opt('closed', 'Lukkede', f.status)}${opt('all', 'Alle', f.status)}</select></label>
<label>Nivå <select name="level">${opt('', 'Alle', f.level)}${view.matrix.levels.map((l) => opt(l.key, l.label, f.level))}</select></label>
<label>Omfang <select name="scope">${opt('', 'Alle', f.scope)}${view.scopes.map((s) => opt(s, scopeLabel(s), f.scope))}</select></label>
<label>Søk <input type="search" name="q" value="${f.q ?? ''}"></label>
${f.probability !== undefined ? html`<input type="hidden" name="p" value="${f.probability}">` : ''}
${f.consequence !== undefined ? html`<input type="hidden" name="c" value="${f.consequence}">` : ''}
<input type="hidden" name="sort" value="${f.sort ?? ''}"><input type="hidden" name="order" value="${f.order ?? ''}">
<button type="submit">Filtrer</button> <a href="/risiko?period=${view.period}">Nullstill</a>
</form>`;
}

function registerTable(view: RegisterView): SafeHtml {
  const f = view.filter;
  const cellNote =
    f.probability !== undefined || f.consequence !== undefined
      ? html`<p>Viser cellen sannsynlighet ${f.probability ?? 'alle'} × konsekvens ${f.consequence ?? 'alle'}. <a href="${registerHref(view.period, f, { p: undefined, c: undefined })}">Vis alle celler</a></p>`
      : '';
  if (view.rows.length === 0) return html`${cellNote}<p>Ingen risikoer passer filteret.</p>`;
  const rows = view.rows.map(
    (e) => html`<tr>
<td class="risk-id"><a href="/risiko/${encodeURIComponent(e.risk.id)}?period=${view.period}">${e.risk.id}</a></td>
<td>${e.risk.title}${e.assessment?.statusText ? html`<div class="risk-status" title="${e.assessment.statusText}">${truncate(e.assessment.statusText, 160)}</div>` : ''}</td>
<td>${e.risk.owner}</td>
<td>${categoryLabel(e.risk.category)}</td>
<td class="num">${e.assessment?.probability ?? '–'}</td>
<td class="num">${e.assessment?.consequence ?? '–'}</td>
<td class="num"><strong>${e.score ?? '–'}</strong></td>
<td>${levelBadge(e.level, e.score)}</td>
<td>${movementText(e)}</td>
<td>${assessedText(e)}</td>
</tr>`,
  );
  return html`${cellNote}<div class="risk-table-wrap"><table class="risk-table">
<caption class="sr-only">Risikoregisteret for ${formatMonth(view.period)}: ${view.rows.length} risikoer</caption>
<thead><tr>${sortHeader(view, 'id', 'ID')}${sortHeader(view, 'title', 'Tittel og status')}${sortHeader(view, 'owner', 'Eier')}${sortHeader(view, 'category', 'Kategori')}
<th scope="col" class="num"><abbr title="Sannsynlighet">S</abbr></th><th scope="col" class="num"><abbr title="Konsekvens">K</abbr></th>
${sortHeader(view, 'score', 'Skår', 'num')}<th scope="col">Nivå</th>${sortHeader(view, 'movement', 'Endring')}<th scope="col">Vurdert</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function summary(view: RegisterView): SafeHtml {
  const open = view.all.filter((e) => e.open && e.risk.scope === 'enterprise').length;
  const m = summariseMovement(view.all, view.period);
  const previous = formatMonth(addMonths(view.period, -1));
  return html`<p class="risk-summary"><strong>${open}</strong> åpne virksomhetsrisikoer, <strong>${view.section.aboveThreshold.length}</strong> på nivå ${view.matrix.reportingThreshold} eller høyere.
Siden ${previous}: ${m.new} nye, ${m.closed} lukket, ${m.up} opp, ${m.down} ned, ${m.same} uendret.</p>`;
}

export function heatmapFigure(
  view: { period: YearMonth; matrix: RiskMatrix; cells: HeatmapCell[] },
  idPrefix: string,
  filter: RegisterFilter,
): SafeHtml {
  const caption = `Åpne virksomhetsrisikoer fordelt etter skår på sannsynlighet og konsekvens, ${formatMonth(view.period)}`;
  const svg = renderHeatmapSvg(view.cells, view.matrix, {
    title: caption,
    idPrefix,
    cellHref: (c) => registerHref(view.period, { ...filter, status: 'open' }, { p: c.probability, c: c.consequence }),
  });
  return html`<figure class="risk-figure" id="${idPrefix}-figure">${raw(svg)}<figcaption>${caption}. Velg en celle for å se risikoene i den.</figcaption></figure>`;
}

export function registerPageBody(view: RegisterView): SafeHtml {
  const next = addMonths(view.period, 1);
  return html`${raw(RISK_STYLE)}${flash(view.flash)}
${summary(view)}
<div class="risk-toolbar">
<a class="risk-button" href="/risiko/ny?period=${view.period}">Ny risiko</a>
<form method="post" action="/risiko/rull-fram" class="risk-inline"><input type="hidden" name="period" value="${next}"><button type="submit">Rull fram til ${formatMonth(next)}</button></form>
<span>Eksport: <a href="/api/risks/export.xlsx?period=${view.period}">XLSX (alt)</a> · <a href="/api/risks/export.csv">CSV med historikk</a> · <a href="/api/risks/export.csv?view=current&amp;period=${view.period}">CSV for perioden</a></span>
</div>
<div class="risk-columns">
<section aria-labelledby="risk-heatmap-h"><h2 id="risk-heatmap-h">Risikokart</h2>${heatmapFigure({ period: view.period, matrix: view.matrix, cells: view.section.cells }, 'risk-heatmap', view.filter)}</section>
<section aria-labelledby="risk-report-h" class="risk-report-preview"><h2 id="risk-report-h">Til rapporten</h2>${renderAboveThreshold(view.section)}</section>
</div>
<section aria-labelledby="risk-register-h"><h2 id="risk-register-h">Registeret</h2>
${filterForm(view)}
${registerTable(view)}
</section>`;
}

// ---------- detail ----------

type AssessmentRow = ReturnType<typeof assessmentJson>;

export interface DetailView {
  period: YearMonth;
  matrix: RiskMatrix;
  risk: Risk;
  entry: RegisterEntry | undefined;
  history: AssessmentRow[];
  revisions: RiskRevision[];
  timeline: TimelinePoint[];
  assessmentForm: SafeHtml;
  closeForm: SafeHtml | '';
  flash?: string | undefined;
}

const SOURCE_TEXT: Record<string, string> = { form: 'skjema', api: 'API', import: 'import', 'roll-forward': 'rullert fram' };
const CHANGE_TEXT: Record<string, string> = { created: 'opprettet', updated: 'endret', closed: 'lukket', reopened: 'gjenåpnet' };

function historyTable(rows: AssessmentRow[], matrix: RiskMatrix): SafeHtml {
  if (rows.length === 0) return html`<p>Risikoen er ikke vurdert ennå.</p>`;
  const level = (key: string) => matrix.levels.find((l) => l.key === key) ?? null;
  return html`<div class="risk-table-wrap"><table class="risk-table risk-history">
<thead><tr><th scope="col">Periode</th><th scope="col" class="num">S</th><th scope="col" class="num">K</th><th scope="col" class="num">Skår</th><th scope="col">Nivå</th><th scope="col">Status</th><th scope="col">Vurdert av</th><th scope="col">Registrert</th></tr></thead>
<tbody>${rows.map(
    (a) => html`<tr${a.superseded ? html` class="risk-superseded"` : ''}>
<td>${formatMonthCapitalised(a.period)}${a.state === 'draft' ? html` <span class="risk-tag">utkast</span>` : ''}${a.superseded ? html` <span class="risk-tag">erstattet</span>` : ''}</td>
<td class="num">${a.probability}</td><td class="num">${a.consequence}</td><td class="num"><strong>${a.score}</strong></td>
<td>${levelBadge(level(a.level), a.score)}</td>
<td>${statusParagraphs(a.statusText)}</td>
<td>${a.assessedBy}<br><span class="risk-muted">${formatDate(a.assessedAt)}</span></td>
<td class="risk-muted">${a.recordedAt.slice(0, 16).replace('T', ' ')} UTC<br>${SOURCE_TEXT[a.source] ?? a.source}, ${a.recordedBy}</td>
</tr>`,
  )}</tbody></table></div>`;
}

function revisionsTable(revs: RiskRevision[]): SafeHtml {
  return html`<details class="risk-revisions"><summary>Endringslogg (${revs.length === 1 ? '1 versjon' : `${revs.length} versjoner`})</summary>
<table class="risk-table"><thead><tr><th scope="col">Versjon</th><th scope="col">Endring</th><th scope="col">Tittel</th><th scope="col">Eier</th><th scope="col">Åpnet</th><th scope="col">Lukket</th><th scope="col">Når</th><th scope="col">Av</th></tr></thead>
<tbody>${revs
    .slice()
    .reverse()
    .map(
      (r) =>
        html`<tr><td>${r.revision}</td><td>${CHANGE_TEXT[r.change] ?? r.change}</td><td>${r.title}</td><td>${r.owner}</td><td>${formatDate(r.opened)}</td><td>${r.closed ? formatDate(r.closed) : '–'}</td><td>${r.changedAt.slice(0, 16).replace('T', ' ')} UTC</td><td>${r.changedBy}</td></tr>`,
    )}</tbody></table></details>`;
}

export function detailPageBody(view: DetailView): SafeHtml {
  const { risk, entry } = view;
  const a = entry?.assessment ?? null;
  const timeline = renderTimelineSvg(view.timeline, view.matrix, `Skår per måned for ${risk.id}`, 'risk-timeline');
  return html`${raw(RISK_STYLE)}${flash(view.flash)}
<p><a href="/risiko?period=${view.period}">← Tilbake til registeret</a></p>
<div class="risk-detail-head">
<dl class="risk-facts">
<dt>Risikoeier</dt><dd>${risk.owner || '–'}</dd>
<dt>Kategori</dt><dd>${categoryLabel(risk.category) || '–'}</dd>
<dt>Omfang</dt><dd>${scopeLabel(risk.scope)}</dd>
<dt>Åpnet</dt><dd>${formatDate(risk.opened)}</dd>
<dt>Lukket</dt><dd>${risk.closed ? formatDate(risk.closed) : 'Åpen'}</dd>
</dl>
<div class="risk-current">
<h2>Vurdering for ${formatMonth(view.period)}</h2>
${
  a && entry
    ? html`<p class="risk-score">Skår <strong>${entry.score}</strong> (sannsynlighet ${a.probability} × konsekvens ${a.consequence}) ${levelBadge(entry.level, entry.score)} ${movementText(entry)}</p>
${entry.carriedForward ? html`<p class="risk-muted">Videreført fra ${formatMonth(a.period)}.</p>` : ''}
${statusParagraphs(a.statusText)}`
    : html`<p>Ingen vurdering gjelder for perioden.</p>`
}
</div>
</div>
${risk.description ? html`<h2>Beskrivelse</h2>${statusParagraphs(risk.description)}` : ''}
<p><a class="risk-button" href="/risiko/${encodeURIComponent(risk.id)}/endre?period=${view.period}">Endre risikoen</a></p>
<h2>Skår over tid</h2>
<figure class="risk-figure">${raw(timeline)}</figure>
<h2 id="ny-vurdering">Ny vurdering</h2>
<p class="risk-muted">Skala: ${view.matrix.levels.map((l) => `${l.label} ${levelRangeText(l, view.matrix)}`).join(', ')}. En ny vurdering for en periode som alt er vurdert, erstatter den forrige; begge tas vare på.</p>
${view.assessmentForm}
<h2>Historikk</h2>
${historyTable(view.history, view.matrix)}
${revisionsTable(view.revisions)}
${view.closeForm ? html`<h2>Lukk risikoen</h2>${view.closeForm}` : ''}`;
}

export function formPageBody(opts: { intro?: string; form: SafeHtml }): SafeHtml {
  return html`${raw(RISK_STYLE)}${opts.intro ? html`<p>${opts.intro}</p>` : ''}${opts.form}`;
}
