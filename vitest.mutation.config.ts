/**
 * The vitest config Stryker uses: only the tests of the engine being mutated (STRYKER_ENGINE_TESTS,
 * comma-separated globs, set by scripts/mutation/run.mjs), with the same settings as the suite.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const tests = (process.env.STRYKER_ENGINE_TESTS ?? '').split(',').filter(Boolean);

export default defineConfig({
  ...base,
  // Not mergeConfig: it would append to the suite's include instead of replacing it.
  test: { ...base.test, include: tests.length ? tests : ['src/**/*.test.ts'] },
});
