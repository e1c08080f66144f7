/**
 * The interval arithmetic and service-time edges behind availability (service-metrics.md §2): touching
 * and nested intervals, half-open ends, clock texts at their limits, windows on the first day of the
 * next month, and outages that only touch the agreed service time.
 */
import { describe, expect, it } from 'vitest';
import { type Outage, serviceAvailability, servicesOf, unplannedOutagesInMonth } from './availability.ts';
import { intersect, subtract, totalMs, union } from './intervals.ts';
import { agreedTime, monthInterval, parseClock, parseOutageTime } from './service-time.ts';

describe('union of intervals', () => {
  it('merges touching, overlapping and nested intervals in any order and drops empty ones', () => {
    expect(union([])).toEqual([]);
    expect(
      union([
        [20, 30],
        [0, 10],
        [10, 15],
      ]),
    ).toEqual([
      [0, 15],
      [20, 30],
    ]);
    expect(
      union([
        [0, 100],
        [10, 20],
        [30, 40],
      ]),
    ).toEqual([[0, 100]]);
    expect(
      union([
        [5, 5],
        [7, 6],
        [1, 2],
      ]),
    ).toEqual([[1, 2]]);
    expect(
      union([
        [0, 10],
        [9, 12],
        [11, 11],
      ]),
    ).toEqual([[0, 12]]);
    expect(
      union([
        [0, 10],
        [11, 12],
      ]),
    ).toEqual([
      [0, 10],
      [11, 12],
    ]);
  });
});

describe('intersection of unions', () => {
  it('keeps only the overlapping parts, walking both lists to the end', () => {
    expect(
      intersect(
        [
          [0, 10],
          [20, 30],
        ],
        [[5, 25]],
      ),
    ).toEqual([
      [5, 10],
      [20, 25],
    ]);
    expect(
      intersect(
        [[5, 25]],
        [
          [0, 10],
          [20, 30],
        ],
      ),
    ).toEqual([
      [5, 10],
      [20, 25],
    ]);
    expect(intersect([[0, 10]], [[10, 20]])).toEqual([]);
    expect(
      intersect(
        [
          [0, 10],
          [12, 14],
          [16, 18],
        ],
        [[0, 100]],
      ),
    ).toEqual([
      [0, 10],
      [12, 14],
      [16, 18],
    ]);
    expect(
      intersect(
        [[0, 100]],
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      ),
    ).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(intersect([[0, 10]], [[0, 10]])).toEqual([[0, 10]]);
    expect(
      intersect(
        [
          [0, 10],
          [20, 30],
        ],
        [
          [0, 10],
          [20, 30],
        ],
      ),
    ).toEqual([
      [0, 10],
      [20, 30],
    ]);
    expect(intersect([], [[0, 1]])).toEqual([]);
  });
});

describe('difference of unions', () => {
  it('cuts holes, heads and tails and skips what does not touch', () => {
    expect(
      subtract(
        [[0, 100]],
        [
          [10, 20],
          [30, 40],
        ],
      ),
    ).toEqual([
      [0, 10],
      [20, 30],
      [40, 100],
    ]);
    expect(subtract([[0, 100]], [[0, 10]])).toEqual([[10, 100]]);
    expect(subtract([[0, 100]], [[90, 100]])).toEqual([[0, 90]]);
    expect(subtract([[0, 100]], [[0, 100]])).toEqual([]);
    expect(subtract([[0, 100]], [[-10, 200]])).toEqual([]);
    expect(
      subtract(
        [[10, 20]],
        [
          [0, 10],
          [20, 30],
        ],
      ),
    ).toEqual([[10, 20]]);
    expect(
      subtract(
        [
          [10, 20],
          [30, 40],
        ],
        [[15, 35]],
      ),
    ).toEqual([
      [10, 15],
      [35, 40],
    ]);
    expect(
      subtract(
        [[10, 20]],
        [
          [0, 5],
          [12, 20],
          [25, 30],
        ],
      ),
    ).toEqual([[10, 12]]);
    expect(subtract([[10, 20]], [])).toEqual([[10, 20]]);
  });

  it('sums lengths', () => {
    expect(totalMs([])).toBe(0);
    expect(
      totalMs([
        [0, 10],
        [20, 25],
      ]),
    ).toBe(15);
  });
});

