/**
 * queue_log import benchmark (prints figures; not a test). Run: `npx tsx bench/queue-log/run.ts
 * [--lines N] [--runs R] [--write-docs]`.
 *
 *  1. Generates a synthetic queue_log of N lines (default 10 000 000).
 *  2. Bare read: the same file streamed, decoded and split into lines, with no other work.
 *  3. Import: `runImport` of the real `queue-log` importer into a fresh, migrated SQLite file.
 * Each phase runs in its own child process, so its peak RSS is its own. With --write-docs the
 * figures replace the "queue_log import" section of docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runImport, sourceFromPath } from '../../src/imports/imports.ts';
import { eachLine, queueLogImporter } from '../../src/service/calls/queue-log.import.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { generateQueueLog } from './generate.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

interface PhaseResult {
  phase: 'bare' | 'import';
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  lines: number;
  status?: string;
}

async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSeconds: number }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(c);
  return { value, seconds: (performance.now() - t) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

async function runPhase(phase: string, file: string): Promise<void> {
  let out: PhaseResult;
  if (phase === 'bare') {
    const m = await measure(async () => {
      let n = 0;
      await eachLine(file, () => {
        n++;
      });
      return n;
    });
    out = { phase: 'bare', seconds: m.seconds, cpuSeconds: m.cpuSeconds, peakRssMb: 0, lines: m.value };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'queue-log-bench-db-'));
    const open = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
    try {
      await migrateToLatest(open.db);
      const m = await measure(() => runImport(open.db, queueLogImporter, sourceFromPath(file)));
      const lines = Number(/^([\d\s\u00a0]+) linjer lest/.exec(m.value.problems.at(-1)?.message ?? '')?.[1]?.replace(/\D/g, '') ?? 0);
      out = { phase: 'import', seconds: m.seconds, cpuSeconds: m.cpuSeconds, peakRssMb: 0, lines, status: m.value.status };
    } finally {
      await open.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  out.peakRssMb = (process.resourceUsage().maxRSS * 1024) / 1024 / 1024;
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function child(phase: string, file: string): PhaseResult {
  const text = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--phase', phase, '--file', file], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(text.trim().split('\n').pop() ?? '{}') as PhaseResult;
}

const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function section(r: { lines: number; mb: number; runs: number; bare: PhaseResult; imp: PhaseResult }): string {
  const row = (label: string, p: PhaseResult) =>
    `| ${label} | ${nf.format(p.seconds)} s | ${nf.format(r.lines / p.seconds)} lines/s | ${nf.format(r.lines / p.cpuSeconds)} lines/s | ${nf.format(p.peakRssMb)} MB |`;
  const ratio = r.bare.seconds / r.imp.seconds;
  const speed = r.lines / r.imp.seconds;
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  return `## queue_log import

\`npx tsx bench/queue-log/run.ts --lines ${r.lines} --runs ${r.runs} --write-docs\` on ${new Date().toISOString().slice(0, 10)}, node ${process.version},
${process.platform}/${process.arch}, a shared 2-core machine. A synthetic queue_log (\`bench/queue-log/generate.ts\`): ${nf.format(r.lines)} lines,
${nf.format(r.mb)} MB, about 3.6 lines per call. Each phase ran in its own process, ${r.runs} time(s); the fastest run of each is shown.

| phase | wall time | lines/s (wall) | lines/s per CPU second | peak RSS |
|---|---|---|---|---|
${row('bare read (stream, decode, split into lines; no other work)', r.bare)}
${row('import into SQLite (`styrerom import queue-log`)', r.imp)}

Targets: import ≥ 1 M lines/s: ${met(speed >= 1_000_000)} (${(speed / 1e6).toFixed(2)} M lines/s by wall time, ${(r.lines / r.imp.cpuSeconds / 1e6).toFixed(2)} M lines per CPU second); ≥ 40 % of the bare read:
${met(ratio >= 0.4)} (${nf.format(ratio * 100)} % by wall time, ${nf.format((r.bare.cpuSeconds / r.imp.cpuSeconds) * 100)} % by CPU time); peak RSS < 300 MB: ${met(r.imp.peakRssMb < 300)} (${nf.format(r.imp.peakRssMb)} MB).

How: the importer (\`src/service/calls/queue-log.import.ts\`) streams the file line by line and folds the lines into one
state per (callid, queue) (\`queue-log.ts\`: earliest ENTERQUEUE, earliest outcome). Every 50 000 calls the batch is
written to a staging table with multi-row prepared statements and merged into \`service_calls\` with one
\`INSERT … SELECT … ON CONFLICT DO UPDATE\` that applies the same earliest-wins rule, so memory is bounded by the batch and
a second, overlapping file counts nothing twice. Before the stream: the SHA-256 of the whole file (duplicate detection).
`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', default: '10000000' },
      runs: { type: 'string', default: '1' },
      phase: { type: 'string' },
      file: { type: 'string' },
      'write-docs': { type: 'boolean', default: false },
    },
  });
  if (values.phase && values.file) return runPhase(values.phase, values.file);
  const lines = Number(values.lines);
  const runs = Number(values.runs);
  const dir = mkdtempSync(join(tmpdir(), 'queue-log-bench-'));
  const file = join(dir, 'queue_log');
  try {
    console.log(`Generating ${nf.format(lines)} lines …`);
    await generateQueueLog(file, lines);
    const mb = statSync(file).size / 1024 / 1024;
    const best = (phase: string) => {
      const all = Array.from({ length: runs }, () => child(phase, file));
      return all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    };
    const bare = best('bare');
    const imp = best('import');
    const text = section({ lines, mb, runs, bare, imp });
    console.log(text);
    if (values['write-docs']) {
      const docs = join(ROOT, 'docs', 'performance.md');
      const old = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Performance\n';
      const start = old.indexOf('## queue_log import');
      const next = start === -1 ? -1 : old.indexOf('\n## ', start + 1);
      const updated =
        start === -1 ? `${old.trimEnd()}\n\n${text}` : `${old.slice(0, start)}${text}${next === -1 ? '' : old.slice(next + 1)}`;
      writeFileSync(docs, updated);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
