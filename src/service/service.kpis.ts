/** The service domain's KPIs: service desk (SL, ASA, abandon rate), complaints and availability per service. */
import type { KpiDefinition } from '../kpi/kpi.ts';
import { firstDayOfMonth, lastDayOfMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { monthAvailability } from './availability/availability.figures.ts';
import { monthCallMetrics } from './calls/calls.figures.ts';
import type { CallMetrics } from './calls/calls.ts';
import { findComplaints } from './complaints/complaints.queries.ts';
import { type ServiceSettings, serviceSlug } from './service-settings.ts';
import { findVolumes } from './volumes/volumes.queries.ts';

async function hasImported(db: Db, kind: string): Promise<boolean> {
  const r = await db.selectFrom('import_runs').select('id').where('kind', '=', kind).where('status', '=', 'succeeded').executeTakeFirst();
  return r !== undefined;
}

export function serviceKpis(settings: ServiceSettings): KpiDefinition[] {
  const desk = (
    id: string,
    label: string,
    unit: 'percent' | 'seconds',
    pick: (m: CallMetrics) => number | null,
    target?: KpiDefinition['target'],
  ) => ({
    id: `service.desk.${id}`,
    label,
    unit,
    decimals: 1,
    ...(target ? { target } : {}),
    async compute(ctx: { db: Db; period: string }) {
      const m = await monthCallMetrics(ctx.db, { period: ctx.period, settings });
      return m.offered + m.outbound === 0 ? null : pick(m);
    },
  });
  const availability = settings.availabilityServices.map(
    (service): KpiDefinition => ({
      id: `service.availability.${serviceSlug(service)}`,
      label: `Tilgjengelighet ${service}`,
      unit: 'percent',
      decimals: 2,
      target: settings.availabilityTarget,
      async compute(ctx) {
        const a = await monthAvailability(ctx.db, ctx.period);
        return a.services.find((s) => s.service === service)?.availability ?? null;
      },
    }),
  );
  const volumes = settings.volumeFigures.map(
    (f): KpiDefinition => ({
      id: `service.volume.${serviceSlug(f.service)}`,
      label: `Antall ${f.label}`,
      unit: 'count',
      decimals: 0,
      async compute(ctx) {
        const rows = await findVolumes(ctx.db, { fromMonth: ctx.period, toMonth: ctx.period, service: f.service });
        return rows.length === 0 ? null : rows.reduce((sum, r) => sum + r.count, 0);
      },
    }),
  );
  return [
    desk(
      'serviceLevel',
      `Servicenivå 1. linje (besvart innen ${settings.thresholdSeconds} s)`,
      'percent',
      (m) => m.serviceLevel,
      settings.serviceLevelTarget,
    ),
    desk('asa', 'Gjennomsnittlig svartid', 'seconds', (m) => m.averageSpeedOfAnswer),
    desk('abandonRate', 'Tapte anrop', 'percent', (m) => m.abandonRate),
    {
      id: 'service.complaints',
      label: 'Kundeklager',
      unit: 'count',
      decimals: 0,
      async compute(ctx) {
        if (!(await hasImported(ctx.db, 'complaints'))) return null;
        const list = await findComplaints(ctx.db, { fromDate: firstDayOfMonth(ctx.period), toDate: lastDayOfMonth(ctx.period) });
        return list.length;
      },
    },
    ...availability,
    ...volumes,
  ];
}
