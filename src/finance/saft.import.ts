/**
 * `styrerom import saf-t <file.xml>`: streams a SAF-T Financial file into the ledger tables.
 * Checks: every transaction balances (error), opening + movements = closing per account
 * (warning), header totals (warning), accounts without a report category (warning, listed in the
 * web app), and for 1.30 files accounts whose GroupingCode implies another category (warning).
 * A newer file for the same company replaces the periods it covers.
 */
import { problem } from '../imports/decode.ts';
import type { ImportContext, Importer } from '../imports/imports.ts';
import { AppError, type Problem } from '../shared/errors.ts';
import { formatNumber } from '../shared/format.ts';
import type { Ore } from '../shared/money.ts';
import { accountNumber, type CategoryMapper, categoriesAgree, isBalanceSheet } from './categories.ts';
import {
  insertLedgerAccounts,
  insertLedgerCustomers,
  insertLedgerFile,
  insertLedgerLines,
  type NewLedgerLine,
  replaceOlderLedgerData,
  setLedgerFileShapeAndRange,
} from './ledger.queries.ts';
import { loadMapper } from './mapping.queries.ts';
import { readSaft, type SaftAccount, type SaftCustomer, type SaftHeader, type SaftTotals, type SaftTransaction } from './saft.parse.ts';

const FLUSH_LINES = 2000;
const MAX_ERRORS = 200;
const MAX_WARNINGS_PER_KIND = 50;

export const saftImporter: Importer = {
  kind: 'saf-t',
  label: 'SAF-T Financial (hovedbok)',
  description: 'SAF-T Financial (Norway) 1.10/1.20/1.30 XML: accounts, balances, customers and every general ledger line',
  run: (ctx) => new SaftImport(ctx).run(),
};

/** Øre → "1 234,50" for messages. */
function nok(ore: Ore): string {
  return formatNumber(ore / 100, 2);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A cheap YYYY-MM-DD check (runs once per transaction of files with millions of lines). */
export function isPlausibleDate(text: string | null): text is string {
  if (text === null || text.length !== 10 || text[4] !== '-' || text[7] !== '-') return false;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && !leap ? 28 : (DAYS_IN_MONTH[m - 1] ?? 0));
}

/** Month a period reports in: period 0 (opening entries) → January, 13 (closing entries) → December. */
export function monthOfPeriod(year: number, period: number): string {
  return `${year}-${String(Math.min(12, Math.max(1, period))).padStart(2, '0')}`;
}

class SaftImport {
  private readonly file: string;
  private mapper!: CategoryMapper;
  private header: SaftHeader | undefined;
  private fileId: number | undefined;
  private readonly accounts: SaftAccount[] = [];
  private readonly customers: SaftCustomer[] = [];
  private pending: NewLedgerLine[] = [];
  private readonly moved = new Map<string, Ore>();
  private totals: SaftTotals | undefined;
  private debit = 0;
  private credit = 0;
  private lines = 0;
  private transactions = 0;
  private minPeriod = Number.POSITIVE_INFINITY;
  private maxPeriod = Number.NEGATIVE_INFINITY;
  private errors = 0;
  private readonly warningCounts = new Map<string, number>();

  constructor(private readonly ctx: ImportContext) {
    this.file = ctx.source.fileName;
  }

  private error(message: string, messageEn: string, where: { line?: number; column?: string } = {}): void {
    this.errors++;
    if (this.errors > MAX_ERRORS) {
      throw new AppError('IMPORT_FAILED', `${this.file}: for mange feil (too many errors)`, {
        problems: [
          problem(this.file, `mer enn ${MAX_ERRORS} feil; lesingen ble stoppet`, `more than ${MAX_ERRORS} errors; reading stopped`),
        ],
      });
    }
    this.ctx.report(problem(this.file, message, messageEn, where));
  }

