/**
 * The reading half of the SAF-T import, free of the database so it can run in a worker thread:
 * streams the file, checks every transaction (period, date, accounts, amounts, debit = credit),
 * packs postings (posting-batch.ts) and hands them to a sink in batches, and
 * returns what the writing half needs for its checks (accounts, customers, totals, movements).
 */
import { problem } from '../../imports/decode.ts';
import { AppError, type Problem } from '../../shared/errors.ts';
import { formatNumber } from '../../shared/format.ts';
import type { Ore } from '../../shared/money.ts';
import { LineIndex } from './line-index.ts';
import { type PackedPostings, PostingPacker } from './posting-batch.ts';
import { type DecodedChunk, readSaft } from './saft.parse.ts';
import type { SaftAccount, SaftCustomer, SaftHeader, SaftTotals, SaftTransaction } from './saft.ts';

export const MAX_ERRORS = 200;
export const MAX_WARNINGS_PER_KIND = 50;

export interface SaftReadSink {
  /** Once, when the Header has been read (before any postings). */
  header(h: SaftHeader): void;
  /** A batch of postings (unpackPostings gives the rows). Awaited: the reader waits while the sink writes. */
  postings(batch: PackedPostings): Promise<void>;
  problem(p: Problem): void;
  progress(done: number, total: number): void;
}

export interface SaftReadSummary {
  header: SaftHeader | null;
  accounts: (Omit<SaftAccount, 'at'> & { line: number })[];
  customers: Omit<SaftCustomer, 'at'>[];
  totals: SaftTotals | null;
  /** Net movement per account over the file (øre). */
  moved: [string, Ore][];
  debit: Ore;
  credit: Ore;
  lines: number;
  transactions: number;
  /** Lowest and highest period key of the postings; null without postings. */
  minPeriod: number | null;
  maxPeriod: number | null;
  errors: number;
}

/** Øre → "1 234,50" for messages. */
export function nok(ore: Ore): string {
  return formatNumber(ore / 100, 2);
}

const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A cheap YYYY-MM-DD check (runs once per transaction of files with millions of lines). */
export function isPlausibleDate(text: string | null): text is string {
  if (text === null || text.length !== 10 || text[4] !== '-' || text[7] !== '-') return false;
  const digit = (i: number) => text.charCodeAt(i) - 48;
  let allDigits = true;
  for (const i of DATE_DIGITS) if (digit(i) < 0 || digit(i) > 9) allDigits = false;
  // Digits only (the usual case): computed without substrings; otherwise as Number() reads them.
  const y = allDigits ? digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3) : Number(text.slice(0, 4));
  const m = allDigits ? digit(5) * 10 + digit(6) : Number(text.slice(5, 7));
  const d = allDigits ? digit(8) * 10 + digit(9) : Number(text.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && !leap ? 28 : (DAYS_IN_MONTH[m - 1] ?? 0));
}

class SaftFileReader {
  private readonly lineIndex = new LineIndex();
  private header: SaftHeader | null = null;
  private headerSent = false;
  private readonly accounts: SaftReadSummary['accounts'] = [];
  private readonly customers: SaftReadSummary['customers'] = [];
  private totals: SaftTotals | null = null;
  private readonly packer = new PostingPacker();
  /** Net movement per account: slots in a Float64Array (no number boxed per line; sums stay exact below 2^53 øre). */
  private readonly accountSlots = new Map<string, number>();
  private movedSums = new Float64Array(256);
  private debit = 0;
  private credit = 0;
  private lines = 0;
  private transactions = 0;
  private minPeriod = Number.POSITIVE_INFINITY;
  private maxPeriod = Number.NEGATIVE_INFINITY;
  private errors = 0;
  private readonly warnings = new Map<string, number>();

  constructor(
    private readonly options: { path: string; fileName: string; flushLines: number; source: AsyncIterable<DecodedChunk> },
    private readonly sink: SaftReadSink,
  ) {}

