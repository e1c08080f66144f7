/**
 * KPI tiles: value, target and status shown as colour AND text, so colour is never the only signal;
 * on the overview also the last 12 months as a small line with its numbers as text.
 */
import { formatKpiTarget, formatKpiValue, type KpiStatus } from '../kpi/kpi.ts';
import type { EvaluatedKpi } from '../kpi/registry.ts';
import { html, type SafeHtml } from './html.ts';
import { sparkline, type TrendPoint } from './sparkline.ts';

const STATUS_TEXT: Record<KpiStatus, string> = { met: '✓ Mål nådd', 'not-met': '✗ Ikke nådd', none: 'Ingen mål' };

export function statusText(kpi: EvaluatedKpi): string {
  if (kpi.value.status === 'none' && kpi.definition.target && kpi.value.value === null) return 'Ingen data';
  return STATUS_TEXT[kpi.value.status];
}

/** "< 5 %", not "< 5,00 %": a target shows the decimals it has (at most the KPI's own). */
export function targetText(kpi: EvaluatedKpi): string {
  const t = kpi.value.target;
  if (!t) return '';
  const own = String(t.value).split('.')[1]?.length ?? 0;
  return formatKpiTarget(t, kpi.value.unit, Math.min(own, kpi.definition.decimals));
}

export function kpiTile(kpi: EvaluatedKpi, href?: string, trend?: readonly TrendPoint[]): SafeHtml {
  const { definition: d, value: v } = kpi;
  const target = targetText(kpi);
  const label = href ? html`<a href="${href}">${d.label}</a>` : d.label;
  return html`<li class="tile tile--${v.status}" data-kpi="${d.id}">
  <span class="tile-label">${label}</span>
  <span class="tile-value">${formatKpiValue(v.value, v.unit, d.decimals)}</span>
  ${target ? html`<span class="tile-target">Mål: ${target}</span>` : ''}
  <span class="tile-status">${statusText(kpi)}</span>
  ${trend ? sparkline({ id: d.id, label: d.label, unit: v.unit, decimals: d.decimals, points: trend }) : ''}
</li>`;
}

export function kpiTiles(
  kpis: readonly EvaluatedKpi[],
  href?: (kpi: EvaluatedKpi) => string | undefined,
  trends?: ReadonlyMap<string, readonly TrendPoint[]>,
): SafeHtml {
  return html`<ul class="tiles">${kpis.map((k) => kpiTile(k, href?.(k), trends?.get(k.definition.id)))}</ul>`;
}
