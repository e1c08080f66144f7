import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Every test must assert something (test/support/setup.ts).
    setupFiles: ['test/support/setup.ts'],
    // Spawned CLI tests run the compiled dist/ (bin/styrerom.mjs): build it once when src/ changed.
    globalSetup: ['test/support/build.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Skipped tests must never be counted as passing: CI fails on any skip/todo (see .ci/run).
    passWithNoTests: false,
    typecheck: { enabled: false },
  },
});