  private warn(kind: string, message: string, messageEn: string, where: { line?: number; column?: string } = {}): void {
    const n = (this.warningCounts.get(kind) ?? 0) + 1;
    this.warningCounts.set(kind, n);
    if (n <= MAX_WARNINGS_PER_KIND) this.ctx.report(problem(this.file, message, messageEn, { ...where, severity: 'warning' }));
  }

  async run(): Promise<number> {
    this.mapper = await loadMapper(this.ctx.trx);
    await readSaft({
      fileName: this.file,
      path: this.ctx.source.path,
      progress: (done, total) => this.ctx.progress(done, total),
      afterChunk: () => this.afterChunk(),
      handlers: {
        header: (h) => {
          this.header = h;
        },
        account: (a) => this.accounts.push(a),
        customer: (c) => this.customers.push(c),
        transaction: (t) => this.transaction(t),
        totals: (t) => {
          this.totals = t;
        },
        problem: (p: Problem) => {
          if (p.severity === 'error') this.error(p.message, p.messageEn, { line: p.line, column: p.column });
          else this.ctx.report(p);
        },
      },
    });
    if (!this.header) {
      this.error('fila mangler Header', 'the file has no Header');
      return 0;
    }
    await this.afterChunk();
    await this.flush();
    if (this.errors > 0 || this.fileId === undefined) return 0;
    await this.finish(this.fileId, this.header);
    return this.lines;
  }

  private async afterChunk(): Promise<void> {
    if (this.fileId === undefined && this.header && this.errors === 0) {
      const h = this.header;
      if (!h.companyId)
        this.error('Header/Company/RegistrationNumber mangler', 'Header/Company/RegistrationNumber is missing', {
          column: 'RegistrationNumber',
        });
      this.fileId = await insertLedgerFile(this.ctx.trx, {
        import_run_id: this.ctx.runId,
        source: 'saf-t',
        company_id: h.companyId ?? '',
        company_name: h.companyName,
        first_period: h.selectionStart ?? 0,
        last_period: h.selectionEnd ?? 0,
        audit_file_version: h.auditFileVersion,
        shape: 'unknown',
        file_name: this.file,
        imported_at: this.ctx.now,
      });
    }
    if (this.pending.length >= FLUSH_LINES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0 || this.fileId === undefined) return;
    const rows = this.pending;
    this.pending = [];
    if (this.errors > 0) return;
    for (const r of rows) r.ledger_file_id = this.fileId;
    await insertLedgerLines(this.ctx.trx, rows);
  }

