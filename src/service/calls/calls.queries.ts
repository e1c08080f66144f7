/** Storing and reading calls. Imports merge into `service_calls` so that overlapping files count once. */
import { type BulkValue, bulkInsertFlat, bulkUpsertRows } from '../../storage/bulk-insert.ts';
import type { Db } from '../../storage/db.ts';
import type { CallRecord, OutcomeEvent } from './calls.ts';
import { OUTCOME_BY_CODE } from './queue-log.ts';
import { type CallBatch, keysOf } from './queue-log-batch.ts';

export interface StoredCall extends CallRecord {
  talkSeconds: number | null;
}

/** The columns of a call row, in the order mergeCallValues takes them. */
export const CALL_COLUMNS = [
  'call_id',
  'queue',
  'direction',
  'entered_at',
  'outcome',
  'outcome_at',
  'wait_seconds',
  'talk_seconds',
  'import_run_id',
] as const;

const EARLIER_OUTCOME =
  'excluded.outcome_at is not null and (service_calls.outcome_at is null or excluded.outcome_at < service_calls.outcome_at)';

/** The upsert that merges a call into `service_calls`: earliest entry, earliest outcome (the rule of mergeCallState). */
const MERGE_CALL = `on conflict (call_id, queue) do update set
  entered_at = case
    when service_calls.entered_at is null then excluded.entered_at
    when excluded.entered_at is not null and excluded.entered_at < service_calls.entered_at then excluded.entered_at
    else service_calls.entered_at end,
  outcome = case when ${EARLIER_OUTCOME} then excluded.outcome else service_calls.outcome end,
  wait_seconds = case when ${EARLIER_OUTCOME} then excluded.wait_seconds else service_calls.wait_seconds end,
  talk_seconds = case when ${EARLIER_OUTCOME} then excluded.talk_seconds else service_calls.talk_seconds end,
  outcome_at = case when ${EARLIER_OUTCOME} then excluded.outcome_at else service_calls.outcome_at end,
  import_run_id = excluded.import_run_id`;

/**
 * Merges calls into `service_calls` (call with the same (call_id, queue): earliest entry, earliest
 * outcome), the same rule as mergeCallState. Keys must be unique within one call of this function.
 */
export async function mergeCalls(
  trx: Db,
  calls: readonly (Omit<StoredCall, 'direction' | 'talkSeconds'> & Partial<Pick<StoredCall, 'direction' | 'talkSeconds'>>)[],
  runId: number,
): Promise<void> {
  const values: BulkValue[] = [];
  for (const c of calls) {
    values.push(c.callId, c.queue, c.direction ?? 'in', c.enteredAt, c.outcome, c.outcomeAt, c.waitSeconds, c.talkSeconds ?? null, runId);
  }
  await mergeCallValues(trx, values);
}

/**
 * mergeCalls for rows already flat, in CALL_COLUMNS order: one multi-row upsert per group of rows
 * (prepared statements on SQLite), no staging table.
 */
export async function mergeCallValues(trx: Db, values: readonly BulkValue[]): Promise<void> {
  if (values.length === 0) return;
  await bulkInsertFlat(trx, 'service_calls', CALL_COLUMNS, values, { onConflict: MERGE_CALL });
}

const BATCH_COLUMNS = ['call_id', 'queue', 'entered_at', 'outcome', 'outcome_at', 'wait_seconds', 'import_run_id'] as const;

/**
 * mergeCalls for a queue_log batch (inbound calls, no talk time), its rows written straight from
 * the batch's columns into the statements' parameters.
 */
export async function mergeCallBatch(trx: Db, batch: CallBatch, runId: number): Promise<void> {
  const { idStart, idEnd, queueOf, queues, entered, outcome, outcomeAt, wait } = batch;
  const keys = keysOf(batch);
  await bulkUpsertRows(
    trx,
    'service_calls',
    BATCH_COLUMNS,
    { direction: 'in', talk_seconds: null },
    {
      count: batch.count,
      fill(target, j, s) {
        const code = outcome[s] as number;
        const e = entered[s] as number;
        target[j] = keys.slice(idStart[s], idEnd[s]);
        target[j + 1] = queues[queueOf[s] as number] as string;
        target[j + 2] = Number.isNaN(e) ? null : e;
        target[j + 3] = OUTCOME_BY_CODE[code] ?? null;
        target[j + 4] = code === 0 ? null : (outcomeAt[s] as number);
        target[j + 5] = code === 0 ? null : (wait[s] as number);
        target[j + 6] = runId;
      },
    },
    MERGE_CALL,
  );
}

/** Calls touched by an import that still have no ENTERQUEUE in all imported data. */
export async function countCallsWithoutEntry(db: Db, runId: number): Promise<number> {
  const r = await db
    .selectFrom('service_calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('import_run_id', '=', runId)
    .where('entered_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Calls entered (or started) in [startMs, endMs); optionally one queue. */
export async function findCalls(db: Db, options: { startMs: number; endMs: number; queue?: string | null }): Promise<StoredCall[]> {
  let q = db
    .selectFrom('service_calls')
    .select(['call_id', 'queue', 'direction', 'entered_at', 'outcome', 'outcome_at', 'wait_seconds', 'talk_seconds'])
    .where('entered_at', '>=', Math.ceil(options.startMs / 1000))
    .where('entered_at', '<', Math.ceil(options.endMs / 1000));
  if (options.queue) q = q.where('queue', '=', options.queue);
  const rows = await q.execute();
  return rows.map((r) => ({
    callId: r.call_id,
    queue: r.queue,
    direction: r.direction,
    enteredAt: r.entered_at === null ? null : Number(r.entered_at),
    outcome: r.outcome as OutcomeEvent | null,
    outcomeAt: r.outcome_at === null ? null : Number(r.outcome_at),
    waitSeconds: r.wait_seconds,
    talkSeconds: r.talk_seconds,
  }));
}

/** Every queue with calls, sorted. */
export async function listQueues(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('service_calls').select('queue').distinct().orderBy('queue').execute();
  return rows.map((r) => r.queue);
}
