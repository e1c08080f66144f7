import { describe, expect, it } from 'vitest';
import { monthBoundsMs } from '../../shared/period.ts';
import { DEFAULT_SERVICE_SETTINGS } from '../service-settings.ts';
import { type CallRecord, callMetrics, callsInMonth, isOutcomeEvent, OUTCOME_EVENTS } from './calls.ts';
import { callsFromQueueLog, mergeCallState, QueueLogAccumulator } from './queue-log.ts';
import { callIdOf, keysOf, queueOf } from './queue-log-batch.ts';

const S = DEFAULT_SERVICE_SETTINGS;
// 2025-05-12 10:00:00 Europe/Oslo (CEST, UTC+2)
const T0 = Date.UTC(2025, 4, 12, 8, 0, 0) / 1000;

function enter(t: number, id: string, queue = 'Q1'): string {
  return `${T0 + t}|${id}|${queue}|NONE|ENTERQUEUE||4790000000|1`;
}
function connect(t: number, id: string, wait: number, queue = 'Q1'): string {
  return `${T0 + t}|${id}|${queue}|SIP/201|CONNECT|${wait}|${id}.9|3`;
}
function abandon(t: number, id: string, wait: number, queue = 'Q1'): string {
  return `${T0 + t}|${id}|${queue}|NONE|ABANDON|1|1|${wait}`;
}
function metrics(lines: string[]) {
  return callMetrics(callsFromQueueLog(lines).calls, S);
}

describe('a call (service-metrics §1.1)', () => {
  it('is a (callid, queue) pair: a transferred call is offered once in each queue', () => {
    const m = metrics([enter(0, 'a', 'Q1'), connect(10, 'a', 10, 'Q1'), enter(100, 'a', 'Q2'), connect(120, 'a', 20, 'Q2')]);
    expect(m.offered).toBe(2);
    expect(m.answered).toBe(2);
  });

  it('is not a line whose callid is empty or NONE', () => {
    const r = callsFromQueueLog([
      `${T0}|NONE|NONE|NONE|QUEUESTART||||`,
      `${T0}||Q1|NONE|ENTERQUEUE||1|1`,
      enter(1, 'b'),
      connect(3, 'b', 2),
    ]);
    expect(r.calls).toHaveLength(1);
    expect(r.stats.nonCall).toBe(2);
  });

  it('counts identical lines once', () => {
    const m = metrics([enter(0, 'a'), enter(0, 'a'), abandon(40, 'a', 40), abandon(40, 'a', 40)]);
    expect(m).toMatchObject({ offered: 1, abandoned: 1 });
  });
});

describe('time order and month', () => {
  it('takes the first ENTERQUEUE in time as entry, whatever the file order', () => {
    const r = callsFromQueueLog([connect(50, 'a', 50), enter(30, 'a'), enter(0, 'a')]);
    expect(r.calls[0]?.enteredAt).toBe(T0);
  });

  it('puts a call in the Europe/Oslo month of its entry (00:30 on 1 June Oslo is June)', () => {
    const lastMay = Date.UTC(2025, 4, 31, 22, 30) / 1000 - T0;
    const { calls } = callsFromQueueLog([enter(lastMay, 'x'), connect(lastMay + 5, 'x', 5), enter(0, 'y'), connect(5, 'y', 5)]);
    expect(callsInMonth(calls, monthBoundsMs('2025-05')).map((c) => c.callId)).toEqual(['y']);
    expect(callsInMonth(calls, monthBoundsMs('2025-06')).map((c) => c.callId)).toEqual(['x']);
  });

  it('breaks ties in time by file order', () => {
    const r = callsFromQueueLog([enter(0, 'a'), connect(20, 'a', 20), abandon(20, 'a', 20)]);
    expect(r.calls[0]?.outcome).toBe('CONNECT');
  });
});

