/**
 * Fake domains for the report tests: they contribute the same kinds of blocks and KPIs as the real
 * domains (tables with totals, ECharts figures, a hand-drawn SVG, KPI lines, an HTML block) from a
 * small mutable data object, so the report can be tested without the real domains.
 */
import type { KpiDefinition } from '../src/kpi/kpi.ts';
import type { DomainModule } from '../src/module.ts';
import type { FigureBlock, ReportBlockProvider, TableBlock } from '../src/report/blocks.ts';
import { insertNarrative } from '../src/report/narratives.queries.ts';
import { formatMonthCapitalised, formatNumber, formatPercent } from '../src/shared/format.ts';
import { ytdMonths } from '../src/shared/period.ts';
import type { Db } from '../src/storage/db.ts';
import { renderChart } from '../src/web/charts.ts';
import { html } from '../src/web/html.ts';

export interface FakeData {
  /** Sick leave % per month of the year. */
  sickLeave: number[];
  /** Breaches per month: first reported and corrected. */
  breaches: { first: number; corrected: number }[];
  /** Cost lines (NOK): actual and budget. */
  costs: { category: string; actual: number; budget: number }[];
  /** Long table rows, to make the PDF split a table across pages. */
  ledgerRows: number;
  risks: { id: string; title: string; status: string; level: number }[];
}

export function fakeData(): FakeData {
  return {
    sickLeave: [3.1, 2.7, 2.2, 1.9, 1.2],
    breaches: [
      { first: 11, corrected: 12 },
      { first: 6, corrected: 9 },
      { first: 4, corrected: 4 },
      { first: 13, corrected: 14 },
      { first: 5, corrected: 5 },
    ],
    costs: [
      { category: 'Personalkostnader', actual: 12_345_000, budget: 13_000_000 },
      { category: 'Tjenestekjøp', actual: 4_200_000, budget: 3_900_000 },
      { category: 'Lisenser & support', actual: 2_750_500, budget: 3_100_000 },
    ],
    ledgerRows: 70,
    risks: [
      { id: 'R-1', title: 'Leverandør <forsinket>', status: 'Følges opp i prosjektstyret.', level: 12 },
      { id: 'R-2', title: 'Nøkkelpersonell', status: 'Tiltak er iverksatt.', level: 9 },
    ],
  };
}

const cell = (value: number | string | null, text?: string) => ({ value, text: text ?? (value === null ? '–' : String(value)) });

function costTable(d: FakeData): TableBlock {
  const rows: TableBlock['rows'] = d.costs.map((c) => ({
    cells: [
      cell(c.category),
      cell(c.actual, formatNumber(c.actual / 1e6, 1)),
      cell(c.budget, formatNumber(c.budget / 1e6, 1)),
      cell(c.actual - c.budget, formatNumber((c.actual - c.budget) / 1e6, 1)),
    ],
  }));
  const sum = (f: (c: FakeData['costs'][number]) => number) => d.costs.reduce((s, c) => s + f(c), 0);
  rows.push({
    cells: [
      cell('Sum'),
      cell(
        sum((c) => c.actual),
        formatNumber(sum((c) => c.actual) / 1e6, 1),
      ),
      cell(
        sum((c) => c.budget),
        formatNumber(sum((c) => c.budget) / 1e6, 1),
      ),
      cell(
        sum((c) => c.actual - c.budget),
        formatNumber(sum((c) => c.actual - c.budget) / 1e6, 1),
      ),
    ],
    total: true,
  });
  return {
    kind: 'table',
    id: 'finance-result',
    caption: 'Resultat mot budsjett hittil i år (MNOK)',
    columns: [
      { label: 'Kategori' },
      { label: 'Regnskap', align: 'right' },
      { label: 'Budsjett', align: 'right' },
      { label: 'Avvik', align: 'right' },
    ],
    rows,
    note: 'Negativt avvik betyr lavere kostnad enn budsjett.',
    provenance: { importKinds: ['saf-t', 'budget'], rules: ['Kontoer mappes til rapportkategorier etter kontoplanen.'] },
  };
}

function ledgerTable(d: FakeData): TableBlock {
  return {
    kind: 'table',
    id: 'finance-forecast',
    caption: 'Prognose per konto',
    columns: [{ label: 'Konto' }, { label: 'Prognose', align: 'right' }, { label: 'Budsjett', align: 'right' }],
    rows: Array.from({ length: d.ledgerRows }, (_, i) => ({
      cells: [
        cell(`Konto ${4000 + i * 10}`),
        cell((i + 1) * 1234.5, formatNumber((i + 1) * 1234.5, 1)),
        cell((i + 1) * 1300, formatNumber((i + 1) * 1300, 0)),
      ],
    })),
    provenance: { importKinds: ['budget'], rules: ['Prognosen er siste innleste prognose.'] },
  };
}

