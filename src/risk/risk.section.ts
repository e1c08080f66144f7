/**
 * What the risk register contributes to the monthly report and the KPI registry: the list of open
 * enterprise risks at or above the reporting threshold with their status texts (the seed's
 * "Foretakets åpne risikoer på nivå 8 eller høyere"), and the heat maps.
 */
import type { KpiDefinition } from '../kpi/kpi.ts';
import type { FigureBlock, HtmlBlock, Provenance, ReportBlockProvider } from '../report/blocks.ts';
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { html, raw, type SafeHtml } from '../web/html.ts';
import { registerForPeriod } from './risk.queries.ts';
import { atOrAboveThreshold, ENTERPRISE_SCOPE, type RegisterEntry } from './risk.ts';
import { type HeatmapCell, heatmapCells, renderHeatmapSvg } from './risk-heatmap.ts';
import { levelRangeText, levelsAtOrAbove, type RiskMatrix } from './risk-level.ts';

export interface RiskSectionItem {
  id: string;
  title: string;
  statusText: string;
  score: number;
  level: string;
  /** Period of the assessment in force (earlier than the report period when carried forward). */
  assessedPeriod: YearMonth;
}

export interface RiskSection {
  period: YearMonth;
  threshold: number;
  matrix: RiskMatrix;
  aboveThreshold: RiskSectionItem[];
  cells: HeatmapCell[];
  openCount: number;
}

export async function riskSection(db: Db, period: YearMonth, knownAt?: string): Promise<RiskSection> {
  const { entries, matrix } = await registerForPeriod(db, { period, knownAt });
  const threshold = matrix.reportingThreshold;
  const above = atOrAboveThreshold(entries, threshold).map((e) => ({
    id: e.risk.id,
    title: e.risk.title,
    statusText: e.assessment?.statusText ?? '',
    score: e.score ?? 0,
    level: e.level?.label ?? '',
    assessedPeriod: e.assessment?.period ?? period,
  }));
  return {
    period,
    threshold,
    matrix,
    aboveThreshold: above,
    cells: heatmapCells(entries, matrix),
    openCount: countOpen(entries),
  };
}

function countOpen(entries: readonly RegisterEntry[]): number {
  return entries.filter((e) => e.open && e.risk.scope === ENTERPRISE_SCOPE).length;
}

/** Status text as paragraphs: a blank line starts a new paragraph, a single newline is a line break. */
export function statusParagraphs(text: string): SafeHtml {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return html`${paragraphs.map((p) => html`<p>${p.split(/\r?\n/).map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`))}</p>`)}`;
}

const NEUTER: Record<string, string> = { rød: 'rødt', gul: 'gult', grønn: 'grønt', blå: 'blått' };

/** "oransje og rødt" for the levels at or above the threshold. */
export function levelColoursText(threshold: number, matrix: RiskMatrix): string {
  const names = levelsAtOrAbove(threshold, matrix).map((l) => NEUTER[l.colourName] ?? l.colourName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} og ${names.at(-1)}`;
}

export function aboveThresholdHeading(threshold: number): string {
  return `Foretakets åpne risikoer på nivå ${threshold} eller høyere`;
}

export function renderAboveThreshold(section: RiskSection): SafeHtml {
  const items = section.aboveThreshold.map(
    (r) => html`<div class="risk-item" id="risk-${r.id}">
<p class="risk-title"><strong>[${r.id}] ${r.title}:</strong></p>
${statusParagraphs(r.statusText)}
</div>`,
  );
  return html`<section class="risk-above-threshold">
<h3>${aboveThresholdHeading(section.threshold)}</h3>
${items.length > 0 ? items : html`<p>Ingen åpne risikoer på nivå ${section.threshold} eller høyere.</p>`}
</section>`;
}

function provenance(matrix: RiskMatrix): Provenance {
  const levels = matrix.levels.map((l) => `${l.label} (${l.colourName}) ${levelRangeText(l, matrix)}`).join(', ');
  return {
    importKinds: ['risks', 'risk-assessments', 'risk-register'],
    rules: [
      `Skår = sannsynlighet × konsekvens (1–25). Nivå: ${levels}.`,
      'En vurdering gjelder til risikoen vurderes på nytt (videreføres fra forrige periode).',
      'Bare åpne risikoer for foretaket tas med.',
    ],
  };
}

function heatmapFigure(section: RiskSection, options: { id: string; caption: string; minScore?: number }): FigureBlock {
  const cells =
    options.minScore === undefined
      ? section.cells
      : section.cells.map((c) => ({ ...c, ids: c.score >= (options.minScore ?? 0) ? c.ids : [] }));
  return {
    kind: 'figure',
    id: options.id,
    caption: options.caption,
    svg: renderHeatmapSvg(cells, section.matrix, { title: options.caption, idPrefix: `report-${options.id}` }),
    data: {
      columns: ['Sannsynlighet', 'Konsekvens', 'Skår', 'Nivå', 'Antall', 'Risikoer'],
      rows: cells.map((c) => [c.probability, c.consequence, c.score, c.level.label, c.ids.length, c.ids.join(', ')]),
    },
    provenance: provenance(section.matrix),
  };
}

export const riskReportBlocks: ReportBlockProvider[] = [
  {
    id: 'risk-above-threshold',
    async build(ctx) {
      const section = await riskSection(ctx.db, ctx.period, ctx.compiledAt);
      const block: HtmlBlock = { kind: 'html', id: 'risk-above-threshold', html: renderAboveThreshold(section) };
      return [block];
    },
  },
  {
    id: 'risk-heatmap',
    async build(ctx) {
      const section = await riskSection(ctx.db, ctx.period, ctx.compiledAt);
      return [
        heatmapFigure(section, {
          id: 'risk-heatmap',
          caption: 'Åpne virksomhetsrisikoer fordelt etter skår på sannsynlighet og konsekvens',
        }),
      ];
    },
  },
  {
    id: 'risk-heatmap-above-threshold',
    async build(ctx) {
      const section = await riskSection(ctx.db, ctx.period, ctx.compiledAt);
      const caption = `Åpne virksomhetsrisikoer på nivå ${section.threshold} eller høyere (${levelColoursText(section.threshold, section.matrix)} nivå)`;
      return [heatmapFigure(section, { id: 'risk-heatmap-above-threshold', caption, minScore: section.threshold })];
    },
  },
];

export const riskKpis: KpiDefinition[] = [
  {
    id: 'risk.open',
    label: 'Åpne virksomhetsrisikoer',
    unit: 'count',
    decimals: 0,
    async compute(ctx) {
      const { entries } = await registerForPeriod(ctx.db, { period: ctx.period, knownAt: ctx.knownAt });
      return entries.length === 0 ? null : countOpen(entries);
    },
  },
  {
    id: 'risk.aboveThreshold',
    label: 'Åpne virksomhetsrisikoer over terskel',
    unit: 'count',
    decimals: 0,
    async compute(ctx) {
      const { entries, matrix } = await registerForPeriod(ctx.db, { period: ctx.period, knownAt: ctx.knownAt });
      return entries.length === 0 ? null : atOrAboveThreshold(entries, matrix.reportingThreshold).length;
    },
  },
];

/** For callers that need the raw SVG markup as SafeHtml (web page). */
export function heatmapHtml(section: RiskSection, idPrefix: string, title: string): SafeHtml {
  return raw(renderHeatmapSvg(section.cells, section.matrix, { title, idPrefix }));
}
