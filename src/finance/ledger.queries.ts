/** Data access for the imported general ledger (tables in ledger.table.ts). */
import type { Insertable } from 'kysely';
import type { Ore } from '../shared/money.ts';
import type { IsoDate, YearMonth } from '../shared/period.ts';
import type { Database } from '../storage/database.ts';
import type { Db } from '../storage/db.ts';
import type { LedgerAccountTable, LedgerCustomerTable, LedgerFileTable, LedgerLineTable } from './ledger.table.ts';

/** Accounts 1900–1999: bank deposits and cash (spec §6). */
export const BANK_ACCOUNTS = { from: 1900, to: 1999 } as const;

/** year*100 + period of the calendar month a date falls in. */
export function periodKeyOfDate(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
}

function toOre(value: unknown): Ore {
  return value === null || value === undefined ? 0 : Number(value);
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
    .select(['id', 'company_id', 'first_period'])
    .where('replaced_by_id', 'is', null)
    .where('first_period', '<=', key)
    .orderBy('company_id')
    .orderBy('first_period', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const bases = new Map<string, { id: number; first_period: number }>();
  for (const f of files) if (!bases.has(f.company_id)) bases.set(f.company_id, f);
  let total = 0;
  for (const [companyId, base] of bases) {
    const opening = await db
      .selectFrom('ledger_accounts')
      .select((eb) => eb.fn.sum<number>('opening_balance').as('sum'))
      .where('ledger_file_id', '=', base.id)
      .where('account_number', '>=', options.from)
      .where('account_number', '<=', options.to)
      .executeTakeFirst();
    const moved = await db
      .selectFrom('ledger_lines')
      .select((eb) => eb.fn.sum<number>('amount').as('sum'))
      .where('company_id', '=', companyId)
      .where('period', '>=', base.first_period)
      .where('transaction_date', '<=', options.date)
      .where('account_number', '>=', options.from)
      .where('account_number', '<=', options.to)
      .executeTakeFirst();
    total += toOre(opening?.sum) + toOre(moved?.sum);
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
  accountNumber: number | null;
  month: YearMonth;
  /** Øre, debit positive. */
  amount: Ore;
}

/** Net movement per account and month for months `from`..`to` (inclusive), all companies. */
export async function monthlyMovements(db: Db, options: { from: YearMonth; to: YearMonth }): Promise<AccountMonthAmount[]> {
  const rows = await db
    .selectFrom('ledger_lines')
    .select(['account_id', 'account_number', 'month', (eb) => eb.fn.sum<number>('amount').as('amount')])
    .where('month', '>=', options.from)
    .where('month', '<=', options.to)
    .groupBy(['account_id', 'account_number', 'month'])
    .orderBy('account_id')
    .orderBy('month')
    .execute();
  return rows.map((r) => ({ accountId: r.account_id, accountNumber: r.account_number, month: r.month, amount: toOre(r.amount) }));
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

export type NewLedgerLine = Insertable<LedgerLineTable>;

export async function insertLedgerFile(trx: Db, row: Insertable<LedgerFileTable>): Promise<number> {
  const r = await trx.insertInto('ledger_files').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Multi-row inserts in chunks that stay under every dialect's bound-parameter limit. */
async function insertChunked<T extends 'ledger_lines' | 'ledger_accounts' | 'ledger_customers'>(
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

export function insertLedgerLines(trx: Db, rows: NewLedgerLine[]): Promise<void> {
  return insertChunked(trx, 'ledger_lines', rows, 15);
}

export function insertLedgerAccounts(trx: Db, rows: Insertable<LedgerAccountTable>[]): Promise<void> {
  return insertChunked(trx, 'ledger_accounts', rows, 10);
}

export function insertLedgerCustomers(trx: Db, rows: Insertable<LedgerCustomerTable>[]): Promise<void> {
  return insertChunked(trx, 'ledger_customers', rows, 8);
}

/**
 * A newer file for the same company replaces the range it covers: postings of older files in
 * first..last are deleted, and older files lying wholly inside the range are marked replaced.
 * Returns the number of postings removed.
 */
export async function replaceOlderLedgerData(
  trx: Db,
  options: { fileId: number; companyId: string; firstPeriod: number; lastPeriod: number },
): Promise<number> {
  const deleted = await trx
    .deleteFrom('ledger_lines')
    .where('company_id', '=', options.companyId)
    .where('ledger_file_id', '<>', options.fileId)
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
