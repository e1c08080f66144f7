/**
 * Postings packed for the trip from the SAF-T reading thread to the writing thread: two typed
 * arrays whose buffers are transferred (moved, not copied) and one string holding every string
 * value back to back, instead of an array of 12 values per posting that postMessage would
 * serialise value by value and the other thread would rebuild one object at a time. A string
 * equal to the previous posting's value in the same column (the journal, transaction id, date and
 * description shared by a transaction's lines) is sent once.
 */
import type { BulkValue } from '../../storage/bulk-insert.ts';
import { POSTING_COLUMNS } from './ledger.table.ts';

/** A batch of postings in POSTING_COLUMNS order, without the file id (the writer knows it). */
export interface PackedPostings {
  count: number;
  /**
   * Per posting, STRING_COLUMNS codes and then the period: a string's length in `text`,
   * NULL_STRING, or SAME_STRING (the previous posting's value of that column).
   */
  codes: Int32Array;
  /** Øre per posting (beyond 32 bits, so doubles: exact below 2^53). */
  amounts: Float64Array;
  /** The string values, concatenated. */
  text: string;
}

const NULL_STRING = -1;
const SAME_STRING = -2;
/** account_id, transaction_date, journal_id, transaction_id, record_id, description, customer_id, supplier_id, analysis. */
const STRING_COLUMNS = 9;
const CODES = STRING_COLUMNS + 1;
const WIDTH = POSTING_COLUMNS.length;

/** The buffers of a batch, for postMessage's transfer list. */
export function transferablesOf(p: PackedPostings): ArrayBuffer[] {
  return [p.codes.buffer as ArrayBuffer, p.amounts.buffer as ArrayBuffer];
}

export class PostingPacker {
  private capacity = 0;
  private codes = new Int32Array(0);
  private amounts = new Float64Array(0);
  private parts: string[] = [];
  private code = 0;
  private n = 0;
  private readonly previous: (string | undefined)[] = new Array(STRING_COLUMNS).fill(undefined);

  constructor(private readonly initialPostings = 1024) {
    this.reset();
  }

  get count(): number {
    return this.n;
  }

  private reset(): void {
    this.capacity = this.initialPostings;
    this.codes = new Int32Array(this.capacity * CODES);
    this.amounts = new Float64Array(this.capacity);
    this.parts = [];
    this.code = 0;
    this.n = 0;
    this.previous.fill(undefined);
  }

  private grow(): void {
    this.capacity *= 2;
    const codes = new Int32Array(this.capacity * CODES);
    codes.set(this.codes);
    this.codes = codes;
    const amounts = new Float64Array(this.capacity);
    amounts.set(this.amounts);
    this.amounts = amounts;
  }

  private string(column: number, value: string | null): void {
    if (value === null) {
      this.codes[this.code++] = NULL_STRING;
      return;
    }
    if (value === this.previous[column]) {
      this.codes[this.code++] = SAME_STRING;
      return;
    }
    this.previous[column] = value;
    this.parts.push(value);
    this.codes[this.code++] = value.length;
  }

  /** Adds one posting (the columns of POSTING_COLUMNS after the file id). */
  add(
    accountId: string,
    period: number,
    transactionDate: string,
    amount: number,
    journalId: string | null,
    transactionId: string | null,
    recordId: string | null,
    description: string | null,
    customerId: string | null,
    supplierId: string | null,
    analysis: string | null,
  ): void {
    if (this.n === this.capacity) this.grow();
    this.string(0, accountId);
    this.string(1, transactionDate);
    this.string(2, journalId);
    this.string(3, transactionId);
    this.string(4, recordId);
    this.string(5, description);
    this.string(6, customerId);
    this.string(7, supplierId);
    this.string(8, analysis);
    this.codes[this.code++] = period;
    this.amounts[this.n++] = amount;
  }

  /** The postings added since the last take (null when none); the packer starts a new batch. */
  take(): PackedPostings | null {
    if (this.n === 0) return null;
    const out: PackedPostings = {
      count: this.n,
      codes: this.codes.subarray(0, this.code),
      amounts: this.amounts.subarray(0, this.n),
      text: this.parts.join(''),
    };
    this.reset();
    return out;
  }
}

/** The batch as rows of POSTING_COLUMNS values, flattened, with `fileId` first in each row. */
export function unpackPostings(p: PackedPostings, fileId: number): BulkValue[] {
  const { codes, amounts } = p;
  const text = p.text;
  const values: BulkValue[] = new Array(p.count * WIDTH);
  const previous: (string | null)[] = new Array(STRING_COLUMNS).fill(null);
  let at = 0;
  let c = 0;
  let v = 0;
  const next = (column: number): string | null => {
    const code = codes[c++] as number;
    if (code === SAME_STRING) return previous[column] as string;
    if (code === NULL_STRING) return null;
    const s = text.slice(at, at + code);
    at += code;
    previous[column] = s;
    return s;
  };
  for (let i = 0; i < p.count; i++) {
    const accountId = next(0);
    const date = next(1);
    const journalId = next(2);
    const transactionId = next(3);
    const recordId = next(4);
    const description = next(5);
    const customerId = next(6);
    const supplierId = next(7);
    const analysis = next(8);
    values[v++] = fileId;
    values[v++] = accountId;
    values[v++] = codes[c++] as number;
    values[v++] = date;
    values[v++] = amounts[i] as number;
    values[v++] = journalId;
    values[v++] = transactionId;
    values[v++] = recordId;
    values[v++] = description;
    values[v++] = customerId;
    values[v++] = supplierId;
    values[v++] = analysis;
  }
  return values;
}
