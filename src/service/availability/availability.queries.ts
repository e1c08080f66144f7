/** Outages and agreed service time in storage. */
import type { Db } from '../../storage/db.ts';
import type { Outage } from './availability.ts';
import type { ServiceWindow } from './service-time.ts';

/** Adds outages; one already stored (same service, start, end and planned flag) is updated, not doubled. */
export async function upsertOutages(trx: Db, outages: readonly Outage[], runId: number): Promise<void> {
  for (const o of outages) {
    await trx
      .insertInto('service_outages')
      .values({
        service: o.service,
        start_ms: o.startMs,
        end_ms: o.endMs,
        planned: o.planned ? 1 : 0,
        description: o.description,
        import_run_id: runId,
      })
      .onConflict((oc) =>
        oc.columns(['service', 'start_ms', 'end_ms', 'planned']).doUpdateSet({ description: o.description, import_run_id: runId }),
      )
      .execute();
  }
}

export async function findOutages(db: Db, options: { fromMs?: number; toMs?: number } = {}): Promise<Outage[]> {
  let q = db.selectFrom('service_outages').selectAll();
  if (options.toMs !== undefined) q = q.where('start_ms', '<', options.toMs);
  if (options.fromMs !== undefined) q = q.where('end_ms', '>', options.fromMs);
  const rows = await q.orderBy('start_ms').execute();
  return rows.map((r) => ({
    service: r.service,
    startMs: Number(r.start_ms),
    endMs: Number(r.end_ms),
    planned: r.planned === 1,
    description: r.description,
  }));
}

/** Every service that has outages at any time. */
export async function listOutageServices(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('service_outages').select('service').distinct().execute();
  return rows.map((r) => r.service);
}

/** A file's windows replace those of the services it names. */
export async function replaceServiceHours(trx: Db, rows: readonly (ServiceWindow & { service: string })[], runId: number): Promise<void> {
  const services = [...new Set(rows.map((r) => r.service))];
  if (services.length > 0) await trx.deleteFrom('service_hours').where('service', 'in', services).execute();
  for (const r of rows) {
    await trx
      .insertInto('service_hours')
      .values({ service: r.service, weekday: r.weekday, from_minute: r.fromMinute, to_minute: r.toMinute, import_run_id: runId })
      .execute();
  }
}

export async function findServiceHours(db: Db): Promise<Map<string, ServiceWindow[]>> {
  const rows = await db.selectFrom('service_hours').selectAll().orderBy('service').orderBy('weekday').orderBy('from_minute').execute();
  const out = new Map<string, ServiceWindow[]>();
  for (const r of rows) {
    const list = out.get(r.service) ?? [];
    list.push({ weekday: r.weekday, fromMinute: r.from_minute, toMinute: r.to_minute });
    out.set(r.service, list);
  }
  return out;
}
