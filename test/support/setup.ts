/**
 * Setup for every test file (vitest.config.ts `setupFiles`): a test that makes no assertion fails.
 * Awaited `expect(…).resolves/rejects` and `expect.poll` count as assertions.
 */
import { beforeEach, expect } from 'vitest';

beforeEach(() => {
  expect.hasAssertions();
});