describe('clock texts (HH:MM, 00:00–24:00)', () => {
  it.each([
    ['00:00', 0],
    ['7:30', 450],
    ['07:59', 479],
    ['23:59', 1439],
    ['24:00', 1440],
    [' 08:00 ', 480],
  ])('%s is %i minutes', (text, minutes) => {
    expect(parseClock(text)).toBe(minutes);
  });

  it.each(['07:60', '25:00', '24:01', '24:59', '7:5', '007:00', 'x07:00', '07:00x', '0700', ''])('%s is no clock', (text) => {
    expect(parseClock(text)).toBeNull();
  });
});

describe('service time', () => {
  it('bounds a month by local midnights', () => {
    expect(monthInterval('2025-05')).toEqual([Date.UTC(2025, 3, 30, 22), Date.UTC(2025, 4, 31, 22)]);
    expect(monthInterval('2025-12')).toEqual([Date.UTC(2025, 10, 30, 23), Date.UTC(2025, 11, 31, 23)]);
  });

  it('does not take a window on the first day of the next month (June 2025 ends on a Monday, 1 July is a Tuesday)', () => {
    const tuesdays = agreedTime('2025-06', [{ weekday: 2, fromMinute: 600, toMinute: 660 }]);
    expect(tuesdays).toHaveLength(4);
    expect(tuesdays[0]).toEqual([Date.UTC(2025, 5, 3, 8), Date.UTC(2025, 5, 3, 9)]);
    expect(tuesdays[3]).toEqual([Date.UTC(2025, 5, 24, 8), Date.UTC(2025, 5, 24, 9)]);
  });

  it('ignores an empty or reversed window and joins windows that meet', () => {
    expect(agreedTime('2025-06', [{ weekday: 1, fromMinute: 600, toMinute: 600 }])).toEqual([]);
    expect(agreedTime('2025-06', [{ weekday: 1, fromMinute: 600, toMinute: 599 }])).toEqual([]);
    const joined = agreedTime('2025-06', [
      { weekday: 1, fromMinute: 600, toMinute: 660 },
      { weekday: 1, fromMinute: 660, toMinute: 720 },
      { weekday: 1, fromMinute: 480, toMinute: 481 },
    ]);
    // Mondays of June 2025: 2, 9, 16, 23, 30.
    expect(joined).toHaveLength(10);
    expect(joined[0]).toEqual([Date.UTC(2025, 5, 2, 6), Date.UTC(2025, 5, 2, 6, 1)]);
    expect(joined[1]).toEqual([Date.UTC(2025, 5, 2, 8), Date.UTC(2025, 5, 2, 10)]);
  });

  it('runs a window to 24:00 into local midnight of the next day', () => {
    const [sunday] = agreedTime('2025-06', [{ weekday: 7, fromMinute: 1380, toMinute: 1440 }]);
    expect(sunday).toEqual([Date.UTC(2025, 5, 1, 21), Date.UTC(2025, 5, 1, 22)]);
  });
});

describe('outage times', () => {
  it('reads a date alone as local midnight, seconds and fractions, z and compact offsets', () => {
    expect(parseOutageTime('2025-05-01')).toBe(Date.UTC(2025, 3, 30, 22));
    expect(parseOutageTime(' 2025-05-01T10:00:30 ')).toBe(Date.UTC(2025, 4, 1, 8, 0, 30));
    expect(parseOutageTime('2025-05-01T10:00:30.250')).toBe(Date.UTC(2025, 4, 1, 8, 0, 30, 250));
    expect(parseOutageTime('2025-05-01T10:00:00z')).toBe(Date.UTC(2025, 4, 1, 10));
    expect(parseOutageTime('2025-05-01T10:00-0130')).toBe(Date.UTC(2025, 4, 1, 11, 30));
  });

  it.each([
    '2025-05-01T10',
    '2025-05-01T10:00:3',
    '2025-5-01',
    'x2025-05-01',
    '2025-05-01x',
    '2025-05-01T10:00Zx',
    '2025-02-29',
    'i morgen',
    '',
  ])('%s is no time', (text) => {
    expect(parseOutageTime(text)).toBeNull();
  });
});

