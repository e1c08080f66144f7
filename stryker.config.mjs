// @ts-check
/**
 * Mutation testing of the engines (docs/testing.md). `npm run test:mutation` runs
 * scripts/mutation/run.mjs, which runs Stryker once per engine of scripts/mutation/engines.mjs with
 * `--mutate <files>` and only that engine's tests; running `npx stryker run` directly mutates every
 * engine file against every engine's tests at once (slow).
 *
 * Equivalent mutants are disabled in the source with `// Stryker disable next-line <mutator>: <reason>`.
 */
import { ENGINES } from './scripts/mutation/engines.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: Object.values(ENGINES).flatMap((e) => e.mutate),
  // The machine is shared: at most two test processes.
  concurrency: 2,
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 20_000,
};
