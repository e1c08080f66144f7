/**
 * Reads a queue_log in a worker thread, so that reading, hashing and scanning the file (here)
 * overlap with the database writes (the importing thread) on two cores. workerData: { path,
 * batchCalls, window }. This thread sends `batch` messages (the typed arrays transferred, not
 * copied), `progress` (bytes read) and finally `done` (the skip counts and the file's SHA-256) or
 * `error`. Each batch is acknowledged (`ack`) once written, and at most `window` batches are
 * unacknowledged at a time: memory stays bounded.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { readQueueLog } from './queue-log.read.ts';
import type { QueueLogStats } from './queue-log.ts';
import { type CallBatch, transferablesOf } from './queue-log-batch.ts';

export interface QueueLogWorkerData {
  path: string;
  batchCalls: number;
  window: number;
}

export type FromQueueLogWorker =
  | { type: 'batch'; batch: CallBatch }
  | { type: 'progress'; bytes: number }
  | { type: 'done'; stats: QueueLogStats; sha256: string; bytes: number }
  | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  const { path, batchCalls, window } = workerData as QueueLogWorkerData;
  const send = (m: FromQueueLogWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  let unacknowledged = 0;
  let acked: (() => void) | null = null;
  port.on('message', () => {
    unacknowledged--;
    acked?.();
    acked = null;
  });
  const hash = createHash('sha256');
  let bytes = 0;
  readQueueLog(path, batchCalls, {
    bytes(chunk) {
      hash.update(chunk);
      bytes += chunk.length;
      send({ type: 'progress', bytes });
    },
    async batch(batch) {
      if (batch.count === 0) return;
      unacknowledged++;
      send({ type: 'batch', batch }, transferablesOf(batch));
      while (unacknowledged >= window) await new Promise<void>((resolve) => (acked = resolve));
    },
  }).then(
    (stats) => send({ type: 'done', stats, sha256: hash.digest('hex'), bytes }),
    (err: unknown) => send({ type: 'error', message: String((err as Error)?.message ?? err) }),
  );
}
