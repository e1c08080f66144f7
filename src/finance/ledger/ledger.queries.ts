/** Data access for the imported general ledger (tables in ledger.table.ts). */
import { type Insertable, sql } from 'kysely';
import type { Ore } from '../../shared/money.ts';
import type { IsoDate, YearMonth } from '../../shared/period.ts';
import { type BulkValue, bulkInsert, bulkInsertFlat } from '../../storage/bulk-insert.ts';
import type { Database } from '../../storage/database.ts';
import type { Db } from '../../storage/db.ts';
import { accountNumber } from '../categories.ts';
import {
  type LedgerAccountTable,
  type LedgerCustomerTable,
  type LedgerFileTable,
  type LedgerPostingTable,
  POSTING_COLUMNS,
} from './ledger.table.ts';

export { POSTING_COLUMNS };

/** Accounts 1900–1999: bank deposits and cash (spec §6). */
export const BANK_ACCOUNTS = { from: 1900, to: 1999 } as const;

/** year*100 + period of the calendar month a date falls in. */
export function periodKeyOfDate(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
}

/** The month a period reports in: period 0 (opening entries) → January, 13 (closing entries) → December. */
export function monthOfPeriodKey(key: number): YearMonth {
  const year = Math.floor(key / 100);
  const p = Math.min(12, Math.max(1, key % 100));
  return `${year}-${String(p).padStart(2, '0')}`;
}

/** The period keys whose postings report in months from..to (January includes period 0, December 13). */
export function periodRangeOfMonths(from: YearMonth, to: YearMonth): { first: number; last: number } {
  const first = Number(from.slice(0, 4)) * 100 + Number(from.slice(5, 7));
  const last = Number(to.slice(0, 4)) * 100 + Number(to.slice(5, 7));
  return { first: first % 100 === 1 ? first - 1 : first, last: last % 100 === 12 ? last + 1 : last };
}

function toOre(value: unknown): Ore {
  return value === null || value === undefined ? 0 : Number(value);
}

function inRange(accountId: string, range: { from: number; to: number }): boolean {
  const n = accountNumber(accountId);
  return n !== null && n >= range.from && n <= range.to;
}

/**
 * Sum of the balances of accounts `from`–`to` (numeric account ids, inclusive) at the end of
 * `date`, over every company in the ledger: for each company, the opening balance of the newest
 * ledger file starting at or before the date's month, plus every posting from that file's first
 * period up to and including the date.
 */
export async function balanceAt(db: Db, options: { date: IsoDate; from: number; to: number }): Promise<Ore> {
  const key = periodKeyOfDate(options.date);
  const files = await db
    .selectFrom('ledger_files')
    .select(['id', 'company_id', 'first_period', 'replaced_by_id'])
    .orderBy('company_id')
    .orderBy('first_period', 'desc')
    .orderBy('id', 'desc')
    .execute();
  let total = 0;
  for (const companyId of new Set(files.map((f) => f.company_id))) {
    const own = files.filter((f) => f.company_id === companyId);
    const base = own.find((f) => f.replaced_by_id === null && f.first_period <= key);
    if (!base) continue;
    const opening = await db
      .selectFrom('ledger_accounts')
      .select(['account_id', (eb) => eb.fn.sum<number>('opening_balance').as('sum')])
      .where('ledger_file_id', '=', base.id)
      .where('account_number', '>=', options.from)
      .where('account_number', '<=', options.to)
      .groupBy('account_id')
      .execute();
    const moved = await db
      .selectFrom('ledger_postings')
      .select(['account_id', (eb) => eb.fn.sum<number>('amount').as('sum')])
      .where(
        'ledger_file_id',
        'in',
        own.map((f) => f.id),
      )
      .where('period', '>=', base.first_period)
      .where('transaction_date', '<=', options.date)
      .groupBy('account_id')
      .execute();
    for (const r of [...opening, ...moved]) if (inRange(r.account_id, options)) total += toOre(r.sum);
  }
  return total;
}

/** Liquidity: bank accounts 1900–1999 at the end of `date` (opening balance + movements), in øre. */
export function bankBalanceAt(db: Db, options: { date: IsoDate }): Promise<Ore> {
  return balanceAt(db, { date: options.date, ...BANK_ACCOUNTS });
}

