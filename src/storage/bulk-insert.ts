/**
 * Fast inserts of many rows (SAF-T files reach millions of postings). On SQLite the rows go
 * through one cached prepared statement on the raw better-sqlite3 connection: SQLite has a single
 * connection, so inside a Kysely transaction callback they land in that transaction (and roll
 * back with it). On PostgreSQL they are multi-row INSERTs through Kysely. Dialect knowledge stays
 * here, in storage/.
 */
import type SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';

const handles = new WeakMap<object, SQLite.Database>();
const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/** Called by openDatabase: lets bulkInsert find the raw connection of a Kysely instance (or its transactions). */
export function registerSqliteHandle(db: Kysely<any>, handle: SQLite.Database): void {
  handles.set(db.getExecutor().adapter, handle);
}

function statement(handle: SQLite.Database, sql: string): SQLite.Statement {
  let cache = statements.get(handle);
  if (!cache) {
    cache = new Map();
    statements.set(handle, cache);
  }
  let st = cache.get(sql);
  if (!st) {
    st = handle.prepare(sql);
    cache.set(sql, st);
  }
  return st;
}

export type BulkValue = string | number | null;

/**
 * Runs `write` (synchronous statements on `handle`) with SQLite's temporary storage in memory. A
 * multi-row INSERT inside a transaction keeps a statement journal (the pages it changes, to undo
 * the statement alone); by default that journal spills to a temporary file, so every statement
 * costs a few page writes to disk: a quarter of all writes of a large import. In memory it holds
 * the pages one statement touches (a few hundred KB). The setting is restored afterwards, so large
 * sorts elsewhere still spill to disk instead of growing memory.
 */
function withStatementJournalInMemory(handle: SQLite.Database, write: () => void): void {
  const before = handle.pragma('temp_store', { simple: true }) as number;
  if (before === 2) {
    write();
    return;
  }
  handle.pragma('temp_store = MEMORY');
  try {
    write();
  } finally {
    handle.pragma(`temp_store = ${before}`);
  }
}

/**
 * Values per multi-row SQLite statement (well below SQLite's 32 766 variables). Statements get
 * their values as arguments (`run(...values)`), not as one array: better-sqlite3 reads an array
 * element by element through V8's generic property lookup, arguments directly (a sixth less CPU
 * for the writing thread of a large import).
 */
const SQLITE_GROUP_VALUES = 1200;

