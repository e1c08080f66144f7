/**
 * Asterisk/FreePBX `queue_log` lines → call records (service-metrics.md §1.1). One pass, any line
 * order: a call keeps only its earliest ENTERQUEUE and its earliest outcome event (ties: the first
 * line seen wins), which is exactly "a stable sort by epoch, file order breaking ties" without
 * sorting, and makes repeated identical lines harmless.
 */
import { type CallRecord, OUTCOME_EVENTS, type OutcomeEvent } from './calls.ts';

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
const OUTCOME_BY_CODE: readonly (OutcomeEvent | null)[] = [null, ...OUTCOME_EVENTS];
/** Which data field holds the wait, per outcome code (1-based data index). */
const WAIT_FIELD_BY_CODE = [0, 1, 3, 3, 3, 4];
const ENTER = 6;
const OTHER = 0;
const PIPE = 124;
const SPACE = 32;
const MAX_PIPES = 10;
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
 * call (ENTERQUEUE or an outcome) are decoded, as one "callid|queue" string that keys the call. A
 * call's state lives in typed arrays (no object per call): a national call centre's year is tens of
 * millions of lines.
 */
export class QueueLogAccumulator {
  /** "callid|queue" → slot in the state arrays. */
  private readonly slots = new Map<string, number>();
  private keys: string[] = [];
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
    return this.keys.length;
  }

  /** Adds one line (without its line break); `lineNo` is 1-based. */
  add(line: string, lineNo: number): void {
    const b = Buffer.from(line, 'utf8');
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
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = b[i];
      if (c === PIPE) {
        if (n < MAX_PIPES) pipes[n++] = i;
      } else if (c === 10) {
        const end = i > start && b[i - 1] === 13 ? i - 1 : i;
        this.fields(b, start, end, n, ++this.lineNo);
        start = i + 1;
        n = 0;
      }
    }
    return start;
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
    const out: CallState[] = [];
    for (let s = 0; s < this.keys.length; s++) {
      const key = this.keys[s] as string;
      const bar = key.indexOf('|');
      const code = this.outcome[s] as number;
      const entered = this.entered[s] as number;
      out.push({
        callId: key.slice(0, bar),
        queue: key.slice(bar + 1),
        enteredAt: Number.isNaN(entered) ? null : entered,
        outcome: OUTCOME_BY_CODE[code] ?? null,
        outcomeAt: code === 0 ? null : (this.outcomeAt[s] as number),
        waitSeconds: code === 0 ? null : (this.wait[s] as number),
      });
    }
    this.reset();
    return out;
  }

  /**
   * Hands over the calls gathered so far as flat rows in the column order of `mergeCallValues`
   * (call_id, queue, direction, entered_at, outcome, outcome_at, wait_seconds, talk_seconds,
   * import_run_id) and starts afresh: bounded memory for streaming imports.
   */
  drainValues(runId: number): (string | number | null)[] {
    const out: (string | number | null)[] = new Array(this.keys.length * 9);
    let j = 0;
    for (let s = 0; s < this.keys.length; s++) {
      const key = this.keys[s] as string;
      const bar = key.indexOf('|');
      const code = this.outcome[s] as number;
      const entered = this.entered[s] as number;
      out[j++] = key.slice(0, bar);
      out[j++] = key.slice(bar + 1);
      out[j++] = 'in';
      out[j++] = Number.isNaN(entered) ? null : entered;
      out[j++] = OUTCOME_BY_CODE[code] ?? null;
      out[j++] = code === 0 ? null : (this.outcomeAt[s] as number);
      out[j++] = code === 0 ? null : (this.wait[s] as number);
      out[j++] = null;
      out[j++] = runId;
    }
    this.reset();
    return out;
  }

  private reset(): void {
    this.slots.clear();
    this.keys = [];
  }

  /** Applies one ENTERQUEUE (code 0 here: no outcome) or outcome event; the same rule as mergeCallState. */
  private state(b: Buffer, p0: number, p1: number, p2: number, epoch: number, code: number, wait: number): void {
    // The key is the bytes "callid|queue" as they stand, unless a field is padded with blanks.
    const key =
      padded(b, p0 + 1, p1) || padded(b, p1 + 1, p2)
        ? `${b.toString('utf8', p0 + 1, p1).trim()}|${b.toString('utf8', p1 + 1, p2).trim()}`
        : b.toString('utf8', p0 + 1, p2);
    let s = this.slots.get(key);
    if (s === undefined) {
      s = this.keys.length;
      if (s === this.entered.length) this.grow();
      this.keys.push(key);
      this.slots.set(key, s);
      this.entered[s] = Number.NaN;
      this.outcome[s] = 0;
    }
    if (code === 0) {
      const e = this.entered[s] as number;
      if (Number.isNaN(e) || epoch < e) this.entered[s] = epoch;
    } else if (this.outcome[s] === 0 || epoch < (this.outcomeAt[s] as number)) {
      this.outcome[s] = code;
      this.outcomeAt[s] = epoch;
      this.wait[s] = wait;
    }
  }

  private grow(): void {
    const size = this.entered.length * 2;
    const f = (a: Float64Array) => {
      const next = new Float64Array(size);
      next.set(a);
      return next;
    };
    this.entered = f(this.entered);
    this.outcomeAt = f(this.outcomeAt);
    this.wait = f(this.wait);
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