describe('outcome and wait', () => {
  it('is the first outcome event in time; later ones are ignored', () => {
    const r = callsFromQueueLog([enter(0, 'a'), connect(40, 'a', 40), abandon(10, 'a', 10), connect(60, 'a', 60)]);
    expect(r.calls[0]).toMatchObject({ outcome: 'ABANDON', waitSeconds: 10 });
  });

  it('reads the wait from CONNECT data1, ABANDON/EXITWITHTIMEOUT/EXITEMPTY data3, EXITWITHKEY data4', () => {
    const r = callsFromQueueLog([
      enter(0, 'c'),
      `${T0 + 9}|c|Q1|SIP/1|CONNECT|9|c.1|2`,
      enter(0, 'd'),
      `${T0 + 8}|d|Q1|NONE|ABANDON|1|1|8`,
      enter(0, 'e'),
      `${T0 + 7}|e|Q1|NONE|EXITWITHTIMEOUT|1|1|7`,
      enter(0, 'f'),
      `${T0 + 6}|f|Q1|NONE|EXITEMPTY|1|1|6`,
      enter(0, 'g'),
      `${T0 + 5}|g|Q1|NONE|EXITWITHKEY|3|1|1|55`,
    ]);
    expect(Object.fromEntries(r.calls.map((c) => [c.callId, c.waitSeconds]))).toEqual({ c: 9, d: 8, e: 7, f: 6, g: 55 });
  });
});

describe('calls without ENTERQUEUE or without outcome', () => {
  it('skips a call with outcome events but no ENTERQUEUE, counting it', () => {
    const r = callsFromQueueLog([connect(5, 'orphan', 5), enter(0, 'a'), connect(5, 'a', 5)]);
    expect(r.withoutEnter).toBe(1);
    expect(callMetrics(r.calls, S).offered).toBe(1);
  });

  it('counts a call with ENTERQUEUE and no outcome as offered and unresolved only', () => {
    const m = metrics([enter(0, 'a'), `${T0 + 3}|a|Q1|SIP/1|RINGNOANSWER|3000`]);
    expect(m).toMatchObject({ offered: 1, unresolved: 1, answered: 0, abandoned: 0, shortAbandons: 0 });
    expect(m.serviceLevel).toBeNull();
  });
});

describe('classification at the limits (T = 30 s, short abandon ≤ 5 s)', () => {
  it('answered = CONNECT; short abandon = other outcome with wait ≤ 5; abandoned = wait > 5; within threshold = answered ≤ 30', () => {
    const m = metrics([
      enter(0, 'a1'),
      connect(30, 'a1', 30),
      enter(0, 'a2'),
      connect(31, 'a2', 31),
      enter(0, 's1'),
      abandon(5, 's1', 5),
      enter(0, 'x1'),
      `${T0 + 6}|x1|Q1|NONE|EXITEMPTY|1|1|6`,
    ]);
    expect(m).toMatchObject({ offered: 4, answered: 2, answeredWithinThreshold: 1, shortAbandons: 1, abandoned: 1, unresolved: 0 });
  });
});

describe('SL, ASA and abandon rate', () => {
  it('follow the formulas exactly (short abandons excluded, only abandons after T in the SL base)', () => {
    // answered: 10 s, 20 s, 40 s; abandoned: 20 s (before T), 45 s (after T); short: 3 s
    const m = metrics([
      enter(0, 'a'),
      connect(10, 'a', 10),
      enter(0, 'b'),
      connect(20, 'b', 20),
      enter(0, 'c'),
      connect(40, 'c', 40),
      enter(0, 'd'),
      abandon(20, 'd', 20),
      enter(0, 'e'),
      abandon(45, 'e', 45),
      enter(0, 'f'),
      abandon(3, 'f', 3),
    ]);
    expect(m.serviceLevel).toBe((2 / (3 + 1)) * 100);
    expect(m.averageSpeedOfAnswer).toBeCloseTo(70 / 3, 12);
    expect(m.abandonRate).toBe((2 / 5) * 100);
  });

  it('are null when their denominators are 0', () => {
    const m = metrics([enter(0, 'f'), abandon(3, 'f', 3)]);
    expect(m).toMatchObject({ serviceLevel: null, averageSpeedOfAnswer: null, abandonRate: null, shortAbandons: 1 });
  });
});

