import { describe, expect, it } from 'vitest';
import {
  type Assessment,
  assessmentInForce,
  atOrAboveThreshold,
  compareRiskIds,
  movementOf,
  type Risk,
  registerAt,
  rollForwardDrafts,
  scoreTimeline,
  summariseMovement,
} from './risk.ts';

function risk(id: string, over: Partial<Risk> = {}): Risk {
  return {
    id,
    title: `Risiko ${id}`,
    description: '',
    owner: 'Eier',
    category: 'economy',
    scope: 'enterprise',
    opened: '2025-01-01',
    closed: null,
    ...over,
  };
}

let nextId = 1;
function assess(riskId: string, period: string, p: number, c: number, over: Partial<Assessment> = {}): Assessment {
  const id = nextId++;
  return {
    id,
    riskId,
    period,
    probability: p,
    consequence: c,
    statusText: `${riskId} ${period}`,
    assessedBy: 'Risikoeier',
    assessedAt: `${period}-20`,
    state: 'final',
    source: 'import',
    recordedAt: `${period}-20T10:00:00.000Z`,
    recordedBy: 'test',
    ...over,
  };
}

describe('assessmentInForce (carry-forward)', () => {
  const list = [assess('A', '2025-01', 2, 2), assess('A', '2025-03', 3, 4), assess('B', '2025-02', 1, 1)];
  it('carries an assessment forward until a later period has its own', () => {
    expect(assessmentInForce(list, 'A', '2025-02')?.period).toBe('2025-01');
    expect(assessmentInForce(list, 'A', '2025-03')?.period).toBe('2025-03');
    expect(assessmentInForce(list, 'A', '2025-05')?.period).toBe('2025-03');
  });
  it('has nothing before the first assessment', () => {
    expect(assessmentInForce(list, 'A', '2024-12')).toBeUndefined();
  });
  it('takes the latest recorded assessment when a period was assessed twice, keeping both', () => {
    const twice = [...list, assess('A', '2025-03', 5, 5, { recordedAt: '2025-03-28T10:00:00.000Z' })];
    expect(assessmentInForce(twice, 'A', '2025-04')?.probability).toBe(5);
    expect(twice.filter((a) => a.riskId === 'A' && a.period === '2025-03')).toHaveLength(2);
  });
  it('answers what was reported in an earlier month', () => {
    expect(assessmentInForce(list, 'A', '2025-01')?.statusText).toBe('A 2025-01');
  });
});

describe('movementOf', () => {
  const a = [
    assess('UP', '2025-04', 2, 2),
    assess('UP', '2025-05', 3, 3),
    assess('DOWN', '2025-04', 4, 4),
    assess('DOWN', '2025-05', 2, 4),
  ];
  a.push(assess('SAME', '2025-03', 2, 3), assess('NEW', '2025-05', 1, 2), assess('GONE', '2025-04', 3, 3));
  it('is up, down or same by score change since the previous period', () => {
    expect(movementOf(risk('UP'), a, '2025-05')).toEqual({ kind: 'up', previousScore: 4, change: 5 });
    expect(movementOf(risk('DOWN'), a, '2025-05')).toEqual({ kind: 'down', previousScore: 16, change: -8 });
    expect(movementOf(risk('SAME'), a, '2025-05')).toEqual({ kind: 'same', previousScore: 6, change: 0 });
  });
  it('is new for a risk opened in the period', () => {
    expect(movementOf(risk('NEW', { opened: '2025-05-10' }), a, '2025-05').kind).toBe('new');
  });
  it('is closed for a risk closed in the period', () => {
    expect(movementOf(risk('GONE', { closed: '2025-05-15' }), a, '2025-05').kind).toBe('closed');
  });
});

