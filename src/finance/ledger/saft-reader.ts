/**
 * The state machine over saxes events that turns a SAF-T document into headers, accounts,
 * customers and transactions. Hot path for files with millions of lines: element names are mapped
 * once to small integer codes (per qualified name, per namespace scope), the stack holds codes,
 * and text is only trimmed when it needs to be.
 */
import type { SaxesParser, SaxesTagPlain } from 'saxes';
import { problem } from '../../imports/decode.ts';
import { AppError, type Problem } from '../../shared/errors.ts';
import type { Ore } from '../../shared/money.ts';
import type { LineIndex } from './line-index.ts';
import {
  parseSaftAmount,
  SAFT_NAMESPACE,
  type SaftAccount,
  type SaftAnalysis,
  type SaftCustomer,
  type SaftHandlers,
  type SaftHeader,
  type SaftLine,
  type SaftTotals,
  type SaftTransaction,
} from './saft.ts';

// Element codes. FOREIGN: another namespace (ignored); OTHER: a SAF-T element we do not read.
const FOREIGN = 0;
const OTHER = 1;
const NAMES = [
  'AuditFile',
  'Header',
  'Company',
  'RegistrationNumber',
  'Name',
  'AuditFileVersion',
  'SelectionCriteria',
  'PeriodStart',
  'PeriodStartYear',
  'PeriodEnd',
  'PeriodEndYear',
  'SelectionStartDate',
  'SelectionEndDate',
  'GeneralLedgerAccounts',
  'Account',
  'AccountID',
  'AccountDescription',
  'StandardAccountID',
  'GroupingCategory',
  'GroupingCode',
  'OpeningDebitBalance',
  'OpeningCreditBalance',
  'ClosingDebitBalance',
  'ClosingCreditBalance',
  'Customers',
  'Customer',
  'BalanceAccount',
  'CustomerID',
  'SupplierID',
  'GeneralLedgerEntries',
  'NumberOfEntries',
  'TotalDebit',
  'TotalCredit',
  'Journal',
  'JournalID',
  'Transaction',
  'TransactionID',
  'Period',
  'PeriodYear',
  'TransactionDate',
  'Description',
  'Line',
  'RecordID',
  'Analysis',
  'AnalysisType',
  'AnalysisID',
  'AnalysisAmount',
  'DebitAnalysisAmount',
  'CreditAnalysisAmount',
  'DebitAmount',
  'CreditAmount',
  'Amount',
] as const;
type Name = (typeof NAMES)[number];
const CODE = new Map<string, number>(NAMES.map((n, i) => [n, i + 2]));
const c = (n: Name): number => CODE.get(n) ?? OTHER;

const AUDIT_FILE = c('AuditFile');
const HEADER = c('Header');
const COMPANY = c('Company');
const REGISTRATION_NUMBER = c('RegistrationNumber');
const NAME = c('Name');
const AUDIT_FILE_VERSION = c('AuditFileVersion');
const SELECTION_CRITERIA = c('SelectionCriteria');
const GL_ACCOUNTS = c('GeneralLedgerAccounts');
const ACCOUNT = c('Account');
const ACCOUNT_ID = c('AccountID');
const ACCOUNT_DESCRIPTION = c('AccountDescription');
const STANDARD_ACCOUNT_ID = c('StandardAccountID');
const GROUPING_CATEGORY = c('GroupingCategory');
const GROUPING_CODE = c('GroupingCode');
const OPENING_DEBIT = c('OpeningDebitBalance');
const OPENING_CREDIT = c('OpeningCreditBalance');
const CLOSING_DEBIT = c('ClosingDebitBalance');
const CLOSING_CREDIT = c('ClosingCreditBalance');
const CUSTOMERS = c('Customers');
const CUSTOMER = c('Customer');
const BALANCE_ACCOUNT = c('BalanceAccount');
const CUSTOMER_ID = c('CustomerID');
const SUPPLIER_ID = c('SupplierID');
const GL_ENTRIES = c('GeneralLedgerEntries');
const NUMBER_OF_ENTRIES = c('NumberOfEntries');
const TOTAL_DEBIT = c('TotalDebit');
const TOTAL_CREDIT = c('TotalCredit');
const JOURNAL = c('Journal');
const JOURNAL_ID = c('JournalID');
const TRANSACTION = c('Transaction');
const TRANSACTION_ID = c('TransactionID');
const PERIOD = c('Period');
const PERIOD_YEAR = c('PeriodYear');
const TRANSACTION_DATE = c('TransactionDate');
const DESCRIPTION = c('Description');
const LINE = c('Line');
const RECORD_ID = c('RecordID');
const ANALYSIS = c('Analysis');
const ANALYSIS_TYPE = c('AnalysisType');
const ANALYSIS_ID = c('AnalysisID');
const ANALYSIS_AMOUNT = c('AnalysisAmount');
const DEBIT_ANALYSIS_AMOUNT = c('DebitAnalysisAmount');
const CREDIT_ANALYSIS_AMOUNT = c('CreditAnalysisAmount');
const DEBIT_AMOUNT = c('DebitAmount');
const CREDIT_AMOUNT = c('CreditAmount');
const AMOUNT = c('Amount');

