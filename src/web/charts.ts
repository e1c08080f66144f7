/**
 * Server-side SVG charts (Apache ECharts SSR renderer). The same functions draw the web app's
 * charts and the report's figures; numbers and month names go through shared/format.ts.
 */
import { createRequire } from 'node:module';
import { formatMonthShort, formatNumber } from '../shared/format.ts';
import { isYearMonth } from '../shared/period.ts';

export interface Series {
  name: string;
  values: (number | null)[];
  /** Stack id: series with the same id stack. */
  stack?: string;
}

export interface ChartOptions {
  /** Category labels: "YYYY-MM" values are shown as "mai 25". */
  categories: string[];
  series: Series[];
  kind: 'bar' | 'line';
  /** A horizontal target line (e.g. 80 %). */
  target?: { value: number; label: string };
  /** Unit suffix for axis labels ("%", "s"). */
  unit?: string;
  decimals?: number;
  yMin?: number;
  yMax?: number;
  width?: number;
  height?: number;
  /** Wrap category labels wider than this many pixels onto more lines (long category names). */
  labelWidth?: number;
  /** Accessible title (SVG <title>). */
  title: string;
}

/**
 * ECharts loads on the first chart drawn, not with every command that imports this module: its
 * CommonJS bundle (one file, every chart type and the SVG renderer) loads synchronously and faster
 * than the hundreds of files of its ES modules.
 */
let echarts: typeof import('echarts') | undefined;
function init(...args: Parameters<typeof import('echarts').init>): ReturnType<typeof import('echarts').init> {
  echarts ??= createRequire(import.meta.url)('echarts') as typeof import('echarts');
  return echarts.init(...args);
}

/**
 * Series colours, each >= 4.5:1 on white (so they pass as text too); gridlines are decoration.
 * Colour never works alone: lines differ in marker and dash, bars in fill pattern, and a legend or
 * data labels name every series (src/web/charts.test.ts checks all of it).
 */
export const PALETTE = ['#1f4e79', '#a84a00', '#3f6e27', '#6b5100', '#7030a0', '#1f6aa5'];
export const TEXT_COLOUR = '#1a1a1a';
export const AXIS_COLOUR = '#595959';
/** Gridlines only help reading values off the axis; the data labels and table carry the numbers. */
export const GRID_COLOUR = '#e0e6f1';
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin'];
const DASHES = ['solid', 'dashed', 'dotted'] as const;
const DECALS = [
  undefined,
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4, color: 'rgba(255,255,255,0.55)' },
  { symbol: 'circle', symbolSize: 0.6, dashArrayX: [[4, 4]], dashArrayY: [4, 4], color: 'rgba(255,255,255,0.55)' },
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.55)' },
];

function categoryLabel(c: string): string {
  return isYearMonth(c) ? formatMonthShort(c) : c;
}

export function renderChart(o: ChartOptions): string {
  const width = o.width ?? 640;
  const height = o.height ?? 300;
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  const fmt = (v: number) => `${formatNumber(v, o.decimals ?? 0)}${o.unit ? `\u00a0${o.unit}` : ''}`;
  chart.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: 'Liberation Sans, Arial, sans-serif', fontSize: 12, color: TEXT_COLOUR },
    grid: { left: 56, right: o.target ? 72 : 16, top: 28, bottom: o.series.length > 1 ? 56 : 32 },
    legend: o.series.length > 1 ? { bottom: 0, data: o.series.map((s) => s.name), textStyle: { color: TEXT_COLOUR } } : undefined,
    xAxis: {
      type: 'category',
      data: o.categories.map(categoryLabel),
      axisLabel: { interval: 0, color: TEXT_COLOUR, ...(o.labelWidth ? { width: o.labelWidth, overflow: 'break' } : {}) },
      axisLine: { lineStyle: { color: AXIS_COLOUR } },
      axisTick: { lineStyle: { color: AXIS_COLOUR } },
    },
    yAxis: {
      type: 'value',
      min: o.yMin,
      max: o.yMax,
      axisLabel: { formatter: fmt, color: TEXT_COLOUR },
      splitLine: { lineStyle: { color: GRID_COLOUR } },
    },
    series: o.series.map((s, i) => ({
      name: s.name,
      type: o.kind,
      stack: s.stack,
      data: s.values,
      ...(o.kind === 'line'
        ? { symbol: SYMBOLS[i % SYMBOLS.length], symbolSize: 7, lineStyle: { type: DASHES[i % DASHES.length], width: 2 } }
        : { itemStyle: { decal: DECALS[i % DECALS.length] } }),
      label:
        o.kind === 'bar' && o.series.length === 1
          ? { show: true, position: 'top', color: TEXT_COLOUR, formatter: (p: { value: number }) => formatNumber(p.value, o.decimals ?? 0) }
          : undefined,
      markLine:
        i === 0 && o.target
          ? {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#c00000', type: 'dashed' },
              label: { formatter: o.target.label, position: 'end', color: '#c00000' },
              data: [{ yAxis: o.target.value }],
            }
          : undefined,
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg.replace('<svg ', `<svg role="img" aria-label="${o.title.replace(/"/g, '&quot;')}" `);
}