/**
 * 'echarts' draws the figures through web/charts.ts like the real domains; 'plain' uses small
 * hand-drawn SVGs, so the golden HTML changes only when the report's own code does.
 */
export type FakeCharts = 'echarts' | 'plain';

function plainBars(values: (number | null)[], title: string): string {
  const bars = values.map(
    (v, i) => `<rect x="${10 + i * 30}" y="${100 - (v ?? 0) * 5}" width="20" height="${(v ?? 0) * 5}" fill="#1f4e79"/>`,
  );
  return `<svg role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg" width="320" height="110" viewBox="0 0 320 110">${bars.join('')}</svg>`;
}

function breachFigure(d: FakeData, period: string, charts: FakeCharts): FigureBlock {
  const months = ytdMonths(period);
  const values = months.map((_, i) => d.breaches[i]?.corrected ?? null);
  return {
    kind: 'figure',
    id: 'aml-trend',
    caption: 'AML-brudd per måned hittil i år',
    svg:
      charts === 'plain'
        ? plainBars(values, 'AML-brudd per måned')
        : renderChart({
            kind: 'bar',
            categories: months,
            series: [{ name: 'Brudd', values }],
            target: { value: 8, label: 'Indikator 8' },
            title: 'AML-brudd per måned',
          }),
    data: { columns: ['Måned', 'Brudd'], rows: months.map((m, i) => [m, values[i] ?? null]) },
    provenance: { importKinds: ['time-records'], rules: ['Hviletid 11 timer per døgn (AML § 10-8 (1)).'] },
  };
}

function sickFigure(d: FakeData, period: string, charts: FakeCharts): FigureBlock {
  const months = ytdMonths(period);
  const values = months.map((_, i) => d.sickLeave[i] ?? null);
  return {
    kind: 'figure',
    id: 'sick-leave-trend',
    caption: 'Sykefravær per måned',
    svg:
      charts === 'plain'
        ? plainBars(values, 'Sykefravær')
        : renderChart({
            kind: 'line',
            categories: months,
            series: [{ name: 'Sykefravær', values }],
            unit: '%',
            decimals: 1,
            target: { value: 5, label: 'Indikator 5 %' },
            title: 'Sykefravær',
          }),
    data: { columns: ['Måned', 'Sykefravær %'], rows: months.map((m, i) => [m, values[i] ?? null]) },
    provenance: { importKinds: ['absences', 'employees'], rules: ['Sykefravær = fraværsdagsverk / avtalte dagsverk.'] },
  };
}

const HEATMAP_SVG =
  '<svg role="img" aria-label="Risikokart" xmlns="http://www.w3.org/2000/svg" width="300" height="120" viewBox="0 0 300 120"><rect x="0" y="0" width="300" height="120" fill="#fde9d9"/><text x="20" y="60">R-1 R-2</text></svg>';

