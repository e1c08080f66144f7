/**
 * A small SVG score timeline for the risk detail page: one bar per month, coloured by level, with the
 * score printed on it; carried-forward months are drawn hatched/lighter so "assessed" and "carried
 * forward" can be told apart without colour.
 */
import { formatMonthShort } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import { escapeHtml } from '../web/html.ts';
import { type RiskMatrix, riskLevel } from './risk-level.ts';

export interface TimelinePoint {
  period: YearMonth;
  score: number | null;
  /** An assessment of this month itself (not carried forward). */
  own: boolean;
}

const H = 150;
const TOP = 14;
const BOTTOM = 34;
const LEFT = 30;
const BAR = 34;
const GAP = 10;

export function renderTimelineSvg(points: readonly TimelinePoint[], matrix: RiskMatrix, title: string, idPrefix = 'risk-timeline'): string {
  const width = Math.max(440, LEFT + points.length * (BAR + GAP) + 10);
  const plotH = H - TOP - BOTTOM;
  const y = (score: number) => TOP + plotH - (score / 25) * plotH;
  const threshold = matrix.reportingThreshold;
  const parts: string[] = [];
  for (const tick of [0, 5, 10, 15, 20, 25]) {
    parts.push(
      `<line x1="${LEFT}" x2="${width - 6}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e1e4e8"/>`,
      `<text x="${LEFT - 4}" y="${y(tick) + 4}" font-size="10" text-anchor="end">${tick}</text>`,
    );
  }
  parts.push(
    `<line x1="${LEFT}" x2="${width - 6}" y1="${y(threshold)}" y2="${y(threshold)}" stroke="#a4161a" stroke-dasharray="4 3"/>`,
    `<text x="${width - 6}" y="${y(threshold) - 3}" font-size="9.5" text-anchor="end" fill="#a4161a">terskel ${threshold}</text>`,
  );
  points.forEach((p, i) => {
    const x = LEFT + GAP / 2 + i * (BAR + GAP);
    parts.push(
      `<text x="${x + BAR / 2}" y="${H - BOTTOM + 14}" font-size="10" text-anchor="middle">${escapeHtml(formatMonthShort(p.period))}</text>`,
    );
    if (p.score === null) {
      parts.push(`<text x="${x + BAR / 2}" y="${y(0) - 4}" font-size="10" text-anchor="middle" fill="#595959">–</text>`);
      return;
    }
    const level = riskLevel(p.score, matrix);
    const note = p.own ? 'vurdert' : 'videreført';
    parts.push(
      `<g><title>${escapeHtml(`${formatMonthShort(p.period)}: skår ${p.score}, ${level.label}, ${note}`)}</title>`,
      `<rect x="${x}" y="${y(p.score)}" width="${BAR}" height="${y(0) - y(p.score)}" fill="${escapeHtml(level.colour)}" fill-opacity="${p.own ? 1 : 0.45}" stroke="#333" stroke-width="${p.own ? 0.8 : 0.6}"${p.own ? '' : ' stroke-dasharray="3 2"'}/>`,
      `<text x="${x + BAR / 2}" y="${y(p.score) - 3}" font-size="11" font-weight="bold" text-anchor="middle">${p.score}</text></g>`,
    );
  });
  parts.push(
    `<text x="${LEFT}" y="${H - 6}" font-size="9.5" fill="#595959">Heltrukket: vurdert i måneden. Stiplet og lysere: videreført fra forrige vurdering.</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="risk-timeline" width="${width}" height="${H}" viewBox="0 0 ${width} ${H}" role="img" aria-labelledby="${idPrefix}-title" font-family="Liberation Sans, Arial, sans-serif">`,
    `<title id="${idPrefix}-title">${escapeHtml(title)}</title>`,
    parts.join(''),
    '</svg>',
  ].join('');
}
