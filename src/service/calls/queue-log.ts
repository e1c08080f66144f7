/**
 * Asterisk/FreePBX `queue_log` lines → call records (service-metrics.md §1.1). One pass, any line
 * order: a call keeps only its earliest ENTERQUEUE and its earliest outcome event (ties: the first
 * line seen wins), which is exactly "a stable sort by epoch, file order breaking ties" without
 * sorting, and makes repeated identical lines harmless.
 */
import { type CallRecord, OUTCOME_EVENTS, type OutcomeEvent } from './calls.ts';
import { type CallBatch, callIdOf, keysOf, packKeys, queueOf } from './queue-log-batch.ts';

/** What one pass over lines skipped, shown to the user after an import. */
export interface QueueLogStats {
  lines: number;
  blank: number;
  /** Lines that are not `epoch|callid|queue|agent|event…` or carry a non-numeric epoch or wait. */
  malformed: number;
  /** Lines whose callid is empty or `NONE` (QUEUESTART, CONFIGRELOAD, …). */
  nonCall: number;
  /** Call lines whose event decides nothing (COMPLETECALLER, RINGNOANSWER, DID, …). */
  otherEvents: number;
  /** Line numbers of the first malformed lines (for the problem list). */
  malformedLines: number[];
}

export function emptyStats(): QueueLogStats {
  return { lines: 0, blank: 0, malformed: 0, nonCall: 0, otherEvents: 0, malformedLines: [] };
}

/** The state of one (callid, queue) pair while lines are read. */
export interface CallState {
  callId: string;
  queue: string;
  enteredAt: number | null;
  outcome: OutcomeEvent | null;
  outcomeAt: number | null;
  waitSeconds: number | null;
}

/** Combines what two passes (or two files) know about one call; `later` was read after `earlier`. */
export function mergeCallState(earlier: CallState, later: CallState): CallState {
  const enteredAt =
    earlier.enteredAt === null
      ? later.enteredAt
      : later.enteredAt === null
        ? earlier.enteredAt
        : Math.min(earlier.enteredAt, later.enteredAt);
  const takeLater = later.outcomeAt !== null && (earlier.outcomeAt === null || later.outcomeAt < earlier.outcomeAt);
  const o = takeLater ? later : earlier;
  return { ...earlier, enteredAt, outcome: o.outcome, outcomeAt: o.outcomeAt, waitSeconds: o.waitSeconds };
}

const MAX_LISTED_LINES = 20;

/** Outcome codes in the state arrays: 0 = none, then OUTCOME_EVENTS order. */
export const OUTCOME_BY_CODE: readonly (OutcomeEvent | null)[] = [null, ...OUTCOME_EVENTS];
/** Which data field holds the wait, per outcome code (1-based data index). */
const WAIT_FIELD_BY_CODE = [0, 1, 3, 3, 3, 4];
const ENTER = 6;
const OTHER = 0;
const PIPE = 124;
const SPACE = 32;
const MAX_PIPES = 10;
/** FNV-1a, 32 bits, over a key's bytes. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** A queue_log line is under 200 bytes; a longer line than this is garbage and is not held in memory. */
const MAX_LINE_BYTES = 64 * 1024;

/** The bytes of each event name, and its code (ENTER, or the outcome code). */
const EVENT_NAMES: readonly (readonly [Buffer, number])[] = [
  [Buffer.from('ENTERQUEUE'), ENTER],
  ...OUTCOME_EVENTS.map((e, i) => [Buffer.from(e), i + 1] as const),
];

/** The integer in bytes [start, end) (surrounding blanks allowed), or NaN. */
function intIn(b: Uint8Array, start: number, end: number): number {
  while (start < end && b[start] === SPACE) start++;
  while (end > start && b[end - 1] === SPACE) end--;
  if (start === end) return Number.NaN;
  let sign = 1;
  if (b[start] === 45) {
    sign = -1;
    start++;
    if (start === end) return Number.NaN;
  }
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = (b[i] as number) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return sign * n;
}

