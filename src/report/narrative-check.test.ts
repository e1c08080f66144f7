import { describe, expect, it } from 'vitest';
import type { Problem } from '../shared/errors.ts';
import { narrativeRefused, nearestIds, withSuggestions } from './narrative-check.ts';

const problem = (line: number, message: string, severity: Problem['severity'] = 'error'): Problem => ({
  file: 'tekst:risk',
  line,
  message,
  messageEn: message,
  severity,
});

describe('nearestIds(wanted, candidates)', () => {
  it('puts the closest by edit distance first, at most three', () => {
    const near = nearestIds('aml-trnd', ['risk-heatmap', 'aml-trend', 'aml-types', 'sick-leave-trend']);
    expect(near.slice(0, 2)).toEqual(['aml-trend', 'aml-types']);
    expect(near).toHaveLength(3);
  });
  it('counts a candidate containing the typed id as close', () => {
    expect(nearestIds('sickLeave', ['workforce.aml.month', 'workforce.sickLeave.total'], 1)).toEqual(['workforce.sickLeave.total']);
  });
  it('suggests nothing when there is nothing to suggest', () => {
    expect(nearestIds('x', [])).toEqual([]);
  });
});

describe('withSuggestions(problems, markdown, known)', () => {
  const known = { refs: ['fig:aml-trend', 'tab:finance-result'], kpis: ['workforce.aml.month'] };
  it('adds the nearest valid id of the same kind to the problem on the same line naming the id', () => {
    const md = 'Tekst.\nSe [@tab:finance-reslt] og {{ kpi.workforce.aml.mont }}.';
    const out = withSuggestions(
      [problem(2, '[@tab:finance-reslt] finnes ikke'), problem(2, 'kpi.workforce.aml.mont finnes ikke')],
      md,
      known,
    );
    expect(out.map((p) => p.message)).toEqual([
      '[@tab:finance-reslt] finnes ikke. Nærmeste gyldige: [@tab:finance-result]',
      'kpi.workforce.aml.mont finnes ikke. Nærmeste gyldige: {{ kpi.workforce.aml.month }}',
    ]);
  });
  it('leaves other problems as they are', () => {
    const p = problem(1, 'ukjent filter «x»');
    expect(withSuggestions([p], '{{ kpi.workforce.aml.month | x }}', known)).toEqual([p]);
  });
});

describe('narrativeRefused(problems)', () => {
  it('is null without errors (warnings do not stop a save)', () => {
    expect(narrativeRefused([problem(1, 'bare en advarsel', 'warning')])).toBeNull();
  });
  it('names the first problem and counts the rest in Norwegian', () => {
    const err = narrativeRefused([problem(1, 'A er feil'), problem(2, 'B er feil')]);
    expect(err?.code).toBe('VALIDATION');
    expect(err?.message).toBe('Teksten ble ikke lagret fordi rapporten ikke kan bygges med den: A er feil (og 1 problem til)');
    expect(err?.problems).toHaveLength(2);
  });
});
