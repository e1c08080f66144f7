/**
 * The tables of the Kundeservice and Tjenester pages, as report TableBlocks so every one of them
 * downloads as CSV and XLSX (web/table-export.ts) with raw, unrounded values.
 */
import type { TableBlock, TableCell } from '../report/blocks.ts';
import { formatMonthCapitalised, formatNumber, formatPercent, formatSeconds } from '../shared/format.ts';
import { localDateTimeOf } from '../shared/period.ts';
import type { MonthAvailability } from './availability/availability.figures.ts';
import type { Outage } from './availability/availability.ts';
import type { MonthCallMetrics } from './calls/calls.figures.ts';
import type { Complaint } from './complaints/complaints.ts';
import type { VolumeTotals } from './volumes/volumes.ts';

const count = (v: number): TableCell => ({ value: v, text: formatNumber(v, 0) });
const pct = (v: number | null): TableCell => ({ value: v, text: v === null ? '–' : formatPercent(v, 1) });
const secs = (v: number | null): TableCell => ({ value: v, text: v === null ? '–' : formatSeconds(v, 1) });
const text = (v: string): TableCell => ({ value: v, text: v });

const METRIC_COLUMNS = [
  { label: 'Tilbudt', align: 'right' as const },
  { label: 'Besvart', align: 'right' as const },
  { label: 'Besvart innen terskel', align: 'right' as const },
  { label: 'Tapt', align: 'right' as const },
  { label: 'Korte avbrudd', align: 'right' as const },
  { label: 'Uavklart', align: 'right' as const },
  { label: 'Servicenivå', align: 'right' as const },
  { label: 'Svartid (snitt)', align: 'right' as const },
  { label: 'Tapsrate', align: 'right' as const },
  { label: 'Utgående', align: 'right' as const },
];

function metricCells(m: MonthCallMetrics): TableCell[] {
  return [
    count(m.offered),
    count(m.answered),
    count(m.answeredWithinThreshold),
    count(m.abandoned),
    count(m.shortAbandons),
    count(m.unresolved),
    pct(m.serviceLevel),
    secs(m.averageSpeedOfAnswer),
    pct(m.abandonRate),
    count(m.outbound),
  ];
}

const CALL_PROVENANCE = { importKinds: ['queue-log', 'calls'], rules: [] };

export function monthsTable(series: MonthCallMetrics[], queue: string | null): TableBlock {
  return {
    kind: 'table',
    id: 'servicedesk-months',
    caption: `Anrop per måned, siste 12 måneder (${queue === null ? 'alle køer' : `kø ${queue}`})`,
    columns: [{ label: 'Måned' }, ...METRIC_COLUMNS],
    rows: series.map((m) => ({ cells: [{ value: m.period, text: formatMonthCapitalised(m.period) }, ...metricCells(m)] })),
    provenance: CALL_PROVENANCE,
  };
}

export function queuesTable(byQueue: MonthCallMetrics[], period: string): TableBlock {
  return {
    kind: 'table',
    id: 'servicedesk-queues',
    caption: `Anrop per kø, ${formatMonthCapitalised(period).toLowerCase()}`,
    columns: [{ label: 'Kø' }, ...METRIC_COLUMNS],
    rows: byQueue.map((m) => ({ cells: [text(m.queue ?? ''), ...metricCells(m)] })),
    provenance: CALL_PROVENANCE,
  };
}

export function complaintsTable(list: Complaint[], period: string): TableBlock {
  return {
    kind: 'table',
    id: 'service-complaints',
    caption: `Kundeklager, ${formatMonthCapitalised(period).toLowerCase()}`,
    columns: [{ label: 'Dato' }, { label: 'Kunde' }, { label: 'Kategori' }, { label: 'Status' }, { label: 'Sammendrag' }],
    rows: list.map((c) => ({ cells: [text(c.date), text(c.customer), text(c.category), text(c.status), text(c.summary)] })),
    provenance: { importKinds: ['complaints'], rules: [] },
  };
}

const when = (ms: number) => localDateTimeOf(ms).replace('T', ' ');

export function outagesTable(outages: Outage[], period: string): TableBlock {
  return {
    kind: 'table',
    id: 'service-outages',
    caption: `Avbrudd som berører ${formatMonthCapitalised(period).toLowerCase()}`,
    columns: [
      { label: 'Tjeneste' },
      { label: 'Start' },
      { label: 'Slutt' },
      { label: 'Varighet (min)', align: 'right' },
      { label: 'Type' },
      { label: 'Beskrivelse' },
    ],
    rows: outages.map((o) => ({
      cells: [
        text(o.service),
        text(when(o.startMs)),
        text(when(o.endMs)),
        count((o.endMs - o.startMs) / 60_000),
        text(o.planned ? 'Planlagt' : 'Ikke planlagt'),
        text(o.description),
      ],
    })),
    provenance: { importKinds: ['outages'], rules: [] },
  };
}

export function volumesTable(service: string, vendors: string[], totals: VolumeTotals[]): TableBlock {
  return {
    kind: 'table',
    id: `service-volumes`,
    caption: `${service} per måned og leverandør`,
    columns: [{ label: 'Måned' }, ...vendors.map((v) => ({ label: v, align: 'right' as const })), { label: 'Totalt', align: 'right' }],
    rows: totals.map((t) => ({
      cells: [{ value: t.month, text: formatMonthCapitalised(t.month) }, ...vendors.map((v) => count(t.byVendor[v] ?? 0)), count(t.total)],
    })),
    provenance: { importKinds: ['volumes'], rules: [] },
  };
}

export type { MonthAvailability };