/** The first pipe or line feed in bytes [from, to), or `to`. */
function fieldEnd(b: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = b[i];
    if (c === PIPE || c === 10) break;
    i++;
  }
  return i;
}

/** Whether bytes [start, end) are all ASCII (then they are their own canonical UTF-8). */
function ascii(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((b[i] as number) >= 128) return false;
  return true;
}

/** Whether bytes [start, end) begin or end with a blank (then the field is decoded and trimmed). */
function padded(b: Uint8Array, start: number, end: number): boolean {
  return end > start && (b[start] === SPACE || b[end - 1] === SPACE);
}

/** The event code of bytes [start, end): ENTER, an outcome code, or OTHER. */
function eventCode(b: Buffer, start: number, end: number): number {
  if (padded(b, start, end)) {
    const name = b.toString('utf8', start, end).trim();
    if (name === 'ENTERQUEUE') return ENTER;
    const i = (OUTCOME_EVENTS as readonly string[]).indexOf(name);
    return i + 1;
  }
  const len = end - start;
  for (const [name, code] of EVENT_NAMES) {
    if (name.length !== len || name[0] !== b[start]) continue;
    let k = 1;
    while (k < len && name[k] === b[start + k]) k++;
    if (k === len) return code;
  }
  return OTHER;
}

/**
 * Folds queue_log lines into call states. Works on the file's bytes: one loop finds the line ends
 * and the first pipes, the epoch and wait are parsed from the bytes, and only lines that decide a
 * call (ENTERQUEUE or an outcome) are looked at further. A call is found by the bytes of its
 * callid and queue in a hash table of its own (no string per line: a string is made once per call,
 * when the batch is handed over), and its state lives in typed arrays (no object per call): a
 * national call centre's year is tens of millions of lines.
 *
 * Keys are compared as bytes, so they are first made canonical where the text decoding would make
 * different bytes the same string: fields padded with blanks are trimmed, and a key with non-ASCII
 * bytes is decoded as UTF-8 and encoded again (invalid bytes become U+FFFD, as in the stored text).
 */
export class QueueLogAccumulator {
  /** Open addressing: slot + 1 of the call whose key hashes here, 0 = empty. */
  private table = new Int32Array(1 << 16);
  private hashes = new Int32Array(1024);
  /** Where each call's key (callid bytes, then queue bytes) starts in `arena`, and the callid's length. */
  private keyAt = new Int32Array(1024);
  private idLength = new Int32Array(1024);
  private keyLength = new Int32Array(1024);
  private arena = Buffer.allocUnsafe(1 << 20);
  private arenaUsed = 0;
  /** Whether a key of this batch has a byte ≥ 128. */
  private nonAscii = false;
  private count = 0;
  private entered = new Float64Array(1024);
  private outcomeAt = new Float64Array(1024);
  private wait = new Float64Array(1024);
  private outcome = new Uint8Array(1024);
  private readonly pipes = new Int32Array(MAX_PIPES);
  /** The start of a line cut by a chunk boundary, joined with the next chunk's first line. */
  private carry: Buffer | null = null;
  /** The line being read is longer than MAX_LINE_BYTES: its bytes are skipped up to its end. */
  private overlong = false;
  private lineNo = 0;
  readonly stats: QueueLogStats = emptyStats();

  /** Calls held. */
  get size(): number {
    return this.count;
  }

  /** Adds one line (text, or its bytes; without its line break), read field by field; `lineNo` is 1-based. */
  add(line: string | Buffer, lineNo: number): void {
    const b = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
    this.line(b, 0, b.length, lineNo);
  }

  /**
   * Adds the next piece of the file: every line it completes is read (CR before LF stripped); a
   * line cut at its end waits for the next piece or end().
   */
  write(chunk: Buffer): void {
    let from = 0;
    if (this.carry || this.overlong) {
      const nl = chunk.indexOf(10);
      if (nl === -1) {
        if (this.carry) this.carry = Buffer.concat([this.carry, chunk]);
        if (this.carry && this.carry.length > MAX_LINE_BYTES) {
          this.carry = null;
          this.overlong = true;
        }
        return;
      }
      if (this.overlong) this.skipOverlong();
      else {
        const joined = Buffer.concat([this.carry as Buffer, chunk.subarray(0, nl + 1)]);
        this.carry = null;
        this.scan(joined, 0, joined.length);
      }
      from = nl + 1;
    }
    const rest = this.scan(chunk, from, chunk.length);
    if (rest < chunk.length) this.carry = Buffer.from(chunk.subarray(rest));
  }

