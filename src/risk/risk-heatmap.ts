/**
 * The heat map of open risks by probability and consequence: cell counts (pure) and a
 * hand-written server-side SVG used by the web page and the report/PDF alike. Levels are told apart
 * by colour AND by a pattern plus a letter, so the figure survives greyscale printing and colour
 * blindness; <title>/<desc> and per-cell titles make it readable by screen readers.
 */
import { escapeHtml } from '../web/html.ts';
import type { RegisterEntry } from './risk.ts';
import { compareRiskIds, ENTERPRISE_SCOPE } from './risk.ts';
import { DEFAULT_RISK_MATRIX, levelRangeText, type RiskLevelDef, type RiskMatrix, riskLevel, riskScore, SCALE } from './risk-level.ts';

export interface HeatmapCell {
  probability: number;
  consequence: number;
  score: number;
  level: RiskLevelDef;
  /** Risk ids in the cell, natural order. */
  ids: string[];
}

/** 25 cells (P 1–5 × C 1–5) counting the open risks of `scope` (default: the enterprise) with a score. */
export function heatmapCells(
  entries: readonly RegisterEntry[],
  matrix: RiskMatrix = DEFAULT_RISK_MATRIX,
  options: { scope?: string | null; minScore?: number } = {},
): HeatmapCell[] {
  const scope = options.scope === undefined ? ENTERPRISE_SCOPE : options.scope;
  const cells: HeatmapCell[] = [];
  for (const p of SCALE) {
    for (const c of SCALE) {
      const score = riskScore(p, c);
      const ids = entries
        .filter((e) => e.open && e.assessment && (scope === null || e.risk.scope === scope))
        .filter((e) => e.assessment?.probability === p && e.assessment?.consequence === c && score >= (options.minScore ?? 0))
        .map((e) => e.risk.id)
        .sort(compareRiskIds);
      cells.push({ probability: p, consequence: c, score, level: riskLevel(score, matrix), ids });
    }
  }
  return cells;
}

export interface HeatmapSvgOptions {
  /** Accessible title (SVG <title>). */
  title: string;
  /** Prefix for element ids, unique per page when several heat maps are embedded. */
  idPrefix?: string;
  /** Ids listed per cell (default 6, three lines) before "+n til"; the <desc> and cell titles always list all. */
  maxIdsPerCell?: number;
  /** Makes non-empty cells links (the web page links them to the filtered register). */
  cellHref?: (cell: HeatmapCell) => string;
}

const FONT = 'Liberation Sans, Arial, sans-serif';
const CELL_W = 100;
const CELL_H = 78;
const LEFT = 156;
const TOP = 12;
const GRID_W = CELL_W * 5;
const GRID_H = CELL_H * 5;
const WIDTH = LEFT + GRID_W + 16;

const e = (s: string | number) => escapeHtml(String(s));

const HATCH_STEP = 8;

/**
 * A level's texture (none, dots, diagonal, cross-hatch, grid, …) as explicit line segments inside
 * the rectangle, so the heat map reads in greyscale. Drawn as plain paths, not an SVG <pattern>:
 * Chromium prints patterns as thousands of tiles or raster masks, which made the PDF megabytes big.
 */
export function hatchPath(x: number, y: number, w: number, h: number, index: number): string {
  const kind = index % 5;
  const seg: string[] = [];
  const r = (n: number) => Math.round(n * 10) / 10;
  const line = (x1: number, y1: number, x2: number, y2: number) => seg.push(`M${r(x + x1)} ${r(y + y1)}L${r(x + x2)} ${r(y + y2)}`);
  if (kind === 1) {
    for (let v = HATCH_STEP / 2; v < h; v += HATCH_STEP)
      for (let u = HATCH_STEP / 2; u < w; u += HATCH_STEP) seg.push(`M${r(x + u - 0.8)} ${r(y + v)}h1.6`);
  }
  if (kind === 2 || kind === 3) {
    for (let c = HATCH_STEP; c < w + h; c += HATCH_STEP)
      line(Math.max(0, c - h), c - Math.max(0, c - h), Math.min(w, c), c - Math.min(w, c));
  }
  if (kind === 3) {
    for (let c = -w + HATCH_STEP; c < h; c += HATCH_STEP)
      line(Math.max(0, -c), Math.max(0, -c) + c, Math.min(w, h - c), Math.min(w, h - c) + c);
  }
  if (kind === 4) {
    for (let v = HATCH_STEP; v < h; v += HATCH_STEP) line(0, v, w, v);
    for (let u = HATCH_STEP; u < w; u += HATCH_STEP) line(u, 0, u, h);
  }
  if (seg.length === 0) return '';
  const width = kind === 1 ? 1.6 : 0.8;
  return `<path class="risk-hatch" d="${seg.join('')}" fill="none" stroke="#6b6b6b" stroke-width="${width}"/>`;
}

