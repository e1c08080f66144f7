/**
 * The shell every web page renders through: header with the organisation and the period picker,
 * navigation built from the domains' nav items, main content, footer. Norwegian bokmål, lang="nb".
 */
import type { AppDeps, NavItem } from '../module.ts';
import { formatMonth } from '../shared/format.ts';
import { monthOf, type YearMonth } from '../shared/period.ts';
import { SCRIPT, STYLESHEET } from './assets.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { todayInOslo } from './period-param.ts';
import { periodPicker } from './period-picker.ts';
import { wrapTables } from './table-scroll.ts';

export interface PageOptions {
  /** The page's <h1> and the start of <title>. */
  title: string;
  period: YearMonth;
  /** The path of this page: marks the navigation item and is where the period picker submits. */
  activePath: string;
  /** Content below the <h1>: start headings at <h2>. */
  body: SafeHtml;
}

/** Oversikt first, then every domain's items by `order`, then the import log. */
export function navItems(deps: Pick<AppDeps, 'domains'>): NavItem[] {
  const fromDomains = deps.domains.flatMap((d) => d.nav ?? []).sort((a, b) => a.order - b.order);
  return [{ path: '/', label: 'Oversikt', order: 0 }, ...fromDomains, { path: '/import', label: 'Importer', order: 10_000 }];
}

function isActive(item: NavItem, activePath: string): boolean {
  return item.path === '/' ? activePath === '/' : activePath === item.path || activePath.startsWith(`${item.path}/`);
}

function navigation(deps: Pick<AppDeps, 'domains'>, period: YearMonth, activePath: string): SafeHtml {
  const items = navItems(deps).map(
    (item) =>
      html`<li><a href="${item.path}?period=${period}"${isActive(item, activePath) ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
  );
  return html`<nav class="site-nav" aria-label="Hovedmeny"><ul>${items}</ul></nav>`;
}

export function page(deps: AppDeps, opts: PageOptions): string {
  const org = deps.config.organisationName;
  const latest = monthOf(todayInOslo());
  return html`<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} – ${formatMonth(opts.period)} – ${org}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${STYLESHEET.url}">
<script src="${SCRIPT.url}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Hopp til hovedinnhold</a>
<header class="site-header">
  <p class="brand"><a href="/?period=${opts.period}"><span class="product">Styrerom</span>${org}</a></p>
  ${periodPicker({ period: opts.period, latest, action: opts.activePath })}
  <form method="post" action="/logg-ut" class="logout"><button type="submit">Logg ut</button></form>
</header>
${navigation(deps, opts.period, opts.activePath)}
<main id="main" tabindex="-1">
<h1>${opts.title} <span class="period">– ${formatMonth(opts.period)}</span></h1>
${raw(wrapTables(opts.body.value))}
</main>
<footer class="site-footer">
  <p>Styrerom · ${org} · <a href="/dokumentasjon">Dokumentasjon</a> · <a href="/api/docs">API</a> · <a href="/tilgjengelighet">Tilgjengelighetserklæring</a></p>
</footer>
</body>
</html>
`.value;
}