  /** Reads the last line if the file does not end with a line break. */
  end(): void {
    const c = this.carry;
    this.carry = null;
    if (this.overlong) this.skipOverlong();
    else if (c && c.length > 0) this.line(c, 0, c[c.length - 1] === 13 ? c.length - 1 : c.length, ++this.lineNo);
  }

  /** A line longer than MAX_LINE_BYTES is not held: it counts as unreadable. */
  private skipOverlong(): void {
    this.overlong = false;
    this.stats.lines++;
    this.malformed(++this.lineNo);
  }

  /** Reads the complete lines of b[from, to); returns where the incomplete last line starts. */
  private scan(b: Buffer, from: number, to: number): number {
    const pipes = this.pipes;
    let start = from;
    while (start < to) {
      const next = this.plainLine(b, start, to);
      if (next !== -1) {
        start = next;
        continue;
      }
      // Any other line: its pipes, then its fields.
      let n = 0;
      let i = start;
      for (; i < to; i++) {
        const c = b[i];
        if (c === PIPE) {
          if (n < MAX_PIPES) pipes[n++] = i;
        } else if (c === 10) break;
      }
      if (i === to) break;
      const end = i > start && b[i - 1] === 13 ? i - 1 : i;
      this.fields(b, start, end, n, ++this.lineNo);
      start = i + 1;
    }
    return start;
  }

  /**
   * The common line in one pass over its bytes: a plain epoch, an ASCII callid and queue without
   * blanks (hashed on the way), and an event followed by a pipe. Returns where the next line
   * starts, or -1 (nothing read) for any other line, or one not complete before `to`, which
   * then goes the general way (fields): both ways count and decide the same.
   */
  private plainLine(b: Buffer, start: number, to: number): number {
    let i = start;
    let c = 0;
    let epoch = 0;
    for (; i < to; i++) {
      c = b[i] as number;
      const d = c - 48;
      if (d < 0 || d > 9) break;
      epoch = epoch * 10 + d;
    }
    if (i >= to || c !== PIPE || i === start) return -1;
    const p0 = i;
    // callid and queue, hashed as slotOf does (callid, pipe, queue); `high` collects their bits.
    let h = FNV_OFFSET;
    let high = 0;
    for (i++; i < to; i++) {
      c = b[i] as number;
      if (c === PIPE || c === 10) break;
      h = Math.imul(h ^ c, FNV_PRIME);
      high |= c;
    }
    if (i >= to || c !== PIPE) return -1;
    const p1 = i;
    h = Math.imul(h ^ PIPE, FNV_PRIME);
    for (i++; i < to; i++) {
      c = b[i] as number;
      if (c === PIPE || c === 10) break;
      h = Math.imul(h ^ c, FNV_PRIME);
      high |= c;
    }
    if (i >= to || c !== PIPE) return -1;
    const p2 = i;
    if (high >= 128 || padded(b, p0 + 1, p1) || padded(b, p1 + 1, p2)) return -1;
    const p3 = fieldEnd(b, p2 + 1, to);
    if (p3 >= to || b[p3] !== PIPE) return -1;
    const p4 = fieldEnd(b, p3 + 1, to);
    if (p4 >= to || b[p4] !== PIPE) return -1;
    i = p4;
    const idLength = p1 - p0 - 1;
    const nonCall = idLength === 0 || (idLength === 4 && b[p0 + 1] === 78 && b[p0 + 2] === 79 && b[p0 + 3] === 78 && b[p0 + 4] === 69);
    const code = nonCall ? OTHER : eventCode(b, p3 + 1, p4);
    // The wait of an outcome: data field k, after pipe 3 + k.
    let wait = 0;
    if (code !== OTHER && code !== ENTER) {
      for (let k = WAIT_FIELD_BY_CODE[code] as number; k > 1; k--) {
        i = fieldEnd(b, i + 1, to);
        if (i >= to || b[i] !== PIPE) return -1;
      }
      const from = i + 1;
      i = fieldEnd(b, from, to);
      if (i >= to) return -1;
      wait = intIn(b, from, b[i] === 10 && i > from && b[i - 1] === 13 ? i - 1 : i);
    }
    for (; i < to && b[i] !== 10; i++);
    if (i >= to) return -1;
    // The line is complete: count and apply it.
    const stats = this.stats;
    stats.lines++;
    const lineNo = ++this.lineNo;
    if (nonCall) stats.nonCall++;
    else if (code === OTHER) stats.otherEvents++;
    else if (Number.isNaN(wait)) this.malformed(lineNo);
    else this.apply(this.find(h, b, p0 + 1, p1, p2), epoch, code === ENTER ? 0 : code, wait);
    return i + 1;
  }

