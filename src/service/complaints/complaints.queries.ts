import type { Db } from '../../storage/db.ts';
import type { Complaint } from './complaints.ts';

/** The same complaint (date, customer, category, summary) again updates its status. */
export async function upsertComplaints(trx: Db, rows: readonly Complaint[], runId: number): Promise<void> {
  for (const r of rows) {
    await trx
      .insertInto('service_complaints')
      .values({ ...r, import_run_id: runId })
      .onConflict((oc) => oc.columns(['date', 'customer', 'category', 'summary']).doUpdateSet({ status: r.status, import_run_id: runId }))
      .execute();
  }
}

export async function findComplaints(db: Db, options: { fromDate: string; toDate: string }): Promise<Complaint[]> {
  const rows = await db
    .selectFrom('service_complaints')
    .select(['date', 'customer', 'category', 'status', 'summary'])
    .where('date', '>=', options.fromDate)
    .where('date', '<=', options.toDate)
    .orderBy('date')
    .execute();
  return rows;
}
