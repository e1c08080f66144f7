import { describe, expect, it } from 'vitest';
import { ALWAYS, check, rec, shifts, summary } from './aml.testing.ts';
import { DEFAULT_AML_SETTINGS } from './aml-model.ts';

const WEEK19 = ['2025-05-05', '2025-05-06', '2025-05-07', '2025-05-08', '2025-05-09'];

describe('AML engine: the worked examples of spec §6', () => {
  it('Mon 5 May 15–23, Tue 6 May 07–15 is a rest24 breach in May', () => {
    const records = [rec('2025-05-05T15:00', '2025-05-05T23:00'), rec('2025-05-06T07:00', '2025-05-06T15:00')];
    const breaches = check(records);
    expect(summary(breaches)).toEqual(['rest24@2025-05-06']);
    expect(breaches[0]!.month).toBe('2025-05');
    expect(breaches[0]!.measured).toBe(8);
  });

  it('the same with a rest dispensation is no breach (8 h meets 8 h)', () => {
    const records = [rec('2025-05-05T15:00', '2025-05-05T23:00'), rec('2025-05-06T07:00', '2025-05-06T15:00')];
    expect(check(records, { dispensations: [ALWAYS('rest')] })).toEqual([]);
  });

  it('12 May 08–16, call-out 20–21, 13 May 08–16: no breach (the longest stretch, 11 h, meets 11)', () => {
    const records = [
      rec('2025-05-12T08:00', '2025-05-12T16:00'),
      rec('2025-05-12T20:00', '2025-05-12T21:00', 'callout', 'on-call'),
      rec('2025-05-13T08:00', '2025-05-13T16:00'),
    ];
    expect(check(records)).toEqual([]);
  });

  it('Fri 6 Jun 16–24 ordinary + overtime Sat 00–06 is one 14 h block dated 6 Jun: hoursDay in June', () => {
    const records = [rec('2025-06-06T16:00', '2025-06-07T00:00'), rec('2025-06-07T00:00', '2025-06-07T06:00', 'overtime', 'patching')];
    const breaches = check(records);
    expect(summary(breaches)).toEqual(['hoursDay@2025-06-06:patching']);
    expect(breaches[0]!.measured).toBe(14);
  });

  it('Mon–Fri 5–9 May 08–16, call-out Sat 10 May 14–15, Mon 12 May: rest7d in May (33 h < 35)', () => {
    const records = [
      ...shifts(WEEK19, '08:00', '16:00'),
      rec('2025-05-10T14:00', '2025-05-10T15:00', 'callout', 'on-call'),
      rec('2025-05-12T08:00', '2025-05-12T16:00'),
    ];
    const breaches = check(records);
    expect(summary(breaches)).toEqual(['rest7d@2025-05-10:on-call']);
    expect(breaches[0]!.measured).toBe(33);
    expect(breaches[0]!.periodKey).toBe('2025-W19');
  });

  it('Sat 29 Mar 13–21:30, Sun 30 Mar 08:30–16: rest24 in March (the DST night leaves 10 h)', () => {
    const records = [rec('2025-03-29T13:00', '2025-03-29T21:30'), rec('2025-03-30T08:30', '2025-03-30T16:00')];
    const breaches = check(records);
    expect(summary(breaches).filter((s) => s.startsWith('rest24'))).toEqual(['rest24@2025-03-30']);
    expect(breaches.find((b) => b.rule === 'rest24')!.measured).toBe(10);
  });
});

describe('AML engine: default settings', () => {
  it('uses the limits of spec §3', () => {
    expect(DEFAULT_AML_SETTINGS.rest24).toEqual({ normal: 11, dispensation: 8 });
    expect(DEFAULT_AML_SETTINGS.overtime52w).toEqual({ normal: 200, dispensation: 300 });
    expect(DEFAULT_AML_SETTINGS.hours7d).toEqual({ normal: 48, dispensationWeek: 69, dispensation8w: 384, averaging: false });
  });
});
