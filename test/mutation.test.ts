/** The mutation-testing set-up (docs/testing.md): engine list, changed-file selection and score. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Engine {
  mutate: string[];
  tests: string[];
  minimum?: number;
}
const enginesModule: string = '../scripts/mutation/engines.mjs';
const runModule: string = '../scripts/mutation/run.mjs';
const { ENGINES } = (await import(enginesModule)) as { ENGINES: Record<string, Engine> };
const { selectEngines, scoreOf } = (await import(runModule)) as {
  selectEngines(names: string[], changed: string[] | null): { name: string; mutate: string[] }[];
  scoreOf(report: object): { Killed: number; Survived: number; valid: number; score: number; survivors: string[] };
};

describe('the engines under mutation testing', () => {
  it('type-checks exactly the files it mutates (tsconfig.stryker.json)', () => {
    const tsconfig = JSON.parse(readFileSync('tsconfig.stryker.json', 'utf8')) as { include: string[] };
    expect([...tsconfig.include].sort()).toEqual(
      Object.values(ENGINES)
        .flatMap((e) => e.mutate)
        .sort(),
    );
  });

  it('runs each engine against tests that exist', () => {
    for (const [name, e] of Object.entries(ENGINES)) {
      expect(e.tests.length, name).toBeGreaterThan(0);
      for (const t of e.tests) expect(() => readFileSync(t), `${name}: ${t}`).not.toThrow();
    }
  });
});

describe('selectEngines', () => {
  it('takes every engine with all its files when no change list is given', () => {
    expect(selectEngines([], null).map((s) => s.name)).toEqual(Object.keys(ENGINES));
    expect(selectEngines(['risk'], null)).toEqual([expect.objectContaining({ name: 'risk', mutate: ENGINES.risk!.mutate })]);
  });

  it('takes only changed engine files, matching globs within one folder', () => {
    const changed = [
      'src/workforce/aml/rules/aml-rest.ts',
      'src/workforce/aml/aml.test.ts',
      'README.md',
      'src/workforce/aml/rules/x/deeper.ts',
    ];
    expect(selectEngines([], changed)).toEqual([expect.objectContaining({ name: 'aml', mutate: ['src/workforce/aml/rules/aml-rest.ts'] })]);
    expect(selectEngines([], ['docs/testing.md'])).toEqual([]);
  });
});

describe('scoreOf', () => {
  it('is (killed + timeout) / (killed + timeout + survived + no coverage), leaving type errors out', () => {
    const m = (status: string, line: number) => ({
      status,
      mutatorName: 'EqualityOperator',
      replacement: 'a <= b',
      location: { start: { line } },
    });
    const report = {
      files: {
        'src/x.ts': { mutants: [m('Killed', 1), m('Killed', 2), m('Timeout', 3), m('Survived', 4), m('CompileError', 5), m('Ignored', 6)] },
      },
    };
    const s = scoreOf(report);
    expect(s.valid).toBe(4);
    expect(s.score).toBe(75);
    expect(s.survivors).toEqual(['src/x.ts:4 EqualityOperator Survived → a <= b']);
    expect(scoreOf({ files: {} }).score).toBe(100);
  });
});
