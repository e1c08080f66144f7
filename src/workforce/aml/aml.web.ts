/** The "Arbeidstid (AML)" page (/arbeidstid): counts, breakdowns, before/after, trend and the breach list. */

import type { FastifyInstance } from 'fastify';
import { formatKpiTarget, type KpiStatus } from '../../kpi/kpi.ts';
import type { AppDeps } from '../../module.ts';
import { formatDate, formatMonth, formatMonthCapitalised, formatNumber, formatPercent } from '../../shared/format.ts';
import { localDateTimeOf } from '../../shared/period.ts';
import { html, raw, type SafeHtml } from '../../web/html.ts';
import { page } from '../../web/layout.ts';
import { emptyState } from '../../web/overview.ts';
import { resolvePeriod } from '../../web/period-param.ts';
import { maySeeEmployees } from './aml.access.ts';
import { amlTrendChart } from './aml.report.ts';
import { type AmlSection, amlBreachList, amlSection } from './aml.section.ts';
import { causeLabel, RULE_LABELS } from './aml-labels.ts';
import { type AmlSettings, type Breach, DEFAULT_AML_SETTINGS, type RecordKind, type TimeRecord } from './aml-model.ts';

export const AML_PATH = '/arbeidstid';

const STATUS_TEXT: Record<KpiStatus, string> = { met: '✓ Under indikatoren', 'not-met': '✗ Over indikatoren', none: '' };
const KIND_LABELS: Record<RecordKind, string> = { ordinary: 'Ordinær', overtime: 'Overtid', callout: 'Utrykning' };

const dash = (n: number) => (n === 0 ? '–' : formatNumber(n, 0));

function tiles(s: AmlSection): SafeHtml {
  const target = formatKpiTarget(s.indicator.target, 'count');
  return html`<ul class="tiles">
  <li class="tile tile--${s.indicator.monthStatus}"><span class="tile-label">AML-brudd ${formatMonth(s.period)}</span>
    <span class="tile-value">${formatNumber(s.month.count, 0)}</span>
    <span class="tile-target">Indikator: ${target} pr. mnd.</span><span class="tile-status">${STATUS_TEXT[s.indicator.monthStatus]}</span></li>
  <li class="tile tile--none"><span class="tile-label">Hittil i år</span><span class="tile-value">${formatNumber(s.ytd.count, 0)}</span></li>
</ul>`;
}

function ruleTable(s: AmlSection): SafeHtml {
  const rows = s.month.byRule.map(
    (r) => html`<tr><th scope="row">${r.label}</th><td class="num">${dash(r.count)}</td>
<td class="num">${r.count === 0 || r.sharePct === null ? '–' : formatPercent(r.sharePct, 0)}</td></tr>`,
  );
  return html`<table>
<caption>Etter bruddtype</caption>
<thead><tr><th scope="col">Bruddtype</th><th scope="col" class="num">Antall</th><th scope="col" class="num">Andel</th></tr></thead>
<tbody>${rows}<tr class="total"><th scope="row">Totalt</th><td class="num">${formatNumber(s.month.count, 0)}</td><td class="num">${s.month.count ? formatPercent(100, 0) : '–'}</td></tr></tbody>
</table>`;
}

