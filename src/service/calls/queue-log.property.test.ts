/**
 * The accumulator reads a common line in one pass over its bytes and any other line field by field
 * (queue-log.ts): on random messy queue_logs, chunks written (both ways, cut anywhere) must give
 * exactly what adding the lines one by one (field by field only) gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueLogAccumulator } from './queue-log.ts';

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const epoch = fc.oneof(
  fc.integer({ min: 1_717_000_000, max: 1_717_000_050 }).map(String),
  pick('', ' 1717000003', '1717000004 ', '-5', '17a', '0017000000'),
);
const callId = fc.oneof(pick('a', 'b', 'c.1', '1717000000.12'), pick('', 'NONE', ' a', 'a ', 'NONEX', 'NON', 'ø', 'b\u00ff'));
const queue = fc.oneof(pick('Q1', 'Q2'), pick('', ' Q1', 'Kø', 'Q1 '));
const event = fc.oneof(
  pick('ENTERQUEUE', 'CONNECT', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY'),
  pick('DID', 'COMPLETECALLER', ' CONNECT', 'ABANDON ', 'CONNECTX', 'EXIT', ''),
);
const data = fc.oneof(fc.integer({ min: 0, max: 99 }).map(String), pick('', ' 7', 'x', '-3', '8 '));
const line = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(epoch, callId, queue, pick('NONE', 'SIP/1'), event, fc.array(data, { maxLength: 6 }))
      .map(([e, id, q, a, ev, d]) => [e, id, q, a, ev, ...d].join('|')),
  },
  { weight: 1, arbitrary: pick('', '   ', 'garbage', '1|2|3', '1717000000|a|Q1|NONE', '1717000000|a|Q1|NONE|CONNECT') },
);

/** The bytes of a line that may carry invalid UTF-8 (ÿ stands for the byte 0xFF). */
function bytesOf(text: string): Buffer {
  const b = Buffer.from(text.replaceAll('\u00ff', '\u0000'), 'utf8');
  for (let i = 0; i < b.length; i++) if (b[i] === 0) b[i] = 0xff;
  return b;
}

function read(acc: QueueLogAccumulator) {
  const calls = acc.drain().map((c) => JSON.stringify(c));
  return { stats: acc.stats, calls };
}

describe('QueueLogAccumulator: one pass over a line or field by field', () => {
  it('counts and decides the same on random messy files, cut into chunks anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 60 }),
        pick('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 1, max: 97 }),
        (lines, eol, finalBreak, size) => {
          // A file's last line, when empty and without a line break, is no line at all.
          const lastBreak = finalBreak || lines.at(-1) === '';
          const byLine = new QueueLogAccumulator();
          for (const [i, l] of lines.entries()) byLine.add(bytesOf(l), i + 1);
          const bytes = Buffer.concat(
            lines.map((l, i) => Buffer.concat([bytesOf(l), Buffer.from(i < lines.length - 1 || lastBreak ? eol : '')])),
          );
          const inChunks = new QueueLogAccumulator();
          for (let i = 0; i < bytes.length; i += size) inChunks.write(bytes.subarray(i, i + size));
          inChunks.end();
          expect(read(inChunks)).toEqual(read(byLine));
        },
      ),
      { numRuns: 400 },
    );
  });
});