  private transaction(t: SaftTransaction): void {
    this.transactions++;
    const where = { line: t.line, column: 'Transaction' };
    const label = `bilag ${t.transactionId ?? '?'}${t.journalId ? ` (journal ${t.journalId})` : ''}`;
    const labelEn = `transaction ${t.transactionId ?? '?'}${t.journalId ? ` (journal ${t.journalId})` : ''}`;
    if (!this.header) {
      this.error('posteringer før Header', 'transactions before the Header', where);
      return;
    }
    let ok = true;
    const { period, periodYear } = t;
    if (period === null || period > 13 || periodYear === null || periodYear < 1900 || periodYear > 2999) {
      this.error(`${label}: Period må være 0–13 og PeriodYear et årstall`, `${labelEn}: Period must be 0-13 and PeriodYear a year`, {
        line: t.line,
        column: 'Period',
      });
      ok = false;
    }
    if (!isPlausibleDate(t.transactionDate)) {
      this.error(`${label}: ugyldig TransactionDate «${t.transactionDate ?? ''}»`, `${labelEn}: invalid TransactionDate`, {
        line: t.line,
        column: 'TransactionDate',
      });
      ok = false;
    }
    let sum = 0;
    let debit = 0;
    for (const l of t.lines) {
      if (!l.accountId) {
        this.error(`${label}: linje uten AccountID`, `${labelEn}: line without AccountID`, { line: l.line, column: 'AccountID' });
        ok = false;
      }
      if (l.amount === null) {
        this.error(`${label}: linje uten DebitAmount eller CreditAmount`, `${labelEn}: line without DebitAmount or CreditAmount`, {
          line: l.line,
          column: 'DebitAmount/CreditAmount',
        });
        ok = false;
      } else {
        sum += l.amount;
        if (l.amount > 0) debit += l.amount;
      }
    }
    if (ok && sum !== 0) {
      this.error(
        `${label} balanserer ikke: debet ${nok(debit)} og kredit ${nok(debit - sum)} (differanse ${nok(sum)})`,
        `${labelEn} does not balance: debit ${debit / 100}, credit ${(debit - sum) / 100} (difference ${sum / 100})`,
        where,
      );
      ok = false;
    }
    if (t.lines.length === 0) this.warn('empty', `${label} har ingen linjer`, `${labelEn} has no lines`, where);
    if (!ok || period === null || periodYear === null || this.errors > 0) return;
    const key = periodYear * 100 + period;
    if (key < this.minPeriod) this.minPeriod = key;
    if (key > this.maxPeriod) this.maxPeriod = key;
    const month = monthOfPeriod(periodYear, period);
    const companyId = this.header.companyId ?? '';
    for (const l of t.lines) {
      const amount = l.amount ?? 0;
      const accountId = l.accountId ?? '';
      this.lines++;
      if (amount > 0) this.debit += amount;
      else this.credit -= amount;
      this.moved.set(accountId, (this.moved.get(accountId) ?? 0) + amount);
      this.pending.push({
        ledger_file_id: 0,
        company_id: companyId,
        account_id: accountId,
        account_number: accountNumber(accountId),
        period: key,
        month,
        transaction_date: t.transactionDate ?? '',
        amount,
        journal_id: t.journalId,
        transaction_id: t.transactionId,
        record_id: l.recordId,
        description: l.description ?? t.description,
        customer_id: l.customerId,
        supplier_id: l.supplierId,
        analysis: l.analysis.length > 0 ? JSON.stringify(l.analysis) : null,
      });
    }
  }

  private async finish(fileId: number, header: SaftHeader): Promise<void> {
    const companyId = header.companyId ?? '';
    await insertLedgerAccounts(
      this.ctx.trx,
      this.accounts.map((a) => ({
        ledger_file_id: fileId,
        company_id: companyId,
        account_id: a.accountId,
        account_number: accountNumber(a.accountId),
        description: a.description,
        standard_account_id: a.standardAccountId,
        grouping_category: a.groupingCategory,
        grouping_code: a.groupingCode,
        opening_balance: a.opening,
        closing_balance: a.closing,
      })),
    );
    await insertLedgerCustomers(
      this.ctx.trx,
      this.customers.map((c) => ({
        ledger_file_id: fileId,
        company_id: companyId,
        customer_id: c.customerId,
        name: c.name,
        registration_number: c.registrationNumber,
        account_id: c.accountId,
        opening_balance: c.opening,
        closing_balance: c.closing,
      })),
    );
    this.checkBalances();
    this.checkTotals();
    this.checkMapping();
    const shape = this.accounts.some((a) => a.groupingCategory || a.groupingCode)
      ? '1.30'
      : this.accounts.some((a) => a.standardAccountId)
        ? '1.10'
        : (header.auditFileVersion ?? 'unknown');
    const range = fileRange(header, this.minPeriod, this.maxPeriod);
    await setLedgerFileShapeAndRange(this.ctx.trx, { fileId, shape, ...range });
    await replaceOlderLedgerData(this.ctx.trx, { fileId, companyId, ...range });
  }

