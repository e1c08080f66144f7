/**
 * A streaming reader of SAF-T Financial (Norway) files, versions 1.10/1.20 and 1.30. It never
 * holds the document: saxes emits tags, this module keeps a stack of local names and hands out
 * one header, account, customer or transaction at a time. Elements count only in the SAF-T
 * namespace, whatever prefix the file binds it to (`n1:` or none). The byte stream is decoded by
 * the encoding the XML declaration names (UTF-8 when none; a BOM wins); CR and CRLF line ends
 * are normalised by the XML parser.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { problem } from '../imports/decode.ts';
import { AppError, type Problem } from '../shared/errors.ts';
import type { Ore } from '../shared/money.ts';

export const SAFT_NAMESPACE = 'urn:StandardAuditFile-Taxation-Financial:NO';

export interface SaftHeader {
  auditFileVersion: string | null;
  companyId: string | null;
  companyName: string | null;
  /** SelectionCriteria as year*100 + period (dates give their months); null when absent. */
  selectionStart: number | null;
  selectionEnd: number | null;
}

export interface SaftAccount {
  accountId: string;
  description: string | null;
  standardAccountId: string | null;
  groupingCategory: string | null;
  groupingCode: string | null;
  /** Øre, debit positive; null when the file gives no balance. */
  opening: Ore | null;
  closing: Ore | null;
  line: number;
}

export interface SaftCustomer {
  customerId: string;
  name: string | null;
  registrationNumber: string | null;
  accountId: string | null;
  opening: Ore | null;
  closing: Ore | null;
  line: number;
}

export interface SaftAnalysis {
  type: string;
  id: string;
  /** Øre (credit analysis amounts negative), when given. */
  amount?: Ore;
}

export interface SaftLine {
  recordId: string | null;
  accountId: string | null;
  /** Øre, debit positive, credit negative; null when the line has neither amount. */
  amount: Ore | null;
  description: string | null;
  customerId: string | null;
  supplierId: string | null;
  analysis: SaftAnalysis[];
  line: number;
}

export interface SaftTransaction {
  journalId: string | null;
  transactionId: string | null;
  period: number | null;
  periodYear: number | null;
  transactionDate: string | null;
  description: string | null;
  lines: SaftLine[];
  line: number;
}

export interface SaftTotals {
  numberOfEntries: number | null;
  totalDebit: Ore | null;
  totalCredit: Ore | null;
}

export interface SaftHandlers {
  header(h: SaftHeader): void;
  account(a: SaftAccount): void;
  customer(c: SaftCustomer): void;
  transaction(t: SaftTransaction): void;
  totals(t: SaftTotals): void;
  /** A value that could not be read (bad amount, bad number). */
  problem(p: Problem): void;
}

export interface SaftReadOptions {
  fileName: string;
  path: string;
  handlers: SaftHandlers;
  /** Bytes read of total, after each chunk. */
  progress?(done: number, total: number): void;
  /** Awaited after each chunk: lets the caller write buffered rows (backpressure). */
  afterChunk?(): Promise<void>;
}

/**
 * Decimal text → øre, exactly. SAF-T amounts use a dot and at most two significant decimals;
 * more decimals are accepted only when they are zeros.
 */
export function parseSaftAmount(text: string): Ore | undefined {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return undefined;
  const decimals = m[3] ?? '';
  if (decimals.length > 2 && !/^0*$/.test(decimals.slice(2))) return undefined;
  const ore = Number(m[2]) * 100 + Number(decimals.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) return undefined;
  return m[1] === '-' ? -ore : ore;
}

function encodingOf(head: Buffer): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  const decl = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.toString('latin1', 0, 200));
  return decl?.[1]?.toLowerCase() ?? 'utf8';
}

interface Scope {
  bindings: Map<string, string>;
}

/** Reads the whole file through the handlers. Throws AppError('FILE_UNREADABLE') on broken XML. */
export async function readSaft(options: SaftReadOptions): Promise<void> {
  const { fileName, handlers } = options;
  const total = (await stat(options.path)).size;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const reader = new SaftReader(parser, fileName, handlers);
  let decoder: ReturnType<typeof iconv.getDecoder> | undefined;
  let done = 0;
  try {
    for await (const chunk of createReadStream(options.path, { highWaterMark: 1 << 16 })) {
      const bytes = chunk as Buffer;
      if (!decoder) {
        const encoding = encodingOf(bytes);
        if (!iconv.encodingExists(encoding)) {
          throw new AppError('FILE_UNREADABLE', `${fileName}: ukjent tegnkoding «${encoding}» (unknown encoding)`, {
            problems: [
              problem(fileName, `ukjent tegnkoding «${encoding}» i XML-deklarasjonen`, `unknown encoding "${encoding}"`, { line: 1 }),
            ],
          });
        }
        decoder = iconv.getDecoder(encoding);
      }
      parser.write(decoder.write(bytes));
      done += bytes.length;
      options.progress?.(done, total);
      if (options.afterChunk) await options.afterChunk();
    }
    const rest = decoder?.end();
    if (rest) parser.write(rest);
    parser.close();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw xmlError(fileName, parser, err as Error);
  }
  reader.finish();
}