  /** One line b[start, end): finds its pipes, then reads it. */
  private line(b: Buffer, start: number, end: number, lineNo: number): void {
    let n = 0;
    for (let i = start; i < end && n < MAX_PIPES; i++) if (b[i] === PIPE) this.pipes[n++] = i;
    this.fields(b, start, end, n, lineNo);
  }

  /** One line whose first `n` pipe positions are in this.pipes. */
  private fields(b: Buffer, start: number, end: number, n: number, lineNo: number): void {
    const stats = this.stats;
    stats.lines++;
    const pipes = this.pipes;
    if (n === 0) {
      if (b.toString('utf8', start, end).trim() === '') stats.blank++;
      else this.malformed(lineNo);
      return;
    }
    const p0 = pipes[0] as number;
    const epoch = intIn(b, start, p0);
    if (n < 4 || Number.isNaN(epoch)) {
      this.malformed(lineNo);
      return;
    }
    const p1 = pipes[1] as number;
    const p2 = pipes[2] as number;
    const p3 = pipes[3] as number;
    // callid empty or NONE: not a call.
    const idLen = p1 - p0 - 1;
    if (padded(b, p0 + 1, p1)) {
      const id = b.toString('utf8', p0 + 1, p1).trim();
      if (id === '' || id === 'NONE') {
        stats.nonCall++;
        return;
      }
    } else if (idLen === 0 || (idLen === 4 && b[p0 + 1] === 78 && b[p0 + 2] === 79 && b[p0 + 3] === 78 && b[p0 + 4] === 69)) {
      stats.nonCall++;
      return;
    }
    const p4 = n > 4 ? (pipes[4] as number) : end;
    const code = eventCode(b, p3 + 1, p4);
    if (code === OTHER) {
      stats.otherEvents++;
      return;
    }
    if (code === ENTER) {
      this.state(b, p0, p1, p2, epoch, 0, 0);
      return;
    }
    // The wait is data field k (k = 1..4), between pipe 3 + k and the next pipe (or the line end).
    const k = WAIT_FIELD_BY_CODE[code] as number;
    const seconds = n > 3 + k ? intIn(b, (pipes[3 + k] as number) + 1, n > 4 + k ? (pipes[4 + k] as number) : end) : Number.NaN;
    if (Number.isNaN(seconds)) this.malformed(lineNo);
    else this.state(b, p0, p1, p2, epoch, code, seconds);
  }

  /** Hands over the calls gathered so far and starts afresh (tests and small files). */
  drain(): CallState[] {
    const b = this.drainBatch();
    const keys = keysOf(b);
    const calls: CallState[] = [];
    for (let s = 0; s < b.count; s++) {
      const code = b.outcome[s] as number;
      const entered = b.entered[s] as number;
      calls.push({
        callId: callIdOf(b, keys, s),
        queue: queueOf(b, s),
        enteredAt: Number.isNaN(entered) ? null : entered,
        outcome: OUTCOME_BY_CODE[code] ?? null,
        outcomeAt: code === 0 ? null : (b.outcomeAt[s] as number),
        waitSeconds: code === 0 ? null : (b.wait[s] as number),
      });
    }
    return calls;
  }

