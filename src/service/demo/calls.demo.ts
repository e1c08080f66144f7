/**
 * The demo's service-desk raw data: an Asterisk queue_log for twelve months (weekday/weekend and
 * hourly patterns, a few hundred calls a day, with the mess real logs have) and the outbound calls
 * as a calls CSV. The demo targets (every month ≥ 80 % within 30 s, May's answer time 12,2 s) are
 * reached by shaping the generated waits; the engine computes the figures from the lines.
 */
import { createRandom, type Random } from '../../demo/random.ts';
import { addMonths, eachDate, firstDayOfMonth, lastDayOfMonth, startOfDayMs, type YearMonth } from '../../shared/period.ts';

/** May 2025's average speed of answer in the seed report (seconds, one decimal). */
export const DEMO_ASA_SECONDS = 12.2;
export const DEMO_QUEUES = ['Servicedesk', 'Sentralbord'] as const;

/** Relative call volume per local hour (0–23). */
const HOURLY = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 2.5, 4.2, 4.6, 4.4, 3.8, 3.4, 3.9, 3.7, 3.0, 2.0, 1.2, 0.9, 0.8, 0.7, 0.6, 0.4, 0.3];
const HOURLY_SUM = HOURLY.reduce((a, b) => a + b, 0);

interface DemoCall {
  id: string;
  queue: string;
  enter: number;
  /** 'CONNECT' | 'ABANDON' | 'EXITWITHTIMEOUT' | null (still waiting at the end of the log) */
  outcome: 'CONNECT' | 'ABANDON' | 'EXITWITHTIMEOUT' | null;
  wait: number;
  talk: number;
}

function hourOf(random: Random): number {
  let r = random.next() * HOURLY_SUM;
  for (let h = 0; h < 24; h++) {
    r -= HOURLY[h] as number;
    if (r < 0) return h;
  }
  return 23;
}

/** A wait that is mostly short: ~91 % within 30 s (exponential, mean 8 s), the rest 31–75 s. */
function answeredWait(random: Random): number {
  if (!random.chance(0.91)) return random.int(31, 75);
  return Math.min(30, Math.floor(-8 * Math.log(1 - random.next())));
}

function dayCalls(random: Random, date: string, seq: { n: number }): DemoCall[] {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const base = weekend ? 80 : 260;
  const count = Math.max(0, Math.round(random.normal(base, base * 0.08)));
  const midnight = startOfDayMs(date) / 1000;
  const calls: DemoCall[] = [];
  for (let i = 0; i < count; i++) {
    const enter = midnight + hourOf(random) * 3600 + random.int(0, 3599);
    const queue = random.chance(0.12) ? 'Sentralbord' : 'Servicedesk';
    const r = random.next();
    const id = `${enter}.${++seq.n}`;
    if (r < 0.045)
      calls.push({ id, queue, enter, outcome: 'ABANDON', wait: random.chance(0.35) ? random.int(0, 5) : random.int(6, 90), talk: 0 });
    else if (r < 0.05) calls.push({ id, queue, enter, outcome: 'EXITWITHTIMEOUT', wait: 300, talk: 0 });
    else calls.push({ id, queue, enter, outcome: 'CONNECT', wait: answeredWait(random), talk: random.int(40, 600) });
  }
  return calls;
}

/**
 * Nudges the answered waits of the report month by whole seconds until their mean is the target at
 * one decimal, never moving a wait across the 30 s threshold (the service level stays as generated).
 */
function shapeAsa(calls: DemoCall[], target: number): void {
  const answered = calls.filter((c) => c.outcome === 'CONNECT');
  let diff = Math.round(target * answered.length) - answered.reduce((s, c) => s + c.wait, 0);
  for (let pass = 0; diff !== 0 && pass < 200; pass++) {
    for (const c of answered) {
      if (diff === 0) break;
      const next = c.wait + Math.sign(diff);
      if (next < 0 || next > 29 || c.wait > 29) continue;
      c.wait = next;
      diff -= Math.sign(diff);
    }
  }
}

function lines(c: DemoCall, random: Random): string[] {
  const out = [
    `${c.enter}|${c.id}|${c.queue}|NONE|DID|22001100||||`,
    `${c.enter}|${c.id}|${c.queue}|NONE|ENTERQUEUE||4790${random.int(100000, 999999)}|1||`,
  ];
  const end = c.enter + c.wait;
  if (c.outcome === 'CONNECT') {
    const agent = `PJSIP/${random.int(201, 214)}`;
    out.push(`${end}|${c.id}|${c.queue}|${agent}|CONNECT|${c.wait}|${c.id}.1|${Math.min(c.wait, random.int(1, 8))}||`);
    out.push(`${end + c.talk}|${c.id}|${c.queue}|${agent}|COMPLETE${random.chance(0.6) ? 'CALLER' : 'AGENT'}|${c.wait}|${c.talk}|1||`);
  } else if (c.outcome !== null) {
    out.push(`${end}|${c.id}|${c.queue}|NONE|${c.outcome}|1|1|${c.wait}||`);
  }
  return out;
}

export interface DemoCallFiles {
  /** queue_log text, June of the year before to the report month. */
  queueLog: string;
  /** calls CSV (outbound). */
  outboundCsv: string;
}

/** Generates the twelve months ending with `period`. Deterministic. */
export function generateDemoCalls(period: YearMonth): DemoCallFiles {
  const random = createRandom('service-calls');
  const seq = { n: 0 };
  const first = addMonths(period, -11);
  const chunks: string[] = [`${startOfDayMs(firstDayOfMonth(first)) / 1000}|NONE|NONE|NONE|QUEUESTART||||`];
  const outbound: string[] = ['started_at;direction;queue;answered;wait_seconds;talk_seconds'];
  let month = first;
  for (let m = 0; m < 12; m++, month = addMonths(month, 1)) {
    const calls: DemoCall[] = [];
    for (const date of eachDate(firstDayOfMonth(month), lastDayOfMonth(month))) {
      calls.push(...dayCalls(random, date, seq));
      const weekend = [0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());
      const out = weekend ? random.int(2, 8) : random.int(30, 55);
      for (let i = 0; i < out; i++) {
        const t = `${String(random.int(8, 15)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`;
        outbound.push(`${date}T${t};out;Servicedesk;${random.chance(0.85) ? 'ja' : 'nei'};0;${random.int(30, 900)}`);
      }
    }
    if (month === period) shapeAsa(calls, DEMO_ASA_SECONDS);
    const text: string[] = [];
    for (const c of calls) {
      const ls = lines(c, random);
      text.push(...ls);
      // Real logs repeat lines now and then (log rotation overlaps, agent re-logins).
      if (random.chance(0.002)) text.push(ls[1] as string);
    }
    if (m === 5) text.push(`${startOfDayMs(firstDayOfMonth(month)) / 1000}|NONE|NONE|NONE|CONFIGRELOAD||||`, '');
    chunks.push(text.join('\n'));
  }
  // An outcome whose ENTERQUEUE was in the previous (not imported) log.
  chunks.push(`${startOfDayMs(firstDayOfMonth(first)) / 1000 + 20}|0.1|Servicedesk|NONE|ABANDON|1|1|40||`);
  return { queueLog: `${chunks.join('\n')}\n`, outboundCsv: `${outbound.join('\n')}\n` };
}