/** True when any ledger data reaches the month (so a 0 balance is a real 0, not "no data"). */
export async function hasLedgerDataFor(db: Db, options: { month: YearMonth }): Promise<boolean> {
  const key = periodKeyOfDate(`${options.month}-01`);
  const row = await db
    .selectFrom('ledger_files')
    .select('id')
    .where('replaced_by_id', 'is', null)
    .where('first_period', '<=', key)
    .where('last_period', '>=', key)
    .executeTakeFirst();
  return row !== undefined;
}

export interface AccountMonthAmount {
  accountId: string;
  month: YearMonth;
  /** Øre, debit positive. */
  amount: Ore;
}

/**
 * Net movement per account and month for months `from`..`to` (inclusive), all companies. With
 * `knownAt`, as the ledger stood at that instant: files imported by then, plus the postings that a
 * later import has since replaced (kept as sums in ledger_replaced_sums).
 */
export async function monthlyMovements(
  db: Db,
  options: { from: YearMonth; to: YearMonth; knownAt?: string },
): Promise<AccountMonthAmount[]> {
  const { first, last } = periodRangeOfMonths(options.from, options.to);
  const known = options.knownAt === undefined ? undefined : new Date(options.knownAt).toISOString();
  let filesQuery = db.selectFrom('ledger_files').select('id').where('first_period', '<=', last).where('last_period', '>=', first);
  if (known !== undefined) filesQuery = filesQuery.where('imported_at', '<=', known);
  const files = await filesQuery.execute();
  if (files.length === 0) return [];
  const replaced =
    known === undefined
      ? []
      : await db
          .selectFrom('ledger_replaced_sums')
          .select(['account_id', 'period', (eb) => eb.fn.sum<number>('amount').as('amount')])
          .where(
            'ledger_file_id',
            'in',
            files.map((f) => f.id),
          )
          .where('replaced_at', '>', known)
          .where('period', '>=', first)
          .where('period', '<=', last)
          .groupBy(['account_id', 'period'])
          .execute();
  const current = await db
    .selectFrom('ledger_postings')
    .select(['account_id', 'period', (eb) => eb.fn.sum<number>('amount').as('amount')])
    .where(
      'ledger_file_id',
      'in',
      files.map((f) => f.id),
    )
    .where('period', '>=', first)
    .where('period', '<=', last)
    .groupBy(['account_id', 'period'])
    .execute();
  const sums = new Map<string, AccountMonthAmount>();
  for (const r of [...current, ...replaced]) {
    const month = monthOfPeriodKey(r.period);
    const k = `${r.account_id}|${month}`;
    const hit = sums.get(k);
    if (hit) hit.amount += toOre(r.amount);
    else sums.set(k, { accountId: r.account_id, month, amount: toOre(r.amount) });
  }
  return [...sums.values()].sort((a, b) => a.accountId.localeCompare(b.accountId) || a.month.localeCompare(b.month));
}

/** Descriptions of every account known from current ledger files (the newest description wins). */
export async function accountDescriptions(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('ledger_accounts')
    .innerJoin('ledger_files', 'ledger_files.id', 'ledger_accounts.ledger_file_id')
    .select(['ledger_accounts.account_id', 'ledger_accounts.description'])
    .where('ledger_files.replaced_by_id', 'is', null)
    .orderBy('ledger_files.id')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (r.description) out.set(r.account_id, r.description);
  return out;
}

// ---------- writing (used by the SAF-T and trial balance importers, inside the import transaction) ----------