  /** Hands over the calls gathered so far, column by column, and starts afresh: bounded memory for streaming imports. */
  drainBatch(): CallBatch {
    const n = this.count;
    const batch: CallBatch = {
      ...packKeys({
        n,
        arena: this.arena,
        used: this.arenaUsed,
        keyAt: this.keyAt,
        idLength: this.idLength,
        keyLength: this.keyLength,
        nonAscii: this.nonAscii,
      }),
      entered: this.entered.slice(0, n),
      outcome: this.outcome.slice(0, n),
      outcomeAt: this.outcomeAt.slice(0, n),
      wait: this.wait.slice(0, n),
    };
    this.reset();
    return batch;
  }

  private reset(): void {
    this.table.fill(0);
    this.count = 0;
    this.arenaUsed = 0;
    this.nonAscii = false;
  }

  /** Applies one ENTERQUEUE (code 0 here: no outcome) or outcome event; the same rule as mergeCallState. */
  private state(b: Buffer, p0: number, p1: number, p2: number, epoch: number, code: number, wait: number): void {
    let s: number;
    if (padded(b, p0 + 1, p1) || padded(b, p1 + 1, p2) || !ascii(b, p0 + 1, p2)) {
      // The rare way: the key as text (trimmed when a field is padded), then its UTF-8 bytes.
      const trim = padded(b, p0 + 1, p1) || padded(b, p1 + 1, p2);
      let id = b.toString('utf8', p0 + 1, p1);
      let queue = b.toString('utf8', p1 + 1, p2);
      if (trim) {
        id = id.trim();
        queue = queue.trim();
      }
      const key = Buffer.from(`${id}${queue}`, 'utf8');
      if (!ascii(key, 0, key.length)) this.nonAscii = true;
      s = this.slot(key, 0, Buffer.byteLength(id, 'utf8'), key.length);
    } else {
      // callid bytes and queue bytes, skipping the pipe between them.
      s = this.slotOf(b, p0 + 1, p1, p2);
    }
    this.apply(s, epoch, code, wait);
  }

  /** Applies one ENTERQUEUE (code 0 here: no outcome) or outcome event to call s. */
  private apply(s: number, epoch: number, code: number, wait: number): void {
    if (code === 0) {
      const e = this.entered[s] as number;
      if (Number.isNaN(e) || epoch < e) this.entered[s] = epoch;
    } else if (this.outcome[s] === 0 || epoch < (this.outcomeAt[s] as number)) {
      this.outcome[s] = code;
      this.outcomeAt[s] = epoch;
      this.wait[s] = wait;
    }
  }

  /** The slot of the key made of b[idStart, idEnd) and b[idEnd + 1, queueEnd) (the pipe between left out). */
  private slotOf(b: Uint8Array, idStart: number, idEnd: number, queueEnd: number): number {
    let h = FNV_OFFSET;
    for (let i = idStart; i < idEnd; i++) h = Math.imul(h ^ (b[i] as number), FNV_PRIME);
    h = Math.imul(h ^ PIPE, FNV_PRIME);
    for (let i = idEnd + 1; i < queueEnd; i++) h = Math.imul(h ^ (b[i] as number), FNV_PRIME);
    return this.find(h, b, idStart, idEnd, queueEnd);
  }

  /** slotOf with the key's hash `h` already computed. */
  private find(h: number, b: Uint8Array, idStart: number, idEnd: number, queueEnd: number): number {
    const idLength = idEnd - idStart;
    const keyLength = queueEnd - idStart - 1;
    const table = this.table;
    const mask = table.length - 1;
    const arena = this.arena;
    for (let t = h & mask; ; t = (t + 1) & mask) {
      const found = table[t] as number;
      if (found === 0) return this.insert(t, h, b, idStart, idEnd, queueEnd);
      const s = found - 1;
      if (this.hashes[s] !== h || this.idLength[s] !== idLength || this.keyLength[s] !== keyLength) continue;
      const at = this.keyAt[s] as number;
      let k = 0;
      while (k < idLength && arena[at + k] === b[idStart + k]) k++;
      if (k < idLength) continue;
      const q = at + idLength - idEnd - 1;
      let i = idEnd + 1;
      while (i < queueEnd && arena[q + i] === b[i]) i++;
      if (i === queueEnd) return s;
    }
  }

