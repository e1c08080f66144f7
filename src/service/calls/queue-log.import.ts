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

/**
 * Streams a UTF-8 file and calls `onLine` for every line (without its line break, CR stripped);
 * `afterChunk` runs between chunks (async work such as writing a batch), with the bytes read so far.
 */
export async function eachLine(
  path: string,
  onLine: (line: string, lineNo: number) => void,
  afterChunk?: (bytes: number) => Promise<void> | void,
): Promise<void> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let rest = '';
  let bytes = 0;
  let lineNo = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    bytes += Buffer.byteLength(chunk);
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(text.slice(start, end), ++lineNo);
      start = nl + 1;
    }
    rest = text.slice(start);
    await afterChunk?.(bytes);
  }
  if (rest !== '') onLine(rest, ++lineNo);
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
  const flush = async () => {
    const batch = acc.drain();
    merged += batch.length;
    await mergeCalls(ctx.trx, batch, ctx.runId);
  };
  await eachLine(
    ctx.source.path,
    (line, lineNo) => acc.add(line, lineNo),
    async (bytes) => {
      ctx.progress(bytes, total);
      if (acc.size >= BATCH_CALLS) await flush();
    },
  );
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
