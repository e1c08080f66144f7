/**
 * SAF-T import benchmark (prints figures; not a test). Run: `npx tsx bench/saf-t/run.ts [--lines N]
 * [--write-docs]`.
 *
 *  1. Generates a synthetic SAF-T 1.30 file of N transaction lines (default 1 000 000, ~370 MB).
 *  2. Bare parse: the same bytes through the same decoder and saxes, with no handlers.
 *  3. Import: `runImport` of the real `saf-t` importer into a fresh, migrated SQLite file (and, apart,
 *     the time a separate SHA-256 read of the file takes: what the import saves by hashing in its
 *     decoding pass).
 * Steps 2 and 3 run as `--runs` pairs (default and minimum 3); the figure is the median ratio.
 * Each phase runs in its own child process, so its peak RSS is its own. Throughput is given per
 * wall-clock second and per CPU second (the machine may be shared). With --write-docs the figures
 * replace the "SAF-T import" section of docs/performance.md.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';
import { saftImporter } from '../../src/finance/ledger/saft.import.ts';
import { runImport, sha256OfFile, sourceFromPath } from '../../src/imports/imports.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { interleavedPairs, loadAverage, measure, median, nf, type PhaseResult, reportPhase, writeDocsSection } from '../support.ts';
import { generateSaftFile } from './generate.ts';

const SCRIPT = fileURLToPath(import.meta.url);

interface Result extends PhaseResult {
  lines?: number;
  status?: string;
  /** Import phase: seconds to hash the file alone (a separate SHA-256 read; the import hashes in its decoding pass). */
  hashSeconds?: number;
}

async function bareParse(file: string): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const decoder = iconv.getDecoder('utf8');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) parser.write(decoder.write(chunk as Buffer));
  parser.close();
}

async function runPhase(phase: string, file: string): Promise<void> {
  if (phase === 'parse') {
    const m = await measure(() => bareParse(file));
    reportPhase({ phase, seconds: m.seconds, cpuSeconds: m.cpuSeconds, peakRssMb: 0 });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'saft-bench-db-'));
  const open = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
  try {
    await migrateToLatest(open.db);
    const hash = await measure(() => sha256OfFile(file));
    const m = await measure(() => runImport(open.db, saftImporter, sourceFromPath(file)));
    if (m.value.status !== 'succeeded') console.error(JSON.stringify(m.value.problems.slice(0, 5)));
    reportPhase({
      phase,
      seconds: m.seconds,
      cpuSeconds: m.cpuSeconds,
      peakRssMb: 0,
      lines: m.value.rowCount,
      status: m.value.status,
      hashSeconds: hash.seconds,
    });
  } finally {
    await open.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function section(r: { lines: number; mb: number; runs: number; parse: Result; imp: Result; ratios: number[]; pairs: string }): string {
  const row = (label: string, p: Result) =>
    `| ${label} | ${nf.format(p.seconds)} s | ${nf.format(r.mb / p.seconds)} MB/s | ${nf.format(r.lines / p.seconds)} lines/s | ${nf.format(r.mb / p.cpuSeconds)} MB/s | ${nf.format(p.peakRssMb)} MB |`;
  const wall = median(r.ratios);
  const cpu = r.parse.cpuSeconds / r.imp.cpuSeconds;
  return `## SAF-T import

\`npx tsx bench/saf-t/run.ts --lines ${r.lines} --write-docs\` on ${new Date().toISOString().slice(0, 10)}, node ${process.version},
${process.platform}/${process.arch}, 1-minute load average ${loadAverage()} when the run ended. A synthetic SAF-T 1.30 file (\`bench/saf-t/generate.ts\`): ${nf.format(r.lines)} transaction
lines, ${nf.format(r.mb)} MB, 4 lines per transaction with two analysis dimensions on the cost lines. ${r.runs} pairs ran,
each a bare parse then an import, every phase in its own process; the table shows the pair with the median ratio, and
"per CPU second" divides by the process's user + system CPU time of all its threads (the machine is shared with other
work, so wall times vary between runs). Pairs (bare / import / ratio / a separate SHA-256 read, timed apart and not part of
the import): ${r.pairs}.

| phase | wall time | MB/s (wall) | lines/s (wall) | MB/s per CPU second | peak RSS |
|---|---|---|---|---|---|
${row('bare saxes parse (same decoder, no handlers)', r.parse)}
${row('import into SQLite (`styrerom import saf-t`)', r.imp)}

Import speed relative to the bare parse, median of the ${r.runs} pairs: **${nf.format(wall * 100)} %** by wall time (target ≥ 50 %); by CPU time
${nf.format(cpu * 100)} % (the import uses two threads). Peak RSS of the import: **${nf.format(r.imp.peakRssMb)} MB** (target < 300 MB
whatever the file size).

${
  wall < 0.5
    ? '**The speed target is not met in this run.**'
    : wall < 0.6
      ? '**The speed target is met in this run, but with little margin**: it is not met reliably.'
      : '**The speed target is met in this run.**'
} Both threads are busy while the file streams: the worker runs saxes with our handlers and the
per-transaction checks and copies the rows to the main thread, which decodes the file and writes the rows to SQLite;
together they use about ${nf.format(r.imp.cpuSeconds / r.parse.cpuSeconds)} times the CPU of the bare parse, on two cores. On this shared machine the
ratio varies a lot between runs (wall times of the same phase differ by up to a third from one run to the next, and the
import, using both cores, suffers more from other work than the single-threaded bare parse).

How: the bare parse is saxes with its default options (position tracking on) behind the same streaming UTF-8 decoder,
with no handlers. The import (\`src/finance/ledger/saft.import.ts\`) of files ≥ 16 MiB runs in three stages on two threads: the
main thread reads and decodes the file (64 KiB pieces, at most 8 ahead) and hands the text to a worker thread
(\`saft.worker.ts\`), which parses it (\`saft-reader.ts\`: saxes without position tracking, element names resolved to
integer codes by a one-comparison prediction, a text handler only inside elements whose text is read, amounts and dates
parsed without substrings) and checks every transaction (\`saft.read.ts\`); it sends postings in batches of 500 back to
the main thread, which writes them inside the import transaction through multi-row prepared statements
(\`src/storage/bulk-insert.ts\`). At most 16 batches are in flight and the worker heap is capped, so memory does not grow
with the file. Line numbers for problems come from \`line-index.ts\` on demand (line breaks counted by the decoding thread).
The table \`ledger_postings\` has one index (file, period) and derives company, month and account number instead of
storing them. The SHA-256 for duplicate detection is computed by the main thread in the pass that decodes the file
(\`Importer.hashesSource\`; \`runImport\` checks for a duplicate after reading and rolls it back) instead of a separate
full read before the import (timed apart in the pairs above); the same pass checks that a file read as UTF-8 holds only
UTF-8 (one native search per 64 KiB piece). Not in the streaming phase: the worker's start (about 0.25 s). Before these
changes (in-process, two more indexes and columns) the import ran at about 18 % of the bare parse; with the worker but
row-by-row inserts, decoding in the worker and a text handler everywhere, at 35–57 %.

Where the rest is lost (a CPU profile, \`node --cpu-prof --import tsx\` on a 200 000-line file, 1 December 2026): the
worker is the busy thread and the main thread waits most of the time (it spent about 1.2 s of 10 s in SQLite writes and
0.5 s reading and decoding). Of the worker's time, about 18 % is garbage collection, 8 % copying postings batches to the
main thread (\`postMessage\`) and most of the rest saxes and our handlers. Moving work to the main thread is therefore
not the lever; allocating less in the worker (fewer short-lived strings per element, postings sent as packed typed
arrays instead of arrays of values) is the next step, not done.
`;
}

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    phase: { type: 'string' },
    file: { type: 'string' },
    'write-docs': { type: 'boolean', default: false },
  },
});

