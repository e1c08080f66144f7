/**
 * The README's test: its quick start (`npm start`) and its "your own data" commands run exactly as
 * written — the fenced `sh` blocks of README.md — on a fresh data directory, and their output is
 * checked. `npx styrerom` and `styrerom` resolve to this checkout's bin/styrerom.mjs (as after
 * `npm install`) through shims on PATH; nothing is fetched from a registry. Also: a restarted demo
 * keeps a narrative edited in between, and the demo's login from its 0600 file still works.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/cli/exit-codes.ts';
import { readDemoPassword } from '../src/demo/demo-admin.ts';
import { describeWithChromium } from './support/layers.ts';

const ROOT = resolve(import.meta.dirname, '..');
const base = mkdtempSync(join(tmpdir(), 'styrerom-readme-'));
const data = join(base, 'data');
const own = join(base, 'own');
const bin = join(base, 'bin');
afterAll(() => rmSync(base, { recursive: true, force: true }));

mkdirSync(bin);
mkdirSync(own);
const cli = `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin/styrerom.mjs'))} "$@"`;
writeFileSync(join(bin, 'styrerom'), `#!/bin/sh\n${cli}\n`);
writeFileSync(
  join(bin, 'npx'),
  `#!/bin/sh\n[ "$1" = styrerom ] || { echo "npx $1: only styrerom in this test" >&2; exit 127; }\nshift\n${cli}\n`,
);
chmodSync(join(bin, 'styrerom'), 0o755);
chmodSync(join(bin, 'npx'), 0o755);
const PATH = `${bin}:${process.env.PATH}`;

/** The commands of the fenced sh block that follows `heading` in README.md. */
function shBlock(heading: string): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n${heading}\n`);
  expect(at, heading).toBeGreaterThan(0);
  const block = readme.slice(at).match(/```sh\n([\s\S]*?)```/)?.[1] ?? '';
  return block.split('\n').filter((l) => l.trim() !== '');
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sh(line: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done) => {
    execFile('/bin/sh', ['-c', line], { cwd, env, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const demoEnv = { PATH, HOME: process.env.HOME, STYREROM_DATA_DIR: data, PORT: '0' };

/** `npm start` (in its own process group) until it prints the URL; returns the URL and a stopper. */
async function npmStart(): Promise<{ url: string; stdout: () => string; stop: () => Promise<number | null> }> {
  const child: ChildProcess = spawn('/bin/sh', ['-c', 'npm start'], {
    cwd: ROOT,
    env: demoEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const m = out.match(/Demoen kjører på (http:\/\/\S+\/) /);
      if (m?.[1]) {
        clearInterval(timer);
        done(m[1]);
      }
    }, 200);
    void exited.then((code) => {
      clearInterval(timer);
      fail(new Error(`npm start ended (${code}) before serving:\n${out}\n${err}`));
    });
  });
  return {
    url,
    stdout: () => out,
    stop: async () => {
      process.kill(-(child.pid as number), 'SIGINT');
      return exited;
    },
  };
}

async function login(url: string): Promise<string> {
  const password = await readDemoPassword(join(data, 'demo-innlogging.txt'));
  const res = await fetch(new URL('/api/session', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(url).origin },
    body: JSON.stringify({ email: 'admin@demo.styrerom.no', password }),
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describeWithChromium('README.md, run as written', () => {
  it('quick start: npm start builds the demo once, serves it, never prints the password, and keeps an edited narrative on restart', async () => {
    expect(shBlock('## Quick start')[0]).toMatch(/^npm install && npm start\s/);
    const first = await npmStart();
    try {
      expect(first.stdout()).toContain('Genererer');
      expect(first.stdout()).toContain(`passordet står i ${join(data, 'demo-innlogging.txt')}`);
      const password = (await readDemoPassword(join(data, 'demo-innlogging.txt'))) as string;
      expect(password).toMatch(/^[\w-]{20}$/);
      expect(first.stdout()).not.toContain(password);
      expect(statSync(join(data, 'demo-innlogging.txt')).mode & 0o777).toBe(0o600);
      const cookie = await login(first.url);
      const overview = await fetch(new URL('/?period=2025-05', first.url), { headers: { cookie } });
      expect(overview.status).toBe(200);
    } finally {
      expect([0, null]).toContain(await first.stop()); // npm ends by the signal, the demo with 0
    }
    expect(existsSync(join(data, 'rapport', '2025-05', 'report.html'))).toBe(true);
    expect(existsSync(join(data, 'demo.log'))).toBe(true);

    // The README's table: commands after npm start answer from the demo's database, on its month.
    const kpi = await sh('styrerom kpi --period 2025-05 --json', ROOT, demoEnv);
    expect(kpi.code, kpi.stderr).toBe(0);
    expect(kpi.stderr).toContain(`Database: sqlite:${data}/demo.db (demoen fra npm start`);
    const doc = JSON.parse(kpi.stdout) as { period: string; kpis: { id: string; value: number | null }[] };
    expect(doc.period).toBe('2025-05');
    expect(doc.kpis.filter((k) => k.value !== null).length).toBeGreaterThanOrEqual(8);
    const finance = await sh('styrerom finance table', ROOT, demoEnv);
    expect(finance.code, finance.stderr).toBe(0);
    expect(finance.stdout).toContain('mai 2025');

    // An edit between two starts survives the restart.
    const md = join(base, 'aml.md');
    writeFileSync(md, 'Teksten skrevet mellom to oppstarter av demoen står fortsatt her.\n');
    const set = await sh(`styrerom narrative set organisation.aml --period 2025-05 --file ${md} --by Kari`, ROOT, demoEnv);
    expect(set.code, set.stderr).toBe(0);
    const second = await npmStart();
    try {
      expect(second.stdout()).toContain('fra forrige gang');
      expect(second.stdout()).not.toContain('Genererer');
      const cookie = await login(second.url); // the same login as before the restart
      const page = await fetch(new URL('/rapport/tekst/organisation.aml?period=2025-05', second.url), { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Teksten skrevet mellom to oppstarter av demoen står fortsatt her.');
    } finally {
      expect([0, null]).toContain(await second.stop());
    }
  }, 900_000);

  it('your own data: every command of the block, exactly as written, on a fresh directory', async () => {
    const demo = join(data, 'demo'); // raw files the demo generated above stand in for the user's
    copyFileSync(join(demo, 'saf-t-2025-01-05.xml'), join(own, 'Hovedbok_2025.xml'));
    copyFileSync(join(demo, 'ansatte.csv'), join(own, 'ansatte.csv'));
    copyFileSync(join(demo, 'timeregistreringer-2025.csv'), join(own, 'timer.csv'));
    writeFileSync(join(own, 'kari.pw'), 'et-langt-passord-for-kari\n');
    const env: NodeJS.ProcessEnv = { PATH, HOME: process.env.HOME };
    const outputs = new Map<string, Run>();
    for (const line of shBlock('## Using it with your own data')) {
      const exported = line.match(/^export (\w+)=(\S+)/);
      if (exported?.[1] && exported[2]) {
        env[exported[1]] = exported[2];
        continue;
      }
      const r = await sh(line, own, env);
      expect(r.code, `${line}\n${r.stderr}`).toBe(0);
      expect(r.stdout.length, line).toBeGreaterThan(0);
      expect(r.stderr).toContain('Database: sqlite:./data/styrerom.db (fra DATABASE_URL)');
      outputs.set(
        line
          .replace(/\s+#.*$/, '')
          .split(/\s+/)
          .slice(2, 4)
          .join(' '),
        r,
      );
    }
    expect([...outputs.keys()]).toEqual([
      'migrate',
      'import saf-t',
      'import employees',
      'import time-records',
      'kpi --period',
      'user add',
      'report build',
    ]);
    expect(outputs.get('migrate')?.stdout).toContain('202511261200_import_runs');
    expect(outputs.get('import saf-t')?.stdout).toMatch(/^✓ Hovedbok_2025\.xml: 1\s150 rader importert/);
    expect(outputs.get('import employees')?.stdout).toMatch(/^✓ ansatte\.csv: \d+ rader importert/);
    expect(outputs.get('import time-records')?.stdout).toMatch(/^✓ timer\.csv: [\d\s]+ rader importert/);
    const table = outputs.get('kpi --period')?.stdout ?? '';
    expect(table).toContain('Nøkkeltall for mai 2025');
    expect(table).toMatch(/Resultat \(måned\)\s+\d+,\d\sMNOK/);
    expect(table).toMatch(/AML-brudd \(måned\)\s+\d+\sstk\./);
    expect(outputs.get('user add')?.stdout).toBe('Opprettet kari@example.no med rollene reader, editor.\n');
    expect(outputs.get('report build')?.stdout).toContain('report.pdf');
    expect(existsSync(join(own, 'rapport', 'report.pdf'))).toBe(true);
    expect(existsSync(join(own, 'data', 'styrerom.db'))).toBe(true);
    // Without DATABASE_URL the same directory now uses its own database, and says so.
    const again = await sh('npx styrerom kpi --period 2025-05 --json', own, { PATH, HOME: process.env.HOME });
    expect(again.stderr).toContain('Database: sqlite:./data/styrerom.db (standarddatabasen;');
    expect(again.code).toBe(0);
    // A database without data is an error, not a page of dashes.
    const empty = await sh('npx styrerom kpi --period 2025-05 --database sqlite:./data/tom.db', own, env);
    expect(empty.code, empty.stderr).toBe(EXIT_CODES.NO_DATA);
    expect(empty.stderr).toContain('Feil: Ingen data for mai 2025 i databasen');
  }, 900_000);
});