function xmlError(fileName: string, parser: SaxesParser, err: Error): AppError {
  const raw = err.message.replace(/^[^:]*:\d+:\d+: /, '');
  const truncated = /unclosed|unexpected end|end of|closed before/i.test(raw) || parser.closed;
  const message = truncated
    ? `fila slutter før XML-dokumentet er ferdig (avkortet fil?): ${raw}`
    : `ugyldig XML på linje ${parser.line}, kolonne ${parser.column}: ${raw}`;
  const messageEn = truncated ? `the file ends before the XML document is complete (truncated?): ${raw}` : `invalid XML: ${raw}`;
  return new AppError('FILE_UNREADABLE', `${fileName}: ${message} (${messageEn})`, {
    cause: err,
    problems: [problem(fileName, message, messageEn, { line: parser.line })],
  });
}

/** The state machine over saxes events. */
class SaftReader {
  private readonly stack: string[] = [];
  private readonly scopes: (Scope | null)[] = [];
  private readonly names = new Map<string, string>();
  private text = '';
  private sawRoot = false;
  private header: SaftHeader = { auditFileVersion: null, companyId: null, companyName: null, selectionStart: null, selectionEnd: null };
  private selection = {
    start: null as number | null,
    startYear: null as number | null,
    end: null as number | null,
    endYear: null as number | null,
    startDate: null as string | null,
    endDate: null as string | null,
  };
  private account: SaftAccount | null = null;
  private customer: SaftCustomer | null = null;
  private journalId: string | null = null;
  private tx: SaftTransaction | null = null;
  private line: SaftLine | null = null;
  private analysis: SaftAnalysis | null = null;
  private totals: SaftTotals = { numberOfEntries: null, totalDebit: null, totalCredit: null };

  constructor(
    private readonly parser: SaxesParser,
    private readonly fileName: string,
    private readonly handlers: SaftHandlers,
  ) {
    parser.on('opentag', (tag) => this.open(tag as SaxesTagPlain));
    parser.on('closetag', () => this.close());
    parser.on('text', (t) => {
      this.text += t;
    });
    parser.on('cdata', (t) => {
      this.text += t;
    });
  }

  finish(): void {
    if (!this.sawRoot) throw this.notSaft();
  }

  private notSaft(): AppError {
    const msg = `ikke en SAF-T Financial-fil: rotelementet må være AuditFile i navnerommet ${SAFT_NAMESPACE}`;
    const en = `not a SAF-T Financial file: the root element must be AuditFile in namespace ${SAFT_NAMESPACE}`;
    return new AppError('FILE_UNREADABLE', `${this.fileName}: ${msg} (${en})`, {
      problems: [problem(this.fileName, msg, en, { line: this.parser.line })],
    });
  }

  private resolve(name: string): string {
    const hit = this.names.get(name);
    if (hit !== undefined) return hit;
    const idx = name.indexOf(':');
    const prefix = idx < 0 ? '' : name.slice(0, idx);
    let uri: string | undefined;
    for (let i = this.scopes.length - 1; i >= 0 && uri === undefined; i--) uri = this.scopes[i]?.bindings.get(prefix);
    const local = uri === SAFT_NAMESPACE ? name.slice(idx + 1) : '';
    this.names.set(name, local);
    return local;
  }