describe('registerAt and atOrAboveThreshold', () => {
  const risks = [
    risk('OR-100'),
    risk('OR-99'),
    risk('OR-50'),
    risk('OR-7'),
    risk('OR-8', { closed: '2025-04-30' }),
    risk('P-1', { scope: 'KAK' }),
  ];
  const list = [
    assess('OR-100', '2025-05', 3, 3), // 9
    assess('OR-99', '2025-02', 3, 4), // 12, carried forward
    assess('OR-50', '2025-05', 3, 3), // 9
    assess('OR-7', '2025-05', 2, 3), // 6
    assess('OR-8', '2025-04', 5, 5), // closed
    assess('P-1', '2025-05', 5, 5), // project risk
  ];
  const entries = registerAt(risks, list, '2025-05');
  it('orders by score descending, then id in natural order', () => {
    expect(atOrAboveThreshold(entries, 8).map((e) => e.risk.id)).toEqual(['OR-99', 'OR-50', 'OR-100']);
  });
  it('includes a score exactly at the threshold and leaves one just below out (spec: score ≥ threshold)', () => {
    expect(atOrAboveThreshold(entries, 9).map((e) => e.risk.id)).toEqual(['OR-99', 'OR-50', 'OR-100']);
    expect(atOrAboveThreshold(entries, 10).map((e) => e.risk.id)).toEqual(['OR-99']);
    expect(atOrAboveThreshold(entries, 6).map((e) => e.risk.id)).toEqual(['OR-99', 'OR-50', 'OR-100', 'OR-7']);
    expect(atOrAboveThreshold(entries, 7).map((e) => e.risk.id)).toEqual(['OR-99', 'OR-50', 'OR-100']);
    expect(atOrAboveThreshold(entries, 13)).toEqual([]);
    expect(atOrAboveThreshold(entries, 25, 'KAK').map((e) => e.risk.id)).toEqual(['P-1']);
  });
  it('uses the carried-forward assessment and says so', () => {
    const e = entries.find((x) => x.risk.id === 'OR-99')!;
    expect(e.carriedForward).toBe(true);
    expect(e.score).toBe(12);
    expect(e.level?.key).toBe('high');
  });
  it('leaves out closed risks, project risks and risks below the threshold', () => {
    const ids = atOrAboveThreshold(entries, 8).map((e) => e.risk.id);
    expect(ids).not.toContain('OR-8');
    expect(ids).not.toContain('P-1');
    expect(ids).not.toContain('OR-7');
  });
  it('honours another threshold', () => {
    expect(atOrAboveThreshold(entries, 10).map((e) => e.risk.id)).toEqual(['OR-99']);
  });
  it('counts movement in the period', () => {
    expect(summariseMovement(entries, '2025-05')).toEqual({ up: 0, down: 0, same: 1, new: 4, closed: 0 });
    expect(summariseMovement(registerAt(risks, list, '2025-04'), '2025-04').closed).toBe(1);
  });
  it('sorts ids naturally', () => {
    expect(['OR-100', 'OR-99', 'OR-631', 'OR-7'].sort(compareRiskIds)).toEqual(['OR-7', 'OR-99', 'OR-100', 'OR-631']);
  });
});

describe('rollForwardDrafts', () => {
  const risks = [risk('A'), risk('B'), risk('C', { closed: '2025-05-31' }), risk('D')];
  const list = [assess('A', '2025-04', 2, 3), assess('B', '2025-03', 4, 4), assess('B', '2025-05', 1, 1), assess('C', '2025-05', 3, 3)];
  it('copies the latest assessment of each open risk as a draft for the new period', () => {
    const drafts = rollForwardDrafts(risks, list, '2025-06');
    expect(drafts.map((d) => [d.riskId, d.period, d.probability, d.consequence, d.state])).toEqual([
      ['A', '2025-06', 2, 3, 'draft'],
      ['B', '2025-06', 1, 1, 'draft'],
    ]);
    expect(drafts[0]?.statusText).toBe('A 2025-04');
  });
  it('skips risks that already have an assessment in the period', () => {
    expect(rollForwardDrafts(risks, list, '2025-05').map((d) => d.riskId)).toEqual(['A']);
  });
});

describe('scoreTimeline', () => {
  it('gives the score in force each month, marking own assessments', () => {
    const list = [assess('A', '2025-02', 2, 2), assess('A', '2025-04', 3, 3)];
    expect(scoreTimeline(list, 'A', '2025-01', '2025-05')).toEqual([
      { period: '2025-01', score: null, own: false },
      { period: '2025-02', score: 4, own: true },
      { period: '2025-03', score: 4, own: false },
      { period: '2025-04', score: 9, own: true },
      { period: '2025-05', score: 9, own: false },
    ]);
  });
});