export function fakeDomains(d: FakeData, charts: FakeCharts = 'echarts'): DomainModule[] {
  const risk: ReportBlockProvider[] = [
    {
      id: 'risk-above-threshold',
      build: async () => [
        {
          kind: 'html',
          id: 'risk-above-threshold',
          html: html`<ul class="risks">${d.risks.filter((r) => r.level >= 8).map((r) => html`<li><strong>[${r.id}] ${r.title}</strong>: ${r.status}</li>`)}</ul>`,
        },
      ],
    },
    {
      id: 'risk-heatmap',
      build: async () => [
        {
          kind: 'figure',
          id: 'risk-heatmap',
          caption: 'Åpne risikoer etter sannsynlighet og konsekvens',
          svg: HEATMAP_SVG,
          data: { columns: ['Risiko', 'Nivå'], rows: d.risks.map((r) => [r.id, r.level]) },
          provenance: { importKinds: ['risks'], rules: ['Nivå = sannsynlighet × konsekvens.'] },
        },
      ],
    },
  ];
  const finance: ReportBlockProvider[] = [
    { id: 'finance-result', build: async () => [costTable(d)] },
    { id: 'finance-forecast', build: async () => [ledgerTable(d)] },
    { id: 'finance-receivables', build: async () => [] },
  ];
  const workforce: ReportBlockProvider[] = [
    {
      id: 'sick-leave-kpis',
      build: async ({ period }) => {
        const i = ytdMonths(period).length - 1;
        const month = d.sickLeave[i] ?? 0;
        return [
          {
            kind: 'kpis',
            id: 'sick-leave-kpis',
            title: 'Sykefravær',
            items: [
              { label: formatMonthCapitalised(period), text: formatPercent(month), status: month < 5 ? 'met' : 'not-met' },
              { label: 'Indikator', text: '< 5 %', status: 'none' },
            ],
          },
        ];
      },
    },
    { id: 'sick-leave-trend', build: async ({ period }) => [sickFigure(d, period, charts)] },
    {
      id: 'aml-restatement',
      build: async ({ period }) => [
        {
          kind: 'table',
          id: 'aml-restatement',
          caption: 'AML-brudd per måned hittil i år, før og etter korrigering',
          columns: [{ label: 'Måned' }, { label: 'Før korrigering', align: 'right' }, { label: 'Etter korrigering', align: 'right' }],
          rows: ytdMonths(period).map((m, i) => ({
            cells: [cell(m, formatMonthCapitalised(m)), cell(d.breaches[i]?.first ?? null), cell(d.breaches[i]?.corrected ?? null)],
          })),
          provenance: { importKinds: ['time-records'], rules: ['«Før» er tallet ved månedens første rapportering.'] },
        },
      ],
    },
    { id: 'aml-trend', build: async ({ period }) => [breachFigure(d, period, charts)] },
  ];
  const month = (period: string) => ytdMonths(period).length - 1;
  const kpis: KpiDefinition[] = [
    {
      id: 'workforce.sickLeave.total',
      label: 'Sykefravær',
      unit: 'percent',
      decimals: 2,
      target: { op: '<', value: 5 },
      compute: async ({ period }) => d.sickLeave[month(period)] ?? null,
    },
    {
      id: 'workforce.aml.month',
      label: 'AML-brudd',
      unit: 'count',
      decimals: 0,
      target: { op: '<', value: 8 },
      compute: async ({ period }) => d.breaches[month(period)]?.corrected ?? null,
    },
    {
      id: 'finance.deviation.ytd',
      label: 'Avvik mot budsjett',
      unit: 'MNOK',
      decimals: 1,
      compute: async () => d.costs.reduce((s, c) => s + c.actual - c.budget, 0) / 1e6,
    },
    { id: 'finance.noData', label: 'Uten data', unit: 'MNOK', decimals: 1, compute: async () => null },
  ];
  return [
    { id: 'fake-risk', report: risk },
    { id: 'fake-finance', report: finance, kpis: kpis.filter((k) => k.id.startsWith('finance')) },
    { id: 'fake-workforce', report: workforce, kpis: kpis.filter((k) => k.id.startsWith('workforce')) },
  ];
}

/** Narratives of the fake report (Markdown with live values and references). */
export const FAKE_NARRATIVES: Record<string, string> = {
  risk: 'Foretaket har **to** åpne risikoer på nivå 8 eller høyere. Kartet i [@fig:risk-heatmap] viser alle åpne risikoer.',
  'finance.result':
    'Kostnadene hittil i år er {{ kpi.finance.deviation.ytd | abs }} under budsjett, se [@tab:finance-result].\n\nVesentligste avvik:\n\n- Personalkostnader\n- Lisenser & support',
  'finance.forecast': 'Prognosen per konto står i [@tab:finance-forecast].',
  'organisation.sick-leave': '### Forklaring\n\nSykefraværet var {{ kpi.workforce.sickLeave.total }} i perioden ([@fig:sick-leave-trend]).',
  'organisation.aml':
    'Det ble registrert {{ kpi.workforce.aml.month }} brudd i perioden. [@tab:aml-restatement] viser tallene før og etter korrigering, og [@fig:aml-trend] utviklingen.',
};

/** Stores the fake narratives and one import run per kind the fake blocks read. */
export async function seedFakeReport(db: Db, period = '2025-05'): Promise<void> {
  for (const [sectionId, markdown] of Object.entries(FAKE_NARRATIVES)) {
    await insertNarrative(db, { period, sectionId, markdown, author: 'Kari', createdAt: '2025-06-01T10:00:00.000Z' });
  }
  for (const kind of ['saf-t', 'budget', 'time-records', 'absences', 'employees', 'risks']) {
    await db
      .insertInto('import_runs')
      .values({
        kind,
        file_name: `${kind}-2025-05.csv`,
        sha256: `${kind.length}`.padStart(64, 'a'),
        started_at: '2025-06-02T06:00:00.000Z',
        finished_at: '2025-06-02T06:00:01.000Z',
        status: 'succeeded',
        imported_by: 'test',
      })
      .execute();
  }
}
