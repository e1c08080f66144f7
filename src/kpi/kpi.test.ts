/** KPI status at its target: the sick-leave indicator (total < 5 %, working-time.md §7) and every operator. */
import { describe, expect, it } from 'vitest';
import { evaluateKpi, evaluateKpis, formatKpiTarget, formatKpiValue, type KpiDefinition, kpiStatus } from './kpi.ts';

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

describe('KPI values and targets as the reader sees them (nb-NO)', () => {
  const NB = '\u00a0';
  it('formats each unit with its decimals, and a missing value as a dash', () => {
    expect(formatKpiValue(1.444, 'percent', 2)).toBe(`1,44${NB}%`);
    expect(formatKpiValue(3, 'count', 0)).toBe(`3${NB}stk.`);
    expect(formatKpiValue(7.04, 'MNOK', 1)).toBe(`7,0${NB}MNOK`);
    expect(formatKpiValue(-2.35, 'MNOK', 1)).toBe(`−2,4${NB}MNOK`);
    expect(formatKpiValue(12.16, 'seconds', 1)).toBe(`12,2${NB}s`);
    expect(formatKpiValue(1234.5, 'number', 1)).toBe(`1${NB}234,5`);
    expect(formatKpiValue(null, 'percent', 2)).toBe('–');
    expect(formatKpiValue(0, 'count', 0)).toBe(`0${NB}stk.`);
  });

  it('writes each target operator as its sign, and no target as nothing', () => {
    expect(formatKpiTarget({ op: '<', value: 5 }, 'percent')).toBe(`< 5${NB}%`);
    expect(formatKpiTarget({ op: '<=', value: 8 }, 'count')).toBe(`≤ 8${NB}stk.`);
    expect(formatKpiTarget({ op: '>', value: 0 }, 'number')).toBe('> 0');
    expect(formatKpiTarget({ op: '>=', value: 80 }, 'percent', 1)).toBe(`≥ 80,0${NB}%`);
    expect(formatKpiTarget(null, 'percent')).toBe('');
  });

  it('evaluates definitions in order with value, target and status', async () => {
    const defs: KpiDefinition[] = [
      { id: 'a', label: 'A', unit: 'percent', decimals: 2, target: { op: '<', value: 5 }, compute: async () => 4 } as KpiDefinition,
      { id: 'b', label: 'B', unit: 'count', decimals: 0, compute: async () => null } as KpiDefinition,
    ];
    const ctx = { db: undefined as never, period: '2025-05' };
    expect(await evaluateKpi(defs[0] as KpiDefinition, ctx)).toEqual({
      id: 'a',
      label: 'A',
      value: 4,
      unit: 'percent',
      target: { op: '<', value: 5 },
      status: 'met',
    });
    expect((await evaluateKpis(defs, ctx)).map((v) => [v.id, v.status, v.target])).toEqual([
      ['a', 'met', { op: '<', value: 5 }],
      ['b', 'none', null],
    ]);
  });
});
