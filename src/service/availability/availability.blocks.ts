/**
 * Availability in the monthly report: one table of every service (`service-availability`) and one
 * status block per reported service (`service-status-<slug>`): the uptime and the unplanned
 * outages of the month, or "Ingen rapportert nedetid" when the data hold none.
 */
import { kpiStatus } from '../../kpi/kpi.ts';
import type { KpiLinesBlock, ReportBlockContext, ReportBlockProvider, TableBlock } from '../../report/blocks.ts';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import { localDateTimeOf } from '../../shared/period.ts';
import { type ServiceSettings, serviceSlug } from '../service-settings.ts';
import { type MonthAvailability, monthAvailability } from './availability.figures.ts';
import type { Outage } from './availability.ts';

export const NO_DOWNTIME = 'Ingen rapportert nedetid';
export const AVAILABILITY_RULE =
  'Tilgjengelighet = (avtalt tjenestetid − planlagt nedetid − ikke planlagt nedetid) / (avtalt tjenestetid − planlagt nedetid) × 100, ' +
  'i måneden etter norsk tid. Overlappende avbrudd telles én gang.';

const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, 2));
const when = (ms: number) => localDateTimeOf(ms).replace('T', ' kl. ');

/** "2025-05-05 kl. 10:00–2025-05-05 kl. 10:30 (Linjebrudd)" */
export function outageText(o: Outage): string {
  return `${when(o.startMs)}–${when(o.endMs)}${o.description ? ` (${o.description})` : ''}`;
}

export function unplannedText(s: MonthAvailability['services'][number]): string {
  return s.unplannedOutages.length === 0 ? NO_DOWNTIME : s.unplannedOutages.map(outageText).join('; ');
}

export function availabilityTable(a: MonthAvailability): TableBlock {
  const minutes = (v: number) => ({ value: v, text: formatNumber(v, 0) });
  return {
    kind: 'table',
    id: 'service-availability',
    caption: 'Tilgjengelighet per tjeneste i måneden',
    columns: [
      { label: 'Tjeneste' },
      { label: 'Avtalt tid (min)', align: 'right' },
      { label: 'Planlagt nedetid (min)', align: 'right' },
      { label: 'Ikke planlagt nedetid (min)', align: 'right' },
      { label: 'Tilgjengelighet', align: 'right' },
      { label: 'Ikke planlagte avbrudd' },
    ],
    rows: a.services.map((s) => ({
      cells: [
        { value: s.service, text: s.service },
        minutes(s.agreedMinutes),
        minutes(s.plannedMinutes),
        minutes(s.unplannedMinutes),
        { value: s.availability, text: pct(s.availability) },
        { value: unplannedText(s), text: unplannedText(s) },
      ],
    })),
    note: AVAILABILITY_RULE,
    provenance: { importKinds: ['outages', 'service-hours'], rules: [AVAILABILITY_RULE] },
  };
}

export function statusBlock(s: MonthAvailability['services'][number], settings: ServiceSettings): KpiLinesBlock {
  return {
    kind: 'kpis',
    id: `service-status-${serviceSlug(s.service)}`,
    title: s.service,
    items: [
      { label: 'Oppetid', text: pct(s.availability), status: kpiStatus(settings.availabilityTarget, s.availability) },
      { label: 'Ikke planlagt nedetid', text: unplannedText(s), status: 'none' },
    ],
  };
}

export function availabilityReportBlocks(settings: ServiceSettings): ReportBlockProvider[] {
  const cache = new WeakMap<ReportBlockContext, Promise<MonthAvailability>>();
  const month = (ctx: ReportBlockContext) => {
    let p = cache.get(ctx);
    if (!p) {
      p = monthAvailability(ctx.db, ctx.period);
      cache.set(ctx, p);
    }
    return p;
  };
  return [
    {
      id: 'service-availability',
      async build(ctx) {
        const a = await month(ctx);
        return a.services.length > 0 ? [availabilityTable(a)] : [];
      },
    },
    ...settings.availabilityServices.map(
      (service): ReportBlockProvider => ({
        id: `service-status-${serviceSlug(service)}`,
        async build(ctx) {
          const s = (await month(ctx)).services.find((x) => x.service === service);
          return s ? [statusBlock(s, settings)] : [];
        },
      }),
    ),
  ];
}
