/**
 * Sick leave in the monthly report: KPI lines (`sick-leave-kpis`), the short/long split
 * (`sick-leave-split`) and the 12-month trend (`sick-leave-trend`). Whole organisation only: the
 * board report never shows units or persons.
 */
import { formatKpiTarget } from '../../kpi/kpi.ts';
import type {
  FigureBlock,
  KpiLinesBlock,
  Provenance,
  ReportBlock,
  ReportBlockContext,
  ReportBlockProvider,
  TableBlock,
} from '../../report/blocks.ts';
import { formatMonth, formatMonthCapitalised, formatPercent } from '../../shared/format.ts';
import { renderChart } from '../../web/charts.ts';
import {
  firstReportedLabel,
  type SickLeaveFigures,
  type SickLeaveOverview,
  type SickLeaveTrendPoint,
  sickLeaveOverview,
} from './sick-leave.section.ts';
import type { BandRule } from './sick-leave.ts';
import { DEFAULT_SICK_LEAVE_SETTINGS, type SickLeaveSettings } from './sick-leave-settings.ts';

const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, 2));

/** Row labels as the seed report writes them, following the band rule in use. */
export function bandLabels(rule: BandRule): { short: string; long: string } {
  return rule === 'whole-case'
    ? { short: 'Korttidssykefravær (<= 16 dager)', long: 'Langtidssykefravær (> 16 dager)' }
    : { short: 'Korttidssykefravær (dag 1–16)', long: 'Langtidssykefravær (dag 17 og senere)' };
}

/** "Mai" */
export function monthLabel(period: string): string {
  return formatMonthCapitalised(period).replace(/ \d{4}$/, '');
}

function provenance(o: SickLeaveOverview): Provenance {
  return { importKinds: ['employees', 'absences'], rules: [o.definition] };
}

export function kpiLinesBlock(o: SickLeaveOverview): KpiLinesBlock {
  return {
    kind: 'kpis',
    id: 'sick-leave-kpis',
    title: 'Sykefravær',
    items: [
      { label: monthLabel(o.period), text: pct(o.month.totalPct), status: o.indicator.monthStatus },
      { label: 'Totalt sykefravær hittil i år', text: pct(o.ytd.totalPct), status: o.indicator.ytdStatus },
      { label: 'Indikator', text: formatKpiTarget(o.indicator.target, 'percent'), status: 'none' },
    ],
  };
}

function splitRows(f: SickLeaveFigures, rule: BandRule): { label: string; value: number | null }[] {
  const labels = bandLabels(rule);
  return [
    { label: labels.short, value: f.shortPct },
    { label: labels.long, value: f.longPct },
    { label: 'Totalt', value: f.totalPct },
  ];
}

export function restatementNote(first: SickLeaveOverview['firstReported'], rule: BandRule): string | undefined {
  if (!first) return undefined;
  const labels = bandLabels(rule);
  return (
    `Først rapportert (${firstReportedLabel(first.knownAt)}): ${labels.short.toLowerCase()} ${pct(first.shortPct)}, ` +
    `${labels.long.toLowerCase()} ${pct(first.longPct)}, totalt ${pct(first.totalPct)}. Tallene over er korrigert ` +
    'med fravær registrert senere (et tilfelle kan gå fra korttid til langtid når det forlenges).'
  );
}

export function splitTable(o: SickLeaveOverview): TableBlock {
  const block: TableBlock = {
    kind: 'table',
    id: 'sick-leave-split',
    caption: `Sykefravær ${formatMonth(o.period)}, korttid og langtid`,
    columns: [{ label: 'Fravær' }, { label: monthLabel(o.period), align: 'right' }],
    rows: splitRows(o.month, o.bandRule).map((r, i) => ({
      cells: [
        { value: r.label, text: r.label },
        { value: r.value, text: pct(r.value) },
      ],
      ...(i === 2 ? { total: true } : {}),
    })),
    provenance: provenance(o),
  };
  const note = restatementNote(o.firstReported, o.bandRule);
  if (note) block.note = note;
  return block;
}

export function trendChart(o: SickLeaveOverview, size: { width?: number; height?: number } = {}): string {
  const labels = bandLabels(o.bandRule);
  return renderChart({
    kind: 'bar',
    title: `Sykefravær siste 12 måneder til og med ${formatMonth(o.period)}`,
    categories: o.trend.map((t) => t.period),
    series: [
      { name: labels.short, values: o.trend.map((t) => t.shortPct), stack: 'fravær' },
      { name: labels.long, values: o.trend.map((t) => t.longPct), stack: 'fravær' },
    ],
    target: { value: o.indicator.target.value, label: `Indikator ${formatKpiTarget(o.indicator.target, 'percent')}` },
    unit: '%',
    decimals: 1,
    yMin: 0,
    ...size,
  });
}

