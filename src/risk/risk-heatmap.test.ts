import { describe, expect, it } from 'vitest';
import { type Assessment, type Risk, registerAt } from './risk.ts';
import { heatmapCells, renderHeatmapSvg, wrapIds } from './risk-heatmap.ts';
import { DEFAULT_RISK_MATRIX } from './risk-level.ts';

const risks: Risk[] = ['OR-1', 'OR-2', 'OR-3', 'OR-4'].map((id) => ({
  id,
  title: id,
  description: '',
  owner: '',
  category: '',
  scope: 'enterprise',
  opened: '2025-01-01',
  closed: id === 'OR-4' ? '2025-03-01' : null,
}));
const a = (id: number, riskId: string, p: number, c: number): Assessment => ({
  id,
  riskId,
  period: '2025-02',
  probability: p,
  consequence: c,
  statusText: '',
  assessedBy: '',
  assessedAt: '2025-02-01',
  state: 'final',
  source: 'api',
  recordedAt: '2025-02-01T00:00:00Z',
  recordedBy: 't',
});
const entries = registerAt(risks, [a(1, 'OR-1', 3, 4), a(2, 'OR-2', 3, 4), a(3, 'OR-3', 1, 2), a(4, 'OR-4', 5, 5)], '2025-05');

describe('heatmapCells', () => {
  const cells = heatmapCells(entries);
  it('has 25 cells that count the open risks in each', () => {
    expect(cells).toHaveLength(25);
    expect(cells.find((c) => c.probability === 3 && c.consequence === 4)?.ids).toEqual(['OR-1', 'OR-2']);
    expect(cells.find((c) => c.probability === 1 && c.consequence === 2)?.ids).toEqual(['OR-3']);
    expect(cells.reduce((n, c) => n + c.ids.length, 0)).toBe(3);
  });
  it('leaves closed risks out', () => {
    expect(cells.find((c) => c.probability === 5 && c.consequence === 5)?.ids).toEqual([]);
  });
  it('can keep only cells at or above a score', () => {
    expect(heatmapCells(entries, DEFAULT_RISK_MATRIX, { minScore: 8 }).flatMap((c) => c.ids)).toEqual(['OR-1', 'OR-2']);
  });
});

describe('renderHeatmapSvg', () => {
  const svg = renderHeatmapSvg(heatmapCells(entries), DEFAULT_RISK_MATRIX, { title: 'Åpne risikoer' });
  it('has Norwegian axis titles, a title and a description', () => {
    expect(svg).toContain('>Sannsynlighet</text>');
    expect(svg).toContain('>Konsekvens</text>');
    expect(svg).toContain('<title id="risk-heatmap-title">Åpne risikoer</title>');
    expect(svg).toMatch(/<desc id="risk-heatmap-desc">3 risikoer i alt\..*OR-1, OR-2/);
  });
  it('shows the count and the ids in a cell, and a level letter for readers without colour', () => {
    expect(svg).toMatch(/data-probability="3" data-consequence="4" data-count="2">.*?>H<\/text>.*?>2<\/text>.*?>OR-1, OR-2<\/text>/);
    expect(svg).toContain('Høy (oransje) 8–12');
    // the high level (third) is textured with diagonal lines, so it reads without colour too
    expect(svg).toMatch(/data-probability="3" data-consequence="4"[^>]*>.*?<path class="risk-hatch" d="M[^"]+"/);
  });
  it('puts consequence on the x-axis by default and swaps on request', () => {
    const x = (s: string) => Number(/data-probability="1" data-consequence="2"[^>]*>.*?<rect x="(\d+)"/.exec(s)?.[1]);
    const swapped = renderHeatmapSvg(heatmapCells(entries), { ...DEFAULT_RISK_MATRIX, axes: 'probability-x' }, { title: 't' });
    expect(x(svg)).toBe(256);
    expect(x(swapped)).toBe(156);
  });
});

describe('wrapIds', () => {
  it('puts two ids on a line and says how many more when they do not fit', () => {
    expect(wrapIds(['A', 'B', 'C'], 6)).toEqual(['A, B', 'C']);
    expect(wrapIds(['A', 'B', 'C', 'D', 'E', 'F'], 6)).toEqual(['A, B', 'C, D', 'E, F']);
    expect(wrapIds(['A', 'B', 'C', 'D', 'E', 'F', 'G'], 6)).toEqual(['A, B', 'C, D', '+3 til']);
  });
});
