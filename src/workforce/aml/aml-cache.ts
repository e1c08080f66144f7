/**
 * A small memo for database evaluations: the KPIs, report blocks, API and page ask for the same
 * month many times in a row. Entries are keyed by the latest successful import run, so any new
 * import invalidates them.
 */
import type { Db } from '../../storage/db.ts';
import type { AmlQuery } from './aml.service.ts';
import { type AmlSettings, type Breach, DEFAULT_AML_SETTINGS } from './aml-model.ts';
import { dayStartMs, isoToDay } from './rules/aml-time.ts';

const MAX_ENTRIES = 24;
const memo = new WeakMap<Db, Map<string, Promise<Breach[][]>>>();

async function importStamp(db: Db): Promise<string> {
  const row = await db
    .selectFrom('import_runs')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('status', '=', 'succeeded')
    .executeTakeFirst();
  return String(row?.id ?? 0);
}

export async function cached(
  db: Db,
  label: string,
  queries: AmlQuery[],
  settings: AmlSettings,
  run: () => Promise<Breach[][]>,
): Promise<Breach[][]> {
  if (settings !== DEFAULT_AML_SETTINGS) return run();
  const key = `${await importStamp(db)}|${label}|${JSON.stringify(queries)}`;
  let entries = memo.get(db);
  if (!entries) {
    entries = new Map();
    memo.set(db, entries);
  }
  const hit = entries.get(key);
  if (hit) return hit;
  const promise = run();
  entries.set(key, promise);
  promise.catch(() => entries.delete(key));
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return promise;
}

/** Whether any time record starts in [from, to] (dates, inclusive). */
export async function hasTimeRecords(db: Db, range: { from: string; to: string }): Promise<boolean> {
  const row = await db
    .selectFrom('time_records')
    .select('id')
    .where('start_ms', '>=', dayStartMs(isoToDay(range.from)))
    .where('start_ms', '<', dayStartMs(isoToDay(range.to) + 1))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
