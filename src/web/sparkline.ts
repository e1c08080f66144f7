/**
 * A KPI's last 12 months as a small line in its tile: a hand-drawn SVG (no chart library for 40
 * tiles), with the numbers as its text alternative: the SVG is labelled with the latest value and
 * the range, and a disclosure holds the months in a table.
 */
import { formatKpiValue, type KpiUnit } from '../kpi/kpi.ts';
import { formatMonthShort } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import { html, raw, type SafeHtml } from './html.ts';

export interface TrendPoint {
  period: YearMonth;
  value: number | null;
}

const WIDTH = 160;
const HEIGHT = 36;
const PAD = 4;

function coordinates(points: readonly TrendPoint[]): { x: number; y: number; p: TrendPoint }[] {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const step = (WIDTH - 2 * PAD) / Math.max(1, points.length - 1);
  return points.flatMap((p, i) =>
    p.value === null ? [] : [{ x: PAD + i * step, y: HEIGHT - PAD - ((p.value - min) / span) * (HEIGHT - 2 * PAD), p }],
  );
}

/** Months without data break the line (a gap, never a made-up zero). */
function segments(points: readonly TrendPoint[], coords: ReturnType<typeof coordinates>): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const p of points) {
    const c = coords.find((k) => k.p === p);
    if (c) current.push(`${c.x.toFixed(1)},${c.y.toFixed(1)}`);
    else if (current.length > 0) {
      out.push(current.join(' '));
      current = [];
    }
  }
  if (current.length > 0) out.push(current.join(' '));
  return out;
}

function summary(label: string, points: readonly TrendPoint[], fmt: (v: number) => string): string {
  const known = points.filter((p): p is TrendPoint & { value: number } => p.value !== null);
  const last = known.at(-1);
  if (!last) return `${label}: ingen data de siste 12 månedene`;
  const low = known.reduce((a, b) => (b.value < a.value ? b : a));
  const high = known.reduce((a, b) => (b.value > a.value ? b : a));
  return `${label}, siste 12 måneder: ${fmt(last.value)} i ${formatMonthShort(last.period)}; laveste ${fmt(low.value)} (${formatMonthShort(low.period)}), høyeste ${fmt(high.value)} (${formatMonthShort(high.period)})`;
}

export function sparkline(o: { id: string; label: string; unit: KpiUnit; decimals: number; points: readonly TrendPoint[] }): SafeHtml {
  const fmt = (v: number) => formatKpiValue(v, o.unit, o.decimals);
  const coords = coordinates(o.points);
  const text = summary(o.label, o.points, fmt);
  if (coords.length < 2) return html`<p class="tile-trend muted">${coords.length === 0 ? 'Ingen utvikling å vise ennå' : text}</p>`;
  const last = coords.at(-1);
  const lines = segments(o.points, coords).map((pts) => `<polyline points="${pts}" />`);
  const dot = last ? `<circle cx="${last.x.toFixed(1)}" cy="${last.y.toFixed(1)}" r="3" />` : '';
  const rows = o.points.map(
    (p) => html`<tr><th scope="row">${formatMonthShort(p.period)}</th><td class="num">${p.value === null ? '–' : fmt(p.value)}</td></tr>`,
  );
  return html`<div class="tile-trend">
<svg class="sparkline" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${text}">${raw(lines.join(''))}${raw(dot)}</svg>
<details><summary>Tall for 12 måneder<span class="sr-only">: ${o.label}</span></summary>
<table class="trend-table"><caption class="sr-only">${o.label} per måned</caption>
<thead><tr><th scope="col">Måned</th><th scope="col" class="num">Verdi</th></tr></thead><tbody>${rows}</tbody></table></details>
</div>`;
}
