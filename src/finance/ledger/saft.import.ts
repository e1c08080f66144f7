/**
 * `styrerom import saf-t <file.xml>`: streams a SAF-T Financial file into the ledger tables.
 * Reading and checking the file is saft.read.ts (in a worker thread for large files, so parsing
 * and database writes overlap); this half writes postings as they come, then the accounts and
 * customers, and checks opening + movements = closing per account (warning), the header totals
 * (warning), accounts without a report category (warning, listed in the web app) and, for 1.30
 * files, GroupingCodes that imply another category (warning). Any error fails the whole import.
 * A newer file for the same company replaces the periods it covers.
 */
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { problem } from '../../imports/decode.ts';
import type { ImportContext, Importer } from '../../imports/imports.ts';
import { AppError, type ErrorCode, type Problem } from '../../shared/errors.ts';
import { accountNumber, type CategoryMapper, categoriesAgree, isBalanceSheet } from '../categories.ts';
import {
  insertLedgerAccounts,
  insertLedgerCustomers,
  insertLedgerFile,
  insertPostingValues,
  replaceOlderLedgerData,
  setLedgerFileShapeAndRange,
} from './ledger.queries.ts';
import { doubleCountProblems, monthsOfRange } from './ledger-overlap.ts';
import { loadMapper } from './mapping.queries.ts';
import { type PackedPostings, unpackPostings } from './posting-batch.ts';
import { type DecodeSaftOptions, decodeSaftFile, type SaftEncoding } from './saft.decode.ts';
import { MAX_WARNINGS_PER_KIND, nok, readSaftFile, type SaftReadSink, type SaftReadSummary } from './saft.read.ts';
import type { SaftHeader } from './saft.ts';

const FLUSH_LINES = 500;
/** Files at least this large are read in a worker thread (its start-up costs a few hundred ms). */
const WORKER_THRESHOLD_BYTES = 16 * 1024 * 1024;
/** Postings batches the worker may send ahead of the database writes. */
const WORKER_WINDOW = 16;
/** Decoded 64 KiB pieces of the file the main thread may hand the worker ahead of its parser. */
const TEXT_WINDOW = 8;

export interface SaftImporterOptions {
  /** 'auto': a worker thread for files ≥ 16 MiB. */
  worker?: 'auto' | 'always' | 'never';
}

export function createSaftImporter(options: SaftImporterOptions = {}): Importer {
  return {
    kind: 'saf-t',
    label: 'SAF-T Financial (hovedbok)',
    description: 'SAF-T Financial (Norway) 1.10/1.20/1.30 XML: accounts, balances, customers and every general ledger line',
    run: (ctx) => new SaftImport(ctx, options.worker ?? 'auto').run(),
    // The file is hashed in the pass that decodes it (no SHA-256 pre-pass).
    hashesSource: true,
  };
}

export const saftImporter: Importer = createSaftImporter();

/**
 * Reads the file in a worker thread, delivering its messages to the sink in order. This thread
 * decodes the file and hands the text over (at most TEXT_WINDOW pieces ahead of the parser), so
 * the worker only parses and checks: three stages on two cores.
 */
