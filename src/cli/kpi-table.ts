/** `styrerom kpi` without --json: an aligned Norwegian table. */
import { formatKpiValue } from '../kpi/kpi.ts';
import type { EvaluatedKpi } from '../kpi/registry.ts';
import { formatMonth } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import { statusText, targetText } from '../web/kpi-tiles.ts';

export function kpiTable(period: YearMonth, kpis: readonly EvaluatedKpi[]): string {
  const title = `Nøkkeltall for ${formatMonth(period)}\n`;
  if (kpis.length === 0) return `${title}Ingen nøkkeltall er registrert (ingen domener med nøkkeltall er installert).\n`;
  const rows = kpis.map((k) => [
    k.definition.label,
    formatKpiValue(k.value.value, k.value.unit, k.definition.decimals),
    targetText(k),
    statusText(k),
  ]);
  const header = ['Indikator', 'Verdi', 'Mål', 'Status'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${title}${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n${rows.map((r) => `${line(r)}\n`).join('')}`;
}