describe('mergeCallState (a second file repeating lines)', () => {
  it('keeps the earliest entry and the earliest outcome, so repeats change nothing', () => {
    const a = { callId: 'a', queue: 'Q', enteredAt: 100, outcome: 'CONNECT' as const, outcomeAt: 110, waitSeconds: 10 };
    expect(mergeCallState(a, { ...a })).toEqual(a);
    expect(mergeCallState(a, { ...a, enteredAt: 90, outcome: 'ABANDON', outcomeAt: 105, waitSeconds: 15 })).toMatchObject({
      enteredAt: 90,
      outcome: 'ABANDON',
      outcomeAt: 105,
    });
    expect(mergeCallState({ ...a, enteredAt: null }, { ...a, outcome: null, outcomeAt: null, waitSeconds: null })).toEqual(a);
  });
});

describe('a messy queue_log', () => {
  it('copes with blank, malformed, non-call and repeated lines, disorder and orphan outcomes', () => {
    const r = callsFromQueueLog([
      '',
      `${T0}|NONE|NONE|NONE|CONFIGRELOAD||||`,
      `${T0}|a|Q1|NONE|DID|22334455`,
      'garbage without pipes',
      `x${T0}|a|Q1|NONE|ENTERQUEUE||1|1`,
      connect(12, 'a', 12),
      enter(0, 'a'),
      enter(0, 'a'),
      `${T0 + 40}|a|Q1|SIP/1|COMPLETECALLER|12|28|1`,
      abandon(50, 'ghost', 50),
      '   ',
    ]);
    expect(r.stats).toMatchObject({ lines: 11, blank: 2, malformed: 2, nonCall: 1, otherEvents: 2, malformedLines: [4, 5] });
    expect(r.withoutEnter).toBe(1);
    expect(callMetrics(r.calls, S)).toMatchObject({ offered: 1, answered: 1, averageSpeedOfAnswer: 12, serviceLevel: 100 });
  });
});

