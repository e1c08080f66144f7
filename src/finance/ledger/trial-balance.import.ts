/**
 * `styrerom import trial-balance <file>`: year;month;account;amount[;cost_centre], the net
 * movement of an account in a month, debit positive. Stored as ledger lines of company '' (a
 * trial balance names no company), so a newer file replaces the months it covers.
 */
import { defineTableImporter } from '../../imports/table-importer.ts';
import type { Problem } from '../../shared/errors.ts';
import type { Ore } from '../../shared/money.ts';
import { lastDayOfMonth, yearMonth } from '../../shared/period.ts';
import { accountField, amountField, monthField, yearField } from '../fields.ts';
import { insertLedgerFile, insertPostings, replaceOlderLedgerData } from './ledger.queries.ts';
import { doubleCountProblems } from './ledger-overlap.ts';
import { loadMapper } from './mapping.queries.ts';

interface TrialBalanceRow {
  year: number;
  month: number;
  account: string;
  amount: Ore;
  costCentre: string | null;
}

export const trialBalanceImporter = defineTableImporter<TrialBalanceRow>({
  kind: 'trial-balance',
  label: 'Saldobalanse per måned (CSV/XLSX)',
  description: 'Trial balance: year;month;account;amount (NOK, debit positive)[;cost_centre]. Replaces the months the file covers.',
  columns: [{ name: 'year' }, { name: 'month' }, { name: 'account' }, { name: 'amount' }, { name: 'cost_centre', required: false }],
  parseRow(record, ctx) {
    const v = record.values;
    const year = yearField(v.year, ctx);
    const month = monthField(v.month, ctx);
    const account = accountField(v.account, ctx);
    const amount = amountField(v.amount, ctx);
    if (year === undefined || month === undefined || account === undefined || amount === undefined) return undefined;
    const cc = (v.cost_centre ?? '').trim();
    return { year, month, account, amount, costCentre: cc === '' ? null : cc };
  },
  async validate(rows, ctx) {
    const mapper = await loadMapper(ctx.trx);
    const seen = new Set<string>();
    // Months that SAF-T postings already cover would be counted twice: refused (ledger-overlap.ts).
    const out: Problem[] = await doubleCountProblems(ctx.trx, {
      importing: 'trial-balance',
      months: rows.map((r) => r.row.year * 100 + r.row.month),
      file: ctx.source.fileName,
    });
    for (const { line, row } of rows) {
      if (seen.has(row.account) || !mapper.isUnmapped(row.account)) continue;
      seen.add(row.account);
      out.push({
        file: ctx.source.fileName,
        line,
        column: 'account',
        message: `konto ${row.account} er ikke knyttet til noen rapportkategori; legg til en regel i kategoritilordningen`,
        messageEn: `account ${row.account} matches no category rule`,
        severity: 'warning' as const,
      });
    }
    return out;
  },
  async write(trx, rows, ctx) {
    if (rows.length === 0) return;
    const keys = rows.map((r) => r.year * 100 + r.month);
    const firstPeriod = Math.min(...keys);
    const lastPeriod = Math.max(...keys);
    const fileId = await insertLedgerFile(trx, {
      import_run_id: ctx.runId,
      source: 'trial-balance',
      company_id: '',
      company_name: null,
      first_period: firstPeriod,
      last_period: lastPeriod,
      audit_file_version: null,
      shape: 'csv',
      file_name: ctx.source.fileName,
      imported_at: ctx.now,
    });
    await insertPostings(
      trx,
      rows.map((r) => {
        const month = yearMonth(r.year, r.month);
        return {
          ledger_file_id: fileId,
          account_id: r.account,
          period: r.year * 100 + r.month,
          transaction_date: lastDayOfMonth(month),
          amount: r.amount,
          analysis: r.costCentre ? JSON.stringify([{ type: 'cost_centre', id: r.costCentre }]) : null,
        };
      }),
    );
    await replaceOlderLedgerData(trx, { fileId, companyId: '', firstPeriod, lastPeriod });
  },
});
