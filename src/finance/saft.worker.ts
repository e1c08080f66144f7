/**
 * Runs the reading half of a SAF-T import in a worker thread, so that parsing (here) and writing
 * to the database (the main thread) overlap on two cores. Protocol: the main thread sends
 * { path, fileName, flushLines, window }; this thread answers with header / postings / problem /
 * progress messages and finally done (the summary) or error; each postings batch is acknowledged
 * by the main thread, and at most `window` batches are unacknowledged at a time (memory stays bounded).
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../shared/errors.ts';
import type { BulkValue } from '../storage/bulk-insert.ts';
import { readSaftFile } from './saft.read.ts';

export type ToWorker = { type: 'start'; path: string; fileName: string; flushLines: number; window: number } | { type: 'ack' };

const port = parentPort;
if (port) {
  let inflight = 0;
  let wake: (() => void) | null = null;
  port.on('message', (m: ToWorker) => {
    if (m.type === 'ack') {
      inflight--;
      wake?.();
      wake = null;
      return;
    }
    const sink = {
      header: (header: unknown) => port.postMessage({ type: 'header', header }),
      problem: (problem: unknown) => port.postMessage({ type: 'problem', problem }),
      progress: (done: number, total: number) => port.postMessage({ type: 'progress', done, total }),
      async postings(values: BulkValue[]) {
        inflight++;
        port.postMessage({ type: 'postings', values });
        while (inflight >= m.window) await new Promise<void>((resolve) => (wake = resolve));
      },
    };
    readSaftFile({ path: m.path, fileName: m.fileName, flushLines: m.flushLines }, sink).then(
      (summary) => port.postMessage({ type: 'done', summary }),
      (err: unknown) =>
        port.postMessage({
          type: 'error',
          error:
            err instanceof AppError
              ? { code: err.code, message: err.message, problems: err.problems }
              : { code: 'INTERNAL', message: String((err as Error)?.message ?? err), problems: [] },
        }),
    );
  });
}