function pluralRisks(n: number): string {
  return n === 1 ? '1 risiko' : `${n} risikoer`;
}

function cellTitle(cell: HeatmapCell, matrix: RiskMatrix): string {
  const pl = matrix.probabilityLabels[cell.probability - 1] ?? '';
  const cl = matrix.consequenceLabels[cell.consequence - 1] ?? '';
  const who = cell.ids.length > 0 ? `: ${cell.ids.join(', ')}` : '';
  return `Sannsynlighet ${cell.probability} (${pl}), konsekvens ${cell.consequence} (${cl}), skår ${cell.score}, nivå ${cell.level.label}. ${pluralRisks(cell.ids.length)}${who}`;
}

/** Two ids per line; when they do not all fit, the last line says how many more ("+3 til"). */
export function wrapIds(ids: readonly string[], max: number): string[] {
  const shown = ids.length <= max ? ids : ids.slice(0, Math.max(0, max - 2));
  const lines: string[] = [];
  for (let i = 0; i < shown.length; i += 2) lines.push(shown.slice(i, i + 2).join(', '));
  if (shown.length < ids.length) lines.push(`+${ids.length - shown.length} til`);
  return lines;
}

/** Splits a scale label over two lines at the space nearest the middle. */
function twoLines(label: string): string[] {
  if (label.length <= 14 || !label.includes(' ')) return [label];
  const mid = label.length / 2;
  let best = -1;
  for (let i = 0; i < label.length; i++) if (label[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  return [label.slice(0, best), label.slice(best + 1)];
}

function renderCell(cell: HeatmapCell, x: number, y: number, matrix: RiskMatrix, options: HeatmapSvgOptions): string {
  const maxIds = options.maxIdsPerCell ?? 6;
  const href = cell.ids.length > 0 ? options.cellHref?.(cell) : undefined;
  const levelIndex = matrix.levels.findIndex((l) => l.key === cell.level.key);
  const cx = x + CELL_W / 2;
  const parts = [
    `<g class="risk-cell" data-probability="${cell.probability}" data-consequence="${cell.consequence}" data-count="${cell.ids.length}">`,
    `<title>${e(cellTitle(cell, matrix))}</title>`,
    `<rect x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" fill="${e(cell.level.colour)}" stroke="#ffffff" stroke-width="2"/>`,
    hatchPath(x, y, CELL_W, CELL_H, levelIndex),
    `<text x="${x + 6}" y="${y + 15}" font-size="11" font-weight="bold" fill="#1a1a1a">${e(cell.level.letter)}</text>`,
    `<text x="${x + CELL_W - 6}" y="${y + 15}" font-size="10" text-anchor="end" fill="#1a1a1a">${cell.score}</text>`,
  ];
  if (cell.ids.length > 0) {
    parts.push(
      `<text x="${cx}" y="${y + 38}" font-size="20" font-weight="bold" text-anchor="middle" fill="#000">${cell.ids.length}</text>`,
    );
    const lines = wrapIds(cell.ids, maxIds);
    // A light backing keeps the ids readable over the level pattern.
    parts.push(`<rect x="${x + 5}" y="${y + 43}" width="${CELL_W - 10}" height="${lines.length * 11 + 3}" rx="3" fill="#ffffff"/>`);
    lines.forEach((line, i) => {
      parts.push(`<text x="${cx}" y="${y + 52 + i * 11}" font-size="9.5" text-anchor="middle" fill="#000">${e(line)}</text>`);
    });
  }
  parts.push('</g>');
  if (href === undefined) return parts.join('');
  parts[0] = (parts[0] ?? '').replace('<g class="risk-cell"', '<g class="risk-cell" aria-hidden="true"');
  // The link is a transparent layer over the drawn cell, named after what the cell shows: no link
  // inside an image, and no visible text inside the link that its name would have to repeat.
  const name = `Sannsynlighet ${cell.probability}, konsekvens ${cell.consequence}: ${pluralRisks(cell.ids.length)} (${cell.ids.join(', ')}), skår ${cell.score}, nivå ${cell.level.label}`;
  parts.push(
    `<a href="${e(href)}" aria-label="${e(name)}" data-probability="${cell.probability}" data-consequence="${cell.consequence}"><title>${e(cellTitle(cell, matrix))}</title><rect class="risk-cell-link" x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" fill="transparent"/></a>`,
  );
  return parts.join('');
}

function renderAxes(matrix: RiskMatrix): string {
  const xIsConsequence = matrix.axes === 'consequence-x';
  const xTitle = xIsConsequence ? 'Konsekvens' : 'Sannsynlighet';
  const yTitle = xIsConsequence ? 'Sannsynlighet' : 'Konsekvens';
  const xLabels = xIsConsequence ? matrix.consequenceLabels : matrix.probabilityLabels;
  const yLabels = xIsConsequence ? matrix.probabilityLabels : matrix.consequenceLabels;
  const out: string[] = [];
  SCALE.forEach((v, i) => {
    const x = LEFT + i * CELL_W + CELL_W / 2;
    const lines = [String(v), ...twoLines(xLabels[i] ?? '')];
    lines.forEach((line, j) => {
      out.push(
        `<text x="${x}" y="${TOP + GRID_H + 16 + j * 13}" font-size="${j === 0 ? 12 : 10.5}" text-anchor="middle">${e(line)}</text>`,
      );
    });
    const y = TOP + (5 - v) * CELL_H + CELL_H / 2;
    const ylines = [String(v), ...twoLines(yLabels[i] ?? '')];
    ylines.forEach((line, j) => {
      const dy = (j - (ylines.length - 1) / 2) * 13 + 4;
      out.push(`<text x="${LEFT - 8}" y="${y + dy}" font-size="${j === 0 ? 12 : 10.5}" text-anchor="end">${e(line)}</text>`);
    });
  });
  out.push(
    `<text x="${LEFT + GRID_W / 2}" y="${TOP + GRID_H + 64}" font-size="13" font-weight="bold" text-anchor="middle">${xTitle}</text>`,
  );
  const yMid = TOP + GRID_H / 2;
  out.push(
    `<text x="18" y="${yMid}" font-size="13" font-weight="bold" text-anchor="middle" transform="rotate(-90 18 ${yMid})">${yTitle}</text>`,
  );
  return out.join('');
}

function renderLegend(matrix: RiskMatrix, top: number): string {
  const out = [
    `<g class="risk-legend"><text x="${LEFT}" y="${top + 12}" font-size="11" font-weight="bold">Nivå (skår = sannsynlighet × konsekvens)</text>`,
  ];
  const colW = GRID_W / Math.max(matrix.levels.length, 1);
  matrix.levels.forEach((level, i) => {
    const x = LEFT + i * colW;
    const y = top + 20;
    out.push(
      `<rect x="${x}" y="${y}" width="22" height="18" fill="${e(level.colour)}" stroke="#555" stroke-width="0.5"/>`,
      hatchPath(x, y, 22, 18, i),
      `<text x="${x + 11}" y="${y + 13}" font-size="10" font-weight="bold" text-anchor="middle">${e(level.letter)}</text>`,
      `<text x="${x + 28}" y="${y + 13}" font-size="10.5">${e(`${level.label} (${level.colourName}) ${levelRangeText(level, matrix)}`)}</text>`,
    );
  });
  out.push('</g>');
  return out.join('');
}

/** A plain-language description of the whole figure, for <desc>. */
export function heatmapDescription(cells: readonly HeatmapCell[], matrix: RiskMatrix): string {
  const filled = cells.filter((c) => c.ids.length > 0);
  const total = filled.reduce((n, c) => n + c.ids.length, 0);
  if (total === 0) return 'Ingen åpne risikoer med vurdering i perioden.';
  const parts = filled
    .sort((a, b) => b.score - a.score || b.probability - a.probability)
    .map((c) => `sannsynlighet ${c.probability} × konsekvens ${c.consequence} = ${c.score} (${c.level.label}): ${c.ids.join(', ')}`);
  const axes =
    matrix.axes === 'consequence-x' ? 'Konsekvens vannrett, sannsynlighet loddrett.' : 'Sannsynlighet vannrett, konsekvens loddrett.';
  return `${pluralRisks(total)} i alt. ${axes} ${parts.join('; ')}.`;
}

/** The 5×5 heat map as a standalone SVG string. */
export function renderHeatmapSvg(cells: readonly HeatmapCell[], matrix: RiskMatrix, options: HeatmapSvgOptions): string {
  const prefix = options.idPrefix ?? 'risk-heatmap';
  const legendTop = TOP + GRID_H + 78;
  const height = legendTop + 48;
  const xIsConsequence = matrix.axes === 'consequence-x';
  const body = cells.map((cell) => {
    const xv = xIsConsequence ? cell.consequence : cell.probability;
    const yv = xIsConsequence ? cell.probability : cell.consequence;
    return renderCell(cell, LEFT + (xv - 1) * CELL_W, TOP + (5 - yv) * CELL_H, matrix, options);
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="risk-heatmap" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"`,
    // With links to the cells it is an interactive figure (a named group of links), else an image.
    options.cellHref
      ? ` role="group" aria-labelledby="${prefix}-title" aria-describedby="${prefix}-desc" font-family="${FONT}">`
      : ` role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="${FONT}">`,
    `<title id="${prefix}-title">${e(options.title)}</title>`,
    `<desc id="${prefix}-desc">${e(heatmapDescription(cells, matrix))}</desc>`,
    body.join(''),
    renderAxes(matrix),
    renderLegend(matrix, legendTop),
    '</svg>',
  ].join('');
}
