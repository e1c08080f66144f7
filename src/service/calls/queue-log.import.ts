/**
 * `styrerom import queue-log <file>`: an Asterisk/FreePBX queue_log, read as bytes and split into
 * lines by the accumulator (queue-log.ts). Calls are folded in memory in batches and upserted into
 * the database (earliest entry, earliest outcome), so memory stays bounded whatever the file size
 * and a second, overlapping file counts nothing twice.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { problem } from '../../imports/decode.ts';
import type { ImportContext, Importer } from '../../imports/imports.ts';
import { formatNumber } from '../../shared/format.ts';
import { CALL_COLUMNS, countCallsWithoutEntry, mergeCallValues } from './calls.queries.ts';
import { QueueLogAccumulator, type QueueLogStats } from './queue-log.ts';

/** Calls held before a batch is merged into the database. */
const BATCH_CALLS = 50_000;
/** Bytes read at a time. */
const CHUNK_BYTES = 1 << 20;

function skippedSummary(stats: QueueLogStats, withoutEntry: number): string {
  const n = (v: number) => formatNumber(v, 0);
  return (
    `${n(stats.lines)} linjer lest; hoppet over ${n(stats.blank)} tomme, ${n(stats.malformed)} uleselige, ` +
    `${n(stats.nonCall)} uten samtale-ID (NONE) og ${n(stats.otherEvents)} andre hendelser; ` +
    `${n(withoutEntry)} samtaler har utfall uten ENTERQUEUE og telles ikke`
  );
}

async function runQueueLog(ctx: ImportContext): Promise<number> {
  const file = ctx.source.fileName;
  const total = (await stat(ctx.source.path)).size;
  const acc = new QueueLogAccumulator();
  let merged = 0;
  const flush = async () => {
    const values = acc.drainValues(ctx.runId);
    merged += values.length / CALL_COLUMNS.length;
    await mergeCallValues(ctx.trx, values);
  };
  // The bytes go straight to the accumulator: no decoding of the whole file, no string per line.
  let bytes = 0;
  for await (const chunk of createReadStream(ctx.source.path, { highWaterMark: CHUNK_BYTES })) {
    acc.write(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    ctx.progress(bytes, total);
    if (acc.size >= BATCH_CALLS) await flush();
  }
  acc.end();
  await flush();
  const { stats } = acc;
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

export const queueLogImporter: Importer = {
  kind: 'queue-log',
  label: 'Sentralbord: Asterisk queue_log',
  description:
    'Asterisk/FreePBX queue_log (epoch|callid|queue|agent|event|data1..5), streamed; overlapping files merge per (callid, queue)',
  run: runQueueLog,
};
