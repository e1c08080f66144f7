/**
 * A layer left out is visible: without PostgreSQL or Chromium a local run registers those tests as
 * skipped, with the reason in the name; under CI they run (and fail), and the result check fails on
 * any skip (scripts/check-test-results.mjs).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, inCi, postgresMissing, skippedName } from './support/layers.ts';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'styrerom-layers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('which layers can run here', () => {
  it('reads CI the way CI services set it', () => {
    expect([{}, { CI: '' }, { CI: 'false' }, { CI: '0' }].map((env) => inCi(env))).toEqual([false, false, false, false]);
    expect([{ CI: 'true' }, { CI: '1' }].map((env) => inCi(env))).toEqual([true, true]);
  });

  it('names the missing service', () => {
    expect(postgresMissing({})).toBe('TEST_POSTGRES_URL is not set');
    expect(postgresMissing({ TEST_POSTGRES_URL: 'postgres://x' })).toBeUndefined();
    expect(chromiumMissing({}, { CHROMIUM_PATH: '/nonexistent/chromium' })).toBe('Chromium not found at /nonexistent/chromium');
    expect(skippedName('risk queries [postgres]', 'TEST_POSTGRES_URL is not set')).toBe(
      'risk queries [postgres] — skipped: TEST_POSTGRES_URL is not set (CI never skips)',
    );
  });
});

interface Result {
  fullName: string;
  status: string;
}

/** Runs the probe file with `env` and returns its results by status. */
async function probe(env: Record<string, string>): Promise<{ status: number; byStatus: Record<string, string[]> }> {
  const out = join(dir, `probe-${Object.keys(env).join('-') || 'local'}.json`);
  const { TEST_POSTGRES_URL: _pg, CI: _ci, CHROMIUM_PATH: _cp, ...rest } = process.env;
  const status = await run(
    'npx',
    ['vitest', 'run', '--config', 'test/support/probe/vitest.config.ts', '--reporter=json', `--outputFile=${out}`],
    {
      env: { ...rest, ...env },
    },
  ).then(
    () => 0,
    (e: { code: number }) => e.code,
  );
  const report = JSON.parse(await readFile(out, 'utf8')) as { testResults: { assertionResults: Result[] }[] };
  const byStatus: Record<string, string[]> = {};
  for (const r of report.testResults.flatMap((f) => f.assertionResults)) {
    byStatus[r.status] = [...(byStatus[r.status] ?? []), r.fullName];
  }
  return { status, byStatus };
}

describe('a local run without PostgreSQL and Chromium', () => {
  it('counts the PostgreSQL and Chromium tests as skipped, with the reason, and passes the rest', { timeout: 180_000 }, async () => {
    const { status, byStatus } = await probe({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(status).toBe(0);
    expect(byStatus.passed).toEqual(['probe [sqlite] opens the database']);
    expect(byStatus.skipped).toEqual([
      'probe [postgres] — skipped: TEST_POSTGRES_URL is not set (CI never skips) opens the database',
      'probe browser — skipped: Chromium not found at /nonexistent/chromium (CI never skips) has a Chromium',
    ]);
  });

  it('under CI runs them instead, so they fail', { timeout: 180_000 }, async () => {
    const { status, byStatus } = await probe({ CI: 'true', CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(status).not.toBe(0);
    // A failing beforeAll (no TEST_POSTGRES_URL) fails the file; vitest then lists its tests as not run.
    expect(Object.values(byStatus).flat()).toContain('probe [postgres] opens the database');
    expect(
      Object.values(byStatus)
        .flat()
        .filter((n) => n.includes('skipped:')),
    ).toEqual([]);
    // The Chromium probe itself needs no browser; real browser tests fail on launch (test/browser/browser.ts).
    expect(byStatus.passed).toEqual(['probe [sqlite] opens the database', 'probe browser has a Chromium']);
  });
});

describe('scripts/check-test-results.mjs', () => {
  async function check(report: object): Promise<{ code: number; stdout: string; stderr: string }> {
    const file = join(dir, 'results.json');
    await writeFile(file, JSON.stringify(report));
    return run('node', ['scripts/check-test-results.mjs', file]).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
  }
  const file = (status: string) => ({ name: 'src/risk/risk.queries.test.ts', assertionResults: [{ fullName: `t ${status}`, status }] });

  it('fails on a skipped test and names it', async () => {
    const r = await check({
      success: true,
      numPassedTests: 1,
      numFailedTests: 0,
      numPendingTests: 1,
      numTodoTests: 0,
      testResults: [file('pending')],
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 skipped/todo test(s) — not allowed');
    expect(r.stderr).toContain('src/risk/risk.queries.test.ts: t pending');
  });

  it('passes a run with passed tests only', async () => {
    const r = await check({
      success: true,
      numPassedTests: 1,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [file('passed')],
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1 passed, 0 failed\n');
  });
});