  private open(tag: SaxesTagPlain): void {
    let scope: Scope | null = null;
    for (const key in tag.attributes) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) {
        scope ??= { bindings: new Map() };
        scope.bindings.set(key === 'xmlns' ? '' : key.slice(6), tag.attributes[key] ?? '');
      }
    }
    this.scopes.push(scope);
    if (scope) this.names.clear();
    const local = this.resolve(tag.name);
    const parent = this.stack[this.stack.length - 1];
    this.stack.push(local);
    this.text = '';
    if (this.stack.length === 1) {
      if (local !== 'AuditFile') throw this.notSaft();
      this.sawRoot = true;
      return;
    }
    const at = this.parser.line;
    switch (local) {
      case 'Account':
        if (parent === 'GeneralLedgerAccounts')
          this.account = {
            accountId: '',
            description: null,
            standardAccountId: null,
            groupingCategory: null,
            groupingCode: null,
            opening: null,
            closing: null,
            line: at,
          };
        break;
      case 'Customer':
        if (parent === 'Customers')
          this.customer = { customerId: '', name: null, registrationNumber: null, accountId: null, opening: null, closing: null, line: at };
        break;
      case 'Transaction':
        if (parent === 'Journal')
          this.tx = {
            journalId: this.journalId,
            transactionId: null,
            period: null,
            periodYear: null,
            transactionDate: null,
            description: null,
            lines: [],
            line: at,
          };
        break;
      case 'Line':
        if (parent === 'Transaction' && this.tx)
          this.line = {
            recordId: null,
            accountId: null,
            amount: null,
            description: null,
            customerId: null,
            supplierId: null,
            analysis: [],
            line: at,
          };
        break;
      case 'Analysis':
        if (parent === 'Line' && this.line) this.analysis = { type: '', id: '' };
        break;
    }
  }

  private amount(value: string, column: string): Ore | null {
    const ore = parseSaftAmount(value);
    if (ore === undefined) {
      this.handlers.problem(
        problem(
          this.fileName,
          `«${value}» er ikke et beløp med høyst to desimaler`,
          `"${value}" is not an amount with at most two decimals`,
          {
            line: this.parser.line,
            column,
          },
        ),
      );
      return null;
    }
    return ore;
  }

  private int(value: string, column: string): number | null {
    if (/^\d+$/.test(value)) return Number(value);
    this.handlers.problem(
      problem(this.fileName, `«${value}» er ikke et heltall`, `"${value}" is not an integer`, { line: this.parser.line, column }),
    );
    return null;
  }

  private balance(local: string, value: string): { kind: 'opening' | 'closing'; ore: Ore } | null {
    const ore = this.amount(value, local);
    if (ore === null) return null;
    const kind = local.startsWith('Opening') ? 'opening' : 'closing';
    return { kind, ore: local.endsWith('CreditBalance') ? -ore : ore };
  }

  private close(): void {
    const local = this.stack.pop() ?? '';
    const scope = this.scopes.pop();
    if (scope) this.names.clear();
    const value = this.text.trim();
    this.text = '';
    if (local === '') return;
    const parent = this.stack[this.stack.length - 1] ?? '';
    switch (local) {
      case 'Amount':
        this.closeAmount(parent, value);
        return;
      case 'AccountID':
        if (parent === 'Line' && this.line) this.line.accountId = value;
        else if (parent === 'Account' && this.account) this.account.accountId = value;
        else if ((parent === 'Customer' || parent === 'BalanceAccount') && this.customer) this.customer.accountId ??= value;
        return;
      case 'Line':
        if (parent === 'Transaction' && this.tx && this.line) this.tx.lines.push(this.line);
        this.line = null;
        return;
      case 'Transaction':
        if (parent === 'Journal' && this.tx) this.handlers.transaction(this.tx);
        this.tx = null;
        return;
      case 'Analysis':
        if (parent === 'Line' && this.line && this.analysis) this.line.analysis.push(this.analysis);
        this.analysis = null;
        return;
      case 'AnalysisType':
      case 'AnalysisID':
        if (parent === 'Analysis' && this.analysis) this.analysis[local === 'AnalysisType' ? 'type' : 'id'] = value;
        return;
      case 'Description':
        if (parent === 'Line' && this.line) this.line.description = value;
        else if (parent === 'Transaction' && this.tx) this.tx.description = value;
        return;
      case 'RecordID':
        if (parent === 'Line' && this.line) this.line.recordId = value;
        return;
      case 'CustomerID':
        if (parent === 'Line' && this.line) this.line.customerId = value;
        else if (parent === 'Customer' && this.customer) this.customer.customerId = value;
        return;
      case 'SupplierID':
        if (parent === 'Line' && this.line) this.line.supplierId = value;
        return;
      case 'TransactionID':
        if (parent === 'Transaction' && this.tx) this.tx.transactionId = value;
        return;
      case 'Period':
        if (parent === 'Transaction' && this.tx) this.tx.period = this.int(value, 'Period');
        return;
      case 'PeriodYear':
        if (parent === 'Transaction' && this.tx) this.tx.periodYear = this.int(value, 'PeriodYear');
        return;
      case 'TransactionDate':
        if (parent === 'Transaction' && this.tx) this.tx.transactionDate = value;
        return;
      case 'JournalID':
        if (parent === 'Journal') this.journalId = value;
        return;
      case 'Journal':
        this.journalId = null;
        return;
      default:
        this.closeMaster(local, parent, value);
    }
  }

  private closeAmount(parent: string, value: string): void {
    const grand = this.stack[this.stack.length - 2];
    if (grand === 'Line' && this.line && (parent === 'DebitAmount' || parent === 'CreditAmount')) {
      const ore = this.amount(value, parent);
      if (ore !== null) this.line.amount = (this.line.amount ?? 0) + (parent === 'CreditAmount' ? -ore : ore);
    } else if (grand === 'Analysis' && this.analysis) {
      const ore = this.amount(value, parent);
      if (ore !== null) this.analysis.amount = parent === 'CreditAnalysisAmount' ? -ore : ore;
    }
  }

  /** Header, master files and totals: rare elements, kept out of the hot path. */
  private closeMaster(local: string, parent: string, value: string): void {
    const grand = this.stack[this.stack.length - 2];
    if (parent === 'Account' && this.account) {
      if (local === 'AccountDescription') this.account.description = value;
      else if (local === 'StandardAccountID') this.account.standardAccountId = value;
      else if (local === 'GroupingCategory') this.account.groupingCategory = value;
      else if (local === 'GroupingCode') this.account.groupingCode = value;
      else if (local.endsWith('Balance')) {
        const b = this.balance(local, value);
        if (b) this.account[b.kind] = (this.account[b.kind] ?? 0) + b.ore;
      }
    } else if (local === 'Account' && parent === 'GeneralLedgerAccounts') {
      if (this.account) this.handlers.account(this.account);
      this.account = null;
    } else if ((parent === 'Customer' || parent === 'BalanceAccount') && this.customer) {
      if (local === 'Name' && parent === 'Customer') this.customer.name = value;
      else if (local === 'RegistrationNumber' && parent === 'Customer') this.customer.registrationNumber = value;
      else if (local.endsWith('Balance')) {
        const b = this.balance(local, value);
        if (b) this.customer[b.kind] = (this.customer[b.kind] ?? 0) + b.ore;
      }
    } else if (local === 'Customer' && parent === 'Customers') {
      if (this.customer) this.handlers.customer(this.customer);
      this.customer = null;
    } else if (parent === 'Company' && grand === 'Header') {
      if (local === 'RegistrationNumber') this.header.companyId = value;
      else if (local === 'Name') this.header.companyName = value;
    } else if (parent === 'Header' && local === 'AuditFileVersion') {
      this.header.auditFileVersion = value;
    } else if (parent === 'SelectionCriteria') {
      this.closeSelection(local, value);
    } else if (local === 'Header' && parent === 'AuditFile') {
      this.handlers.header(this.finishHeader());
    } else if (parent === 'GeneralLedgerEntries') {
      if (local === 'NumberOfEntries') this.totals.numberOfEntries = this.int(value, local);
      else if (local === 'TotalDebit') this.totals.totalDebit = this.amount(value, local);
      else if (local === 'TotalCredit') this.totals.totalCredit = this.amount(value, local);
    } else if (local === 'GeneralLedgerEntries') {
      this.handlers.totals(this.totals);
    }
  }

  private closeSelection(local: string, value: string): void {
    const s = this.selection;
    if (local === 'PeriodStart') s.start = this.int(value, local);
    else if (local === 'PeriodStartYear') s.startYear = this.int(value, local);
    else if (local === 'PeriodEnd') s.end = this.int(value, local);
    else if (local === 'PeriodEndYear') s.endYear = this.int(value, local);
    else if (local === 'SelectionStartDate') s.startDate = value;
    else if (local === 'SelectionEndDate') s.endDate = value;
  }

  private finishHeader(): SaftHeader {
    const s = this.selection;
    const key = (date: string | null) =>
      date && /^\d{4}-\d{2}/.test(date) ? Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7)) : null;
    this.header.selectionStart = s.start !== null && s.startYear !== null ? s.startYear * 100 + s.start : key(s.startDate);
    this.header.selectionEnd = s.end !== null && s.endYear !== null ? s.endYear * 100 + s.end : key(s.endDate);
    return this.header;
  }
}