  private get file(): string {
    return this.options.fileName;
  }

  private error(message: string, messageEn: string, where: { line?: number | undefined; column?: string | undefined } = {}): void {
    this.errors++;
    if (this.errors > MAX_ERRORS) {
      throw new AppError('IMPORT_FAILED', `${this.file}: for mange feil (too many errors)`, {
        problems: [
          problem(this.file, `mer enn ${MAX_ERRORS} feil; lesingen ble stoppet`, `more than ${MAX_ERRORS} errors; reading stopped`),
        ],
      });
    }
    this.sink.problem(problem(this.file, message, messageEn, where));
  }

  private warn(kind: string, message: string, messageEn: string, where: { line?: number; column?: string } = {}): void {
    const n = (this.warnings.get(kind) ?? 0) + 1;
    this.warnings.set(kind, n);
    if (n <= MAX_WARNINGS_PER_KIND) this.sink.problem(problem(this.file, message, messageEn, { ...where, severity: 'warning' }));
  }

  async read(): Promise<SaftReadSummary> {
    await readSaft({
      fileName: this.file,
      path: this.options.path,
      source: this.options.source,
      lines: this.lineIndex,
      progress: (done, total) => this.sink.progress(done, total),
      afterChunk: () => this.afterChunk(),
      handlers: {
        header: (h) => this.onHeader(h),
        account: ({ at, ...a }) => this.accounts.push({ ...a, line: this.lineIndex.lineAt(at) }),
        customer: ({ at: _at, ...c }) => this.customers.push(c),
        transaction: (t) => this.transaction(t),
        totals: (t) => {
          this.totals = t;
        },
        problem: (p) => {
          if (p.severity === 'error') this.error(p.message, p.messageEn, { line: p.line, column: p.column });
          else this.sink.problem(p);
        },
      },
    });
    if (!this.header) this.error('fila mangler Header', 'the file has no Header');
    await this.flush();
    return {
      header: this.header,
      accounts: this.accounts,
      customers: this.customers,
      totals: this.totals,
      moved: [...this.accountSlots].map(([id, slot]): [string, Ore] => [id, this.movedSums[slot] ?? 0]),
      debit: this.debit,
      credit: this.credit,
      lines: this.lines,
      transactions: this.transactions,
      minPeriod: Number.isFinite(this.minPeriod) ? this.minPeriod : null,
      maxPeriod: Number.isFinite(this.maxPeriod) ? this.maxPeriod : null,
      errors: this.errors,
    };
  }

  private onHeader(h: SaftHeader): void {
    this.header = h;
    if (!h.companyId)
      this.error('Header/Company/RegistrationNumber mangler', 'Header/Company/RegistrationNumber is missing', {
        column: 'RegistrationNumber',
      });
  }