/** "desember 2024 (totalt først 4,06 %, nå 4,11 %)", or the short-term share when only the split moved. */
function restatedMonth(t: SickLeaveTrendPoint): string {
  const first = t.firstReported!;
  return pct(first.totalPct) !== pct(t.totalPct)
    ? `${formatMonth(t.period)} (totalt først ${pct(first.totalPct)}, nå ${pct(t.totalPct)})`
    : `${formatMonth(t.period)} (korttid først ${pct(first.shortPct)}, nå ${pct(t.shortPct)})`;
}

export function trendFigure(o: SickLeaveOverview): FigureBlock {
  const restated = o.trend.filter((t) => t.firstReported !== null);
  const block: FigureBlock = {
    kind: 'figure',
    id: 'sick-leave-trend',
    caption: `Sykefravær per måned, siste 12 måneder (korttid og langtid, prosent av avtalte dagsverk)`,
    svg: trendChart(o),
    data: {
      columns: ['Måned', 'Korttid %', 'Langtid %', 'Totalt %', 'Korttid først rapportert %', 'Totalt først rapportert %'],
      rows: o.trend.map((t) => [
        t.period,
        t.shortPct,
        t.longPct,
        t.totalPct,
        (t.firstReported ?? t).shortPct,
        (t.firstReported ?? t).totalPct,
      ]),
    },
    provenance: provenance(o),
  };
  if (restated.length > 0) block.note = `Korrigert etter første rapportering: ${restated.map(restatedMonth).join('; ')}.`;
  return block;
}

/**
 * "Før/etter korrigering": each month of the year so far as first reported and as corrected; only
 * when at least one of them differs (a table of equal numbers says nothing).
 */
export function restatementTable(o: SickLeaveOverview, firstCutoff: SickLeaveSettings['firstCutoff']): TableBlock | undefined {
  const months = o.trend.filter((t) => o.ytd.months.includes(t.period));
  if (!months.some((t) => t.firstReported !== null)) return undefined;
  const cell = (v: number | null) => ({ value: v, text: pct(v) });
  return {
    kind: 'table',
    id: 'sick-leave-restatement',
    caption: `Sykefravær før og etter korrigering, ${formatMonth(o.ytd.months[0]!)}–${formatMonth(o.period)}`,
    columns: [
      { label: 'Måned' },
      { label: 'Korttid før', align: 'right' },
      { label: 'Korttid etter', align: 'right' },
      { label: 'Langtid før', align: 'right' },
      { label: 'Langtid etter', align: 'right' },
      { label: 'Totalt før', align: 'right' },
      { label: 'Totalt etter', align: 'right' },
    ],
    rows: months.map((t) => {
      const first = t.firstReported ?? t;
      return {
        cells: [
          { value: t.period, text: monthLabel(t.period) },
          cell(first.shortPct),
          cell(t.shortPct),
          cell(first.longPct),
          cell(t.longPct),
          cell(first.totalPct),
          cell(t.totalPct),
        ],
      };
    }),
    note:
      `Før korrigering = først rapportert, med fravær registrert innen ${firstCutoff.days} dager etter månedsslutt kl. ${firstCutoff.time.replace(':', '.')}; ` +
      'etter korrigering = alt registrert da rapporten ble satt sammen. Et tilfelle som forlenges etter første rapportering, kan gå fra ' +
      'korttid til langtid.',
    provenance: provenance(o),
  };
}

/** The report's block providers; each computes the overview as known at the report's compile time. */
export function sickLeaveReportBlocks(settings: SickLeaveSettings = DEFAULT_SICK_LEAVE_SETTINGS): ReportBlockProvider[] {
  const overview = (ctx: ReportBlockContext) => sickLeaveOverview(ctx.db, { period: ctx.period, knownAt: ctx.compiledAt, settings });
  const provider = (id: string, build: (o: SickLeaveOverview) => ReportBlock | undefined): ReportBlockProvider => ({
    id,
    async build(ctx) {
      const o = await overview(ctx);
      const block = o.hasData ? build(o) : undefined;
      return block ? [block] : [];
    },
  });
  return [
    provider('sick-leave-kpis', kpiLinesBlock),
    provider('sick-leave-split', splitTable),
    provider('sick-leave-trend', trendFigure),
    provider('sick-leave-restatement', (o) => restatementTable(o, settings.firstCutoff)),
  ];
}