  private checkBalances(): void {
    const known = new Set<string>();
    for (const a of this.accounts) {
      known.add(a.accountId);
      if (a.opening === null || a.closing === null) continue;
      const moved = this.moved.get(a.accountId) ?? 0;
      if (a.opening + moved !== a.closing) {
        this.warn(
          'balance',
          `konto ${a.accountId}: inngående saldo ${nok(a.opening)} + bevegelser ${nok(moved)} ≠ utgående saldo ${nok(a.closing)}`,
          `account ${a.accountId}: opening ${a.opening / 100} + movements ${moved / 100} != closing ${a.closing / 100}`,
          { line: a.line, column: 'ClosingBalance' },
        );
      }
    }
    for (const id of this.moved.keys()) {
      if (!known.has(id))
        this.warn(
          'unknown-account',
          `konto ${id} har posteringer, men står ikke i kontoplanen (GeneralLedgerAccounts)`,
          `account ${id} has postings but is not in GeneralLedgerAccounts`,
          {
            column: 'AccountID',
          },
        );
    }
  }

  private checkTotals(): void {
    const t = this.totals;
    if (!t) return;
    if ((t.totalDebit !== null && t.totalDebit !== this.debit) || (t.totalCredit !== null && t.totalCredit !== this.credit)) {
      this.warn(
        'totals',
        `TotalDebit/TotalCredit (${nok(t.totalDebit ?? 0)}/${nok(t.totalCredit ?? 0)}) stemmer ikke med linjene (${nok(this.debit)}/${nok(this.credit)})`,
        `TotalDebit/TotalCredit do not match the lines`,
        { column: 'TotalDebit' },
      );
    }
    if (t.numberOfEntries !== null && t.numberOfEntries !== this.transactions) {
      this.warn(
        'totals',
        `NumberOfEntries er ${t.numberOfEntries}, men fila har ${this.transactions} bilag`,
        `NumberOfEntries does not match the transactions`,
        {
          column: 'NumberOfEntries',
        },
      );
    }
  }

  private checkMapping(): void {
    const descriptions = new Map(this.accounts.map((a) => [a.accountId, a.description ?? '']));
    const ids = new Set([...this.accounts.map((a) => a.accountId), ...this.moved.keys()]);
    for (const id of [...ids].sort()) {
      if (this.mapper.isUnmapped(id)) {
        const d = descriptions.get(id);
        this.warn(
          'unmapped',
          `konto ${id}${d ? ` (${d})` : ''} er ikke knyttet til noen rapportkategori; legg til en regel i kategoritilordningen`,
          `account ${id} matches no category rule`,
          { column: 'AccountID' },
        );
      }
    }
    for (const a of this.accounts) {
      if (!a.groupingCode || isBalanceSheet(a.accountId)) continue;
      const own = this.mapper.rangeCategoryOf(a.accountId);
      const byCode = this.mapper.rangeCategoryOf(a.groupingCode);
      if (!categoriesAgree(own, byCode)) {
        this.warn(
          'grouping',
          `konto ${a.accountId} hører til «${own ?? 'ingen kategori'}», men GroupingCode ${a.groupingCode} (${a.groupingCategory ?? ''}) tilsier «${byCode ?? 'ingen kategori'}»`,
          `account ${a.accountId} maps to "${own}" but GroupingCode ${a.groupingCode} implies "${byCode}"`,
          { line: a.line, column: 'GroupingCode' },
        );
      }
    }
  }
}

/**
 * The periods a file covers: its SelectionCriteria widened to every posting it holds. A selection
 * starting in period 1 also covers period 0 (opening entries); one ending in 12 also covers 13.
 */
export function fileRange(header: SaftHeader, minPeriod: number, maxPeriod: number): { firstPeriod: number; lastPeriod: number } {
  let first = header.selectionStart ?? minPeriod;
  let last = header.selectionEnd ?? maxPeriod;
  if (first % 100 === 1) first -= 1;
  if (last % 100 === 12) last += 1;
  if (Number.isFinite(minPeriod)) first = Math.min(first, minPeriod);
  if (Number.isFinite(maxPeriod)) last = Math.max(last, maxPeriod);
  if (!Number.isFinite(first) || !Number.isFinite(last)) return { firstPeriod: 0, lastPeriod: 0 };
  return { firstPeriod: first, lastPeriod: last };
}
