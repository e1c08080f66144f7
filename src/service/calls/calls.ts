/**
 * Service-desk call metrics (service-metrics.md §1.1): a call is a (callid, queue) pair with an
 * entry time, an outcome and a wait. Pure functions of call records; parsing lives in queue-log.ts
 * and calls.parse.ts.
 */
import type { ServiceSettings } from '../service-settings.ts';

/** The events that decide a call's outcome, in spec order. */
export const OUTCOME_EVENTS = ['CONNECT', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY'] as const;
export type OutcomeEvent = (typeof OUTCOME_EVENTS)[number];

export function isOutcomeEvent(event: string): event is OutcomeEvent {
  return (OUTCOME_EVENTS as readonly string[]).includes(event);
}

export interface CallRecord {
  callId: string;
  queue: string;
  direction: 'in' | 'out';
  /** Epoch seconds of the first ENTERQUEUE; null when only outcome events were seen. */
  enteredAt: number | null;
  /** The first outcome event, or null (unresolved). */
  outcome: OutcomeEvent | null;
  /** Epoch seconds of the outcome event. */
  outcomeAt: number | null;
  /** Seconds waited (from the outcome event); null without outcome. */
  waitSeconds: number | null;
}

export interface CallMetrics {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandons: number;
  unresolved: number;
  answeredWithinThreshold: number;
  /** Percent, null when answered + abandoned-after-threshold is 0. */
  serviceLevel: number | null;
  /** Seconds, null when nothing was answered. */
  averageSpeedOfAnswer: number | null;
  /** Percent, null when answered + abandoned is 0. */
  abandonRate: number | null;
  outbound: number;
}

export type CallThresholds = Pick<ServiceSettings, 'thresholdSeconds' | 'shortAbandonSeconds'>;

/** Metrics of the given calls (already restricted to one month and, if wanted, one queue). */
export function callMetrics(calls: Iterable<CallRecord>, settings: CallThresholds): CallMetrics {
  let offered = 0;
  let answered = 0;
  let abandoned = 0;
  let shortAbandons = 0;
  let unresolved = 0;
  let withinThreshold = 0;
  let abandonedAfterThreshold = 0;
  let waitSum = 0;
  let outbound = 0;
  for (const c of calls) {
    if (c.direction === 'out') {
      outbound++;
      continue;
    }
    if (c.enteredAt === null) continue;
    offered++;
    const wait = c.waitSeconds ?? 0;
    if (c.outcome === null) unresolved++;
    else if (c.outcome === 'CONNECT') {
      answered++;
      waitSum += wait;
      if (wait <= settings.thresholdSeconds) withinThreshold++;
    } else if (wait <= settings.shortAbandonSeconds) shortAbandons++;
    else {
      abandoned++;
      if (wait > settings.thresholdSeconds) abandonedAfterThreshold++;
    }
  }
  const slBase = answered + abandonedAfterThreshold;
  return {
    offered,
    answered,
    abandoned,
    shortAbandons,
    unresolved,
    answeredWithinThreshold: withinThreshold,
    serviceLevel: slBase === 0 ? null : (withinThreshold / slBase) * 100,
    averageSpeedOfAnswer: answered === 0 ? null : waitSum / answered,
    abandonRate: answered + abandoned === 0 ? null : (abandoned / (answered + abandoned)) * 100,
    outbound,
  };
}

/** The calls whose entry (inbound) or start (outbound) falls in the Europe/Oslo month `bounds`, optionally one queue. */
export function callsInMonth(
  calls: Iterable<CallRecord>,
  bounds: { startMs: number; endMs: number },
  queue: string | null = null,
): CallRecord[] {
  const out: CallRecord[] = [];
  for (const c of calls) {
    if (c.enteredAt === null) continue;
    const ms = c.enteredAt * 1000;
    if (ms >= bounds.startMs && ms < bounds.endMs && (queue === null || c.queue === queue)) out.push(c);
  }
  return out;
}
