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
const INTEGER = /^-?\d+$/;

/** Which data field holds the wait, per outcome event (1-based data index). */
const WAIT_FIELD: Record<OutcomeEvent, number> = { CONNECT: 1, ABANDON: 3, EXITWITHTIMEOUT: 3, EXITEMPTY: 3, EXITWITHKEY: 4 };

/** Folds queue_log lines into call states, keyed by `callid|queue`. */
export class QueueLogAccumulator {
  readonly calls = new Map<string, CallState>();
  readonly stats: QueueLogStats = emptyStats();

  /** Adds one line (without its line break); `lineNo` is 1-based. */
  add(line: string, lineNo: number): void {
    this.stats.lines++;
    if (line.trim() === '') {
      this.stats.blank++;
      return;
    }
    const f = line.split('|');
    const epochText = f[0]?.trim() ?? '';
    if (f.length < 5 || !INTEGER.test(epochText)) {
      this.malformed(lineNo);
      return;
    }
    const callId = f[1]?.trim() ?? '';
    if (callId === '' || callId === 'NONE') {
      this.stats.nonCall++;
      return;
    }
    const event = f[4]?.trim() ?? '';
    const queue = f[2]?.trim() ?? '';
    const epoch = Number(epochText);
    if (event === 'ENTERQUEUE') {
      this.apply(callId, queue, { enteredAt: epoch, outcome: null, outcomeAt: null, waitSeconds: null });
    } else if (!isOutcomeEvent(event)) {
      this.stats.otherEvents++;
    } else {
      const waitText = f[4 + WAIT_FIELD[event]]?.trim() ?? '';
      if (INTEGER.test(waitText))
        this.apply(callId, queue, { enteredAt: null, outcome: event, outcomeAt: epoch, waitSeconds: Number(waitText) });
      else this.malformed(lineNo);
    }
  }

  /** Hands over the calls gathered so far and starts afresh (bounded memory for streaming imports). */
  drain(): CallState[] {
    const out = [...this.calls.values()];
    this.calls.clear();
    return out;
  }

  private apply(callId: string, queue: string, seen: Omit<CallState, 'callId' | 'queue'>): void {
    const key = `${callId}|${queue}`;
    const next = { callId, queue, ...seen };
    const prev = this.calls.get(key);
    this.calls.set(key, prev ? mergeCallState(prev, next) : next);
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
