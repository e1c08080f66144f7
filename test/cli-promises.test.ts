/** The command line keeps the promises of docs/errors.md: help per domain, exit codes, quiet EPIPE, clear PostgreSQL login errors. */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.ts';
import { domains } from '../src/domains.ts';
import { POSTGRES_URL } from './support/databases.ts';

const ROOT = resolve(import.meta.dirname, '..');

async function cli(argv: string[], env: Record<string, string> = { DATABASE_URL: 'sqlite::memory:' }) {
  let stdout = '';
  let stderr = '';
  const io = {
    env,
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
  };
  const code = await runCli(argv, io, domains);
  return { code, stdout, stderr };
}

describe('styrerom <domain> --help', () => {
  const groups = [...new Set(domains.flatMap((d) => d.commands ?? []).map((c) => c.name.split(' ')[0] as string))];

  it('lists the commands of every domain, with --database in the usage line', async () => {
    expect(groups.length).toBeGreaterThan(2);
    for (const group of groups) {
      const r = await cli([group, '--help']);
      expect({ group, code: r.code }).toEqual({ group, code: 0 });
      expect(r.stdout).toContain(`Bruk: styrerom ${group} <kommando> [valg] [--database <url>]`);
      for (const c of domains.flatMap((d) => d.commands ?? []).filter((x) => x.name.startsWith(`${group} `)))
        expect(r.stdout).toContain(`  ${c.name} `);
    }
  });

  it('without --help, a bare domain word prints the same list to stderr and exits 2', async () => {
    const r = await cli(['report']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('report verify');
  });
});

describe('exit codes', () => {
  it('import <unknown kind> is a USAGE error (exit 2) naming the kinds that exist', async () => {
    const r = await cli(['import', 'nosuchkind', 'x.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Feil: Ukjent importtype «nosuchkind»\. Kjente typer: .*risks/);
  });

  it.runIf(POSTGRES_URL)('a PostgreSQL login failure says so (DATABASE, exit 10)', async () => {
    const url = new URL(POSTGRES_URL as string);
    url.password = 'definitely-wrong';
    const r = await cli(['migrate'], { DATABASE_URL: url.toString() });
    expect(r.code).toBe(10);
    expect(r.stderr).toMatch(
      /^Database: postgres:\/\/\S+ \(fra DATABASE_URL\)\nFeil: PostgreSQL avviste innloggingen: feil brukernavn eller passord i databaseadressen \(DATABASE_URL eller --database\)\.\n$/,
    );
    expect(r.stderr).not.toContain('definitely-wrong');
  });
});

describe('option errors', () => {
  it('are said in Norwegian, pointing to --help', async () => {
    expect((await cli(['kpi', '--nope'])).stderr).toBe('Feil: Ukjent valg «--nope». Se «styrerom kpi --help».\n');
    expect((await cli(['kpi', '--period'])).stderr).toBe('Feil: Valget «--period» mangler verdi. Se «styrerom kpi --help».\n');
    expect((await cli(['kpi', '--json=ja'])).stderr).toBe('Feil: Valget «--json» tar ingen verdi. Se «styrerom kpi --help».\n');
    const r = await cli(['report', 'verify', 'x']);
    expect(r).toMatchObject({ code: 2, stderr: 'Feil: Uventet argument «x». Se «styrerom report verify --help».\n' });
  });
});

describe('writing into a closed pipe', () => {
  it('ends quietly with exit 0 instead of an EPIPE crash', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/styrerom.mjs'), '--help'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATABASE_URL: 'sqlite::memory:' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader (`| head -1`) has gone
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const code = await new Promise((done) => child.on('exit', done));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  }, 120_000);
});
