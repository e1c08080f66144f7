/** The overview page (`/`, "Oversikt"): every domain's KPI tiles for the period, grouped by domain. */
import type { EvaluatedKpi } from '../kpi/registry.ts';
import type { AppDeps, DomainModule } from '../module.ts';
import { formatMonth } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import { html, type SafeHtml } from './html.ts';
import { kpiTiles } from './kpi-tiles.ts';

function domainNav(d: DomainModule) {
  return [...(d.nav ?? [])].sort((a, b) => a.order - b.order)[0];
}

export function emptyState(period: YearMonth): SafeHtml {
  return html`<div class="notice" role="status">
  <p><strong>Ingen data for ${formatMonth(period)} ennå</strong> — importer data med
  <code>styrerom import &lt;type&gt; &lt;fil&gt;</code>, eller start demoen med <code>npm start</code>.</p>
  <p><a href="/import?period=${period}">Se importtypene og tidligere importer</a> ·
  <a href="/dokumentasjon">Dokumentasjon om importformater</a></p>
</div>`;
}

function domainSection(d: DomainModule, kpis: readonly EvaluatedKpi[], period: YearMonth): SafeHtml {
  const nav = domainNav(d);
  const id = `omrade-${d.id}`;
  const href = nav ? () => `${nav.path}?period=${period}` : undefined;
  return html`<section aria-labelledby="${id}">
  <h2 id="${id}">${nav?.label ?? d.id}</h2>
  ${kpiTiles(kpis, href)}
</section>`;
}

export function overviewBody(deps: Pick<AppDeps, 'domains'>, period: YearMonth, evaluated: readonly EvaluatedKpi[]): SafeHtml {
  const sections = [...deps.domains]
    .sort((a, b) => (domainNav(a)?.order ?? 1e6) - (domainNav(b)?.order ?? 1e6))
    .map((d) => ({ d, kpis: evaluated.filter((k) => k.domainId === d.id) }))
    .filter((s) => s.kpis.length > 0)
    .map((s) => domainSection(s.d, s.kpis, period));
  const hasData = evaluated.some((k) => k.value.value !== null);
  return html`${hasData ? '' : emptyState(period)}${sections}`;
}