function readInWorker(
  options: { path: string; fileName: string },
  decoding: DecodeSaftOptions,
  sink: SaftReadSink,
): Promise<SaftReadSummary> {
  const worker = new Worker(new URL('./saft.worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 192 } });
  return new Promise<SaftReadSummary>((resolve, reject) => {
    let writes = Promise.resolve();
    let settled = false;
    let ahead = 0;
    let pulled: (() => void) | null = null;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      pulled?.();
      fn();
    };
    const fail = (err: unknown) => settle(() => reject(err));
    // Progress is counted here, as the worker pulls the pieces it has parsed (one message fewer per piece).
    const sizes: number[] = [];
    let done = 0;
    let total = 0;
    const feed = async () => {
      total = (await stat(options.path)).size;
      for await (const { text, bytes, breaks } of decodeSaftFile(options.path, options.fileName, decoding)) {
        if (settled) return;
        // The line breaks' positions are moved, not copied (decodeSaftFile always finds them for a piece with bytes).
        worker.postMessage({ type: 'text', text, bytes, breaks }, breaks ? [breaks.buffer as ArrayBuffer] : []);
        sizes.push(bytes);
        ahead++;
        while (ahead >= TEXT_WINDOW && !settled) await new Promise<void>((r) => (pulled = r));
      }
      if (!settled) worker.postMessage({ type: 'end' });
    };
    worker.on('message', (m: { type: string; [k: string]: any }) => {
      if (m.type === 'pull') {
        done += sizes.shift() ?? 0;
        if (done > 0) sink.progress(done, total);
        ahead--;
        pulled?.();
        pulled = null;
      } else if (m.type === 'header') sink.header(m.header);
      else if (m.type === 'problem') sink.problem(m.problem);
      else if (m.type === 'postings')
        writes = writes.then(() => sink.postings(m.batch as PackedPostings)).then(() => worker.postMessage({ type: 'ack' }), fail);
      else if (m.type === 'done') writes.then(() => settle(() => resolve(m.summary as SaftReadSummary)), fail);
      else if (m.type === 'error')
        writes.then(
          () => settle(() => reject(new AppError(m.error.code as ErrorCode, m.error.message, { problems: m.error.problems as Problem[] }))),
          fail,
        );
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new AppError('INTERNAL', `SAF-T-leseren stoppet (worker exit ${code})`)));
    worker.postMessage({ type: 'start', ...options, flushLines: FLUSH_LINES, window: WORKER_WINDOW });
    // A failure here (an unknown encoding, an unreadable file) waits for the writes under way, as the worker's errors do.
    feed().catch((err: unknown) => writes.then(() => fail(err), fail));
  });
}

class SaftImport {
  private readonly file: string;
  private header: SaftHeader | undefined;
  private fileId: number | undefined;
  private errors = 0;
  private readonly warningCounts = new Map<string, number>();

  constructor(
    private readonly ctx: ImportContext,
    private readonly mode: 'auto' | 'always' | 'never',
  ) {
    this.file = ctx.source.fileName;
  }

  private warn(kind: string, message: string, messageEn: string, where: { line?: number; column?: string } = {}): void {
    const n = (this.warningCounts.get(kind) ?? 0) + 1;
    this.warningCounts.set(kind, n);
    if (n <= MAX_WARNINGS_PER_KIND) this.ctx.report(problem(this.file, message, messageEn, { ...where, severity: 'warning' }));
  }

  private async useWorker(): Promise<boolean> {
    if (this.mode !== 'auto') return this.mode === 'always';
    return (await stat(this.ctx.source.path)).size >= WORKER_THRESHOLD_BYTES;
  }

  async run(): Promise<number> {
    const sink: SaftReadSink = {
      header: (h) => {
        this.header = h;
      },
      postings: (batch) => this.write(batch),
      problem: (p) => {
        if (p.severity === 'error') this.errors++;
        this.ctx.report(p);
      },
      progress: (done, total) => this.ctx.progress(done, total),
    };
    const options = { path: this.ctx.source.path, fileName: this.file };
    // This thread reads and decodes the file (and hashes it for runImport) in either case.
    const decoding: DecodeSaftOptions = {
      onBytes: (bytes) => this.ctx.hash(bytes),
      onEncoding: (e) => this.ctx.usedEncoding(describeEncoding(e)),
    };
    const summary = (await this.useWorker())
      ? await readInWorker(options, decoding, sink)
      : await readSaftFile({ ...options, source: decodeSaftFile(options.path, this.file, decoding) }, sink);
    if (summary.errors > 0 || this.errors > 0 || !summary.header) return 0;
    const fileId = await this.ensureFile(summary.header);
    // Only the checks after reading need the category rules: the worker starts without waiting for them.
    await this.finish(fileId, summary, await loadMapper(this.ctx.trx));
    return summary.lines;
  }

  private async ensureFile(h: SaftHeader): Promise<number> {
    this.fileId ??= await insertLedgerFile(this.ctx.trx, {
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
    return this.fileId;
  }

  private async write(batch: PackedPostings): Promise<void> {
    if (!this.header || this.errors > 0) return;
    const fileId = await this.ensureFile(this.header);
    await insertPostingValues(this.ctx.trx, unpackPostings(batch, fileId));
  }

  private async finish(fileId: number, s: SaftReadSummary, mapper: CategoryMapper): Promise<void> {
    const header = s.header as SaftHeader;
    const companyId = header.companyId ?? '';
    await insertLedgerAccounts(
      this.ctx.trx,
      s.accounts.map((a) => ({
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
      s.customers.map((c) => ({
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
    this.checkBalances(s);
    this.checkTotals(s);
    this.checkMapping(s, mapper);
    const shape = s.accounts.some((a) => a.groupingCategory || a.groupingCode)
      ? '1.30'
      : s.accounts.some((a) => a.standardAccountId)
        ? '1.10'
        : (header.auditFileVersion ?? 'unknown');
    const range = fileRange(header, s.minPeriod, s.maxPeriod);
    // Months a trial balance already covers would be counted twice: refused (ledger-overlap.ts).
    const months = s.minPeriod === null || s.maxPeriod === null ? [] : monthsOfRange(s.minPeriod, s.maxPeriod);
    for (const p of await doubleCountProblems(this.ctx.trx, { importing: 'saf-t', months, file: this.file })) this.ctx.report(p);
    await setLedgerFileShapeAndRange(this.ctx.trx, { fileId, shape, ...range });
    await replaceOlderLedgerData(this.ctx.trx, { fileId, companyId, ...range });
  }

  private checkBalances(s: SaftReadSummary): void {
    const moved = new Map(s.moved);
    const known = new Set<string>();
    for (const a of s.accounts) {
      known.add(a.accountId);
      if (a.opening === null || a.closing === null) continue;
      const m = moved.get(a.accountId) ?? 0;
      if (a.opening + m !== a.closing) {
        this.warn(
          'balance',
          `konto ${a.accountId}: inngående saldo ${nok(a.opening)} + bevegelser ${nok(m)} ≠ utgående saldo ${nok(a.closing)}`,
          `account ${a.accountId}: opening ${a.opening / 100} + movements ${m / 100} != closing ${a.closing / 100}`,
          { line: a.line, column: 'ClosingBalance' },
        );
      }
    }
    for (const id of moved.keys()) {
      if (!known.has(id))
        this.warn(
          'unknown-account',
          `konto ${id} har posteringer, men står ikke i kontoplanen (GeneralLedgerAccounts)`,
          `account ${id} has postings but is not in GeneralLedgerAccounts`,
          { column: 'AccountID' },
        );
    }
  }

  private checkTotals(s: SaftReadSummary): void {
    const t = s.totals;
    if (!t) return;
    if ((t.totalDebit !== null && t.totalDebit !== s.debit) || (t.totalCredit !== null && t.totalCredit !== s.credit)) {
      this.warn(
        'totals',
        `TotalDebit/TotalCredit (${nok(t.totalDebit ?? 0)}/${nok(t.totalCredit ?? 0)}) stemmer ikke med linjene (${nok(s.debit)}/${nok(s.credit)})`,
        'TotalDebit/TotalCredit do not match the lines',
        { column: 'TotalDebit' },
      );
    }
    if (t.numberOfEntries !== null && t.numberOfEntries !== s.transactions) {
      this.warn(
        'totals',
        `NumberOfEntries er ${t.numberOfEntries}, men fila har ${s.transactions} bilag`,
        'NumberOfEntries does not match the transactions',
        {
          column: 'NumberOfEntries',
        },
      );
    }
  }

  private checkMapping(s: SaftReadSummary, mapper: CategoryMapper): void {
    const descriptions = new Map(s.accounts.map((a) => [a.accountId, a.description ?? '']));
    const ids = new Set([...s.accounts.map((a) => a.accountId), ...s.moved.map(([id]) => id)]);
    for (const id of [...ids].sort()) {
      if (mapper.isUnmapped(id)) {
        const d = descriptions.get(id);
        this.warn(
          'unmapped',
          `konto ${id}${d ? ` (${d})` : ''} er ikke knyttet til noen rapportkategori; legg til en regel i kategoritilordningen`,
          `account ${id} matches no category rule`,
          { column: 'AccountID' },
        );
      }
    }
    for (const a of s.accounts) {
      if (!a.groupingCode || isBalanceSheet(a.accountId)) continue;
      const own = mapper.rangeCategoryOf(a.accountId);
      const byCode = mapper.rangeCategoryOf(a.groupingCode);
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

/** How the import result names the encoding: `utf-8 (standard)`, `windows-1252 (erklært ISO-8859-1)`. */
export function describeEncoding(e: SaftEncoding): string {
  if (e.source === 'bom') return `${e.name} (BOM)`;
  if (e.source === 'default') return `${e.name} (standard, ingen erklæring)`;
  return e.declared && e.declared.toLowerCase() !== e.name ? `${e.name} (erklært ${e.declared})` : `${e.name} (erklært)`;
}

/**
 * The periods a file covers: its SelectionCriteria widened to every posting it holds. A selection
 * starting in period 1 also covers period 0 (opening entries); one ending in 12 also covers 13.
 */
export function fileRange(
  header: SaftHeader,
  minPeriod: number | null,
  maxPeriod: number | null,
): { firstPeriod: number; lastPeriod: number } {
  let first = header.selectionStart ?? minPeriod;
  let last = header.selectionEnd ?? maxPeriod;
  if (first === null || last === null) return { firstPeriod: 0, lastPeriod: 0 };
  if (first % 100 === 1) first -= 1;
  if (last % 100 === 12) last += 1;
  if (minPeriod !== null) first = Math.min(first, minPeriod);
  if (maxPeriod !== null) last = Math.max(last, maxPeriod);
  return { firstPeriod: first, lastPeriod: last };
}
