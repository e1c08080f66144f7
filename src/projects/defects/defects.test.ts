import { describe, expect, it } from 'vitest';
import { type ClassRule, classify, countOpen, effectiveRules, isOpenAt, type JiraIssue, latestRelease } from './defects.ts';

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

describe('class rules at their edges', () => {
  it('maps every default priority of the spec to its class', () => {
    const defaults = effectiveRules([]);
    const classes = ['Highest', 'Blocker', 'Critical', 'High', 'Major', 'Medium', 'Low', 'Lowest', 'Minor', 'Trivial'].map((p) =>
      classify(issue({ priority: p }), defaults),
    );
    expect(classes).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C', 'C', 'C', 'C']);
  });
  it('puts configured rules first by source (field, label, priority) and keeps their order within a source', () => {
    const label1: ClassRule = { source: 'label', value: 'x', class: 'C' };
    const label2: ClassRule = { source: 'label', value: 'y', class: 'A' };
    const field: ClassRule = { source: 'field', field: 'Feilklasse', value: 'B', class: 'B' };
    const eff = effectiveRules([label1, label2, field]);
    expect(eff.slice(0, 3)).toEqual([field, label1, label2]);
    expect(eff.slice(3).map((r) => `${r.value}=${r.class}`)).toEqual([
      'Highest=A',
      'Blocker=A',
      'Critical=A',
      'High=B',
      'Major=B',
      'Medium=C',
      'Low=C',
      'Lowest=C',
      'Minor=C',
      'Trivial=C',
    ]);
    expect(classify(issue({ labels: ['x', 'y'] }), eff)).toBe('C');
  });
  it('matches field names, field values, labels and priorities without regard to case or surrounding spaces', () => {
    const rules = effectiveRules([
      { source: 'field', field: ' feilklasse ', value: 'a', class: 'A' },
      { source: 'label', value: ' b-feil ', class: 'B' },
      { source: 'priority', value: ' HIGH ', class: 'C' },
    ]);
    expect(classify(issue({ priority: null, fields: { FEILKLASSE: [' A '] } }), rules)).toBe('A');
    expect(classify(issue({ priority: null, fields: { Feilklasse: ['B'] } }), rules)).toBeNull();
    expect(classify(issue({ priority: null, fields: { Annet: ['A'] } }), rules)).toBeNull();
    expect(classify(issue({ priority: null, labels: ['B-FEIL'] }), rules)).toBe('B');
    expect(classify(issue({ priority: 'high' }), rules)).toBe('C');
    expect(classify(issue({ priority: 'Highest' }), rules)).toBeNull();
  });
  it('never matches a field rule on an issue without that field, whatever the rule’s value', () => {
    for (const value of ['A', '', 'Stryker was here']) {
      const rules = effectiveRules([{ source: 'field', field: 'Feilklasse', value, class: 'A' }]);
      expect(classify(issue({ priority: null, fields: { Annet: [value] } }), rules)).toBeNull();
    }
  });
  it('leaves an issue without priority unclassified, and a field rule without a field name matches only a field named ""', () => {
    expect(classify(issue({ priority: null }), effectiveRules([]))).toBeNull();
    const nameless = effectiveRules([{ source: 'field', value: 'A', class: 'A' }]);
    expect(classify(issue({ priority: null, fields: { '': ['A'] } }), nameless)).toBe('A');
    expect(classify(issue({ priority: null, fields: { Feilklasse: ['A'] } }), nameless)).toBeNull();
  });
});

describe('countOpen and latestRelease at their edges', () => {
  it('counts only issues open at asOf, each class separately, and sorts the unclassified by key number', () => {
    const issues = [
      issue({ key: 'ML-10', priority: 'Odd' }),
      issue({ key: 'ML-9', priority: null }),
      issue({ key: 'ML-2', priority: 'High' }),
      issue({ key: 'ML-3', priority: 'Major' }),
      issue({ key: 'ML-4', priority: 'Critical', created: '2025-06-02T00:00:00.000Z' }),
      issue({ key: 'ML-5', priority: 'Low', resolved: '2025-06-01T00:00:00.000Z' }),
    ];
    const s = countOpen(issues, [], { asOf: '2025-06-01T00:00:00.000Z' });
    expect(s.open).toEqual({ A: 0, B: 2, C: 0, unclassified: 2 });
    expect(s.total).toBe(4);
    expect(s.unclassified.map((i) => i.key)).toEqual(['ML-9', 'ML-10']);
    expect(countOpen(issues, [], { asOf: '2025-06-02T00:00:00.000Z' }).open).toEqual({ A: 1, B: 2, C: 0, unclassified: 2 });
  });
  it('counts every open issue when the release is null or empty, and only exact fix versions otherwise', () => {
    const issues = [
      issue({ key: 'ML-1', priority: 'Low', fixVersions: ['2.1'] }),
      issue({ key: 'ML-2', priority: 'Low', fixVersions: ['2.10'] }),
      issue({ key: 'ML-3', priority: 'Low' }),
    ];
    const asOf = '2025-06-01T00:00:00.000Z';
    expect(countOpen(issues, [], { asOf, release: null }).total).toBe(3);
    expect(countOpen(issues, [], { asOf, release: '' }).total).toBe(3);
    expect(countOpen(issues, [], { asOf, release: '2.1' }).total).toBe(1);
    expect(countOpen(issues, [], { asOf, release: '2.10' }).open).toEqual({ A: 0, B: 0, C: 1, unclassified: 0 });
  });
  it('takes the highest fix version in numeric order as the latest release, null without any', () => {
    expect(latestRelease([issue({ fixVersions: ['2.9', '2.10'] }), issue({ fixVersions: ['2.2', '2.9'] })])).toBe('2.10');
    expect(latestRelease([issue({ fixVersions: ['1.0'] })])).toBe('1.0');
    expect(latestRelease([issue()])).toBeNull();
    expect(latestRelease([])).toBeNull();
  });
});
