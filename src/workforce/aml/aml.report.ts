/**
 * The AML blocks of the monthly report: KPI lines, breaches by type and by cause, the before/after
 * correction table and the 12-month trend. Organisation-level counts only: never a person.
 */
import { formatKpiTarget, kpiStatus } from '../../kpi/kpi.ts';
import type {
  FigureBlock,
  KpiLinesBlock,
  Provenance,
  ReportBlock,
  ReportBlockProvider,
  TableBlock,
  TableCell,
} from '../../report/blocks.ts';
import { formatCount, formatMonth, formatMonthCapitalised, formatNumber, formatPercent, monthName } from '../../shared/format.ts';
import { parseYearMonth } from '../../shared/period.ts';
import { renderChart } from '../../web/charts.ts';
import { type AmlSection, amlSection } from './aml.section.ts';
import { type AmlSettings, DEFAULT_AML_SETTINGS } from './aml-model.ts';

const IMPORT_KINDS = ['employees', 'time-records', 'dispensations'];

function provenance(s: AmlSection): Provenance {
  return { importKinds: IMPORT_KINDS, rules: [s.footnote] };
}

function count(n: number): TableCell {
  return { value: n, text: n === 0 ? '–' : formatNumber(n, 0) };
}

function monthShortName(s: AmlSection): string {
  const name = monthName(parseYearMonth(s.period).month);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function amlKpiLines(s: AmlSection): KpiLinesBlock {
  const target = formatKpiTarget(s.indicator.target, 'count');
  return {
    kind: 'kpis',
    id: 'aml-kpis',
    title: 'AML-brudd',
    items: [
      { label: monthShortName(s), text: formatCount(s.month.count), status: s.indicator.monthStatus },
      { label: 'Totalt antall AML-brudd hittil i år', text: formatCount(s.ytd.count), status: 'none' },
      { label: 'Indikator', text: `${target} pr. mnd.`, status: 'none' },
    ],
  };
}

export function amlByRuleTable(s: AmlSection): TableBlock {
  const total = s.month.count;
  return {
    kind: 'table',
    id: 'aml-by-rule',
    caption: `AML-brudd i ${formatMonth(s.period)} etter bruddtype`,
    columns: [
      { label: 'Bruddtype' },
      { label: 'Grense' },
      { label: monthShortName(s), align: 'right' },
      { label: 'Andel', align: 'right' },
    ],
    rows: [
      ...s.month.byRule.map((r) => ({
        cells: [
          { value: r.label, text: r.label },
          { value: r.limit, text: r.limit },
          count(r.count),
          { value: r.sharePct, text: r.count === 0 || r.sharePct === null ? '–' : formatPercent(r.sharePct, 0) },
        ],
      })),
      {
        total: true,
        cells: [
          { value: 'Totalt', text: 'Totalt' },
          { value: null, text: '' },
          count(total),
          { value: total === 0 ? null : 100, text: total === 0 ? '–' : formatPercent(100, 0) },
        ],
      },
    ],
    provenance: provenance(s),
  };
}

export function amlByCauseTable(s: AmlSection): TableBlock {
  return {
    kind: 'table',
    id: 'aml-by-cause',
    caption: `Forklaring til AML-brudd i ${formatMonth(s.period)}: årsaker`,
    columns: [{ label: 'Årsak' }, { label: 'Antall brudd', align: 'right' }],
    rows: [
      ...s.month.byCause.map((c) => ({ cells: [{ value: c.label, text: c.label }, count(c.count)] })),
      { total: true, cells: [{ value: 'Totalt', text: 'Totalt' }, count(s.month.count)] },
    ],
    provenance: provenance(s),
  };
}

export function amlRestatementTable(s: AmlSection): TableBlock {
  return {
    kind: 'table',
    id: 'aml-restatement',
    caption: `AML-brudd per måned ${parseYearMonth(s.period).year}, før og etter korrigering`,
    columns: [
      { label: 'Måned' },
      { label: 'Før korrigering', align: 'right' },
      { label: 'Etter korrigering', align: 'right' },
      { label: 'Endring', align: 'right' },
    ],
    rows: s.restatement.map((r) => {
      const diff = r.corrected - r.firstReported;
      return {
        cells: [
          { value: r.month, text: formatMonthCapitalised(r.month).replace(/ \d{4}$/, '') },
          { value: r.firstReported, text: formatNumber(r.firstReported, 0) },
          { value: r.corrected, text: formatNumber(r.corrected, 0) },
          { value: diff, text: diff === 0 ? '–' : `${diff > 0 ? '+' : ''}${formatNumber(diff, 0)}` },
        ],
      };
    }),
    note:
      '«Før korrigering» er antallet slik det var kjent ved månedens første rapportfrist; «etter korrigering» tar med ' +
      'senere godkjente registreringer (typisk overtid godkjent i etterkant).',
    provenance: provenance(s),
  };
}

export function amlTrendChart(s: AmlSection, size: { width?: number; height?: number } = {}): string {
  return renderChart({
    kind: 'bar',
    title: 'AML-brudd per måned, siste 12 måneder',
    categories: s.trend.map((t) => t.month),
    series: [{ name: 'AML-brudd', values: s.trend.map((t) => t.count) }],
    target: { value: s.indicator.target.value, label: `Indikator ${formatKpiTarget(s.indicator.target, 'count')}` },
    ...size,
  });
}

export function amlTrendFigure(s: AmlSection): FigureBlock {
  return {
    kind: 'figure',
    id: 'aml-trend',
    caption: 'AML-brudd per måned, siste 12 måneder',
    svg: amlTrendChart(s),
    data: {
      columns: ['Måned', 'AML-brudd', 'Over indikator'],
      rows: s.trend.map((t) => [t.month, t.count, kpiStatus(s.indicator.target, t.count) === 'not-met' ? 'ja' : 'nei']),
    },
    note: 'Stiplet linje: indikatoren.',
    provenance: provenance(s),
  };
}

/** Report block providers; every block is built from one (memoised) section evaluation. */
export function amlReportBlocks(settings: AmlSettings = DEFAULT_AML_SETTINGS): ReportBlockProvider[] {
  const block = (id: string, make: (s: AmlSection) => ReportBlock): ReportBlockProvider => ({
    id,
    async build(ctx) {
      const s = await amlSection(ctx.db, { period: ctx.period, knownAt: ctx.compiledAt, settings });
      return s.hasData ? [make(s)] : [];
    },
  });
  return [
    block('aml-kpis', amlKpiLines),
    block('aml-by-rule', amlByRuleTable),
    block('aml-by-cause', amlByCauseTable),
    block('aml-restatement', amlRestatementTable),
    block('aml-trend', amlTrendFigure),
  ];
}