function insertSql(table: string, columns: readonly string[], rows: number): string {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows }, () => row).join(', ')}`;
}

/** Inserts `rows` (values in `columns` order). Call inside a transaction for all-or-nothing writes. */
export async function bulkInsert(
  db: Kysely<any>,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly BulkValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const handle = handles.get(db.getExecutor().adapter);
  if (handle) {
    const st = statement(handle, insertSql(table, columns, 1));
    for (const row of rows) st.run(...row);
    return;
  }
  const size = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += size) {
    const values = rows.slice(i, i + size).map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j] ?? null])));
    await db.insertInto(table).values(values).execute();
  }
}

export interface BulkInsertOptions {
  /**
   * An upsert: the `on conflict (…) do …` clause (SQL text, the same in both dialects) appended to
   * each multi-row INSERT. Keys must be unique within one call (PostgreSQL updates a row once per
   * statement).
   */
  onConflict?: string;
}

/**
 * Like bulkInsert, with the rows flattened into one array (row after row, `columns.length` values
 * each): large producers (and threads passing them) then handle one array instead of one per row.
 */
export async function bulkInsertFlat(
  db: Kysely<any>,
  table: string,
  columns: readonly string[],
  values: readonly BulkValue[],
  options: BulkInsertOptions = {},
): Promise<void> {
  const width = columns.length;
  if (options.onConflict !== undefined) return upsertFlat(db, table, columns, values, options.onConflict);
  if (values.length % width !== 0) throw new RangeError(`bulkInsertFlat: ${values.length} values is not a multiple of ${width} columns`);
  const handle = handles.get(db.getExecutor().adapter);
  if (handle) {
    // Whole groups of rows through one multi-row statement (a third less CPU than row by row: fewer
    // calls into SQLite and the native binding), the rest row by row.
    const group = Math.max(1, Math.floor(SQLITE_GROUP_VALUES / width));
    const many = statement(handle, insertSql(table, columns, group));
    const step = group * width;
    withStatementJournalInMemory(handle, () => {
      let i = 0;
      for (; i + step <= values.length; i += step) many.run(...values.slice(i, i + step));
      if (i < values.length) {
        const one = statement(handle, insertSql(table, columns, 1));
        for (; i < values.length; i += width) one.run(...values.slice(i, i + width));
      }
    });
    return;
  }
  const rows: BulkValue[][] = [];
  for (let i = 0; i < values.length; i += width) rows.push(values.slice(i, i + width));
  await bulkInsert(db, table, columns, rows);
}

/** bulkInsertFlat with an `on conflict` clause: multi-row prepared statements on SQLite, multi-row SQL on PostgreSQL. */
async function upsertFlat(
  db: Kysely<any>,
  table: string,
  columns: readonly string[],
  values: readonly BulkValue[],
  onConflict: string,
): Promise<void> {
  const width = columns.length;
  const handle = handles.get(db.getExecutor().adapter);
  const group = Math.max(1, Math.floor((handle ? SQLITE_GROUP_VALUES : 30_000) / width));
  const step = group * width;
  if (handle) {
    withStatementJournalInMemory(handle, () => {
      for (let i = 0; i < values.length; i += step) {
        const part = values.slice(i, i + step) as BulkValue[];
        statement(handle, `${insertSql(table, columns, part.length / width)} ${onConflict}`).run(...part);
      }
    });
    return;
  }
  for (let i = 0; i < values.length; i += step) {
    const part = values.slice(i, i + step) as BulkValue[];
    const rows = [];
    for (let r = 0; r < part.length; r += width) rows.push(sql`(${sql.join(part.slice(r, r + width))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(rows)} ${sql.raw(onConflict)}`.execute(
      db,
    );
  }
}

/** Rows that write themselves into a statement's parameters (no array of all values in between). */
export interface RowSource {
  count: number;
  /** Writes row `row`'s values, in `columns` order, into `target` from `offset` on. */
  fill(target: BulkValue[], offset: number, row: number): void;
}

/** A value as an SQL literal (the same in both dialects). */
function literal(v: string | number | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`bulkUpsertRows: ${v} is not a literal`);
    return String(v);
  }
  return `'${v.replaceAll("'", "''")}'`;
}

/**
 * An upsert of many rows (`onConflict` as in BulkInsertOptions) where some columns have one value
 * for all rows (`fixed`, written into the SQL text) and the rest come from `rows.fill`. On SQLite
 * the rows are written straight into the parameter array of one cached multi-row prepared
 * statement: for millions of rows this costs about a third less than bulkInsertFlat (no flat array,
 * fewer values bound).
 */
export async function bulkUpsertRows(
  db: Kysely<any>,
  table: string,
  columns: readonly string[],
  fixed: Readonly<Record<string, string | number | null>>,
  rows: RowSource,
  onConflict: string,
): Promise<void> {
  if (rows.count === 0) return;
  const width = columns.length;
  const handle = handles.get(db.getExecutor().adapter);
  if (!handle) {
    const fixedValues = Object.values(fixed);
    const all = [...columns, ...Object.keys(fixed)];
    const values: BulkValue[] = new Array(rows.count * all.length);
    const row: BulkValue[] = new Array(width);
    for (let r = 0, j = 0; r < rows.count; r++) {
      rows.fill(row, 0, r);
      for (const v of row) values[j++] = v;
      for (const v of fixedValues) values[j++] = v;
    }
    return upsertFlat(db, table, all, values, onConflict);
  }
  const names = [...columns, ...Object.keys(fixed)].map((c) => `"${c}"`).join(', ');
  const rowSql = `(${[...columns.map(() => '?'), ...Object.values(fixed).map(literal)].join(', ')})`;
  const statementFor = (n: number) =>
    statement(handle, `insert into "${table}" (${names}) values ${Array.from({ length: n }, () => rowSql).join(', ')} ${onConflict}`);
  const group = Math.max(1, Math.floor(SQLITE_GROUP_VALUES / width));
  withStatementJournalInMemory(handle, () => {
    let r = 0;
    if (rows.count >= group) {
      const many = statementFor(group);
      const params: BulkValue[] = new Array(group * width);
      for (; r + group <= rows.count; r += group) {
        for (let k = 0; k < group; k++) rows.fill(params, k * width, r + k);
        many.run(...params);
      }
    }
    if (r < rows.count) {
      const one = statementFor(1);
      const params: BulkValue[] = new Array(width);
      for (; r < rows.count; r++) {
        rows.fill(params, 0, r);
        one.run(...params);
      }
    }
  });
}
