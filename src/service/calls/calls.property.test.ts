/** The one-pass SL engine against a deliberately naive reading of spec §1.1 on random queue_logs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callMetrics } from './calls.ts';
import { callsFromQueueLog } from './queue-log.ts';

const T = 30;
const SHORT = 5;
const EVENTS = ['ENTERQUEUE', 'CONNECT', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY', 'COMPLETECALLER'] as const;

/** Literal spec: drop duplicates, stable-sort by epoch, walk every call's events in order. */
function naiveServiceLevel(lines: string[]): number | null {
  const unique = [...new Set(lines)];
  const events = unique.map((l, i) => ({ f: l.split('|'), i })).sort((a, b) => Number(a.f[0]) - Number(b.f[0]) || a.i - b.i);
  const calls = new Map<string, { entered: boolean; outcome?: string; wait?: number }>();
  for (const { f } of events) {
    const key = `${f[1]}|${f[2]}`;
    const call = calls.get(key) ?? { entered: false };
    calls.set(key, call);
    const ev = f[4] ?? '';
    if (ev === 'ENTERQUEUE') call.entered = true;
    else if (call.outcome === undefined && ev !== 'COMPLETECALLER') {
      call.outcome = ev;
      const idx = ev === 'CONNECT' ? 5 : ev === 'EXITWITHKEY' ? 8 : 7;
      call.wait = Number(f[idx]);
    }
  }
  let within = 0;
  let answered = 0;
  let lateAbandons = 0;
  for (const c of calls.values()) {
    if (!c.entered || c.outcome === undefined || c.wait === undefined) continue;
    if (c.outcome === 'CONNECT') {
      answered++;
      if (c.wait <= T) within++;
    } else if (c.wait > SHORT && c.wait > T) lateAbandons++;
  }
  return answered + lateAbandons === 0 ? null : (within / (answered + lateAbandons)) * 100;
}

const line = fc
  .record({
    t: fc.integer({ min: 1_715_000_000, max: 1_715_000_200 }),
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    queue: fc.constantFrom('Q1', 'Q2'),
    ev: fc.constantFrom(...EVENTS),
    wait: fc.integer({ min: 0, max: 90 }),
  })
  .map(({ t, id, queue, ev, wait }) => `${t}|${id}|${queue}|NONE|${ev}|${wait}|${wait}|${wait}|${wait}`);

describe('service level (property)', () => {
  it('equals a naive sort-and-walk implementation on random event streams', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.boolean(), (lines, repeat) => {
        const input = repeat ? [...lines, ...lines.slice(0, 10)] : lines;
        const fast = callMetrics(callsFromQueueLog(input).calls, { thresholdSeconds: T, shortAbandonSeconds: SHORT }).serviceLevel;
        expect(fast).toBe(naiveServiceLevel(input));
      }),
      { numRuns: 500 },
    );
  });
});
