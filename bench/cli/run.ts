/**
 * CLI start-up benchmark (prints figures; not a test). Run: `npx tsx bench/cli/run.ts [--runs N]
 * [--data-dir <dir>]` after `npm run build` (it times bin/styrerom.mjs, i.e. the compiled dist/).
 *
 * Without --data-dir it first builds the demo (`styrerom demo --no-serve`) into a temporary data
 * directory. Then, in ONE run and interleaved (round after round, one of each per round, so a busy
 * machine slows them alike), it spawns:
 *   node -e 0 | styrerom --help | styrerom kpi --period 2025-05 --json | styrerom finance table |
 *   styrerom serve (until it prints its URL)
 * the last three on the demo's database (the default after `npm start`), and prints per command the
 * median and fastest wall time, the median peak RSS (GNU time's %M) and the ratio of medians to
 * `node -e 0`, then checks the targets: --help ≤ 3× node -e 0 and < 80 MB, kpi < 1 s.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'styrerom.mjs');
const TIME = '/usr/bin/time';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, 'data-dir': { type: 'string' } } });
const runs = Number(values.runs);
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('dist/ mangler: kjør «npm run build» først (benchmarken måler den kompilerte CLI-en).');
  process.exit(1);
}

const temp = values['data-dir'] ? undefined : mkdtempSync(join(tmpdir(), 'styrerom-bench-cli-'));
const dataDir = values['data-dir'] ?? (temp as string);
const env = { PATH: process.env.PATH, HOME: process.env.HOME, STYREROM_DATA_DIR: dataDir };
if (!existsSync(join(dataDir, 'demo.db'))) {
  const t = performance.now();
  execFileSync(process.execPath, [BIN, 'demo', '--no-serve'], { env, stdio: 'ignore' });
  console.log(`demo data: built in ${((performance.now() - t) / 1000).toFixed(1)} s (not part of the figures below)`);
}

interface Sample {
  ms: number;
  rssKb: number | undefined;
}

const hasTime = existsSync(TIME);

/** Runs argv to completion; wall time measured here, peak RSS by GNU time when installed. */
function once(argv: string[]): Sample {
  const out = join(dataDir, `.time-${process.pid}`);
  const cmd = hasTime ? TIME : (argv[0] as string);
  const args = hasTime ? ['-f', '%M', '-o', out, ...argv] : argv.slice(1);
  const t = performance.now();
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'ignore'] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}`);
  return { ms, rssKb: hasTime ? Number(readFileSync(out, 'utf8').trim().split('\n').at(-1)) : undefined };
}

/** `styrerom serve` from spawn until it prints its URL (then stopped). */
function serveOnce(): Promise<Sample> {
  return new Promise((done, fail) => {
    const t = performance.now();
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    child.stdout.on('data', (c: Buffer) => {
      text += c.toString();
      if (text.includes('kjører på')) {
        const ms = performance.now() - t;
        child.kill('SIGINT');
        child.on('exit', () => done({ ms, rssKb: undefined }));
      }
    });
    child.on('error', fail);
  });
}

const commands: { label: string; run: () => Sample | Promise<Sample> }[] = [
  { label: 'node -e 0', run: () => once([process.execPath, '-e', '0']) },
  { label: 'styrerom --help', run: () => once([process.execPath, BIN, '--help']) },
  { label: 'styrerom kpi --period 2025-05 --json', run: () => once([process.execPath, BIN, 'kpi', '--period', '2025-05', '--json']) },
  { label: 'styrerom finance table', run: () => once([process.execPath, BIN, 'finance', 'table']) },
  { label: 'styrerom serve (until listening)', run: serveOnce },
];

const samples = commands.map(() => [] as Sample[]);
for (let round = 0; round < runs; round++) {
  for (const [i, c] of commands.entries()) (samples[i] as Sample[]).push(await c.run());
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const medMs = samples.map((s) => median(s.map((x) => x.ms)));
const medRss = samples.map((s) => (s[0]?.rssKb === undefined ? undefined : median(s.map((x) => x.rssKb as number)) / 1024));
const node = medMs[0] as number;

console.log(
  `\n${runs} runs each, interleaved; node ${process.version}, ${process.platform}/${process.arch}, load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`${'command'.padEnd(40)}${'median'.padStart(10)}${'fastest'.padStart(10)}${'peak RSS'.padStart(11)}${'× node'.padStart(9)}`);
for (const [i, c] of commands.entries()) {
  const fastest = Math.min(...(samples[i] as Sample[]).map((x) => x.ms));
  const rss = medRss[i];
  console.log(
    `${c.label.padEnd(40)}${`${(medMs[i] as number).toFixed(0)} ms`.padStart(10)}${`${fastest.toFixed(0)} ms`.padStart(10)}${(rss === undefined ? '–' : `${rss.toFixed(0)} MB`).padStart(11)}${((medMs[i] as number) / node).toFixed(1).padStart(9)}`,
  );
}
const helpRatio = (medMs[1] as number) / node;
const checks = [
  [`--help ≤ 3× node -e 0 (${helpRatio.toFixed(1)}×)`, helpRatio <= 3],
  [`--help < 80 MB peak RSS (${medRss[1]?.toFixed(0) ?? '?'} MB)`, medRss[1] !== undefined && medRss[1] < 80],
  [`kpi on the demo < 1 s (${((medMs[2] as number) / 1000).toFixed(2)} s)`, (medMs[2] as number) < 1000],
] as const;
console.log('');
for (const [text, ok] of checks) console.log(`${ok ? 'ok  ' : 'MISS'} ${text}`);
if (temp) rmSync(temp, { recursive: true, force: true });
