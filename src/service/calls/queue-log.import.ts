/**
 * `styrerom import queue-log <file>`: an Asterisk/FreePBX queue_log, read line by line. Calls are
 * folded in memory in batches and merged into the database (earliest entry, earliest outcome), so
 * memory stays bounded whatever the file size and a second, overlapping file counts nothing twice.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { problem } from '../../imports/decode.ts';
import type { ImportContext, Importer } from '../../imports/imports.ts';
import { formatNumber } from '../../shared/format.ts';
import { countCallsWithoutEntry, mergeCalls } from './calls.queries.ts';
import { QueueLogAccumulator, type QueueLogStats } from './queue-log.ts';

/** Calls held before a batch is merged into the database. */
const BATCH_CALLS = 50_000;

/** Yields the lines of a UTF-8 file (without line breaks), streaming. */
export async function* readLines(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let rest = '';
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    bytes += Buffer.byteLength(chunk);
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield text.slice(start, end);
      start = nl + 1;
    }
    rest = text.slice(start);
    onBytes?.(bytes);
  }
  if (rest !== '') yield rest;
}

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
  let lineNo = 0;
  for await (const line of readLines(ctx.source.path, (b) => ctx.progress(b, total))) {
    acc.add(line, ++lineNo);
    if (acc.calls.size >= BATCH_CALLS) {
      const batch = acc.drain();
      merged += batch.length;
      await mergeCalls(
        ctx.trx,
        batch.map((c) => ({ ...c, direction: 'in', talkSeconds: null })),
        ctx.runId,
      );
    }
  }
  const last = acc.drain();
  merged += last.length;
  await mergeCalls(
    ctx.trx,
    last.map((c) => ({ ...c, direction: 'in', talkSeconds: null })),
    ctx.runId,
  );
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
