/** The real `styrerom` binary, spawned as users run it, on a temporary SQLite database. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/cli/exit-codes.ts';
import { domains } from '../src/domains.ts';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'styrerom-cli-'));
const env = { PATH: process.env.PATH, HOME: process.env.HOME, STYREROM_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'test.db')}` };

function styrerom(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin/styrerom.mjs'), ...args], { cwd: ROOT, env, timeout: 60_000 }, (err, stdout, stderr) => {
      done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('styrerom (spawned)', () => {
  it('--help lists every built-in command and every domain command', async () => {
    const r = await styrerom('--help');
    expect(r.code, r.stderr).toBe(0);
    for (const name of ['migrate', 'import', 'kpi', 'serve', 'demo', ...domains.flatMap((d) => d.commands ?? []).map((c) => c.name)]) {
      expect(r.stdout).toContain(`  ${name} `);
    }
    expect(r.stdout).toContain('--database <url>');
  });

  it('<command> --help prints that command’s usage', async () => {
    const r = await styrerom('kpi', '--help');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Bruk: styrerom kpi [--period ÅÅÅÅ-MM] [--json]');
  });

  it('migrate creates the SQLite file and runs the migrations, then finds nothing new', async () => {
    const first = await styrerom('migrate');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('202511261200_import_runs');
    expect(existsSync(join(dir, 'test.db'))).toBe(true);
    const again = await styrerom('migrate');
    expect(again.stdout).toContain('ingen nye migreringer');
  });

  it('honours --database over DATABASE_URL', async () => {
    const r = await styrerom('migrate', '--database', `sqlite:${join(dir, 'other.db')}`);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'other.db'))).toBe(true);
  });

  it('kpi on a database without data for the month says so and exits NO_DATA (13), naming the database on stderr', async () => {
    const r = await styrerom('kpi', '--period', '2025-05', '--json');
    expect(r.code, r.stderr).toBe(EXIT_CODES.NO_DATA);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `Database: sqlite:${join(dir, 'test.db')} (fra DATABASE_URL)\nFeil: Ingen data for mai 2025 i databasen: ingen nøkkeltall kan beregnes, så det er ingenting å vise. Importer data først (styrerom import <type> <fil>, se styrerom import --help) eller bruk demoen (npm start, deretter --database sqlite:data/demo.db).\n`,
    );
  });

  it('finance table without a ledger for the month exits NO_DATA (13) with a Norwegian reason', async () => {
    const r = await styrerom('finance', 'table', '--period', '2025-05');
    expect(r.code, r.stderr).toBe(EXIT_CODES.NO_DATA);
    expect(r.stderr).toContain('Feil: Ingen hovedbok for mai 2025 i databasen');
  });

  it('without --database or DATABASE_URL uses <dataDir>/styrerom.db, else the demo’s demo.db, and says which', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'styrerom-cli-default-'));
    try {
      const run = (...args: string[]) =>
        new Promise<{ code: number; stderr: string }>((done) => {
          execFile(
            process.execPath,
            [join(ROOT, 'bin/styrerom.mjs'), ...args],
            { cwd: ROOT, env: { PATH: process.env.PATH, STYREROM_DATA_DIR: fresh } },
            (err, _o, stderr) => done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr }),
          );
        });
      await run('migrate', '--database', `sqlite:${join(fresh, 'demo.db')}`);
      const demo = await run('kpi');
      expect(demo.stderr).toContain(`Database: sqlite:${fresh}/demo.db (demoen fra npm start`);
      expect(demo.stderr).toContain('Ingen data for mai 2025'); // the demo's month by default
      await run('migrate', '--database', `sqlite:${join(fresh, 'styrerom.db')}`);
      expect((await run('kpi', '--period', '2025-04')).stderr).toContain(`Database: sqlite:${fresh}/styrerom.db (standarddatabasen;`);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 180_000);

  it('a bad --period exits with the VALIDATION code and one clear Norwegian line, no stack trace', async () => {
    const r = await styrerom('kpi', '--period', '2025-13');
    expect(r.code, r.stderr).toBe(EXIT_CODES.VALIDATION);
    expect(r.stderr).toBe('Feil: Ugyldig periode «2025-13», forventet ÅÅÅÅ-MM, f.eks. 2025-05\n');
  });

  it('import of an unknown kind names the kinds that exist', async () => {
    const r = await styrerom('import', 'nosuchkind', 'x.csv');
    expect(r.code, r.stderr).toBe(EXIT_CODES.USAGE);
    expect(r.stderr).toMatch(/^Feil: Ukjent importtype «nosuchkind»\. Kjente typer: /);
    expect(r.stderr).not.toContain('    at ');
  });

  it('an unknown command or option is a USAGE error (exit 2)', async () => {
    expect((await styrerom('nosuch')).code).toBe(EXIT_CODES.USAGE);
    const r = await styrerom('kpi', '--nosuch');
    expect(r.code, r.stderr).toBe(EXIT_CODES.USAGE);
    expect(r.stderr).toContain('styrerom kpi --help');
  }, 120_000);
});