  /** The slot of a key given as one run of bytes: callid (idLength bytes), then queue. */
  private slot(key: Buffer, start: number, idLength: number, end: number): number {
    // The same bytes with a pipe after the callid, so the hash and comparison are those of slotOf.
    const withPipe = Buffer.allocUnsafe(end - start + 1);
    key.copy(withPipe, 0, start, start + idLength);
    withPipe[idLength] = PIPE;
    key.copy(withPipe, idLength + 1, start + idLength, end);
    return this.slotOf(withPipe, 0, idLength, withPipe.length);
  }

  /** A new call at table position t; its key bytes are copied into the arena. */
  private insert(t: number, h: number, b: Uint8Array, idStart: number, idEnd: number, queueEnd: number): number {
    const s = this.count++;
    if (s === this.entered.length) this.grow();
    const idLength = idEnd - idStart;
    const keyLength = queueEnd - idStart - 1;
    if (this.arenaUsed + keyLength > this.arena.length) {
      const next = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaUsed + keyLength));
      this.arena.copy(next, 0, 0, this.arenaUsed);
      this.arena = next;
    }
    const at = this.arenaUsed;
    const arena = this.arena;
    // A key is a few dozen bytes: a loop costs less than a subarray and a copy.
    let j = at;
    for (let i = idStart; i < idEnd; i++) arena[j++] = b[i] as number;
    for (let i = idEnd + 1; i < queueEnd; i++) arena[j++] = b[i] as number;
    this.arenaUsed += keyLength;
    this.keyAt[s] = at;
    this.idLength[s] = idLength;
    this.keyLength[s] = keyLength;
    this.hashes[s] = h;
    this.entered[s] = Number.NaN;
    this.outcome[s] = 0;
    this.table[t] = s + 1;
    if (this.count * 2 > this.table.length) this.rehash();
    return s;
  }

  /** Doubles the hash table (kept at most half full). */
  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let s = 0; s < this.count; s++) {
      let t = (this.hashes[s] as number) & mask;
      while (table[t] !== 0) t = (t + 1) & mask;
      table[t] = s + 1;
    }
    this.table = table;
  }

  private grow(): void {
    const size = this.entered.length * 2;
    const f = (a: Float64Array) => {
      const next = new Float64Array(size);
      next.set(a);
      return next;
    };
    const i = (a: Int32Array) => {
      const next = new Int32Array(size);
      next.set(a);
      return next;
    };
    this.entered = f(this.entered);
    this.outcomeAt = f(this.outcomeAt);
    this.wait = f(this.wait);
    this.hashes = i(this.hashes);
    this.keyAt = i(this.keyAt);
    this.idLength = i(this.idLength);
    this.keyLength = i(this.keyLength);
    const o = new Uint8Array(size);
    o.set(this.outcome);
    this.outcome = o;
  }

  private malformed(lineNo: number): void {
    this.stats.malformed++;
    if (this.stats.malformedLines.length < MAX_LISTED_LINES) this.stats.malformedLines.push(lineNo);
  }
}

export function toCallRecord(s: CallState): CallRecord {
  return { ...s, direction: 'in' };
}

/** All calls of a whole queue_log text (tests, small files); the import streams instead. */
export function callsFromQueueLog(lines: Iterable<string>): { calls: CallRecord[]; stats: QueueLogStats; withoutEnter: number } {
  const acc = new QueueLogAccumulator();
  let n = 0;
  for (const line of lines) acc.add(line, ++n);
  const all = acc.drain();
  const withoutEnter = all.filter((c) => c.enteredAt === null).length;
  return { calls: all.filter((c) => c.enteredAt !== null).map(toCallRecord), stats: acc.stats, withoutEnter };
}
