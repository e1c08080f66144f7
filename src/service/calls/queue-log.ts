/**
 * Asterisk/FreePBX `queue_log` lines → call records (service-metrics.md §1.1). One pass, any line
 * order: a call keeps only its earliest ENTERQUEUE and its earliest outcome event (ties: the first
 * line seen wins), which is exactly "a stable sort by epoch, file order breaking ties" without
 * sorting, and makes repeated identical lines harmless.
 */
import { type CallRecord, isOutcomeEvent, type OutcomeEvent } from './calls.ts';

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

/** Which data field holds the wait, per outcome event (1-based data index). */
const WAIT_FIELD: Record<OutcomeEvent, number> = { CONNECT: 1, ABANDON: 3, EXITWITHTIMEOUT: 3, EXITEMPTY: 3, EXITWITHKEY: 4 };

/** The integer in line[start, end) (surrounding blanks allowed), or NaN. No substring is made. */
function intIn(line: string, start: number, end: number): number {
  while (start < end && line.charCodeAt(start) === 32) start++;
  while (end > start && line.charCodeAt(end - 1) === 32) end--;
  if (start === end) return Number.NaN;
  let sign = 1;
  if (line.charCodeAt(start) === 45) {
    sign = -1;
    start++;
    if (start === end) return Number.NaN;
  }
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return sign * n;
}

function field(line: string, start: number, end: number): string {
  const text = line.slice(start, end);
  return line.charCodeAt(start) === 32 || line.charCodeAt(end - 1) === 32 ? text.trim() : text;
}

/**
 * Folds queue_log lines into call states. Lines are scanned with indexOf (no split, no regex) and a
 * call's state is updated in place: a national call centre's year is tens of millions of lines.
 */
export class QueueLogAccumulator {
  /** queue → callid → state. */
  private readonly byQueue = new Map<string, Map<string, CallState>>();
  private count = 0;
  readonly stats: QueueLogStats = emptyStats();

  /** Calls held. */
  get size(): number {
    return this.count;
  }

  /** Adds one line (without its line break); `lineNo` is 1-based. */
  add(line: string, lineNo: number): void {
    this.stats.lines++;
    const p0 = line.indexOf('|');
    if (p0 === -1) {
      if (line.trim() === '') this.stats.blank++;
      else this.malformed(lineNo);
      return;
    }
    const p1 = line.indexOf('|', p0 + 1);
    const p2 = p1 === -1 ? -1 : line.indexOf('|', p1 + 1);
    const p3 = p2 === -1 ? -1 : line.indexOf('|', p2 + 1);
    const epoch = intIn(line, 0, p0);
    if (p3 === -1 || Number.isNaN(epoch)) {
      this.malformed(lineNo);
      return;
    }
    const callId = field(line, p0 + 1, p1);
    if (callId === '' || callId === 'NONE') {
      this.stats.nonCall++;
      return;
    }
    let p4 = line.indexOf('|', p3 + 1);
    if (p4 === -1) p4 = line.length;
    const event = field(line, p3 + 1, p4);
    if (event === 'ENTERQUEUE') {
      this.state(callId, field(line, p1 + 1, p2), epoch, null, 0);
      return;
    }
    const wait = WAIT_FIELD[event as OutcomeEvent];
    if (wait === undefined || !isOutcomeEvent(event)) {
      this.stats.otherEvents++;
      return;
    }
    let from = p4;
    for (let k = 1; k < wait && from !== -1; k++) from = from >= line.length ? -1 : line.indexOf('|', from + 1);
    let to = from === -1 || from >= line.length ? -1 : line.indexOf('|', from + 1);
    if (to === -1) to = line.length;
    const seconds = from === -1 || from >= line.length ? Number.NaN : intIn(line, from + 1, to);
    if (Number.isNaN(seconds)) this.malformed(lineNo);
    else this.state(callId, field(line, p1 + 1, p2), epoch, event, seconds);
  }

  /** Hands over the calls gathered so far and starts afresh (bounded memory for streaming imports). */
  drain(): CallState[] {
    const out: CallState[] = [];
    for (const calls of this.byQueue.values()) for (const c of calls.values()) out.push(c);
    this.byQueue.clear();
    this.count = 0;
    return out;
  }

  /** Applies one ENTERQUEUE (outcome null) or outcome event; the same rule as mergeCallState. */
  private state(callId: string, queue: string, epoch: number, outcome: OutcomeEvent | null, wait: number): void {
    let calls = this.byQueue.get(queue);
    if (!calls) {
      calls = new Map();
      this.byQueue.set(queue, calls);
    }
    let c = calls.get(callId);
    if (!c) {
      c = { callId, queue, enteredAt: null, outcome: null, outcomeAt: null, waitSeconds: null };
      calls.set(callId, c);
      this.count++;
    }
    if (outcome === null) {
      if (c.enteredAt === null || epoch < c.enteredAt) c.enteredAt = epoch;
    } else if (c.outcomeAt === null || epoch < c.outcomeAt) {
      c.outcome = outcome;
      c.outcomeAt = epoch;
      c.waitSeconds = wait;
    }
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