  private async afterChunk(): Promise<void> {
    if (this.packer.count >= this.options.flushLines) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.header && !this.headerSent) {
      this.headerSent = true;
      this.sink.header(this.header);
    }
    const batch = this.packer.take();
    if (batch && this.errors === 0) await this.sink.postings(batch);
  }

  // Problem locations and labels are built only when a problem is reported (no closures per transaction).
  private where(t: SaftTransaction, column = 'Transaction'): { line: number; column: string } {
    return { line: this.lineIndex.lineAt(t.at), column };
  }

  private label(t: SaftTransaction): string {
    return `bilag ${t.transactionId ?? '?'}${t.journalId ? ` (journal ${t.journalId})` : ''}`;
  }

  private labelEn(t: SaftTransaction): string {
    return `transaction ${t.transactionId ?? '?'}${t.journalId ? ` (journal ${t.journalId})` : ''}`;
  }

  private transaction(t: SaftTransaction): void {
    this.transactions++;
    if (!this.header) {
      this.error('posteringer før Header', 'transactions before the Header', this.where(t));
      return;
    }
    let ok = true;
    const { period, periodYear } = t;
    if (period === null || period > 13 || periodYear === null || periodYear < 1900 || periodYear > 2999) {
      this.error(
        `${this.label(t)}: Period må være 0–13 og PeriodYear et årstall`,
        `${this.labelEn(t)}: Period must be 0-13 and PeriodYear a year`,
        this.where(t, 'Period'),
      );
      ok = false;
    }
    if (!isPlausibleDate(t.transactionDate)) {
      this.error(
        `${this.label(t)}: ugyldig TransactionDate «${t.transactionDate ?? ''}»`,
        `${this.labelEn(t)}: invalid TransactionDate`,
        this.where(t, 'TransactionDate'),
      );
      ok = false;
    }
    let sum = 0;
    let debit = 0;
    for (const l of t.lines) {
      if (!l.accountId) {
        this.error(`${this.label(t)}: linje uten AccountID`, `${this.labelEn(t)}: line without AccountID`, {
          line: this.lineIndex.lineAt(l.at),
          column: 'AccountID',
        });
        ok = false;
      }
      if (l.amount === null) {
        this.error(
          `${this.label(t)}: linje uten DebitAmount eller CreditAmount`,
          `${this.labelEn(t)}: line without DebitAmount or CreditAmount`,
          {
            line: this.lineIndex.lineAt(l.at),
            column: 'DebitAmount/CreditAmount',
          },
        );
        ok = false;
      } else {
        sum += l.amount;
        if (l.amount > 0) debit += l.amount;
      }
    }
    if (ok && sum !== 0) {
      this.error(
        `${this.label(t)} balanserer ikke: debet ${nok(debit)} og kredit ${nok(debit - sum)} (differanse ${nok(sum)})`,
        `${this.labelEn(t)} does not balance: debit ${debit / 100}, credit ${(debit - sum) / 100} (difference ${sum / 100})`,
        this.where(t),
      );
      ok = false;
    }
    if (t.lines.length === 0) this.warn('empty', `${this.label(t)} har ingen linjer`, `${this.labelEn(t)} has no lines`, this.where(t));
    if (!ok || period === null || periodYear === null || this.errors > 0) return;
    this.keep(t, periodYear * 100 + period);
  }

  /** Adds a checked transaction's postings to the pending batch and the running totals. */
  private keep(t: SaftTransaction, key: number): void {
    if (key < this.minPeriod) this.minPeriod = key;
    if (key > this.maxPeriod) this.maxPeriod = key;
    const date = t.transactionDate ?? '';
    for (const l of t.lines) {
      const amount = l.amount ?? 0;
      const accountId = l.accountId ?? '';
      this.lines++;
      if (amount > 0) this.debit += amount;
      else this.credit -= amount;
      let slot = this.accountSlots.get(accountId);
      if (slot === undefined) {
        slot = this.accountSlots.size;
        this.accountSlots.set(accountId, slot);
        if (slot >= this.movedSums.length) {
          const grown = new Float64Array(this.movedSums.length * 2);
          grown.set(this.movedSums);
          this.movedSums = grown;
        }
      }
      this.movedSums[slot] = (this.movedSums[slot] ?? 0) + amount;
      this.packer.add(
        accountId,
        key,
        date,
        amount,
        t.journalId,
        t.transactionId,
        l.recordId,
        l.description ?? t.description,
        l.customerId,
        l.supplierId,
        l.analysis.length > 0 ? JSON.stringify(l.analysis) : null,
      );
    }
  }
}

/** Reads a SAF-T file through the sink; throws AppError for unreadable XML or too many errors. */
export function readSaftFile(
  options: { path: string; fileName: string; flushLines?: number; source: AsyncIterable<DecodedChunk> },
  sink: SaftReadSink,
): Promise<SaftReadSummary> {
  return new SaftFileReader({ ...options, flushLines: options.flushLines ?? 2000 }, sink).read();
}
