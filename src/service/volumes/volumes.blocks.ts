/** Monthly volumes in the report: one figure per configured service (`service-volume-<slug>`), per vendor. */
import type { FigureBlock, ReportBlockProvider } from '../../report/blocks.ts';
import { formatNumber } from '../../shared/format.ts';
import { addMonths, type YearMonth } from '../../shared/period.ts';
import { renderChart } from '../../web/charts.ts';
import { type ServiceSettings, serviceSlug } from '../service-settings.ts';
import { findVolumes } from './volumes.queries.ts';
import { type VolumeRecord, vendorsOf, volumesByMonth } from './volumes.ts';

type VolumeFigure = ServiceSettings['volumeFigures'][number];

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}

export function volumeFigure(records: VolumeRecord[], f: VolumeFigure, period: YearMonth): FigureBlock {
  const months = Array.from({ length: f.months }, (_, i) => addMonths(period, i - f.months + 1));
  const vendors = vendorsOf(records, f.service);
  const totals = volumesByMonth(records, f.service, months);
  const last = totals[totals.length - 1];
  const capital = f.label.charAt(0).toUpperCase() + f.label.slice(1);
  return {
    kind: 'figure',
    id: `service-volume-${serviceSlug(f.service)}`,
    caption: `Antall ${f.label} med løsningene fra ${joinNames(vendors)} de siste ${f.months} månedene`,
    svg: renderChart({
      kind: 'bar',
      title: `${capital} per måned og leverandør`,
      categories: months,
      series: vendors.map((v) => ({ name: v, values: totals.map((t) => t.byVendor[v] ?? 0), stack: 'total' })),
      decimals: 0,
      yMin: 0,
    }),
    data: {
      columns: ['Måned', ...vendors, 'Totalt'],
      rows: totals.map((t) => [t.month, ...vendors.map((v) => t.byVendor[v] ?? 0), t.total]),
    },
    note: `${capital} i siste måned: ${formatNumber(last?.total ?? 0, 0)} totalt.`,
    provenance: { importKinds: ['volumes'], rules: [] },
  };
}

export function volumeReportBlocks(settings: ServiceSettings): ReportBlockProvider[] {
  return settings.volumeFigures.map((f) => ({
    id: `service-volume-${serviceSlug(f.service)}`,
    async build(ctx) {
      const records = await findVolumes(ctx.db, {
        fromMonth: addMonths(ctx.period, 1 - f.months),
        toMonth: ctx.period,
        service: f.service,
      });
      return records.length > 0 ? [volumeFigure(records, f, ctx.period)] : [];
    },
  }));
}
