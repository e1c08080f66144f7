/** runCli in-process with a fake domain: import flows, exit codes and domain command dispatch. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/cli/exit-codes.ts';
import { runCli } from '../src/cli/run.ts';
import type { DomainModule } from '../src/module.ts';
import { AppError } from '../src/shared/errors.ts';
import { fakeDomain } from './server-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'styrerom-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const calls: string[][] = [];
const record = (name: string) => async (argv: string[]) => {
  calls.push([name, ...argv]);
  return 0;
};
const withCommands: DomainModule = {
  ...fakeDomain,
  commands: [
    { name: 'fake', summary: 'Fake root', usage: 'Bruk: styrerom fake', run: record('fake') },
    {
      name: 'fake table',
      summary: 'Fake table',
      usage: 'Bruk: styrerom fake table',
      run: record('fake table'),
    },
    {
      name: 'fake fail',
      summary: 'Fails',
      usage: 'Bruk: styrerom fake fail',
      run: async () => {
        throw new AppError('REPORT_BUILD', 'Kryssreferansen [@tab:x] finnes ikke');
      },
    },
  ],
};

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    {
      env: { STYREROM_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'run.db')}`, ...env },
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    },
    [withCommands],
  );
  return { code, stdout, stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('runCli()', () => {
  it('imports files and reports the rows', async () => {
    const r = await cli(['import', 'lines', file('a.csv', 'en\nto\n'), file('b.csv', 'tre\n')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ a.csv: 2 rader importert');
    expect(r.stdout).toContain('✓ b.csv: 1 rader importert');
  });

  it('exits with DUPLICATE_IMPORT (6) when content was imported before', async () => {
    const r = await cli(['import', 'lines', join(dir, 'a.csv')]);
    expect(r.code).toBe(EXIT_CODES.DUPLICATE_IMPORT);
    expect(r.stdout).toContain('– a.csv: samme innhold er importert før');
  });

  it('exits with IMPORT_FAILED (5) and prints each problem with file, line and column', async () => {
    const r = await cli(['import', 'lines', file('c.csv', 'ok\nbad\n'), file('d.csv', 'ny\n')]);
    expect(r.code).toBe(EXIT_CODES.IMPORT_FAILED);
    expect(r.stderr).toContain('c.csv:2 [tekst] feil: ugyldig linje');
    expect(r.stderr).not.toContain('(bad line)');
    expect(r.stderr).toContain('og fila etter den ble ikke forsøkt');
  });

  it('exits with FILE_UNREADABLE’s code (5) for a missing file', async () => {
    const r = await cli(['import', 'lines', join(dir, 'finnes-ikke.csv')]);
    expect(r.code).toBe(EXIT_CODES.FILE_UNREADABLE);
    expect(r.stderr).toContain('finnes-ikke.csv: fila finnes ikke eller kan ikke leses');
  });

  it('import without a file is a USAGE error, and its --help lists the import kinds', async () => {
    expect((await cli(['import', 'lines'])).code).toBe(EXIT_CODES.USAGE);
    const help = await cli(['import', '--help']);
    expect(help.stdout).toContain('lines');
    expect(help.stdout).toContain('Test importer: one row per line');
  });

  it('dispatches domain commands by the longest matching word prefix', async () => {
    await cli(['fake', 'table', '--x', '1']);
    await cli(['fake', 'other']);
    expect(calls).toEqual([
      ['fake table', '--x', '1'],
      ['fake', 'other'],
    ]);
    expect((await cli(['fake', 'table', '--help'])).stdout).toBe('Bruk: styrerom fake table\n');
  });

  it('maps a domain command’s AppError to its exit code, with a stack trace only under STYREROM_DEBUG=1', async () => {
    const quiet = await cli(['fake', 'fail']);
    expect(quiet.code).toBe(EXIT_CODES.REPORT_BUILD);
    expect(quiet.stderr).toBe('Feil: Kryssreferansen [@tab:x] finnes ikke\n');
    const debug = await cli(['fake', 'fail'], { STYREROM_DEBUG: '1' });
    expect(debug.stderr).toContain('    at ');
  });

  it('prints KPIs as an aligned Norwegian table', async () => {
    const r = await cli(['kpi', '--period', '2025-05']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nøkkeltall for mai 2025');
    expect(r.stdout).toMatch(/Testrate\s+1,44\u00a0%\s+< 5\u00a0%\s+✓ Mål nådd/);
    expect(r.stdout).toMatch(/Antall ting\s+9\u00a0stk\.\s+Ingen mål/);
  });

  it('reports a bad configuration (PORT) with the CONFIG code', async () => {
    const r = await cli(['kpi'], { PORT: 'abc' });
    expect(r.code).toBe(EXIT_CODES.CONFIG);
    expect(r.stderr).toContain('Ugyldig port «abc»');
  });
});
