import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.ts';
import type { Db } from '../../storage/db.ts';
import {
  bankBalanceAt,
  hasLedgerDataFor,
  insertLedgerAccounts,
  insertLedgerFile,
  insertPostings,
  replaceOlderLedgerData,
} from './ledger.queries.ts';

async function file(db: Db, options: { companyId: string; first: number; last: number; bankOpening: number }): Promise<number> {
  const id = await insertLedgerFile(db, {
    import_run_id: 0,
    source: 'saf-t',
    company_id: options.companyId,
    company_name: null,
    first_period: options.first,
    last_period: options.last,
    audit_file_version: '1.30',
    shape: '1.30',
    file_name: 'x.xml',
    imported_at: '2025-06-01T00:00:00.000Z',
  });
  await insertLedgerAccounts(db, [
    { ledger_file_id: id, company_id: options.companyId, account_id: '1920', account_number: 1920, opening_balance: options.bankOpening },
    { ledger_file_id: id, company_id: options.companyId, account_id: '2400', account_number: 2400, opening_balance: -5_000_00 },
  ]);
  return id;
}

function line(fileId: number, account: number, date: string, amount: number) {
  const period = Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
  return { ledger_file_id: fileId, account_id: String(account), period, transaction_date: date, amount };
}

describeEachDialect('bankBalanceAt(db, { date })', (ctx) => {
  it('is 0 with no ledger', async () => {
    expect(await bankBalanceAt(ctx.db, { date: '2025-05-31' })).toBe(0);
    expect(await hasLedgerDataFor(ctx.db, { month: '2025-05' })).toBe(false);
  });

  it('adds movements on accounts 1900–1999 up to and including the date to the opening balance', async () => {
    const a = await file(ctx.db, { companyId: '111', first: 202500, last: 202505, bankOpening: 100_000_00 });
    await insertPostings(ctx.db, [
      line(a, 1920, '2025-01-10', 10_000_00),
      line(a, 1950, '2025-05-31', -2_500_50),
      line(a, 1999, '2025-06-01', 1_00),
      line(a, 2000, '2025-02-01', 999_00),
      line(a, 1899, '2025-02-01', 999_00),
    ]);
    expect(await bankBalanceAt(ctx.db, { date: '2025-05-30' })).toBe(110_000_00);
    expect(await bankBalanceAt(ctx.db, { date: '2025-05-31' })).toBe(107_499_50);
    expect(await hasLedgerDataFor(ctx.db, { month: '2025-05' })).toBe(true);
  });

  it('sums companies, and a newer file replaces the range it covers', async () => {
    const b = await file(ctx.db, { companyId: '222', first: 202500, last: 202505, bankOpening: 1_00 });
    await insertPostings(ctx.db, [line(b, 1920, '2025-03-01', 5_00)]);
    expect(await bankBalanceAt(ctx.db, { date: '2025-05-31' })).toBe(107_499_50 + 6_00);
    const c = await file(ctx.db, { companyId: '222', first: 202500, last: 202506, bankOpening: 2_00 });
    await insertPostings(ctx.db, [line(c, 1920, '2025-03-01', 7_00)]);
    await replaceOlderLedgerData(ctx.db, { fileId: c, companyId: '222', firstPeriod: 202500, lastPeriod: 202506 });
    expect(await bankBalanceAt(ctx.db, { date: '2025-05-31' })).toBe(107_499_50 + 9_00);
  });
});
