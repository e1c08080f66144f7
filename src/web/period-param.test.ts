import { describe, expect, it } from 'vitest';
import { resolvePeriod } from './period-param.ts';

const none = { defaultPeriod: undefined };

describe('resolvePeriod(query, config, today)', () => {
  it('takes ?period=YYYY-MM as it is', () => {
    expect(resolvePeriod({ period: '2025-05' }, { defaultPeriod: '2024-01' }, '2025-11-20')).toBe('2025-05');
  });

  it('rejects a malformed period with a VALIDATION error naming the value', () => {
    for (const bad of ['2025-13', '2025-5', 'mai', ['2025-05', '2025-06']]) {
      expect(() => resolvePeriod({ period: bad }, none, '2025-11-20')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
    expect(() => resolvePeriod({ period: '2025-13' }, none)).toThrow('Ugyldig periode «2025-13»');
  });

  it('falls back to the configured default period, also for an empty ?period=', () => {
    expect(resolvePeriod({}, { defaultPeriod: '2025-05' }, '2025-11-20')).toBe('2025-05');
    expect(resolvePeriod({ period: '' }, { defaultPeriod: '2025-05' }, '2025-11-20')).toBe('2025-05');
  });

  it('else opens on the previous calendar month, across a year boundary too', () => {
    expect(resolvePeriod(undefined, none, '2025-11-20')).toBe('2025-10');
    expect(resolvePeriod({}, none, '2026-01-01')).toBe('2025-12');
  });

  it('reports a malformed configured default as a CONFIG error', () => {
    expect(() => resolvePeriod({}, { defaultPeriod: 'mai' }, '2025-11-20')).toThrow(expect.objectContaining({ code: 'CONFIG' }));
  });
});