/**
 * Elements whose text is read. Only inside these is saxes given a text handler (toggled on open and
 * close), so the whitespace between elements and the text of elements we skip are never sliced
 * into strings: without a handler saxes only scans past them, as the bare parse does.
 */
const CONTAINERS = new Set<number>([
  FOREIGN,
  OTHER,
  AUDIT_FILE,
  HEADER,
  COMPANY,
  SELECTION_CRITERIA,
  GL_ACCOUNTS,
  ACCOUNT,
  CUSTOMERS,
  CUSTOMER,
  BALANCE_ACCOUNT,
  GL_ENTRIES,
  JOURNAL,
  TRANSACTION,
  LINE,
  ANALYSIS,
  ANALYSIS_AMOUNT,
  DEBIT_ANALYSIS_AMOUNT,
  CREDIT_ANALYSIS_AMOUNT,
  DEBIT_AMOUNT,
  CREDIT_AMOUNT,
]);
/** Offset of close events in SaftReader.lastEvent (above every element code). */
const CLOSED = NAMES.length + 2;
const READS_TEXT: boolean[] = Array.from({ length: NAMES.length + 2 }, (_, code) => !CONTAINERS.has(code));

const SELECTION_FIELDS = new Set([
  'PeriodStart',
  'PeriodStartYear',
  'PeriodEnd',
  'PeriodEndYear',
  'SelectionStartDate',
  'SelectionEndDate',
]);

/** Shared by every line without Analysis elements (most lines): one allocation fewer per line. */
const NO_ANALYSIS = Object.freeze([]) as unknown as SaftAnalysis[];

/** Only whitespace around a value needs trimming; most values have none. */
function clean(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(n - 1);
  return a <= 32 || b <= 32 ? text.trim() : text;
}

export class SaftReader {
  /** Element codes of the open elements, root first. */
  private readonly stack: number[] = [];
  /** Local names, kept only for the few elements read by name (selection criteria). */
  private readonly localNames: string[] = [];
  /** Namespace bindings declared on open elements: [depth, prefix → uri]. */
  private readonly scopes: { depth: number; bindings: Map<string, string> }[] = [];
  private readonly codes = new Map<string, { code: number; local: string }>();
  /**
   * Per last event (element code, + CLOSED for a close): the name opened next last time and its
   * code, and the one before that (after a Line's AccountID comes Analysis or not, after its
   * Description DebitAmount or CreditAmount: two guesses cover the alternation).
   */
  private readonly predicted: ({ name: string; hit: { code: number; local: string } } | undefined)[] = [];
  private readonly predicted2: ({ name: string; hit: { code: number; local: string } } | undefined)[] = [];
  private lastEvent = 0;
  /** xmlns attributes of the element being opened (from saxes 'attribute' events). */
  private pending: Map<string, string> | null = null;
  private text = '';
  /** Whether saxes currently has the text handler (see READS_TEXT). */
  private textOn = false;
  private readonly onText = (t: string): void => {
    this.text = this.text === '' ? t : this.text + t;
  };
  private sawRoot = false;
  private readonly header: SaftHeader = {
    auditFileVersion: null,
    companyId: null,
    companyName: null,
    selectionStart: null,
    selectionEnd: null,
  };
  private readonly selection = new Map<string, string>();
  private account: SaftAccount | null = null;
  private customer: SaftCustomer | null = null;
  private journalId: string | null = null;
  private tx: SaftTransaction | null = null;
  private line: SaftLine | null = null;
  private analysis: SaftAnalysis | null = null;
  private readonly totals: SaftTotals = { numberOfEntries: null, totalDebit: null, totalCredit: null };

