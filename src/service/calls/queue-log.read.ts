/**
 * Reading a queue_log file into batches of calls, free of the database so that it can run in a
 * worker thread (queue-log.worker.ts) while the importing thread writes the batches.
 */
import { createReadStream } from 'node:fs';
import { type CallBatch, QueueLogAccumulator, type QueueLogStats } from './queue-log.ts';

/** Bytes read at a time. */
export const CHUNK_BYTES = 1 << 20;

export interface QueueLogSink {
  /** Every byte of the file, in order (for the duplicate check's SHA-256), then progress. */
  bytes(chunk: Buffer): void;
  /** A batch of at least `batchCalls` calls (the last may be smaller or empty); awaited before reading on. */
  batch(batch: CallBatch): void | Promise<void>;
}

/** Reads the file's bytes straight into the accumulator: no decoding of the whole file, no string per line. */
export async function readQueueLog(path: string, batchCalls: number, sink: QueueLogSink): Promise<QueueLogStats> {
  const acc = new QueueLogAccumulator();
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    sink.bytes(chunk as Buffer);
    acc.write(chunk as Buffer);
    if (acc.size >= batchCalls) await sink.batch(acc.drainBatch());
  }
  acc.end();
  await sink.batch(acc.drainBatch());
  return acc.stats;
}
