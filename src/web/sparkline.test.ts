import { describe, expect, it } from 'vitest';
import { sparkline, type TrendPoint } from './sparkline.ts';

const points = (values: (number | null)[]): TrendPoint[] =>
  values.map((value, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}`, value }));

describe('sparkline(kpi trend)', () => {
  it('draws the months as a line labelled with the latest value and the range, and lists every month as text', () => {
    const out = sparkline({ id: 'x', label: 'Sykefravær', unit: 'percent', decimals: 1, points: points([5, 6.5, 4]) }).value;
    expect(out).toContain(
      'aria-label="Sykefravær, siste 12 måneder: 4,0\u00a0% i mar 24; laveste 4,0\u00a0% (mar 24), høyeste 6,5\u00a0% (feb 24)"',
    );
    expect(out.match(/<polyline /g)).toHaveLength(1);
    expect(out).toContain('<th scope="row">feb 24</th><td class="num">6,5\u00a0%</td>');
  });

  it('breaks the line where a month has no data instead of drawing a zero', () => {
    const out = sparkline({ id: 'x', label: 'Brudd', unit: 'count', decimals: 0, points: points([3, 4, null, 5, 6]) }).value;
    expect(out.match(/<polyline /g)).toHaveLength(2);
    expect(out).toContain('<td class="num">–</td>');
  });

  it('says so in words when there is too little to draw', () => {
    expect(sparkline({ id: 'x', label: 'A', unit: 'count', decimals: 0, points: points([null, null]) }).value).toContain(
      'Ingen utvikling å vise ennå',
    );
  });
});
