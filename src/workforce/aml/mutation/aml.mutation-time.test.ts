/**
 * Local time in the AML engine at its edges: Oslo midnights around both DST changes, local wall-clock
 * hours, ISO week keys, and a configured Sunday window next to the default one. Every input is built
 * inside its test so that mutation testing's per-test coverage sees it.
 */
import { describe, expect, it } from 'vitest';
import { at, check, rec } from '../aml.testing.ts';
import { evaluateEmployee } from '../aml.ts';
import { DEFAULT_AML_SETTINGS } from '../aml-model.ts';
import { sundayWindow } from '../rules/aml-sundays.ts';
import { DAY_MS, dayOf, dayStartMs, dayToIso, HOUR_MS, isoToDay, localHourMs, weekKeyOf } from '../rules/aml-time.ts';

describe('local days', () => {
  it('dayStartMs is the instant of Oslo midnight, 23 h and 25 h days included', () => {
    expect(dayStartMs(isoToDay('2031-03-30'))).toBe(Date.UTC(2031, 2, 29, 23));
    expect(dayStartMs(isoToDay('2031-03-31'))).toBe(Date.UTC(2031, 2, 30, 22));
    expect(dayStartMs(isoToDay('2031-10-26')) - dayStartMs(isoToDay('2031-10-25'))).toBe(24 * HOUR_MS);
    expect(dayStartMs(isoToDay('2031-10-27')) - dayStartMs(isoToDay('2031-10-26'))).toBe(25 * HOUR_MS);
    expect(dayStartMs(isoToDay('2031-03-31')) - dayStartMs(isoToDay('2031-03-30'))).toBe(23 * HOUR_MS);
  });

  it('dayOf puts each instant on its Oslo date, at the first and last millisecond of the day', () => {
    for (const date of ['2032-07-14', '2032-01-14', '2032-03-28', '2032-10-31', '2032-10-30']) {
      const dn = isoToDay(date);
      expect(dayToIso(dayOf(dayStartMs(dn)))).toBe(date);
      expect(dayToIso(dayOf(dayStartMs(dn + 1) - 1))).toBe(date);
      expect(dayToIso(dayOf(dayStartMs(dn) - 1))).toBe(dayToIso(dn - 1));
    }
  });

  it('isoToDay and dayToIso are inverse, before and after 1970', () => {
    expect(isoToDay('1970-01-01')).toBe(0);
    expect(isoToDay('1970-01-02')).toBe(1);
    expect(isoToDay('1969-12-31')).toBe(-1);
    expect(isoToDay('2025-05-11')).toBe(Date.UTC(2025, 4, 11) / DAY_MS);
    expect(dayToIso(isoToDay('2033-02-28') + 1)).toBe('2033-03-01');
    expect(dayToIso(-1)).toBe('1969-12-31');
  });

  it('localHourMs is the wall-clock hour of the day, in summer and winter time', () => {
    expect(localHourMs(isoToDay('2033-06-11'), 18)).toBe(Date.UTC(2033, 5, 11, 16));
    expect(localHourMs(isoToDay('2033-12-10'), 18)).toBe(Date.UTC(2033, 11, 10, 17));
    expect(localHourMs(isoToDay('2033-12-11'), 0)).toBe(Date.UTC(2033, 11, 10, 23));
    expect(at('2033-12-11T22:00')).toBe(localHourMs(isoToDay('2033-12-11'), 22));
  });

  it('names ISO weeks by their Thursday’s year', () => {
    expect(weekKeyOf(isoToDay('2026-12-28'))).toBe('2026-W53');
    expect(weekKeyOf(isoToDay('2027-01-04'))).toBe('2027-W01');
    expect(weekKeyOf(isoToDay('2029-12-31'))).toBe('2030-W01');
    expect(weekKeyOf(isoToDay('2029-03-05'))).toBe('2029-W10');
    expect(weekKeyOf(isoToDay('2027-01-11'))).toBe('2027-W02');
  });
});

describe('the Sunday window as a setting', () => {
  it('sundayWindow is [Saturday h1:00, Sunday h2:00) local, per setting', () => {
    const sunday = isoToDay('2034-06-11');
    expect(sundayWindow(sunday, 18, 22)).toEqual({ start: Date.UTC(2034, 5, 10, 16), end: Date.UTC(2034, 5, 11, 20) });
    expect(sundayWindow(sunday, 6, 12)).toEqual({ start: Date.UTC(2034, 5, 10, 4), end: Date.UTC(2034, 5, 11, 10) });
    expect(sundayWindow(sunday, 18, 22)).toEqual({ start: Date.UTC(2034, 5, 10, 16), end: Date.UTC(2034, 5, 11, 20) });
  });

  it('a wider configured window counts Saturday morning work, the default one does not', () => {
    const records = ['2035-06-02', '2035-06-09'].map((d) => rec(`${d}T10:00`, `${d}T11:00`, 'callout', 'on-call'));
    const run = (settings = DEFAULT_AML_SETTINGS) =>
      evaluateEmployee({ employeeId: 'E1', records }, { from: '2035-01-01', to: '2035-12-31', settings })
        .filter((b) => b.rule === 'sundays')
        .map((b) => `${b.date} ${b.periodKey} ${b.measured}/${b.limit} ${b.cause}`);
    expect(run()).toEqual([]);
    expect(run({ ...DEFAULT_AML_SETTINGS, sundayWindow: { saturdayHour: 6, sundayHour: 22 } })).toEqual([
      '2035-06-09 2035-06-10 2/1 on-call',
    ]);
    expect(run()).toEqual([]);
  });

  it('allows the configured number of Sundays in a row with a dispensation', () => {
    const records = ['2035-07-01', '2035-07-08', '2035-07-15'].map((d) => rec(`${d}T10:00`, `${d}T11:00`, 'callout'));
    const settings = { ...DEFAULT_AML_SETTINGS, sundaysInARow: 2 };
    const breaches = check(records, { settings, dispensations: [{ type: 'sundays', from: null, to: null }] });
    expect(breaches.map((b) => `${b.rule} ${b.date} ${b.measured}/${b.limit}`)).toEqual(['sundays 2035-07-15 3/2']);
  });
});
