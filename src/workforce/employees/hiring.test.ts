import { describe, expect, it } from 'vitest';
import {
  countByUnitAndRole,
  type EmploymentPeriod,
  employmentSpells,
  type Recruitment,
  recruitmentMonth,
  turnover12,
  workforceMonth,
} from './hiring.ts';

const p = (
  employeeId: string,
  from: string,
  to: string | null,
  fraction = 1,
  unit = 'Drift',
  role = 'Driftsingeniør',
): EmploymentPeriod => ({
  employeeId,
  from,
  to,
  fraction,
  unit,
  role,
});

describe('hires and leavers at month edges', () => {
  const periods = [
    p('A', '2025-05-01', null), // first day of May: a May hire
    p('B', '2025-04-30', null), // last day of April: an April hire, not May
    p('C', '2020-01-01', '2025-05-31'), // last day of May: a May leaver, still in May's headcount
    p('D', '2020-01-01', '2025-04-30'), // last day of April: an April leaver
    p('E', '2025-06-01', null), // June: neither
  ];

  it('counts a hire on the 1st and a leaver on the last day in that month only', () => {
    const may = workforceMonth(periods, '2025-05');
    expect(may.hires).toEqual([{ unit: 'Drift', role: 'Driftsingeniør', date: '2025-05-01' }]);
    expect(may.leavers).toEqual([{ unit: 'Drift', role: 'Driftsingeniør', date: '2025-05-31' }]);
    expect(may.headcount).toBe(3); // A, B, C (C's last day is 31 May)
    const april = workforceMonth(periods, '2025-04');
    expect(april.hires.map((h) => h.date)).toEqual(['2025-04-30']);
    expect(april.leavers.map((l) => l.date)).toEqual(['2025-04-30']);
    expect(april.headcount).toBe(3); // B, C, D
    const june = workforceMonth(periods, '2025-06');
    expect(june.hires.map((h) => h.date)).toEqual(['2025-06-01']);
    expect(june.leavers).toEqual([]);
    expect(june.headcount).toBe(3); // A, B, E
  });

  it('does not count a change of position fraction or unit as a hire or a leaver', () => {
    const periods = [p('A', '2024-01-01', '2025-04-30', 1, 'Drift'), p('A', '2025-05-01', null, 0.8, 'Nødnett', 'Teknisk spesialist')];
    expect(employmentSpells(periods)).toEqual([
      {
        employeeId: 'A',
        from: '2024-01-01',
        to: null,
        startUnit: 'Drift',
        startRole: 'Driftsingeniør',
        endUnit: 'Nødnett',
        endRole: 'Teknisk spesialist',
      },
    ]);
    const may = workforceMonth(periods, '2025-05');
    expect(may.hires).toEqual([]);
    expect(may.leavers).toEqual([]);
    expect(may.fte).toBe(0.8);
  });

  it('counts an employee who leaves and comes back as one leaver and a second hire', () => {
    const periods = [p('A', '2024-01-01', '2025-02-28', 1, 'Drift'), p('A', '2025-05-12', null, 0.6, 'Servicedesk')];
    expect(employmentSpells(periods)).toHaveLength(2);
    expect(workforceMonth(periods, '2024-01').hires).toHaveLength(1);
    expect(workforceMonth(periods, '2025-02').leavers).toEqual([{ unit: 'Drift', role: 'Driftsingeniør', date: '2025-02-28' }]);
    expect(workforceMonth(periods, '2025-03')).toMatchObject({ hires: [], leavers: [], headcount: 0, fte: 0 });
    const may = workforceMonth(periods, '2025-05');
    expect(may.hires).toEqual([{ unit: 'Servicedesk', role: 'Driftsingeniør', date: '2025-05-12' }]);
    expect(may).toMatchObject({ headcount: 1, fte: 0.6 });
  });

  it('treats a return the very next day as the same employment', () => {
    const periods = [p('A', '2024-01-01', '2025-04-30'), p('A', '2025-05-01', null)];
    expect(employmentSpells(periods)).toHaveLength(1);
    expect(workforceMonth(periods, '2025-04').leavers).toEqual([]);
  });

  it('sums FTE over employees on the last day of the month', () => {
    const periods = [p('A', '2020-01-01', null, 0.8), p('B', '2020-01-01', null, 0.5), p('C', '2020-01-01', '2025-05-30', 1)];
    expect(workforceMonth(periods, '2025-05')).toMatchObject({ headcount: 2, fte: 1.3 });
  });
});

describe('12-month turnover', () => {
  it('divides the leavers of the 12 months by the average month-end headcount', () => {
    // Ten employees all year; one leaves on 2025-03-31 (headcount 10 for Jun–Mar = 10 months, 9 for Apr–May).
    const periods = [...'ABCDEFGHI'].map((id) => p(id, '2020-01-01', null));
    periods.push(p('J', '2020-01-01', '2025-03-31'));
    const average = (10 * 10 + 9 * 2) / 12;
    expect(turnover12(periods, '2025-05')).toBeCloseTo((1 / average) * 100, 10);
    expect(turnover12(periods, '2026-04')).toBe(0); // the leaver is outside May 2025–April 2026
    expect(turnover12([], '2025-05')).toBeNull();
  });
});

describe('recruitments per month', () => {
  const r = (position: string, started: string, status: Recruitment['status'], filledOn: string | null = null): Recruitment => ({
    position,
    unit: 'Servicedesk',
    role: 'Driftsingeniør',
    started,
    status,
    filledOn,
  });
  const all = [
    r('A', '2025-05-01', 'open'),
    r('B', '2025-04-30', 'filled', '2025-05-31'),
    r('C', '2025-03-01', 'filled', '2025-06-01'),
    r('D', '2025-02-01', 'cancelled'),
    r('E', '2025-06-01', 'open'),
  ];

  it('counts started and filled on their dates and open positions at month end', () => {
    const may = recruitmentMonth(all, '2025-05');
    expect(may.started.map((x) => x.position)).toEqual(['A']);
    expect(may.filled.map((x) => x.position)).toEqual(['B']);
    expect(may.open.map((x) => x.position)).toEqual(['A', 'C']);
    expect(recruitmentMonth(all, '2025-04').open.map((x) => x.position)).toEqual(['B', 'C']);
  });

  it('counts by unit and role without persons', () => {
    expect(
      countByUnitAndRole([
        { unit: 'Nødnett', role: 'B' },
        { unit: 'Nødnett', role: 'A' },
        { unit: null, role: null },
        { unit: 'Nødnett', role: 'A' },
      ]),
    ).toEqual([
      { unit: 'Nødnett', role: 'A', count: 2 },
      { unit: 'Nødnett', role: 'B', count: 1 },
      { unit: 'Uten enhet', role: 'Uten stilling', count: 1 },
    ]);
  });
});
