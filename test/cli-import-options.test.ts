/** Issue 16 items 2 and 9 at the command line: `--encoding`, and `import --help` shows the forms the importers accept. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.ts';
import { domains } from '../src/domains.ts';

const dir = mkdtempSync(join(tmpdir(), 'styrerom-cli-import-'));

async function cli(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    {
      env,
      stdout: (t: string) => {
        stdout += t;
      },
      stderr: (t: string) => {
        stderr += t;
      },
    },
    domains,
  );
  return { code, stdout, stderr };
}

describe('styrerom import', () => {
  const env = { DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, STYREROM_DATA_DIR: dir };

  it('--help shows the finance-mapping form the importer accepts, and every table importer its columns', async () => {
    const r = await cli(['import', '--help'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[--encoding <koding>]');
    expect(r.stdout).toMatch(/ {2}finance-mapping +Category mapping rules: category;from;to.*\n +kolonner: category;from;\[to\]\n/);
    expect(r.stdout).toContain('  category;from;to\n  Driftsinntekter;3000;3999\n  Innleie;6790;\n');
    expect(r.stdout).toMatch(/ {2}trial-balance .*\n +kolonner: year;month;account;amount;\[cost_centre\]\n/);
  });

  it('reads a Windows-1252 CSV with --encoding, and names the line of invalid UTF-8 without it', async () => {
    const path = join(dir, 'kategorier.csv');
    writeFileSync(path, iconv.encode('category;from;to\nDriftsinntekter;3000;3999\nTjenestekjøp;4500;4599\n', 'windows-1252'));
    const bad = await cli(['import', 'finance-mapping', path], env);
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('kategorier.csv:3 feil: ugyldige UTF-8-tegn på linje 3; er fila lagret i en annen tegnkoding?');
    const ok = await cli(['import', 'finance-mapping', path, '--encoding', 'windows-1252'], env);
    expect(ok).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('✓ kategorier.csv: 2 rader importert (kjøring 2, lest som windows-1252)'),
    });
    const unknown = await cli(['import', 'finance-mapping', path, '--encoding', 'ebcdic'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Ukjent tegnkoding «ebcdic»');
  });
});