if (values.phase && values.file) {
  await runPhase(values.phase, values.file);
} else {
  const lines = Number(values.lines);
  const dir = mkdtempSync(join(tmpdir(), 'saft-bench-'));
  const file = join(dir, 'bench.xml');
  try {
    const t = performance.now();
    await generateSaftFile(file, { lines });
    const mb = statSync(file).size / 1e6;
    console.log(`generated ${nf.format(lines)} lines, ${nf.format(mb)} MB in ${nf.format((performance.now() - t) / 1000)} s`);
    const runs = Math.max(3, Number(values.runs));
    const result = interleavedPairs<Result, Result>(SCRIPT, file, { bare: 'parse', imp: 'import', runs }, (p, i) =>
      console.log(
        `pair ${i + 1}: bare ${nf.format(p.bare.seconds)} s, import ${nf.format(p.imp.seconds)} s (${p.imp.status}, ${p.imp.lines} lines, peak RSS ${nf.format(p.imp.peakRssMb)} MB, SHA-256 alone ${nf.format(p.imp.hashSeconds ?? 0)} s): ${nf.format(p.ratio * 100)} %`,
      ),
    );
    const pairs = result.pairs.map((p) => ({ parse: p.bare, imp: p.imp, ratio: p.ratio }));
    const ratios = pairs.map((p) => p.ratio);
    const { bare: parse, imp } = result.medianPair;
    console.log(
      `median pair: bare ${nf.format(parse.seconds)} s (${nf.format(mb / parse.seconds)} MB/s), import ${nf.format(imp.seconds)} s (${nf.format(mb / imp.seconds)} MB/s, ${nf.format(lines / imp.seconds)} lines/s)`,
    );
    console.log(
      `import / bare parse: median ${nf.format(median(ratios) * 100)} % of ${runs} pairs (wall; ${ratios.map((r) => `${nf.format(r * 100)} %`).join(', ')}), ${nf.format((parse.cpuSeconds / imp.cpuSeconds) * 100)} % (CPU, median pair); peak RSS max ${nf.format(Math.max(...pairs.map((p) => p.imp.peakRssMb)))} MB`,
    );
    const text = section({
      lines,
      mb,
      runs,
      parse,
      imp,
      ratios,
      pairs: pairs
        .map(
          (p) =>
            `${nf.format(p.parse.seconds)} s / ${nf.format(p.imp.seconds)} s / ${nf.format(p.ratio * 100)} % / ${nf.format(p.imp.hashSeconds ?? 0)} s`,
        )
        .join('; '),
    });
    if (values['write-docs']) writeDocsSection('## SAF-T import', text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
