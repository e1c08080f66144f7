/**
 * WCAG 1.4.3, 1.4.11 and 1.4.1 for the SVG charts, which axe cannot judge: every text colour has
 * >= 4.5:1 and every mark colour >= 3:1 against the white page, and series never differ by colour
 * alone (a legend names them; lines differ in marker and dash, bars in fill pattern).
 */
import { describe, expect, it } from 'vitest';
import { type ChartOptions, GRID_COLOUR, PALETTE, renderChart } from './charts.ts';
import { contrastRatio, parseCssColour } from './contrast.ts';

const WHITE = parseCssColour('#ffffff');
const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'];
const SERIES = ['Drift', 'Investering', 'Lønn', 'Husleie'].map((name, i) => ({ name, values: months.map((_, m) => 10 + i * 3 + m) }));

const CHARTS: Record<string, ChartOptions> = {
  'bar, one series, target line': {
    title: 'Sykefravær',
    kind: 'bar',
    categories: months,
    series: [{ name: 'Sykefravær', values: [5.1, 4.2, null, 6.3, 4.8] }],
    target: { value: 5, label: 'Mål 5 %' },
    unit: '%',
    decimals: 1,
  },
  'bar, stacked series': {
    title: 'Kostnader',
    kind: 'bar',
    categories: months,
    series: SERIES.map((s) => ({ ...s, stack: 'kost' })),
  },
  'line, several series': { title: 'Utvikling', kind: 'line', categories: months, series: SERIES },
};

interface Element {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

/** The drawing elements outside <defs>/<pattern> (patterns only add texture on top of a colour). */
function elements(svg: string): Element[] {
  const withoutDefs = svg.replace(/<defs>[\s\S]*?<\/defs>/g, '').replace(/<pattern[\s\S]*?<\/pattern>/g, '');
  return [...withoutDefs.matchAll(/<(text|path|rect|circle|polyline|line)\b([^>]*)>([^<]*)/g)].map((m) => ({
    tag: m[1] ?? '',
    attrs: Object.fromEntries([...(m[2] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1] ?? '', a[2] ?? ''])),
    text: m[3] ?? '',
  }));
}

function isPaint(value: string | undefined): value is string {
  return value !== undefined && value !== 'none' && !value.startsWith('url(') && value !== 'transparent';
}

function contrastProblems(svg: string): string[] {
  const problems: string[] = [];
  for (const e of elements(svg)) {
    if (e.tag === 'text') {
      const fill = e.attrs.fill ?? '#000';
      const ratio = contrastRatio(parseCssColour(fill), WHITE);
      if (ratio < 4.5) problems.push(`text «${e.text}» ${fill}: ${ratio.toFixed(2)}:1 < 4.5`);
      continue;
    }
    const stroke = e.attrs.stroke;
    if (isPaint(stroke) && e.attrs['stroke-width'] !== '0' && stroke.toLowerCase() !== GRID_COLOUR) {
      const ratio = contrastRatio(parseCssColour(stroke), WHITE);
      if (ratio < 3) problems.push(`${e.tag} stroke ${stroke}: ${ratio.toFixed(2)}:1 < 3`);
    }
    const fill = e.attrs.fill;
    // White marker centres and invisible hit areas are not marks.
    if (isPaint(fill) && e.attrs['fill-opacity'] !== '0' && !/^#f{3}(f{3})?$/i.test(fill)) {
      const ratio = contrastRatio(parseCssColour(fill), WHITE);
      if (ratio < 3) problems.push(`${e.tag} fill ${fill}: ${ratio.toFixed(2)}:1 < 3`);
    }
  }
  return problems;
}

describe('chart colours and non-colour cues', () => {
  it('keeps every palette colour at >= 4.5:1 on white, so a series colour also works for text', () => {
    for (const c of PALETTE) expect(contrastRatio(parseCssColour(c), WHITE), c).toBeGreaterThanOrEqual(4.5);
  });

  for (const [name, options] of Object.entries(CHARTS)) {
    it(`${name}: text >= 4.5:1 and marks >= 3:1 against the background`, () => {
      const svg = renderChart(options);
      const checked = elements(svg).filter((e) => e.tag === 'text').length;
      expect(checked).toBeGreaterThan(5);
      expect(contrastProblems(svg)).toEqual([]);
    });
  }

  it('flags a faint colour (the check itself works)', () => {
    expect(contrastProblems('<svg><text fill="#aaaaaa">x</text><path d="M0 0" stroke="#f0b400"></path></svg>')).toEqual([
      'text «x» #aaaaaa: 2.32:1 < 4.5',
      'path stroke #f0b400: 1.87:1 < 3',
    ]);
  });

  it('names every series in a legend when there is more than one, and labels a single bar series with its values', () => {
    const stacked = renderChart(CHARTS['bar, stacked series']!);
    const texts = elements(stacked)
      .filter((e) => e.tag === 'text')
      .map((e) => e.text);
    for (const s of SERIES) expect(texts).toContain(s.name);
    const single = renderChart(CHARTS['bar, one series, target line']!);
    const singleTexts = elements(single)
      .filter((e) => e.tag === 'text')
      .map((e) => e.text);
    expect(singleTexts).toEqual(expect.arrayContaining(['5,1', '4,2', '6,3', '4,8', 'Mål 5 %']));
  });

  it('gives stacked bars a fill pattern besides the colour, also in the legend', () => {
    const svg = renderChart(CHARTS['bar, stacked series']!);
    expect(svg).toContain('<pattern');
    const patterned = elements(svg).filter((e) => e.attrs.fill?.startsWith('url(#'));
    // Series 2–4 carry a pattern on each of their 5 bars and on their legend key.
    expect(patterned.length).toBeGreaterThanOrEqual(3 * 6);
  });

  it('gives every line series its own marker shape and dash', () => {
    const svg = renderChart(CHARTS['line, several series']!);
    const markers = new Map<string, Set<string>>();
    for (const e of elements(svg)) {
      const series = e.attrs.ecmeta_series_index;
      if (e.attrs.ecmeta_ssr_type !== 'chart' || series === undefined) continue;
      const shape = (e.attrs.d ?? '').replace(/[\d.-]+/g, '#');
      markers.set(series, (markers.get(series) ?? new Set()).add(shape));
    }
    const shapes = [...markers.values()].map((s) => [...s].join('|'));
    expect(shapes).toHaveLength(SERIES.length);
    expect(new Set(shapes).size).toBe(SERIES.length);
    const dashes = elements(svg)
      .filter((e) => e.tag === 'path' && e.attrs['stroke-width'] === '2' && e.attrs.fill === 'none')
      .map((e) => e.attrs['stroke-dasharray'] ?? 'solid');
    expect(new Set(dashes).size).toBeGreaterThanOrEqual(3);
  });
});
