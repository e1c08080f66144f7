/**
 * A batch of calls as the queue_log accumulator hands it over, column by column, packed for the
 * trip from the reading thread to the writing thread: typed arrays whose buffers are transferred
 * (moved, not copied), every call's key bytes back to back among them (decoded into one string by
 * the writer), instead of two arrays of 50 000 strings each that postMessage would serialise string
 * by string and the other thread would rebuild one at a time. A batch's queues (a handful) are
 * sent once each.
 */

/**
 * `entered` is NaN for a call without ENTERQUEUE; `outcome` is 0 for none, else the OUTCOME_EVENTS
 * index + 1, and then `outcomeAt` and `wait` hold its time and wait.
 */
export interface CallBatch {
  count: number;
  /** The calls' keys (callid, then queue) back to back, as bytes: see keysOf. */
  keyBytes: Uint8Array;
  keyEncoding: 'latin1' | 'utf8';
  /** Call s's callid is keysOf(batch)[idStart[s], idEnd[s]). */
  idStart: Int32Array;
  idEnd: Int32Array;
  /** Call s's queue is queues[queueOf[s]]. */
  queueOf: Int32Array;
  queues: string[];
  entered: Float64Array;
  outcome: Uint8Array;
  outcomeAt: Float64Array;
  wait: Float64Array;
}

/** The keys as one string (decode once per batch). */
export function keysOf(b: CallBatch): string {
  return Buffer.from(b.keyBytes.buffer, b.keyBytes.byteOffset, b.keyBytes.byteLength).toString(b.keyEncoding);
}

/** Call s's callid, `keys` being keysOf(b). */
export function callIdOf(b: CallBatch, keys: string, s: number): string {
  return keys.slice(b.idStart[s], b.idEnd[s]);
}

/** Call s's queue. */
export function queueOf(b: CallBatch, s: number): string {
  return b.queues[b.queueOf[s] as number] as string;
}

/** The buffers of a batch, for postMessage's transfer list. */
export function transferablesOf(b: CallBatch): ArrayBuffer[] {
  return [b.keyBytes, b.idStart, b.idEnd, b.queueOf, b.entered, b.outcome, b.outcomeAt, b.wait].map((a) => a.buffer as ArrayBuffer);
}

/** The key bytes of n calls: call s's key is arena[keyAt[s], keyAt[s] + keyLength[s]), its callid the first idLength[s] bytes. */
export interface KeyBytes {
  n: number;
  arena: Buffer;
  used: number;
  keyAt: Int32Array;
  idLength: Int32Array;
  keyLength: Int32Array;
  /** Whether some key has a byte ≥ 128 (else bytes and UTF-16 offsets are the same). */
  nonAscii: boolean;
}

/**
 * Calls whose keys the reading thread decodes at a time: a piece is a small string that dies young,
 * where a whole batch's keys would be a large object that only a full collection frees (the
 * thread's memory then grew by tens of MB on a large file).
 */
const PIECE_CALLS = 2048;

/**
 * The keys packed for keysOf: each call's callid as offsets into them decoded as one string, its
 * queue as an index into the batch's queues. The keys are valid UTF-8 (the accumulator stores
 * non-ASCII keys re-encoded from their text), so decoding them all at once gives each key's text.
 * Keys are stored in call order.
 */
export function packKeys(k: KeyBytes): Pick<CallBatch, 'count' | 'keyBytes' | 'keyEncoding' | 'idStart' | 'idEnd' | 'queueOf' | 'queues'> {
  const { n, arena, keyAt, idLength, keyLength } = k;
  const keyEncoding = k.nonAscii ? 'utf8' : 'latin1';
  // Decoded here too, to find the batch's queues (a string per call made and dropped at once): ASCII
  // keys PIECE_CALLS calls at a time (`keys` starts at UTF-16 offset keysAt), others all at once.
  let keys = k.nonAscii ? arena.toString('utf8', 0, k.used) : '';
  let keysAt = 0;
  let pieceEnd = 0;
  const idStart = new Int32Array(n);
  const idEnd = new Int32Array(n);
  const queueOf = new Int32Array(n);
  const queues: string[] = [];
  const known = new Map<string, number>();
  let last = '';
  let lastIndex = -1;
  // UTF-16 offset of a byte offset (only when some key is not ASCII): a forward walk, keys being in order.
  let byte = 0;
  let unit = 0;
  const offset = (to: number): number => {
    if (!k.nonAscii) return to;
    for (; byte < to; byte++) {
      const c = arena[byte] as number;
      if ((c & 0xc0) !== 0x80) unit += c >= 0xf0 ? 2 : 1;
    }
    return unit;
  };
  for (let s = 0; s < n; s++) {
    const at = keyAt[s] as number;
    const start = offset(at);
    const end = offset(at + (idLength[s] as number));
    const queueEnd = offset(at + (keyLength[s] as number));
    idStart[s] = start;
    idEnd[s] = end;
    if (!k.nonAscii && s >= pieceEnd) {
      pieceEnd = Math.min(n, s + PIECE_CALLS);
      keysAt = at;
      keys = arena.toString('latin1', at, pieceEnd < n ? (keyAt[pieceEnd] as number) : k.used);
    }
    const queue = keys.slice(end - keysAt, queueEnd - keysAt);
    if (queue !== last) {
      let i = known.get(queue);
      if (i === undefined) {
        i = queues.length;
        queues.push(queue);
        known.set(queue, i);
      }
      last = queue;
      lastIndex = i;
    }
    queueOf[s] = lastIndex;
  }
  return { count: n, keyBytes: new Uint8Array(arena.subarray(0, k.used)), keyEncoding, idStart, idEnd, queueOf, queues };
}
