/**
 * Reading a queue_log file into batches of calls, free of the database so that it can run in a
 * worker thread (queue-log.worker.ts) while the importing thread writes the batches.
 */
import { open } from 'node:fs/promises';
import { QueueLogAccumulator, type QueueLogStats } from './queue-log.ts';
import type { CallBatch } from './queue-log-batch.ts';

/** Bytes read at a time. */
export const CHUNK_BYTES = 1 << 20;

export interface QueueLogSink {
  /** Every byte of the file, in order (for the duplicate check's SHA-256), then progress; the buffer is reused after the call. */
  bytes(chunk: Buffer): void;
  /** A batch of at least `batchCalls` calls (the last may be smaller or empty); awaited before reading on. */
  batch(batch: CallBatch): void | Promise<void>;
}

/**
 * Reads the file's bytes straight into the accumulator: no decoding of the whole file, no string per
 * line. One buffer is read into again and again (the accumulator copies the few bytes it keeps), so
 * a large file costs no fresh memory per chunk.
 */
export async function readQueueLog(path: string, batchCalls: number, sink: QueueLogSink): Promise<QueueLogStats> {
  const acc = new QueueLogAccumulator();
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      sink.bytes(chunk);
      acc.write(chunk);
      if (acc.size >= batchCalls) await sink.batch(acc.drainBatch());
    }
  } finally {
    await file.close();
  }
  acc.end();
  await sink.batch(acc.drainBatch());
  return acc.stats;
}
