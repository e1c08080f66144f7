/**
 * Runs the reading half of a SAF-T import in a worker thread, so that parsing (here) overlaps with
 * decoding the file and writing to the database (the main thread) on two cores. Protocol: the main
 * thread sends { start: path, fileName, flushLines, window }, then the file's decoded text as text
 * messages (each answered by a pull once parsed) and end; this thread answers with header /
 * postings / problem messages and finally done (the summary) or error. Each postings
 * batch is acknowledged by the main thread, and at most `window` batches are unacknowledged at a
 * time; the main thread keeps only a few text pieces in flight: memory stays bounded.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors.ts';
import { type PackedPostings, transferablesOf } from './posting-batch.ts';
import type { DecodedChunk } from './saft.parse.ts';
import { readSaftFile } from './saft.read.ts';

export type ToWorker =
  | { type: 'start'; path: string; fileName: string; flushLines: number; window: number }
  | { type: 'ack' }
  | { type: 'text'; text: string; bytes: number; breaks?: Int32Array }
  | { type: 'end' };

const port = parentPort;
if (port) {
  let inflight = 0;
  let wake: (() => void) | null = null;
  // Decoded text from the main thread; null marks the end of the file.
  const texts: (DecodedChunk | null)[] = [];
  let arrived: (() => void) | null = null;
  async function* source(): AsyncGenerator<DecodedChunk> {
    for (;;) {
      while (texts.length === 0) await new Promise<void>((resolve) => (arrived = resolve));
      const next = texts.shift();
      if (!next) return;
      yield next;
      port?.postMessage({ type: 'pull' });
    }
  }
  port.on('message', (m: ToWorker) => {
    if (m.type === 'ack') {
      inflight--;
      wake?.();
      wake = null;
      return;
    }
    if (m.type === 'text' || m.type === 'end') {
      texts.push(m.type === 'text' ? { text: m.text, bytes: m.bytes, breaks: m.breaks } : null);
      arrived?.();
      arrived = null;
      return;
    }
    const sink = {
      header: (header: unknown) => port.postMessage({ type: 'header', header }),
      problem: (problem: unknown) => port.postMessage({ type: 'problem', problem }),
      // The main thread counts progress from the pulls.
      progress: () => {},
      async postings(batch: PackedPostings) {
        inflight++;
        // The batch's buffers are moved to the main thread, not copied.
        port.postMessage({ type: 'postings', batch }, transferablesOf(batch));
        while (inflight >= m.window) await new Promise<void>((resolve) => (wake = resolve));
      },
    };
    readSaftFile({ path: m.path, fileName: m.fileName, flushLines: m.flushLines, source: source() }, sink).then(
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