export async function insertLedgerFile(trx: Db, row: Insertable<LedgerFileTable>): Promise<number> {
  const r = await trx.insertInto('ledger_files').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Multi-row inserts in chunks that stay under every dialect's bound-parameter limit. */
async function insertChunked<T extends 'ledger_accounts' | 'ledger_customers'>(
  trx: Db,
  table: T,
  rows: Insertable<Database[T]>[],
  columns: number,
): Promise<void> {
  const size = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < rows.length; i += size) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

export type PostingTuple = BulkValue[];
export type NewPosting = Insertable<LedgerPostingTable>;

export function insertPostingTuples(trx: Db, rows: readonly PostingTuple[]): Promise<void> {
  return bulkInsert(trx, 'ledger_postings', POSTING_COLUMNS, rows);
}

/** Postings flattened row after row in POSTING_COLUMNS order (what the SAF-T reader produces). */
export function insertPostingValues(trx: Db, values: readonly BulkValue[]): Promise<void> {
  return bulkInsertFlat(trx, 'ledger_postings', POSTING_COLUMNS, values);
}

export function insertPostings(trx: Db, rows: NewPosting[]): Promise<void> {
  return insertPostingTuples(
    trx,
    rows.map((r) => POSTING_COLUMNS.map((c) => (r[c] ?? null) as BulkValue)),
  );
}

export function insertLedgerAccounts(trx: Db, rows: Insertable<LedgerAccountTable>[]): Promise<void> {
  return insertChunked(trx, 'ledger_accounts', rows, 10);
}

export function insertLedgerCustomers(trx: Db, rows: Insertable<LedgerCustomerTable>[]): Promise<void> {
  return insertChunked(trx, 'ledger_customers', rows, 8);
}

/**
 * A newer file for the same company replaces the range it covers: postings of the company's other
 * files in first..last are deleted, and files lying wholly inside the range are marked replaced.
 * Returns the number of postings removed.
 */
export async function replaceOlderLedgerData(
  trx: Db,
  options: { fileId: number; companyId: string; firstPeriod: number; lastPeriod: number },
): Promise<number> {
  const older = await trx
    .selectFrom('ledger_files')
    .select('id')
    .where('company_id', '=', options.companyId)
    .where('id', '<>', options.fileId)
    .where('first_period', '<=', options.lastPeriod)
    .where('last_period', '>=', options.firstPeriod)
    .execute();
  if (older.length === 0) return 0;
  // Keep what is deleted as monthly sums per file and account (one INSERT…SELECT), so the result of
  // a month stays computable as it was known before this import.
  const replacing = await trx.selectFrom('ledger_files').select('imported_at').where('id', '=', options.fileId).executeTakeFirstOrThrow();
  await trx
    .insertInto('ledger_replaced_sums')
    .columns(['ledger_file_id', 'replaced_by_file_id', 'replaced_at', 'account_id', 'period', 'amount'])
    .expression(
      trx
        .selectFrom('ledger_postings')
        .select((eb) => [
          'ledger_file_id',
          sql<number>`CAST(${options.fileId} AS integer)`.as('replaced_by_file_id'),
          sql<string>`CAST(${replacing.imported_at} AS text)`.as('replaced_at'),
          'account_id',
          'period',
          eb.fn.sum<number>('amount').as('amount'),
        ])
        .where(
          'ledger_file_id',
          'in',
          older.map((f) => f.id),
        )
        .where('period', '>=', options.firstPeriod)
        .where('period', '<=', options.lastPeriod)
        .groupBy(['ledger_file_id', 'account_id', 'period']),
    )
    .execute();
  const deleted = await trx
    .deleteFrom('ledger_postings')
    .where(
      'ledger_file_id',
      'in',
      older.map((f) => f.id),
    )
    .where('period', '>=', options.firstPeriod)
    .where('period', '<=', options.lastPeriod)
    .executeTakeFirst();
  await trx
    .updateTable('ledger_files')
    .set({ replaced_by_id: options.fileId })
    .where('company_id', '=', options.companyId)
    .where('id', '<>', options.fileId)
    .where('replaced_by_id', 'is', null)
    .where('first_period', '>=', options.firstPeriod)
    .where('last_period', '<=', options.lastPeriod)
    .execute();
  return Number(deleted.numDeletedRows);
}

/** Records a file's detected shape and its range once all postings are read. */
export async function setLedgerFileShapeAndRange(
  trx: Db,
  options: { fileId: number; shape: string; firstPeriod: number; lastPeriod: number },
): Promise<void> {
  await trx
    .updateTable('ledger_files')
    .set({ shape: options.shape, first_period: options.firstPeriod, last_period: options.lastPeriod })
    .where('id', '=', options.fileId)
    .execute();
}
