import { describe, expect, it } from 'vitest';
import { changePlannedDate, changesInMonth, type Milestone, movedInMonth, type PlannedChange, slipDays } from './milestones.ts';

const ms = (id: string, planned: string, follows: string | null = null): Milestone => ({
  project: 'p',
  id,
  name: id,
  kind: follows ? 'payment' : 'acceptance',
  baseline: planned,
  planned,
  actual: null,
  amountOre: null,
  follows,
});

describe('slipDays(milestone)', () => {
  it('is planned − baseline in calendar days', () => {
    expect(slipDays({ baseline: '2025-05-16', planned: '2025-09-18' })).toBe(125);
    expect(slipDays({ baseline: '2025-05-16', planned: '2025-05-10' })).toBe(-6);
  });
  it('is null without a baseline or planned date', () => {
    expect(slipDays({ baseline: null, planned: '2025-09-18' })).toBeNull();
  });
});

describe('changePlannedDate(milestones, request)', () => {
  const plan = [ms('CAT', '2025-05-16'), ms('PM4', '2025-05-30', 'CAT'), ms('PM5', '2025-06-20', 'PM4'), ms('GO', '2025-10-01')];

  it('moves a following payment milestone by the same number of days, and its own follower', () => {
    const r = changePlannedDate(plan, {
      project: 'p',
      milestone: 'CAT',
      newDate: '2025-09-18',
      reason: 'Ny plan',
      at: '2025-05-20T10:00:00.000Z',
      by: 'pl',
    });
    const planned = Object.fromEntries(r.milestones.map((m) => [m.id, m.planned]));
    expect(planned).toEqual({ CAT: '2025-09-18', PM4: '2025-10-02', PM5: '2025-10-23', GO: '2025-10-01' });
    expect(r.changes.map((c) => [c.milestone, c.oldDate, c.newDate])).toEqual([
      ['CAT', '2025-05-16', '2025-09-18'],
      ['PM4', '2025-05-30', '2025-10-02'],
      ['PM5', '2025-06-20', '2025-10-23'],
    ]);
    expect(r.changes[1]?.reason).toBe('Følger CAT: Ny plan');
  });

  it('records nothing when the date does not change', () => {
    expect(changePlannedDate(plan, { project: 'p', milestone: 'GO', newDate: '2025-10-01', reason: '', at: 'x', by: 'x' }).changes).toEqual(
      [],
    );
  });

  it('keeps both changes of a milestone moved twice', () => {
    const first = changePlannedDate(plan, {
      project: 'p',
      milestone: 'CAT',
      newDate: '2025-06-16',
      reason: 'Feil',
      at: '2025-04-02T08:00:00.000Z',
      by: 'a',
    });
    const second = changePlannedDate(first.milestones, {
      project: 'p',
      milestone: 'CAT',
      newDate: '2025-09-18',
      reason: 'Ny plan',
      at: '2025-05-20T08:00:00.000Z',
      by: 'b',
    });
    const history: PlannedChange[] = [...first.changes, ...second.changes].filter((c) => c.milestone === 'CAT');
    expect(history.map((c) => [c.oldDate, c.newDate, c.reason, c.changedBy])).toEqual([
      ['2025-05-16', '2025-06-16', 'Feil', 'a'],
      ['2025-06-16', '2025-09-18', 'Ny plan', 'b'],
    ]);
    expect(movedInMonth({ project: 'p', id: 'CAT' }, history, '2025-05')).toBe(true);
    expect(movedInMonth({ project: 'p', id: 'CAT' }, history, '2025-03')).toBe(false);
    expect(changesInMonth(history, '2025-04').map((c) => c.newDate)).toEqual(['2025-06-16']);
  });

  it('counts a change in the Oslo month it was recorded in', () => {
    const late: PlannedChange = {
      project: 'p',
      milestone: 'CAT',
      changedAt: '2025-05-31T22:30:00.000Z',
      oldDate: null,
      newDate: null,
      reason: '',
      changedBy: '',
    };
    expect(movedInMonth({ project: 'p', id: 'CAT' }, [late], '2025-06')).toBe(true);
  });
});