function outage(start: string, end: string, over: Partial<Outage> = {}): Outage {
  return { service: 'Telefoni', startMs: Date.parse(start), endMs: Date.parse(end), planned: false, description: '', ...over };
}

const MON_FRI_7_17 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, fromMinute: 7 * 60, toMinute: 17 * 60 }));

describe('availability at the edges of agreed service time', () => {
  it('does not count an outage that ends when service time starts or starts when it ends', () => {
    // Monday 5 May 2025: service 07–17 local = 05:00–15:00 UTC.
    const outages = [outage('2025-05-05T04:00:00Z', '2025-05-05T05:00:00Z'), outage('2025-05-05T15:00:00Z', '2025-05-05T16:00:00Z')];
    expect(serviceAvailability('Telefoni', '2025-05', outages, MON_FRI_7_17)).toMatchObject({
      unplannedCount: 0,
      unplannedMinutes: 0,
      availability: 100,
    });
    expect(unplannedOutagesInMonth('Telefoni', '2025-05', outages, MON_FRI_7_17)).toEqual([]);
  });

  it('counts one minute inside service time', () => {
    const outages = [outage('2025-05-05T04:00:00Z', '2025-05-05T05:01:00Z')];
    const a = serviceAvailability('Telefoni', '2025-05', outages, MON_FRI_7_17);
    expect(a).toMatchObject({ service: 'Telefoni', agreedMinutes: 13_200, plannedMinutes: 0, unplannedCount: 1, unplannedMinutes: 1 });
    expect(a.availability).toBe((13_199 / 13_200) * 100);
  });

  it('counts only the service’s own outages, planned and unplanned', () => {
    const outages = [
      outage('2025-05-05T06:00:00Z', '2025-05-05T07:00:00Z', { service: 'CRR' }),
      outage('2025-05-06T06:00:00Z', '2025-05-06T07:00:00Z', { service: 'CRR', planned: true }),
      outage('2025-05-07T06:00:00Z', '2025-05-07T06:30:00Z', { planned: true }),
    ];
    const a = serviceAvailability('Telefoni', '2025-05', outages, MON_FRI_7_17);
    expect(a).toMatchObject({ plannedMinutes: 30, unplannedMinutes: 0, unplannedCount: 0 });
    expect(a.availability).toBe(100);
    expect(serviceAvailability('CRR', '2025-05', outages, MON_FRI_7_17)).toMatchObject({
      plannedMinutes: 60,
      unplannedMinutes: 60,
      unplannedCount: 1,
    });
  });

  it('lists the month’s unplanned outages of one service by start, leaving planned ones out', () => {
    const outages = [
      outage('2025-05-09T06:00:00Z', '2025-05-09T07:00:00Z', { description: 'sist' }),
      outage('2025-05-05T06:00:00Z', '2025-05-05T07:00:00Z', { description: 'først' }),
      outage('2025-05-06T06:00:00Z', '2025-05-06T07:00:00Z', { planned: true, description: 'planlagt' }),
      outage('2025-05-07T06:00:00Z', '2025-05-07T07:00:00Z', { service: 'CRR', description: 'annen' }),
    ];
    expect(unplannedOutagesInMonth('Telefoni', '2025-05', outages, MON_FRI_7_17).map((o) => o.description)).toEqual(['først', 'sist']);
  });

  it('lists services in Norwegian order, each once', () => {
    const outages = [
      outage('2025-05-05T06:00:00Z', '2025-05-05T07:00:00Z', { service: 'Åpning' }),
      outage('2025-05-05T06:00:00Z', '2025-05-05T07:00:00Z', { service: 'Zeta' }),
    ];
    expect(
      servicesOf(
        outages,
        new Map([
          ['Ørsta', []],
          ['Zeta', []],
          ['Alfa', []],
        ]),
      ),
    ).toEqual(['Alfa', 'Zeta', 'Ørsta', 'Åpning']);
  });
});
