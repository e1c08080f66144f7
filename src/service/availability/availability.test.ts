import { describe, expect, it } from 'vitest';
import { availabilityReport, type Outage, serviceAvailability, unplannedOutagesInMonth } from './availability.ts';
import { agreedTime, parseClock, parseOutageTime } from './service-time.ts';

function outage(start: string, end: string, planned = false, service = 'Telefoni'): Outage {
  const s = parseOutageTime(start);
  const e = parseOutageTime(end);
  if (s === null || e === null) throw new Error('bad time in test');
  return { service, startMs: s, endMs: e, planned, description: '' };
}

const MON_FRI_7_17 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, fromMinute: 7 * 60, toMinute: 17 * 60 }));

describe('availability (service-metrics §2)', () => {
  it('reproduces the worked example: 30 days 24×7, 120 min planned, 30 min unplanned → 99,930 %', () => {
    const a = serviceAvailability(
      'Telefoni',
      '2025-06',
      [outage('2025-06-10T01:00', '2025-06-10T03:00', true), outage('2025-06-12T14:00', '2025-06-12T14:30')],
      [],
    );
    expect(a).toMatchObject({ agreedMinutes: 43_200, plannedMinutes: 120, unplannedMinutes: 30, unplannedCount: 1 });
    expect(a.availability).toBe(((43_200 - 120 - 30) / (43_200 - 120)) * 100);
    expect(a.availability?.toFixed(3)).toBe('99.930');
  });

  it('counts March 2025 (spring DST) as 44 580 minutes', () => {
    expect(serviceAvailability('Telefoni', '2025-03', [], []).agreedMinutes).toBe(44_580);
  });

  it('counts October 2024 (autumn DST) as 44 700 minutes, the repeated hour included', () => {
    const a = serviceAvailability('Telefoni', '2024-10', [outage('2024-10-27T00:30:00Z', '2024-10-27T01:30:00Z')], []);
    expect(a.agreedMinutes).toBe(44_700);
    // 02:30 CEST to 02:30 CET: one real hour of the doubled wall hour
    expect(a.unplannedMinutes).toBe(60);
  });

  it('clips an outage spanning a month edge to each month', () => {
    const o = [outage('2025-04-30T23:00', '2025-05-01T01:30')];
    expect(serviceAvailability('Telefoni', '2025-04', o, []).unplannedMinutes).toBe(60);
    expect(serviceAvailability('Telefoni', '2025-05', o, []).unplannedMinutes).toBe(90);
    expect(serviceAvailability('Telefoni', '2025-05', o, []).unplannedCount).toBe(1);
  });

  it('takes planned time out of overlapping unplanned time and unions overlapping outages', () => {
    const a = serviceAvailability(
      'Telefoni',
      '2025-05',
      [
        outage('2025-05-05T10:00', '2025-05-05T12:00', true),
        outage('2025-05-05T11:00', '2025-05-05T13:00'),
        outage('2025-05-05T12:30', '2025-05-05T13:30'),
      ],
      [],
    );
    expect(a).toMatchObject({ plannedMinutes: 120, unplannedMinutes: 90, unplannedCount: 2, agreedMinutes: 44_640 });
  });

  it('counts only agreed service time for a weekday-only service (Mon–Fri 07–17)', () => {
    // May 2025: 22 weekdays (1 May is a Thursday; holidays are not excluded by weekly windows)
    const a = serviceAvailability(
      'Telefoni',
      '2025-05',
      [outage('2025-05-03T08:00', '2025-05-03T12:00'), outage('2025-05-05T16:00', '2025-05-05T18:00')],
      MON_FRI_7_17,
    );
    expect(a.agreedMinutes).toBe(22 * 600);
    expect(a.unplannedMinutes).toBe(60);
    expect(a.unplannedCount).toBe(1);
    expect(a.availability).toBe(((13_200 - 60) / 13_200) * 100);
  });
});

describe('normative details (§2.1)', () => {
  it('reads times with Z or an offset as instants and plain times as Europe/Oslo wall time', () => {
    expect(parseOutageTime('2025-05-01T10:00:00Z')).toBe(Date.UTC(2025, 4, 1, 10));
    expect(parseOutageTime('2025-05-01T10:00+01:00')).toBe(Date.UTC(2025, 4, 1, 9));
    expect(parseOutageTime('2025-05-01T10:00')).toBe(Date.UTC(2025, 4, 1, 8));
    expect(parseOutageTime('2025-05-01 10:00')).toBe(Date.UTC(2025, 4, 1, 8));
    expect(parseOutageTime('2025-13-01T10:00')).toBeNull();
  });

  it('resolves an ambiguous autumn hour to its first occurrence and a skipped spring time forward by the gap', () => {
    expect(parseOutageTime('2024-10-27T02:30')).toBe(Date.UTC(2024, 9, 27, 0, 30));
    expect(parseOutageTime('2025-03-30T02:30')).toBe(Date.UTC(2025, 2, 30, 1, 30));
  });

  it('uses weekly windows in wall time with 24:00 allowed; no windows means 24×7', () => {
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:01')).toBeNull();
    const allSundays = agreedTime('2025-03', [{ weekday: 7, fromMinute: 0, toMinute: 1440 }]);
    // five Sundays, one of them (30 March) 23 hours long
    expect(allSundays.reduce((s, [a, b]) => s + (b - a), 0) / 60_000).toBe(5 * 1440 - 60);
    expect(serviceAvailability('Telefoni', '2025-02', [], []).agreedMinutes).toBe(28 * 1440);
  });

  it('counts unplanned records overlapping AST ∩ month for a positive time, even if planned time hides them', () => {
    const a = serviceAvailability(
      'Telefoni',
      '2025-05',
      [
        outage('2025-05-05T06:00', '2025-05-05T07:00'),
        outage('2025-05-06T08:00', '2025-05-06T09:00', true),
        outage('2025-05-06T08:10', '2025-05-06T08:20'),
      ],
      MON_FRI_7_17,
    );
    expect(a).toMatchObject({ unplannedCount: 1, unplannedMinutes: 0, plannedMinutes: 60, availability: 100 });
  });

  it('gives null availability when agreed − planned is 0', () => {
    const a = serviceAvailability('Telefoni', '2025-02', [outage('2025-01-15T00:00', '2025-03-02T00:00', true)], []);
    expect(a).toMatchObject({ agreedMinutes: 40_320, plannedMinutes: 40_320, availability: null });
  });

  it('keeps minutes and percentages unrounded', () => {
    const a = serviceAvailability('Telefoni', '2025-05', [outage('2025-05-05T10:00:00Z', '2025-05-05T10:00:20Z')], []);
    expect(a.unplannedMinutes).toBe(1 / 3);
    expect(a.availability).toBe(((44_640 - 1 / 3) / 44_640) * 100);
  });

  it('lists every service with hours or outages, and the unplanned outages of the month', () => {
    const outages = [
      outage('2025-05-05T10:00', '2025-05-05T11:00', false, 'CRR'),
      outage('2025-04-05T10:00', '2025-04-05T11:00', false, 'Nice Express'),
    ];
    const report = availabilityReport('2025-05', outages, new Map([['Telefoni', []]]));
    expect(report.map((r) => [r.service, r.availability === 100])).toEqual([
      ['CRR', false],
      ['Nice Express', true],
      ['Telefoni', true],
    ]);
    expect(unplannedOutagesInMonth('Nice Express', '2025-05', outages, [])).toEqual([]);
    expect(unplannedOutagesInMonth('CRR', '2025-05', outages, [])).toHaveLength(1);
  });
});