  constructor(
    private readonly parser: SaxesParser,
    private readonly lines: LineIndex,
    private readonly fileName: string,
    private readonly handlers: SaftHandlers,
  ) {
    parser.on('attribute', (a) => {
      const name = a.name;
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        this.pending ??= new Map();
        this.pending.set(name === 'xmlns' ? '' : name.slice(6), a.value);
      }
    });
    parser.on('opentag', (tag) => this.open(tag as SaxesTagPlain));
    parser.on('closetag', () => this.close());
    parser.on('cdata', (t) => {
      this.text += t;
    });
  }

  /** Gives saxes the text handler only while the innermost open element is one whose text is read. */
  private textFor(code: number): void {
    const on = READS_TEXT[code] === true;
    if (on === this.textOn) return;
    this.textOn = on;
    if (on) this.parser.on('text', this.onText);
    else this.parser.off('text');
  }

  /** The line the parser is at (computed, so only on the rare paths that need it). */
  lineNow(): number {
    return this.lines.lineAt(this.parser.position);
  }

  finish(): void {
    if (!this.sawRoot) throw this.notSaft();
  }

  private notSaft(): AppError {
    const msg = `ikke en SAF-T Financial-fil: rotelementet må være AuditFile i navnerommet ${SAFT_NAMESPACE}`;
    const en = `not a SAF-T Financial file: the root element must be AuditFile in namespace ${SAFT_NAMESPACE}`;
    return new AppError('FILE_UNREADABLE', `${this.fileName}: ${msg} (${en})`, {
      problems: [problem(this.fileName, msg, en, { line: this.lineNow() })],
    });
  }

  /**
   * resolve(), short-cut by the order of elements: the element opened after a given open or close
   * is nearly always the one opened there last time, and one string comparison is cheaper than a
   * hash lookup of the fresh name string saxes hands out for every tag.
   */
  private predict(name: string): { code: number; local: string } {
    const key = this.lastEvent;
    const guess = this.predicted[key];
    if (guess !== undefined && guess.name === name) return guess.hit;
    const other = this.predicted2[key];
    if (other !== undefined && other.name === name) return other.hit;
    const hit = this.resolve(name);
    this.predicted2[key] = guess;
    this.predicted[key] = { name, hit };
    return hit;
  }

  private resolve(name: string): { code: number; local: string } {
    const hit = this.codes.get(name);
    if (hit !== undefined) return hit;
    const idx = name.indexOf(':');
    const prefix = idx < 0 ? '' : name.slice(0, idx);
    let uri: string | undefined;
    for (let i = this.scopes.length - 1; i >= 0 && uri === undefined; i--) uri = this.scopes[i]?.bindings.get(prefix);
    const local = name.slice(idx + 1);
    const out = uri === SAFT_NAMESPACE ? { code: CODE.get(local) ?? OTHER, local } : { code: FOREIGN, local };
    this.codes.set(name, out);
    return out;
  }

  private open(tag: SaxesTagPlain): void {
    const depth = this.stack.length;
    if (this.pending) {
      this.scopes.push({ depth, bindings: this.pending });
      this.pending = null;
      this.codes.clear();
      this.predicted.length = 0;
      this.predicted2.length = 0;
    }
    const { code, local } = this.predict(tag.name);
    const parent = depth > 0 ? (this.stack[depth - 1] as number) : FOREIGN;
    this.stack.push(code);
    this.localNames.push(local);
    this.text = '';
    this.textFor(code);
    this.lastEvent = code;
    if (depth === 0) {
      if (code !== AUDIT_FILE) throw this.notSaft();
      this.sawRoot = true;
      return;
    }
    if (code === LINE) {
      if (parent === TRANSACTION && this.tx)
        this.line = {
          recordId: null,
          accountId: null,
          amount: null,
          description: null,
          customerId: null,
          supplierId: null,
          analysis: NO_ANALYSIS,
          at: this.parser.position,
        };
    } else if (code === ANALYSIS) {
      if (parent === LINE && this.line) this.analysis = { type: '', id: '' };
    } else if (code === TRANSACTION) {
      if (parent === JOURNAL)
        this.tx = {
          journalId: this.journalId,
          transactionId: null,
          period: null,
          periodYear: null,
          transactionDate: null,
          description: null,
          lines: [],
          at: this.parser.position,
        };
    } else if (code === ACCOUNT) {
      if (parent === GL_ACCOUNTS)
        this.account = {
          accountId: '',
          description: null,
          standardAccountId: null,
          groupingCategory: null,
          groupingCode: null,
          opening: null,
          closing: null,
          at: this.parser.position,
        };
    } else if (code === CUSTOMER) {
      if (parent === CUSTOMERS)
        this.customer = {
          customerId: '',
          name: null,
          registrationNumber: null,
          accountId: null,
          opening: null,
          closing: null,
          at: this.parser.position,
        };
    }
  }

  private report(p: Problem): void {
    this.handlers.problem(p);
  }

  private amount(value: string, column: string): Ore | null {
    const ore = parseSaftAmount(value);
    if (ore !== undefined) return ore;
    this.report(
      problem(
        this.fileName,
        `«${value}» er ikke et beløp med høyst to desimaler`,
        `"${value}" is not an amount with at most two decimals`,
        {
          line: this.lineNow(),
          column,
        },
      ),
    );
    return null;
  }

  private int(value: string, column: string): number | null {
    if (/^\d+$/.test(value)) return Number(value);
    this.report(problem(this.fileName, `«${value}» er ikke et heltall`, `"${value}" is not an integer`, { line: this.lineNow(), column }));
    return null;
  }

  private close(): void {
    const code = this.stack.pop() as number;
    const local = this.localNames.pop() as string;
    const depth = this.stack.length;
    this.textFor(depth > 0 ? (this.stack[depth - 1] as number) : FOREIGN);
    this.lastEvent = code + CLOSED;
    const scope = this.scopes[this.scopes.length - 1];
    if (scope && scope.depth === depth) {
      this.scopes.pop();
      this.codes.clear();
      this.predicted.length = 0;
      this.predicted2.length = 0;
    }
    if (code === FOREIGN) {
      this.text = '';
      return;
    }
    const value = clean(this.text);
    this.text = '';
    const parent = depth > 0 ? (this.stack[depth - 1] as number) : FOREIGN;
    const line = this.line;
    if (parent === LINE && line) {
      if (code === ACCOUNT_ID) line.accountId = value;
      else if (code === DESCRIPTION) line.description = value;
      else if (code === RECORD_ID) line.recordId = value;
      else if (code === CUSTOMER_ID) line.customerId = value;
      else if (code === SUPPLIER_ID) line.supplierId = value;
      else if (code === ANALYSIS) {
        if (this.analysis) {
          if (line.analysis === NO_ANALYSIS) line.analysis = [this.analysis];
          else line.analysis.push(this.analysis);
        }
        this.analysis = null;
      }
      return;
    }
    if (code === AMOUNT) {
      this.closeAmount(parent, value);
      return;
    }
    if (code === LINE) {
      if (parent === TRANSACTION && this.tx && line) this.tx.lines.push(line);
      this.line = null;
      return;
    }
    const tx = this.tx;
    if (parent === TRANSACTION && tx) {
      if (code === TRANSACTION_ID) tx.transactionId = value;
      else if (code === PERIOD) tx.period = this.int(value, 'Period');
      else if (code === PERIOD_YEAR) tx.periodYear = this.int(value, 'PeriodYear');
      else if (code === TRANSACTION_DATE) tx.transactionDate = value;
      else if (code === DESCRIPTION) tx.description = value;
      return;
    }
    if (parent === ANALYSIS && this.analysis) {
      if (code === ANALYSIS_TYPE) this.analysis.type = value;
      else if (code === ANALYSIS_ID) this.analysis.id = value;
      return;
    }
    if (code === TRANSACTION) {
      if (parent === JOURNAL && tx) this.handlers.transaction(tx);
      this.tx = null;
      return;
    }
    if (code === JOURNAL_ID && parent === JOURNAL) this.journalId = value;
    else if (code === JOURNAL) this.journalId = null;
    else this.closeMaster(code, local, parent, value);
  }

  private closeAmount(parent: number, value: string): void {
    const grand = this.stack[this.stack.length - 2];
    if (grand === LINE && this.line && (parent === DEBIT_AMOUNT || parent === CREDIT_AMOUNT)) {
      const ore = this.amount(value, parent === DEBIT_AMOUNT ? 'DebitAmount' : 'CreditAmount');
      if (ore !== null) this.line.amount = (this.line.amount ?? 0) + (parent === CREDIT_AMOUNT ? -ore : ore);
    } else if (
      grand === ANALYSIS &&
      this.analysis &&
      (parent === ANALYSIS_AMOUNT || parent === DEBIT_ANALYSIS_AMOUNT || parent === CREDIT_ANALYSIS_AMOUNT)
    ) {
      const ore = this.amount(value, 'AnalysisAmount');
      if (ore !== null) this.analysis.amount = parent === CREDIT_ANALYSIS_AMOUNT ? -ore : ore;
    }
  }

  private balance(code: number, value: string): { kind: 'opening' | 'closing'; ore: Ore } | null {
    const column = NAMES[code - 2] ?? 'Balance';
    const ore = this.amount(value, column);
    if (ore === null) return null;
    const kind = code === OPENING_DEBIT || code === OPENING_CREDIT ? 'opening' : 'closing';
    return { kind, ore: code === OPENING_CREDIT || code === CLOSING_CREDIT ? -ore : ore };
  }

  private isBalance(code: number): boolean {
    return code === OPENING_DEBIT || code === OPENING_CREDIT || code === CLOSING_DEBIT || code === CLOSING_CREDIT;
  }

  /** Header, master files and totals: rare elements, kept out of the hot path. */
  private closeMaster(code: number, local: string, parent: number, value: string): void {
    const grand = this.stack[this.stack.length - 2];
    const account = this.account;
    const customer = this.customer;
    if (parent === ACCOUNT && account) {
      if (code === ACCOUNT_ID) account.accountId = value;
      else if (code === ACCOUNT_DESCRIPTION) account.description = value;
      else if (code === STANDARD_ACCOUNT_ID) account.standardAccountId = value;
      else if (code === GROUPING_CATEGORY) account.groupingCategory = value;
      else if (code === GROUPING_CODE) account.groupingCode = value;
      else if (this.isBalance(code)) {
        const b = this.balance(code, value);
        if (b) account[b.kind] = (account[b.kind] ?? 0) + b.ore;
      }
    } else if (code === ACCOUNT && parent === GL_ACCOUNTS) {
      if (account) this.handlers.account(account);
      this.account = null;
    } else if ((parent === CUSTOMER || parent === BALANCE_ACCOUNT) && customer) {
      if (code === ACCOUNT_ID) customer.accountId ??= value;
      else if (code === CUSTOMER_ID && parent === CUSTOMER) customer.customerId = value;
      else if (code === NAME && parent === CUSTOMER) customer.name = value;
      else if (code === REGISTRATION_NUMBER && parent === CUSTOMER) customer.registrationNumber = value;
      else if (this.isBalance(code)) {
        const b = this.balance(code, value);
        if (b) customer[b.kind] = (customer[b.kind] ?? 0) + b.ore;
      }
    } else if (code === CUSTOMER && parent === CUSTOMERS) {
      if (customer) this.handlers.customer(customer);
      this.customer = null;
    } else if (parent === COMPANY && grand === HEADER) {
      if (code === REGISTRATION_NUMBER) this.header.companyId = value;
      else if (code === NAME) this.header.companyName = value;
    } else if (parent === HEADER && code === AUDIT_FILE_VERSION) {
      this.header.auditFileVersion = value;
    } else if (parent === SELECTION_CRITERIA && SELECTION_FIELDS.has(local)) {
      this.selection.set(local, value);
    } else if (code === HEADER && parent === AUDIT_FILE) {
      this.handlers.header(this.finishHeader());
    } else if (parent === GL_ENTRIES) {
      if (code === NUMBER_OF_ENTRIES) this.totals.numberOfEntries = this.int(value, 'NumberOfEntries');
      else if (code === TOTAL_DEBIT) this.totals.totalDebit = this.amount(value, 'TotalDebit');
      else if (code === TOTAL_CREDIT) this.totals.totalCredit = this.amount(value, 'TotalCredit');
    } else if (code === GL_ENTRIES) {
      this.handlers.totals(this.totals);
    }
  }

  private finishHeader(): SaftHeader {
    const s = this.selection;
    const num = (key: string) => {
      const v = s.get(key);
      return v === undefined ? null : this.int(v, key);
    };
    const key = (date: string | undefined) =>
      date && /^\d{4}-\d{2}/.test(date) ? Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7)) : null;
    const start = num('PeriodStart');
    const startYear = num('PeriodStartYear');
    const end = num('PeriodEnd');
    const endYear = num('PeriodEndYear');
    this.header.selectionStart = start !== null && startYear !== null ? startYear * 100 + start : key(s.get('SelectionStartDate'));
    this.header.selectionEnd = end !== null && endYear !== null ? endYear * 100 + end : key(s.get('SelectionEndDate'));
    return this.header;
  }
}
