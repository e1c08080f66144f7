/** KPI status at its target: the sick-leave indicator (total < 5 %, working-time.md §7) and every operator. */
import { describe, expect, it } from 'vitest';
import { kpiStatus } from './kpi.ts';

describe('the sick-leave indicator: total < 5 %', () => {
  const target = { op: '<', value: 5 } as const;
  it.each([
    [4.99, 'met'],
    [5, 'not-met'],
    [5.01, 'not-met'],
  ] as const)('%f %% is %s', (value, status) => {
    expect(kpiStatus(target, value)).toBe(status);
  });

  it('each comparison operator is strict or not as written, in both directions', () => {
    expect([4, 5, 6].map((v) => kpiStatus({ op: '<=', value: 5 }, v))).toEqual(['met', 'met', 'not-met']);
    expect([4, 5, 6].map((v) => kpiStatus({ op: '>', value: 5 }, v))).toEqual(['not-met', 'not-met', 'met']);
    expect([4, 5, 6].map((v) => kpiStatus({ op: '>=', value: 5 }, v))).toEqual(['not-met', 'met', 'met']);
    expect(kpiStatus(undefined, 5)).toBe('none');
    expect(kpiStatus(target, null)).toBe('none');
  });
});
