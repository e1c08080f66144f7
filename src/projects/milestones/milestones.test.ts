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

describe('milestones at their edges', () => {
  const req = (milestone: string, newDate: string | null, reason = 'Ny plan') => ({
    project: 'p',
    milestone,
    newDate,
    reason,
    at: '2025-05-20T10:00:00.000Z',
    by: 'pl',
  });

  it('slip is null without a planned date and 0 on plan', () => {
    expect(slipDays({ baseline: '2025-05-16', planned: null })).toBeNull();
    expect(slipDays({ baseline: null, planned: null })).toBeNull();
    expect(slipDays({ baseline: '2025-05-16', planned: '2025-05-16' })).toBe(0);
  });

  it('records each change with project, instant, old and new date, reason and who', () => {
    const r = changePlannedDate([ms('CAT', '2025-05-16'), ms('PM4', '2025-05-30', 'CAT')], req('CAT', '2025-05-19'));
    expect(r.changes).toEqual([
      {
        project: 'p',
        milestone: 'CAT',
        changedAt: '2025-05-20T10:00:00.000Z',
        oldDate: '2025-05-16',
        newDate: '2025-05-19',
        reason: 'Ny plan',
        changedBy: 'pl',
      },
      {
        project: 'p',
        milestone: 'PM4',
        changedAt: '2025-05-20T10:00:00.000Z',
        oldDate: '2025-05-30',
        newDate: '2025-06-02',
        reason: 'Følger CAT: Ny plan',
        changedBy: 'pl',
      },
    ]);
  });

  it('says only whom a follower follows when the change has no reason', () => {
    const r = changePlannedDate([ms('CAT', '2025-05-16'), ms('PM4', '2025-05-30', 'CAT')], req('CAT', '2025-05-15', ''));
    expect(r.changes.map((c) => [c.milestone, c.newDate, c.reason])).toEqual([
      ['CAT', '2025-05-15', ''],
      ['PM4', '2025-05-29', 'Følger CAT:'],
    ]);
  });

  it('leaves followers where they are when the date is cleared or set for the first time', () => {
    const cleared = changePlannedDate([ms('CAT', '2025-05-16'), ms('PM4', '2025-05-30', 'CAT')], req('CAT', null));
    expect(cleared.milestones.map((m) => [m.id, m.planned])).toEqual([
      ['CAT', null],
      ['PM4', '2025-05-30'],
    ]);
    expect(cleared.changes.map((c) => c.milestone)).toEqual(['CAT']);
    const first = changePlannedDate(
      [{ ...ms('CAT', '2025-05-16'), planned: null }, ms('PM4', '2025-05-30', 'CAT')],
      req('CAT', '2025-06-01'),
    );
    expect(first.milestones.map((m) => m.planned)).toEqual(['2025-06-01', '2025-05-30']);
    expect(first.changes.map((c) => [c.oldDate, c.newDate])).toEqual([[null, '2025-06-01']]);
  });

  it('moves a follower without a planned date nowhere but still moves its own follower', () => {
    const plan = [ms('CAT', '2025-05-16'), { ...ms('PM4', '2025-05-30', 'CAT'), planned: null }, ms('PM5', '2025-06-20', 'PM4')];
    const r = changePlannedDate(plan, req('CAT', '2025-05-26'));
    expect(r.milestones.map((m) => m.planned)).toEqual(['2025-05-26', null, '2025-06-30']);
    expect(r.changes.map((c) => c.milestone)).toEqual(['CAT', 'PM5']);
  });

  it('touches only the request project, ignores an unknown milestone and stops at a cycle of followers', () => {
    const other = { ...ms('PM4', '2025-05-30', 'CAT'), project: 'q' };
    const r = changePlannedDate([ms('CAT', '2025-05-16'), other], req('CAT', '2025-05-17'));
    expect(r.milestones.map((m) => m.id)).toEqual(['CAT']);
    expect(r.changes.map((c) => c.milestone)).toEqual(['CAT']);
    const unknown = changePlannedDate([ms('CAT', '2025-05-16')], req('XX', '2025-05-17'));
    expect(unknown).toEqual({ milestones: [ms('CAT', '2025-05-16')], changes: [] });
    const cycle = [ms('A', '2025-05-01', 'B'), ms('B', '2025-05-02', 'A')];
    const moved = changePlannedDate(cycle, req('A', '2025-05-03'));
    expect(moved.milestones.map((m) => m.planned)).toEqual(['2025-05-03', '2025-05-04']);
    expect(moved.changes.map((c) => c.milestone)).toEqual(['A', 'B']);
  });

  it('does not change the milestones it was given', () => {
    const plan = [ms('CAT', '2025-05-16'), ms('PM4', '2025-05-30', 'CAT')];
    changePlannedDate(plan, req('CAT', '2025-06-16'));
    expect(plan.map((m) => m.planned)).toEqual(['2025-05-16', '2025-05-30']);
  });

  it('lists a month’s changes oldest first and only for the named milestone and project', () => {
    const change = (milestone: string, changedAt: string, project = 'p'): PlannedChange => ({
      project,
      milestone,
      changedAt,
      oldDate: null,
      newDate: changedAt.slice(0, 10),
      reason: '',
      changedBy: '',
    });
    const changes = [
      change('CAT', '2025-05-20T10:00:00.000Z'),
      change('CAT', '2025-05-02T10:00:00.000Z'),
      change('CAT', '2025-04-30T21:59:59.000Z'),
    ];
    expect(changesInMonth(changes, '2025-05').map((c) => c.newDate)).toEqual(['2025-05-02', '2025-05-20']);
    expect(changesInMonth(changes, '2025-04').map((c) => c.newDate)).toEqual(['2025-04-30']);
    expect(movedInMonth({ project: 'p', id: 'PM4' }, changes, '2025-05')).toBe(false);
    expect(movedInMonth({ project: 'q', id: 'CAT' }, changes, '2025-05')).toBe(false);
    expect(movedInMonth({ project: 'q', id: 'CAT' }, [change('CAT', '2025-05-20T10:00:00.000Z', 'q')], '2025-05')).toBe(true);
  });
});
