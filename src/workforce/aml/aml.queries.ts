/** Data access for the AML engine: writing imported records and streaming histories per employee. */
import { sql } from 'kysely';
import type { Db } from '../../storage/db.ts';
import { recordKey, type TimeRecordRow } from '../time-records/time-records.parse.ts';
import type { EmployeeHistory } from './aml.ts';
import type { Dispensation, TimeRecord } from './aml-model.ts';
import type { DispensationRow } from './dispensations.parse.ts';

const CHUNK = 500;

/**
 * Inserts records; a record already stored (same idempotency key) is not doubled, and keeps the
 * earlier of its two registration instants.
 */
export async function upsertTimeRecords(db: Db, rows: TimeRecordRow[], runId: number): Promise<number> {
  const unique = new Map<string, TimeRecordRow>();
  for (const r of rows) {
    const key = recordKey(r);
    const seen = unique.get(key);
    if (!seen || r.registeredMs < seen.registeredMs) unique.set(key, r);
  }
  const values = [...unique].map(([key, r]) => ({
    employee_id: r.employeeId,
    start_ms: r.startMs,
    end_ms: r.endMs,
    kind: r.kind,
    cause: r.cause,
    registered_ms: r.registeredMs,
    record_key: key,
    import_run_id: runId,
  }));
  for (let i = 0; i < values.length; i += CHUNK) {
    await db
      .insertInto('time_records')
      .values(values.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .column('record_key')
          .doUpdateSet({ registered_ms: (eb) => eb.ref('excluded.registered_ms') })
          .where('time_records.registered_ms', '>', sql<number>`excluded.registered_ms`),
      )
      .execute();
  }
  return values.length;
}

export async function insertDispensations(db: Db, rows: DispensationRow[], runId: number): Promise<void> {
  const values = rows.map((r) => ({
    employee_id: r.employeeId,
    type: r.type,
    valid_from: r.validFrom,
    valid_to: r.validTo,
    dispensation_key: `${r.employeeId}|${r.type}|${r.validFrom}|${r.validTo ?? ''}`,
    import_run_id: runId,
  }));
  for (let i = 0; i < values.length; i += CHUNK) {
    await db
      .insertInto('dispensations')
      .values(values.slice(i, i + CHUNK))
      .onConflict((oc) => oc.column('dispensation_key').doNothing())
      .execute();
  }
}

export interface HistoryWindow {
  /** Overtime and call-outs starting in [fromMs, toMs) are loaded, ordinary work from fullFromMs. */
  fromMs: number;
  fullFromMs: number;
  toMs: number;
  /** Only records registered at or before this instant (epoch ms). */
  knownAt?: number | undefined;
  /** Employees per query (memory is bounded by this many histories). Default 100. */
  chunkSize?: number;
}

/** Ids of the employees evaluated (not exempt), sorted. */
export async function evaluatedEmployeeIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('employees')
    .select(['employee_id', 'exempt', 'valid_from'])
    .orderBy('employee_id')
    .orderBy('valid_from')
    .execute();
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.employee_id, Number(r.exempt));
  return [...latest].filter(([, exempt]) => exempt !== 1).map(([id]) => id);
}

function toRecord(r: {
  start_ms: number;
  end_ms: number;
  kind: TimeRecord['kind'];
  cause: string | null;
  registered_ms: number;
}): TimeRecord {
  return { start: Number(r.start_ms), end: Number(r.end_ms), kind: r.kind, cause: r.cause, registeredAt: Number(r.registered_ms) };
}

/**
 * Yields one employee's history at a time (records of the window plus dispensations), loading a
 * chunk of employees per query so memory is bounded by the chunk, not the organisation.
 */
export async function* streamHistories(db: Db, window: HistoryWindow): AsyncGenerator<EmployeeHistory> {
  const ids = await evaluatedEmployeeIds(db);
  const chunkSize = window.chunkSize ?? 100;
  for (let i = 0; i < ids.length; i += chunkSize) {
    const chunk = ids.slice(i, i + chunkSize);
    let q = db
      .selectFrom('time_records')
      .select(['employee_id', 'start_ms', 'end_ms', 'kind', 'cause', 'registered_ms'])
      .where('employee_id', 'in', chunk)
      .where('start_ms', '>=', window.fromMs)
      .where('start_ms', '<', window.toMs)
      .where((eb) => eb.or([eb('start_ms', '>=', window.fullFromMs), eb('kind', '!=', 'ordinary')]));
    if (window.knownAt !== undefined) q = q.where('registered_ms', '<=', window.knownAt);
    const byEmployee = new Map<string, TimeRecord[]>();
    for (const r of await q.execute()) {
      const list = byEmployee.get(r.employee_id);
      if (list) list.push(toRecord(r));
      else byEmployee.set(r.employee_id, [toRecord(r)]);
    }
    const disp = await db
      .selectFrom('dispensations')
      .select(['employee_id', 'type', 'valid_from', 'valid_to'])
      .where('employee_id', 'in', chunk)
      .execute();
    const dispensations = new Map<string, Dispensation[]>();
    for (const d of disp) {
      const list = dispensations.get(d.employee_id) ?? [];
      list.push({ type: d.type, from: d.valid_from, to: d.valid_to });
      dispensations.set(d.employee_id, list);
    }
    for (const employeeId of chunk) {
      yield { employeeId, records: byEmployee.get(employeeId) ?? [], dispensations: dispensations.get(employeeId) ?? [] };
    }
  }
}
