/**
 * The service desk in the monthly report: KPI lines (`servicedesk-kpis`), the service level per
 * month against the target (`servicedesk-answer-rate`) and inbound/outbound calls per month
 * (`servicedesk-volume`), the last twelve months.
 */
import { formatKpiTarget, kpiStatus } from '../../kpi/kpi.ts';
import type { FigureBlock, KpiLinesBlock, Provenance, ReportBlockContext, ReportBlockProvider } from '../../report/blocks.ts';
import { formatMonthCapitalised, formatNumber, formatPercent, formatSeconds } from '../../shared/format.ts';
import { addMonths, type YearMonth } from '../../shared/period.ts';
import { renderChart } from '../../web/charts.ts';
import type { ServiceSettings } from '../service-settings.ts';
import { callMetricsSeries, type MonthCallMetrics } from './calls.figures.ts';

/** The definition printed under the service-level figure (spec: "Print the definition under the figure"). */
export function serviceLevelDefinition(s: ServiceSettings): string {
  return (
    `Servicenivå = anrop besvart innen ${s.thresholdSeconds} sekunder / (besvarte anrop + anrop avbrutt etter mer enn ` +
    `${s.thresholdSeconds} sekunders venting) × 100. Anrop der innringer la på innen ${s.shortAbandonSeconds} sekunder, ` +
    'er ikke med i noen av tallene. Måned etter norsk tid for når anropet kom inn i køen.'
  );
}

export function last12(period: YearMonth): YearMonth[] {
  return Array.from({ length: 12 }, (_, i) => addMonths(period, i - 11));
}

const PROVENANCE = (s: ServiceSettings): Provenance => ({ importKinds: ['queue-log', 'calls'], rules: [serviceLevelDefinition(s)] });
const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, 1));

export function deskKpis(m: MonthCallMetrics, s: ServiceSettings): KpiLinesBlock {
  const month = formatMonthCapitalised(m.period).replace(/ \d{4}$/, '');
  return {
    kind: 'kpis',
    id: 'servicedesk-kpis',
    title: 'Svartid servicedesk',
    items: [
      {
        label: `Besvart innen ${s.thresholdSeconds} s, ${month.toLowerCase()}`,
        text: pct(m.serviceLevel),
        status: kpiStatus(s.serviceLevelTarget, m.serviceLevel),
      },
      {
        label: 'Gjennomsnittlig svartid',
        text: m.averageSpeedOfAnswer === null ? '–' : formatSeconds(m.averageSpeedOfAnswer, 1),
        status: 'none',
      },
      { label: 'Mål', text: formatKpiTarget(s.serviceLevelTarget, 'percent'), status: 'none' },
    ],
  };
}

export function answerRateFigure(series: MonthCallMetrics[], s: ServiceSettings): FigureBlock {
  return {
    kind: 'figure',
    id: 'servicedesk-answer-rate',
    caption: `Måloppnåelse for 1. linje (telefoni), prosentandel av totalt antall samtaler som besvares innen ${s.thresholdSeconds} sekunder`,
    svg: renderChart({
      kind: 'bar',
      title: 'Servicenivå per måned, siste 12 måneder',
      categories: series.map((m) => m.period),
      series: [{ name: `Besvart innen ${s.thresholdSeconds} s`, values: series.map((m) => m.serviceLevel) }],
      target: { value: s.serviceLevelTarget.value, label: `Mål ${formatKpiTarget(s.serviceLevelTarget, 'percent')}` },
      unit: '%',
      decimals: 1,
      yMin: 0,
      yMax: 100,
    }),
    data: {
      columns: ['Måned', 'Servicenivå %', 'Besvart innen terskel', 'Besvart', 'Tapt', 'Gjennomsnittlig svartid (s)'],
      rows: series.map((m) => [m.period, m.serviceLevel, m.answeredWithinThreshold, m.answered, m.abandoned, m.averageSpeedOfAnswer]),
    },
    note: serviceLevelDefinition(s),
    provenance: PROVENANCE(s),
  };
}

export function volumeFigure(series: MonthCallMetrics[], s: ServiceSettings): FigureBlock {
  const total = series.reduce((sum, m) => sum + m.offered + m.outbound, 0);
  return {
    kind: 'figure',
    id: 'servicedesk-volume',
    caption: 'Løpende samtaleoversikt inn til førstelinjen for de siste 12 månedene, med antall inngående og utgående samtaler',
    svg: renderChart({
      kind: 'bar',
      title: 'Inngående og utgående samtaler per måned',
      categories: series.map((m) => m.period),
      series: [
        { name: 'Inngående', values: series.map((m) => m.offered) },
        { name: 'Utgående', values: series.map((m) => m.outbound) },
      ],
      decimals: 0,
      yMin: 0,
    }),
    data: { columns: ['Måned', 'Inngående', 'Utgående'], rows: series.map((m) => [m.period, m.offered, m.outbound]) },
    note: `Totalt ${formatNumber(total, 0)} samtaler de siste 12 månedene. Inngående = anrop som kom inn i køen.`,
    provenance: PROVENANCE(s),
  };
}

export function callsReportBlocks(s: ServiceSettings): ReportBlockProvider[] {
  // The three blocks share one computation per report build (the context object is the build's).
  const cache = new WeakMap<ReportBlockContext, Promise<MonthCallMetrics[] | null>>();
  const series = (ctx: ReportBlockContext) => {
    let p = cache.get(ctx);
    if (!p) {
      p = callMetricsSeries(ctx.db, { months: last12(ctx.period), settings: s }).then((all) =>
        all.some((m) => m.offered + m.outbound > 0) ? all : null,
      );
      cache.set(ctx, p);
    }
    return p;
  };
  return [
    {
      id: 'servicedesk-kpis',
      async build(ctx) {
        const all = await series(ctx);
        const last = all?.[all.length - 1];
        return last && last.offered > 0 ? [deskKpis(last, s)] : [];
      },
    },
    {
      id: 'servicedesk-answer-rate',
      async build(ctx) {
        const all = await series(ctx);
        return all ? [answerRateFigure(all, s)] : [];
      },
    },
    {
      id: 'servicedesk-volume',
      async build(ctx) {
        const all = await series(ctx);
        return all ? [volumeFigure(all, s)] : [];
      },
    },
  ];
}
