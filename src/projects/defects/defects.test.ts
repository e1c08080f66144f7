import { describe, expect, it } from 'vitest';
import { type ClassRule, classify, countOpen, effectiveRules, isOpenAt, type JiraIssue } from './defects.ts';

const issue = (over: Partial<JiraIssue> = {}): JiraIssue => ({
  key: 'ML-1',
  summary: '',
  type: 'Bug',
  priority: 'Medium',
  status: 'Open',
  statusCategory: 'new',
  labels: [],
  components: [],
  fixVersions: [],
  created: '2025-05-10T08:00:00.000Z',
  resolved: null,
  updated: '2025-05-10T08:00:00.000Z',
  fields: {},
  ...over,
});

describe('isOpenAt(issue, t)', () => {
  const i = issue({ created: '2025-05-10T08:00:00.000Z', resolved: '2025-05-20T12:00:00.000Z' });
  it('is closed just before creation and open at and just after it', () => {
    expect(isOpenAt(i, '2025-05-10T07:59:59.999Z')).toBe(false);
    expect(isOpenAt(i, '2025-05-10T08:00:00.000Z')).toBe(true);
    expect(isOpenAt(i, '2025-05-10T08:00:00.001Z')).toBe(true);
  });
  it('is open just before resolution and closed at and after it', () => {
    expect(isOpenAt(i, '2025-05-20T11:59:59.999Z')).toBe(true);
    expect(isOpenAt(i, '2025-05-20T12:00:00.000Z')).toBe(false);
    expect(isOpenAt(i, '2025-05-20T12:00:00.001Z')).toBe(false);
  });
  it('is open again when reopened (resolution cleared)', () => {
    expect(isOpenAt({ ...i, resolved: null }, '2025-06-01T00:00:00.000Z')).toBe(true);
  });
  it('compares instants, not text (offsets)', () => {
    expect(isOpenAt(issue({ created: '2025-05-10T10:00:00+02:00' }), '2025-05-10T08:00:00.000Z')).toBe(true);
  });
});

describe('classify(issue, rules)', () => {
  const rules: ClassRule[] = [
    { source: 'priority', value: 'High', class: 'C' },
    { source: 'label', value: 'A-feil', class: 'A' },
    { source: 'field', field: 'Feilklasse', value: 'B', class: 'B' },
  ];
  const eff = effectiveRules(rules);
  it('tries custom field rules first, then labels, then priority', () => {
    expect(classify(issue({ priority: 'High', labels: ['a-feil'], fields: { Feilklasse: ['B'] } }), eff)).toBe('B');
    expect(classify(issue({ priority: 'High', labels: ['A-feil'] }), eff)).toBe('A');
    expect(classify(issue({ priority: 'High' }), eff)).toBe('C');
  });
  it('uses the default priority rules only when none is configured', () => {
    expect(classify(issue({ priority: 'Medium' }), eff)).toBeNull();
    const defaults = effectiveRules([]);
    expect(
      ['Highest', 'Blocker', 'Critical', 'High', 'Major', 'Minor', 'Trivial'].map((p) => classify(issue({ priority: p }), defaults)),
    ).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C']);
  });
  it('leaves an issue no rule matches unclassified', () => {
    expect(classify(issue({ priority: 'Unknown' }), effectiveRules([]))).toBeNull();
  });
});

describe('countOpen(issues, rules, {asOf, release})', () => {
  const issues = [
    issue({ key: 'ML-1', priority: 'Blocker', fixVersions: ['2.1'] }),
    issue({ key: 'ML-2', priority: 'Minor', fixVersions: ['2.1'] }),
    issue({ key: 'ML-3', priority: 'Minor', fixVersions: ['2.0'] }),
    issue({ key: 'ML-4', priority: 'Odd', fixVersions: ['2.1'] }),
    issue({ key: 'ML-5', priority: 'Major', resolved: '2025-05-15T00:00:00.000Z' }),
  ];
  it('counts open issues by class and lists the unclassified', () => {
    const s = countOpen(issues, [], { asOf: '2025-06-01T00:00:00.000Z' });
    expect(s.open).toEqual({ A: 1, B: 0, C: 2, unclassified: 1 });
    expect(s.total).toBe(4);
    expect(s.unclassified.map((i) => i.key)).toEqual(['ML-4']);
  });
  it('limits to a fix version', () => {
    expect(countOpen(issues, [], { asOf: '2025-06-01T00:00:00.000Z', release: '2.1' }).open).toEqual({ A: 1, B: 0, C: 1, unclassified: 1 });
  });
});