describe('QueueLogAccumulator on the bytes of a file', () => {
  const lines = [
    enter(0, 'a'),
    `${T0}|NONE|NONE|NONE|QUEUESTART||||`,
    connect(12, 'a', 12),
    '',
    'garbage without pipes',
    ` ${T0 + 1} | b | Q2 |NONE| ENTERQUEUE ||1|1`,
    `${T0 + 9}|b|Q2|NONE|ABANDON|1|1|8`,
    `${T0 + 2}|ø|Kø|NONE|ENTERQUEUE||1|1`,
  ];
  const text = `${lines.join('\r\n')}\n${abandon(70, 'c', 70)}`;

  it('reads the same calls and counts whatever the chunk boundaries (CRLF, no final line break, UTF-8 split)', () => {
    const expected = callsFromQueueLog([...lines, abandon(70, 'c', 70)]);
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const acc = new QueueLogAccumulator();
      for (let i = 0; i < bytes.length; i += size) acc.write(bytes.subarray(i, i + size));
      acc.end();
      expect(acc.stats).toEqual(expected.stats);
      const calls = acc.drain();
      expect(calls.map((c) => `${c.callId}|${c.queue}|${c.enteredAt}|${c.outcome}|${c.waitSeconds}`)).toEqual([
        `a|Q1|${T0}|CONNECT|12`,
        `b|Q2|${T0 + 1}|ABANDON|8`,
        `ø|Kø|${T0 + 2}|null|null`,
        'c|Q1|null|ABANDON|70',
      ]);
    }
    expect(expected.stats).toMatchObject({ lines: 9, blank: 1, malformed: 1, nonCall: 1, otherEvents: 0, malformedLines: [5] });
  });

  it('finds a call by its text: padded and unpadded fields, and bytes that decode to the same text, are one call', () => {
    const acc = new QueueLogAccumulator();
    acc.write(Buffer.from(`${enter(0, 'p')}\n${T0 + 4}| p | Q1 |SIP/1|CONNECT|4|x|1\n${enter(1, 'kø', 'Kø')}\n`));
    // Two different invalid UTF-8 bytes both decode to U+FFFD: the same callid as text.
    acc.write(Buffer.concat([Buffer.from(`${T0 + 2}|i`), Buffer.from([0xff]), Buffer.from('|Q1|NONE|ENTERQUEUE||1|1\n')]));
    acc.write(Buffer.concat([Buffer.from(`${T0 + 9}|i`), Buffer.from([0xfe]), Buffer.from('|Q1|NONE|ABANDON|1|1|7\n')]));
    acc.write(Buffer.from(`${T0 + 6}|kø|Kø|NONE|ABANDON|1|1|5\n`));
    acc.end();
    expect(acc.drain()).toEqual([
      { callId: 'p', queue: 'Q1', enteredAt: T0, outcome: 'CONNECT', outcomeAt: T0 + 4, waitSeconds: 4 },
      { callId: 'kø', queue: 'Kø', enteredAt: T0 + 1, outcome: 'ABANDON', outcomeAt: T0 + 6, waitSeconds: 5 },
      { callId: 'i\ufffd', queue: 'Q1', enteredAt: T0 + 2, outcome: 'ABANDON', outcomeAt: T0 + 9, waitSeconds: 7 },
    ]);
  });

  it('keeps every call apart when a batch holds many (its table and key store grow)', () => {
    const acc = new QueueLogAccumulator();
    const n = 140_000;
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(enter(i, `call-${i}`, `Q${i % 3}`));
    for (let i = n - 1; i >= 0; i -= 2) lines.push(connect(i + 5, `call-${i}`, 5, `Q${i % 3}`));
    acc.write(Buffer.from(`${lines.join('\n')}\n`));
    acc.end();
    expect(acc.size).toBe(n);
    const b = acc.drainBatch();
    expect(b.count).toBe(n);
    expect(b.queues).toEqual(['Q0', 'Q1', 'Q2']);
    const keys = keysOf(b);
    for (const i of [0, 1, 65_535, 65_536, 131_071, 139_998, 139_999]) {
      expect([callIdOf(b, keys, i), queueOf(b, i), b.entered[i], b.outcome[i]]).toEqual([`call-${i}`, `Q${i % 3}`, T0 + i, i % 2]);
      if (i % 2 === 1) expect([b.outcomeAt[i], b.wait[i]]).toEqual([T0 + i + 5, 5]);
    }
    expect(acc.size).toBe(0);
  });

  it('does not hold a line longer than 64 KiB: it is counted as unreadable and reading goes on', () => {
    const acc = new QueueLogAccumulator();
    acc.write(Buffer.from(`${enter(0, 'a')}\n`));
    for (let i = 0; i < 5; i++) acc.write(Buffer.alloc(40_000, 0x41));
    acc.write(Buffer.from(`\n${connect(3, 'a', 3)}\n`));
    acc.end();
    expect(acc.stats).toMatchObject({ lines: 3, malformed: 1, malformedLines: [2] });
    expect(acc.drain()).toEqual([{ callId: 'a', queue: 'Q1', enteredAt: T0, outcome: 'CONNECT', outcomeAt: T0 + 3, waitSeconds: 3 }]);
  });
});

