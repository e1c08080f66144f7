/**
 * Test layers that need a service: PostgreSQL (TEST_POSTGRES_URL) and Chromium (CHROMIUM_PATH or
 * /usr/bin/chromium; PDF tests also need poppler's pdftotext). Locally, a layer whose service is
 * missing is registered as SKIPPED, with the reason in its name, so the run counts and names what was
 * left out. Under CI (CI=true; scripts/test-all.sh sets it) nothing is skipped: the tests run and fail
 * loudly, and scripts/check-test-results.mjs fails the run on any skip anyway.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why the PostgreSQL layer cannot run here, or undefined when it can. */
export function postgresMissing(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_POSTGRES_URL ? undefined : 'TEST_POSTGRES_URL is not set';
}

/** Why the Chromium layer cannot run here, or undefined when it can. */
export function chromiumMissing(options: { pdftotext?: boolean } = {}, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) return `Chromium not found at ${path}`;
  if (options.pdftotext && !onPath('pdftotext')) return 'pdftotext (poppler-utils) not found';
  return undefined;
}

/** The name a skipped layer is registered under: the reason is part of the test name. */
export function skippedName(name: string, reason: string): string {
  return `${name} — skipped: ${reason} (CI never skips)`;
}

/**
 * describe() when the layer's service is here or under CI; describe.skip() with the reason in its
 * name otherwise (the tests inside are still collected, so they are counted as skipped).
 */
export function describeLayer(name: string, missing: string | undefined, body: () => void, env: NodeJS.ProcessEnv = process.env): void {
  if (missing === undefined || inCi(env)) describe(name, body);
  else describe.skip(skippedName(name, missing), body);
}

/** A describe block of tests that drive Chromium (and pdftotext when `pdftotext`). */
export function describeWithChromium(name: string, body: () => void, options: { pdftotext?: boolean } = {}): void {
  describeLayer(name, chromiumMissing(options), body);
}

/** One test that drives Chromium, inside a block that does not. */
export function itWithChromium(name: string, fn: () => Promise<void>, timeout?: number): void {
  const missing = chromiumMissing();
  if (missing === undefined || inCi()) it(name, fn, timeout);
  else it.skip(skippedName(name, missing), fn, timeout);
}
