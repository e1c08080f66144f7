import { describe, expect, it } from 'vitest';
import { renderChart } from '../web/charts.ts';
import { formatInstant, scopeSvgIds } from './render-blocks.ts';

const chart = () =>
  renderChart({
    kind: 'bar',
    categories: ['2025-04', '2025-05'],
    series: [{ name: 'Brudd', values: [7, 9] }],
    target: { value: 8, label: 'Indikator' },
    title: 'AML',
  });

describe('scopeSvgIds(svg, scope)', () => {
  it('renames ECharts ids and classes per figure, so output does not depend on what was drawn before', () => {
    const first = chart();
    const second = chart(); // a later instance: other counters in its ids and classes
    expect(first).not.toBe(second);
    expect(scopeSvgIds(first, 'fig-a')).toBe(scopeSvgIds(second, 'fig-a'));
    expect(scopeSvgIds(first, 'fig-a')).not.toMatch(/\bzr\d+-/);
  });

  it('keeps references consistent with the renamed ids', () => {
    const svg = '<clipPath id="zr7-c0"></clipPath><path clip-path="url(#zr7-c0)" class="zr7-cls-3"></path><g class="zr7-cls-3"></g>';
    expect(scopeSvgIds(svg, 'fig-x')).toBe(
      '<clipPath id="fig-x-0"></clipPath><path clip-path="url(#fig-x-0)" class="fig-x-1"></path><g class="fig-x-1"></g>',
    );
  });
});

describe('formatInstant(iso)', () => {
  it('shows the Oslo wall time, across daylight saving', () => {
    expect(formatInstant('2025-06-02T06:00:00.000Z')).toBe('02.06.2025 kl. 08:00');
    expect(formatInstant('2025-01-15T23:30:00.000Z')).toBe('16.01.2025 kl. 00:30');
  });
});
