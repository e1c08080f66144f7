import type { Db } from '../../storage/db.ts';
import type { VolumeRecord } from './volumes.ts';

/** A (month, service, vendor) count already stored is replaced: the newest file is the truth. */
export async function upsertVolumes(trx: Db, rows: readonly VolumeRecord[], runId: number): Promise<void> {
  for (const r of rows) {
    await trx
      .insertInto('service_volumes')
      .values({ month: r.month, service: r.service, vendor: r.vendor, count: r.count, import_run_id: runId })
      .onConflict((oc) => oc.columns(['month', 'service', 'vendor']).doUpdateSet({ count: r.count, import_run_id: runId }))
      .execute();
  }
}

export async function findVolumes(db: Db, options: { fromMonth: string; toMonth: string; service?: string }): Promise<VolumeRecord[]> {
  let q = db.selectFrom('service_volumes').selectAll().where('month', '>=', options.fromMonth).where('month', '<=', options.toMonth);
  if (options.service) q = q.where('service', '=', options.service);
  const rows = await q.orderBy('month').execute();
  return rows.map((r) => ({ month: r.month, service: r.service, vendor: r.vendor, count: r.count }));
}

export async function listVolumeServices(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('service_volumes').select('service').distinct().orderBy('service').execute();
  return rows.map((r) => r.service);
}
