/** The report's CLI commands through the real CLI runner, on a SQLite file, with the fake domains. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.ts';
import { reportModule } from '../src/report/report.module.ts';
import { fakeData, fakeDomains } from './report-fake-domains.ts';
import { describeWithChromium } from './support/layers.ts';

const dir = mkdtempSync(join(tmpdir(), 'styrerom-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { STYREROM_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, STYREROM_ORG_NAME: 'Testforetaket' };
const domains = [...fakeDomains(fakeData()), reportModule];

async function cli(...argv: string[]) {
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

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('styrerom narrative …', () => {
  it('lists the sections with a narrative slot, one per line: id, then title', async () => {
    const r = await cli('narrative', 'list', '--period', '2025-05');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('risk\tLedelsens gjennomgang virksomhetsrisiko');
    expect(lines).toContain('finance.result\tResultat');
    expect(lines).toContain('organisation.aml\tBrudd på arbeidsmiljøloven (AML-brudd)');
    expect(lines).not.toContain('finance\tØkonomi'); // no narrative slot
  });

  it('sets a section text from a file and shows it with its history', async () => {
    const md = file('aml.md', 'Det ble registrert {{ kpi.workforce.aml.month | number }} brudd, se [@fig:aml-trend].\n');
    const set = await cli('narrative', 'set', 'organisation.aml', '--period', '2025-05', '--file', md, '--by', 'Kari');
    expect(set).toMatchObject({ code: 0, stdout: 'Teksten til «organisation.aml» for mai 2025 er lagret.\n' });
    const show = await cli('narrative', 'show', 'organisation.aml', '--period', '2025-05');
    expect(show.stdout).toContain('{{ kpi.workforce.aml.month | number }}');
    expect(show.stderr).toContain('Kari');
  });

  it('rejects an unknown section with NOT_FOUND (exit 4) and a missing --period with USAGE (exit 2)', async () => {
    const md = file('x.md', 'x');
    expect((await cli('narrative', 'set', 'nope', '--period', '2025-05', '--file', md)).code).toBe(4);
    expect((await cli('narrative', 'list')).code).toBe(2);
  });
});

describeWithChromium('styrerom report build', () => {
  it('writes report.html, report.pdf, data/<id>.csv|xlsx and provenance.json, and warns about omitted blocks', async () => {
    const out = join(dir, 'out');
    const r = await cli('report', 'build', '--period', '2025-05', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    for (const name of [
      'report.html',
      'report.pdf',
      'provenance.json',
      'values.json',
      'data/aml-trend.csv',
      'data/aml-trend.xlsx',
      'data/finance-forecast.csv',
    ]) {
      expect(existsSync(join(out, name)), name).toBe(true);
    }
    expect(r.stderr).toContain(
      'Advarsel: Blokken «aml-by-rule» i seksjon «Brudd på arbeidsmiljøloven (AML-brudd)» leveres ikke av noen modul og er utelatt.',
    );
    expect(r.stdout).toMatch(/Virksomhetsrapport per mai 2025: 3\u00a0figurer, 3\u00a0tabeller, \d+\u00a0filer/);
    // Progress in Norwegian: decimal comma ("12,7 s"), never "12.7 s".
    expect(r.stdout).toMatch(/Ferdig på \d+,\d\u00a0s \(mai 2025\)\./);
    expect(readFileSync(join(out, 'data/aml-trend.csv'), 'utf8')).toBe(
      'Måned,Brudd\r\n2025-01,12\r\n2025-02,9\r\n2025-03,4\r\n2025-04,14\r\n2025-05,5\r\n',
    );
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(
      'Det ble registrert 5 brudd, se <a class="xref" href="#fig-aml-trend"',
    );
    const provenance = JSON.parse(readFileSync(join(out, 'provenance.json'), 'utf8'));
    expect(provenance.blocks.map((b: { label: string }) => b.label)).toEqual([
      'Figur 1',
      'Tabell 1',
      'Tabell 2',
      'Figur 2',
      'Tabell 3',
      'Figur 3',
    ]);
  }, 120_000);

  it('fails with REPORT_BUILD (exit 8) naming the section and the broken reference', async () => {
    const md = file('broken.md', 'Se [@fig:servicedesk-volume].');
    await cli('narrative', 'set', 'risk', '--period', '2025-05', '--file', md);
    const r = await cli('report', 'build', '--period', '2025-05', '--out', join(dir, 'out2'), '--no-pdf');
    expect(r.code).toBe(8);
    expect(r.stderr).toContain(
      'Feil: Seksjon «1 Ledelsens gjennomgang virksomhetsrisiko» (risk): kryssreferansen [@fig:servicedesk-volume] peker ikke på noen figur i rapporten',
    );
    expect(existsSync(join(dir, 'out2', 'report.html'))).toBe(false);
  });
});

describe('styrerom report submit|approve|status', () => {
  it('moves the report through the workflow and prints the history', async () => {
    await cli('narrative', 'set', 'risk', '--period', '2025-05', '--file', file('ok.md', 'Ingen endringer.'));
    expect((await cli('report', 'publish', '--period', '2025-05')).code).toBe(7); // CONFLICT: not approved
    expect((await cli('report', 'submit', '--period', '2025-05', '--by', 'Kari')).stdout).toBe(
      'Rapporten for 2025-05 er nå: til gjennomgang (versjon 1).\n',
    );
    expect((await cli('report', 'approve', '--period', '2025-05', '--by', 'Ola', '--comment', 'Ser bra ut')).code).toBe(0);
    const status = await cli('report', 'status', '--period', '2025-05');
    expect(status.stdout).toMatch(/^2025-05: Godkjent \(versjon 1\)\n/);
    expect(status.stdout).toMatch(/v1 {2}til gjennomgang → godkjent {2}Ola {2}«Ser bra ut»/);
  });
});

describe('styrerom report verify', () => {
  it('exits 0 on an untouched published report, and 11 (INTEGRITY) once a byte of its stored PDF changes', async () => {
    expect((await cli('report', 'publish', '--period', '2025-05', '--by', 'Ola')).code).toBe(0);
    const ok = await cli('report', 'verify', '--all');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      /^OK: 1 publisering i databasen med \d+ filer er uendret, og kjeden er hel\.\nSiste publisering har hash [0-9a-f]{64}\.\n$/,
    );
    expect((await cli('report', 'verify')).code).toBe(2);

    const { default: Sqlite } = await import('better-sqlite3');
    const raw = new Sqlite(join(dir, 'db.sqlite'));
    try {
      raw
        .prepare(
          "update report_publication_files set content = cast(substr(content, 1, 99) || 'X' || substr(content, 101) as blob) where name = 'report.pdf'",
        )
        .run();
    } finally {
      raw.close();
    }
    const bad = await cli('report', 'verify', '--period', '2025-05');
    expect(bad.code).toBe(11);
    expect(bad.stderr).toMatch(/report\.pdf i publisert versjon 1 for 2025-05 er endret etter publisering/);
    expect(bad.stderr).toContain('Feil: Integritetsfeil: 1 avvik i publiserte rapporter for 2025-05.');
    const download = await cli('report', 'download', '--period', '2025-05', '--out', join(dir, 'dl'));
    expect(download.code).toBe(11);
    expect(download.stderr).toMatch(/^Feil: Integritetsfeil: report\.pdf i publisert versjon 1/m);
    expect(existsSync(join(dir, 'dl', 'report.html'))).toBe(false);
  }, 60_000);
});
