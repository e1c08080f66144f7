/**
 * `styrerom import queue-log <file>`: an Asterisk/FreePBX queue_log, read as bytes and split into
 * lines by the accumulator (queue-log.ts). Calls are folded in memory in batches and upserted into
 * the database (earliest entry, earliest outcome), so memory stays bounded whatever the file size
 * and a second, overlapping file counts nothing twice. A large file is read in a worker thread
 * (queue-log.worker.ts) while this thread writes the batches: the two overlap on two cores.
 */
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { problem } from '../../imports/decode.ts';
import type { ImportContext, Importer } from '../../imports/imports.ts';
import { AppError } from '../../shared/errors.ts';
import { formatNumber } from '../../shared/format.ts';
import { countCallsWithoutEntry, mergeCallBatch } from './calls.queries.ts';
import { readQueueLog } from './queue-log.read.ts';
import type { QueueLogStats } from './queue-log.ts';
import type { FromQueueLogWorker, QueueLogWorkerData } from './queue-log.worker.ts';
import type { CallBatch } from './queue-log-batch.ts';

/** Calls held before a batch is merged into the database. */
const BATCH_CALLS = 50_000;
/** Files at least this large are read in a worker thread (its start-up costs some 100 ms). */
const WORKER_THRESHOLD_BYTES = 8 << 20;
/** Batches the worker may read ahead of the database writes. */
const WORKER_WINDOW = 2;

export interface QueueLogImporterOptions {
  /** 'auto': a worker thread for files ≥ 8 MiB. */
  worker?: 'auto' | 'always' | 'never';
  /** Calls per batch written to the database (tests make it small to see many batches). */
  batchCalls?: number;
}

function skippedSummary(stats: QueueLogStats, withoutEntry: number): string {
  const n = (v: number) => formatNumber(v, 0);
  return (
    `${n(stats.lines)} linjer lest; hoppet over ${n(stats.blank)} tomme, ${n(stats.malformed)} uleselige, ` +
    `${n(stats.nonCall)} uten samtale-ID (NONE) og ${n(stats.otherEvents)} andre hendelser; ` +
    `${n(withoutEntry)} samtaler har utfall uten ENTERQUEUE og telles ikke`
  );
}

/**
 * Reads the file in a worker thread; each batch it sends is written by `write` (one at a time, in
 * order) and acknowledged. Resolves with the skip counts once every batch is written.
 */
function readInWorker(
  path: string,
  batchCalls: number,
  write: (batch: CallBatch) => Promise<void>,
  progress: (bytes: number) => void,
): Promise<{ stats: QueueLogStats; sha256: string; bytes: number }> {
  const workerData: QueueLogWorkerData = { path, batchCalls, window: WORKER_WINDOW };
  const worker = new Worker(new URL('./queue-log.worker.mjs', import.meta.url), {
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: 128 },
  });
  return new Promise((resolve, reject) => {
    let writes = Promise.resolve();
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    const fail = (err: unknown) => settle(() => reject(err));
    worker.on('message', (m: FromQueueLogWorker) => {
      if (m.type === 'progress') progress(m.bytes);
      else if (m.type === 'batch')
        writes = writes.then(() => (settled ? undefined : write(m.batch))).then(() => worker.postMessage('ack'), fail);
      else if (m.type === 'done') writes.then(() => settle(() => resolve(m)), fail);
      else writes.then(() => fail(new AppError('INTERNAL', `queue_log-leseren feilet: ${m.message}`)), fail);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new AppError('INTERNAL', `queue_log-leseren stoppet (worker exit ${code})`)));
  });
}

async function runQueueLog(ctx: ImportContext, mode: 'auto' | 'always' | 'never', batchCalls: number): Promise<number> {
  const file = ctx.source.fileName;
  const total = (await stat(ctx.source.path)).size;
  let merged = 0;
  const write = async (batch: CallBatch) => {
    merged += batch.count;
    await mergeCallBatch(ctx.trx, batch, ctx.runId);
  };
  let stats: QueueLogStats;
  if (mode === 'always' || (mode === 'auto' && total >= WORKER_THRESHOLD_BYTES)) {
    const read = await readInWorker(ctx.source.path, batchCalls, write, (bytes) => ctx.progress(bytes, total));
    ctx.sourceHash(read.sha256, read.bytes);
    stats = read.stats;
  } else {
    let bytes = 0;
    stats = await readQueueLog(ctx.source.path, batchCalls, {
      bytes(chunk) {
        ctx.hash(chunk);
        bytes += chunk.length;
        ctx.progress(bytes, total);
      },
      batch: write,
    });
  }
  if (merged === 0 && stats.malformed > 0) {
    ctx.report(
      problem(file, 'fila ser ikke ut som en queue_log (epoke|samtale-ID|kø|agent|hendelse|…)', 'the file does not look like a queue_log'),
    );
    return 0;
  }
  for (const line of stats.malformedLines) {
    ctx.report(
      problem(file, 'uleselig linje hoppet over (forventet epoke|samtale-ID|kø|agent|hendelse|data…)', 'unreadable line skipped', {
        line,
        severity: 'warning',
      }),
    );
  }
  const withoutEntry = await countCallsWithoutEntry(ctx.trx, ctx.runId);
  ctx.report(problem(file, skippedSummary(stats, withoutEntry), 'lines and calls skipped', { severity: 'warning' }));
  ctx.progress(total, total);
  return merged;
}

export function createQueueLogImporter(options: QueueLogImporterOptions = {}): Importer {
  const mode = options.worker ?? 'auto';
  return {
    kind: 'queue-log',
    label: 'Sentralbord: Asterisk queue_log',
    description:
      'Asterisk/FreePBX queue_log (epoch|callid|queue|agent|event|data1..5), streamed; overlapping files merge per (callid, queue)',
    hashesSource: true,
    run: (ctx) => runQueueLog(ctx, mode, options.batchCalls ?? BATCH_CALLS),
  };
}

export const queueLogImporter: Importer = createQueueLogImporter();
