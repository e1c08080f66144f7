/** parseOutageTime refuses what only looks like an instant or a local time in part. */
import { describe, expect, it } from 'vitest';
import { parseOutageTime } from './service-time.ts';

describe('parseOutageTime on texts the patterns must refuse whole', () => {
  it('refuses an instant followed by a time-zone annotation and a local time with an extended year', () => {
    expect(parseOutageTime('2025-05-01T10:00Z[Europe/Oslo]')).toBeNull();
    expect(parseOutageTime('2025-05-01T10:00+02:00[Europe/Oslo]')).toBeNull();
    expect(parseOutageTime('+002025-05-01T10:00')).toBeNull();
    expect(parseOutageTime('+002025-05-01')).toBeNull();
    expect(parseOutageTime('2025-05-01T10:00')).toBe(Date.UTC(2025, 4, 1, 8));
  });
});