function causeTable(s: AmlSection): SafeHtml {
  if (s.month.byCause.length === 0) return html`<p>Ingen brudd i ${formatMonth(s.period)}.</p>`;
  const rows = s.month.byCause.map((c) => html`<tr><th scope="row">${c.label}</th><td class="num">${formatNumber(c.count, 0)}</td></tr>`);
  return html`<table>
<caption>Etter årsak</caption>
<thead><tr><th scope="col">Årsak</th><th scope="col" class="num">Antall</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function restatementTable(s: AmlSection): SafeHtml {
  const rows = s.restatement.map(
    (r) => html`<tr><th scope="row">${formatMonthCapitalised(r.month)}</th><td class="num">${formatNumber(r.firstReported, 0)}</td>
<td class="num">${formatNumber(r.corrected, 0)}</td><td class="num">${r.added ? `+${r.added}` : '–'}${r.removed ? ` / −${r.removed}` : ''}</td>
<td>${formatDate(localDateTimeOf(Date.parse(r.cutoff)))} kl. ${localDateTimeOf(Date.parse(r.cutoff)).slice(11)}</td></tr>`,
  );
  return html`<table>
<caption>Før og etter korrigering (senere godkjente registreringer)</caption>
<thead><tr><th scope="col">Måned</th><th scope="col" class="num">Før korrigering</th><th scope="col" class="num">Etter korrigering</th>
<th scope="col" class="num">Nye / bortfalte</th><th scope="col">Først rapportert per</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function localTime(ms: number): string {
  const t = localDateTimeOf(ms);
  return `${formatDate(t)} ${t.slice(11)}`;
}

function recordList(records: readonly TimeRecord[]): SafeHtml {
  const items = records.map(
    (r) =>
      html`<li>${localTime(r.start)} – ${localTime(r.end)}: ${KIND_LABELS[r.kind]}${r.cause ? ` (${causeLabel(r.cause)})` : ''}, registrert ${localTime(r.registeredAt)}</li>`,
  );
  return html`<details><summary>${records.length} registreringer</summary><ul>${items}</ul></details>`;
}

function measured(b: Breach): string {
  if (b.rule === 'sundays') return `${b.measured} søndager på rad (tillatt ${b.limit})`;
  const rest = b.rule === 'rest24' || b.rule === 'rest7d';
  return `${formatNumber(b.measured, 1)} t ${rest ? 'hvile, krav' : 'mot grense'} ${formatNumber(b.limit, 0)} t${b.dispensation ? ' (dispensasjon)' : ''}`;
}

function breachTable(breaches: readonly Breach[], period: string): SafeHtml {
  if (breaches.length === 0) return html`<p>Ingen brudd registrert i ${formatMonth(period)}.</p>`;
  const rows = breaches.map(
    (b) => html`<tr><td>${b.employeeId}</td><td>${RULE_LABELS[b.rule]}</td><td>${formatDate(b.date)}</td>
<td>${causeLabel(b.cause)}</td><td>${measured(b)}</td><td>${recordList(b.records)}</td></tr>`,
  );
  return html`<table>
<caption class="sr-only">AML-brudd per ansatt, ${formatMonth(period)}</caption>
<thead><tr><th scope="col">Ansatt</th><th scope="col">Bruddtype</th><th scope="col">Dato</th><th scope="col">Årsak</th>
<th scope="col">Målt</th><th scope="col">Registreringene bak</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

/** The breach list, employee by employee: only for HR (`null` = the user may not see it). */
function breachSection(breaches: readonly Breach[] | null, period: string): SafeHtml {
  const list =
    breaches === null
      ? html`<p>Bruddlisten per ansatt vises bare for brukere med HR-rollen.</p>`
      : html`<p>Bruddene per ansatt er for ledere og HR; styrerapporten viser bare antall, aldri enkeltpersoner.</p>
  ${breachTable(breaches, period)}`;
  return html`<section aria-labelledby="aml-liste">
  <h2 id="aml-liste">Bruddliste</h2>
  ${list}
</section>`;
}

export function amlBody(s: AmlSection, breaches: readonly Breach[] | null): SafeHtml {
  if (!s.hasData) return emptyState(s.period);
  return html`<section aria-labelledby="aml-nokkeltall">
  <h2 id="aml-nokkeltall">Nøkkeltall</h2>
  ${tiles(s)}
</section>
<section aria-labelledby="aml-fordeling">
  <h2 id="aml-fordeling">Brudd i ${formatMonth(s.period)}</h2>
  ${ruleTable(s)}
  ${causeTable(s)}
</section>
<section aria-labelledby="aml-korrigering">
  <h2 id="aml-korrigering">Før og etter korrigering</h2>
  ${restatementTable(s)}
</section>
<section aria-labelledby="aml-trend">
  <h2 id="aml-trend">Siste 12 måneder</h2>
  <figure>${raw(amlTrendChart(s, { width: 760, height: 320 }))}
  <figcaption>AML-brudd per måned (korrigerte tall). Stiplet linje: indikatoren.</figcaption></figure>
</section>
${breachSection(breaches, s.period)}
<section aria-labelledby="aml-definisjon">
  <h2 id="aml-definisjon">Slik regnes tallene</h2>
  <p>${s.footnote}</p>
</section>`;
}

export function amlWeb(settings: AmlSettings = DEFAULT_AML_SETTINGS) {
  return async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
    app.get(AML_PATH, { config: { permission: 'read' } }, async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const knownAt = new Date().toISOString();
      const section = await amlSection(deps.db, { period, knownAt, settings });
      const breaches = maySeeEmployees(req) ? await amlBreachList(deps.db, { period, knownAt, settings }) : null;
      reply.type('text/html; charset=utf-8');
      return page(deps, { title: 'Arbeidstid (AML)', period, activePath: AML_PATH, body: amlBody(section, breaches) });
    });
    // The breach list on its own page, for HR only (employee-level data).
    app.get(`${AML_PATH}/brudd`, { config: { permission: 'hr' } }, async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const breaches = await amlBreachList(deps.db, { period, knownAt: new Date().toISOString(), settings });
      reply.type('text/html; charset=utf-8');
      return page(deps, { title: 'Bruddliste (AML)', period, activePath: `${AML_PATH}/brudd`, body: breachSection(breaches, period) });
    });
  };
}
