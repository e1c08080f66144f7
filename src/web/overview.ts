/**
 * The overview page (`/`, "Oversikt"): every domain's KPI tiles for the period, grouped by domain,
 * each with its last 12 months and a link to the page and table behind it.
 */
import type { EvaluatedKpi } from '../kpi/registry.ts';
import type { AppDeps, DomainModule } from '../module.ts';
import { formatMonth } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import { html, type SafeHtml } from './html.ts';
import { kpiTiles } from './kpi-tiles.ts';
import type { Trends } from './kpi-trends.ts';

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

/** The page (and table) behind a tile: the KPI's own, else the domain's first page. */
export function tileHref(d: DomainModule, period: YearMonth) {
  const nav = domainNav(d);
  return (k: EvaluatedKpi): string | undefined => {
    const page = k.definition.page;
    if (page) return `${page.path}?period=${period}${page.anchor ? `#${page.anchor}` : ''}`;
    return nav ? `${nav.path}?period=${period}` : undefined;
  };
}

function domainSection(d: DomainModule, kpis: readonly EvaluatedKpi[], period: YearMonth, trends: Trends): SafeHtml {
  const nav = domainNav(d);
  const id = `omrade-${d.id}`;
  return html`<section aria-labelledby="${id}">
  <h2 id="${id}">${nav?.label ?? d.id}</h2>
  ${kpiTiles(kpis, tileHref(d, period), trends)}
</section>`;
}

export function overviewBody(
  deps: Pick<AppDeps, 'domains'>,
  period: YearMonth,
  evaluated: readonly EvaluatedKpi[],
  trends: Trends = new Map(),
): SafeHtml {
  const sections = [...deps.domains]
    .sort((a, b) => (domainNav(a)?.order ?? 1e6) - (domainNav(b)?.order ?? 1e6))
    .map((d) => ({ d, kpis: evaluated.filter((k) => k.domainId === d.id) }))
    .filter((s) => s.kpis.length > 0)
    .map((s) => domainSection(s.d, s.kpis, period, trends));
  const hasData = evaluated.some((k) => k.value.value !== null);
  return html`${hasData ? '' : emptyState(period)}${sections}`;
}