describe('callMetrics on call records at the limits', () => {
  const call = (over: Partial<CallRecord>): CallRecord => ({
    callId: 'c',
    queue: 'Q1',
    direction: 'in',
    enteredAt: T0,
    outcome: 'CONNECT',
    outcomeAt: T0 + 10,
    waitSeconds: 10,
    ...over,
  });

  it('counts outbound calls apart and leaves calls without entry out', () => {
    const m = callMetrics(
      [call({ direction: 'out' }), call({ direction: 'out', enteredAt: null }), call({ enteredAt: null }), call({ waitSeconds: 20 })],
      S,
    );
    expect(m).toEqual({
      offered: 1,
      answered: 1,
      abandoned: 0,
      shortAbandons: 0,
      unresolved: 0,
      answeredWithinThreshold: 1,
      serviceLevel: 100,
      averageSpeedOfAnswer: 20,
      abandonRate: 0,
      outbound: 2,
    });
  });

  it('counts an abandon at exactly T as abandoned but outside the SL base, one second later inside it', () => {
    const atT = callMetrics([call({ waitSeconds: 10 }), call({ outcome: 'ABANDON', waitSeconds: 30 })], S);
    expect(atT).toMatchObject({ abandoned: 1, serviceLevel: 100, abandonRate: 50 });
    const afterT = callMetrics([call({ waitSeconds: 10 }), call({ outcome: 'EXITWITHKEY', waitSeconds: 31 })], S);
    expect(afterT).toMatchObject({ abandoned: 1, serviceLevel: 50, abandonRate: 50 });
  });

  it('uses the settings given: T = 20 s and no short abandons', () => {
    const settings = { thresholdSeconds: 20, shortAbandonSeconds: 0 };
    const m = callMetrics(
      [
        call({ waitSeconds: 20 }),
        call({ waitSeconds: 21 }),
        call({ outcome: 'ABANDON', waitSeconds: 0 }),
        call({ outcome: 'ABANDON', waitSeconds: 1 }),
        call({ outcome: 'EXITEMPTY', waitSeconds: 21 }),
      ],
      settings,
    );
    expect(m).toMatchObject({
      offered: 5,
      answered: 2,
      answeredWithinThreshold: 1,
      shortAbandons: 1,
      abandoned: 2,
      averageSpeedOfAnswer: 20.5,
    });
    expect(m.serviceLevel).toBe((1 / 3) * 100);
    expect(m.abandonRate).toBe(50);
  });

  it('takes a missing wait as 0 s', () => {
    expect(callMetrics([call({ waitSeconds: null })], S)).toMatchObject({ answeredWithinThreshold: 1, averageSpeedOfAnswer: 0 });
    expect(callMetrics([call({ outcome: 'ABANDON', waitSeconds: null })], S)).toMatchObject({ shortAbandons: 1, abandoned: 0 });
  });

  it('gives nothing for no calls', () => {
    expect(callMetrics([], S)).toEqual({
      offered: 0,
      answered: 0,
      abandoned: 0,
      shortAbandons: 0,
      unresolved: 0,
      answeredWithinThreshold: 0,
      serviceLevel: null,
      averageSpeedOfAnswer: null,
      abandonRate: null,
      outbound: 0,
    });
  });

  it('takes a call entered at the first millisecond of the month and not one at the first of the next, per queue', () => {
    const bounds = { startMs: 1_000_000, endMs: 2_000_000 };
    const calls = [
      call({ callId: 'before', enteredAt: 999 }),
      call({ callId: 'first', enteredAt: 1_000 }),
      call({ callId: 'other', enteredAt: 1_500, queue: 'Q2' }),
      call({ callId: 'last', enteredAt: 1_999 }),
      call({ callId: 'next', enteredAt: 2_000 }),
      call({ callId: 'none', enteredAt: null }),
    ];
    expect(callsInMonth(calls, bounds).map((c) => c.callId)).toEqual(['first', 'other', 'last']);
    expect(callsInMonth(calls, bounds, 'Q2').map((c) => c.callId)).toEqual(['other']);
    expect(callsInMonth(calls, bounds, 'Q1').map((c) => c.callId)).toEqual(['first', 'last']);
  });

  it('knows the outcome events', () => {
    expect(OUTCOME_EVENTS.filter(isOutcomeEvent)).toHaveLength(5);
    expect(isOutcomeEvent('ENTERQUEUE')).toBe(false);
    expect(isOutcomeEvent('connect')).toBe(false);
  });
});
