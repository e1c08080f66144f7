/**
 * A streaming reader of SAF-T Financial (Norway) files, versions 1.10/1.20 and 1.30. It never
 * holds the document: saxes emits tags, SaftReader (saft-reader.ts) keeps a stack of element codes
 * and hands out one header, account, customer or transaction at a time. Elements count only in the SAF-T
 * namespace, whatever prefix the file binds it to (`n1:` or none). The text comes decoded
 * (saft.decode.ts; the import decodes in another thread than this one). CR and CRLF line ends
 * are normalised by the XML parser.
 */
import { stat } from 'node:fs/promises';
import { SaxesParser } from 'saxes';
import { problem } from '../../imports/decode.ts';
import { AppError } from '../../shared/errors.ts';
import { LineIndex } from './line-index.ts';
import type { SaftHandlers } from './saft.ts';
import { SaftReader } from './saft-reader.ts';

export interface SaftReadOptions {
  fileName: string;
  path: string;
  handlers: SaftHandlers;
  /** Bytes read of total, after each chunk. */
  progress?(done: number, total: number): void;
  /** Awaited after each chunk: lets the caller write buffered rows (backpressure). */
  afterChunk?(): Promise<void>;
  /** Turns the `at` offsets of what the handlers receive into lines; created when not given. */
  lines?: LineIndex;
  /** The file's text, decoded (decodeSaftFile, possibly in another thread). */
  source: AsyncIterable<DecodedChunk>;
}

/** A piece of the file's text and the number of bytes it was decoded from. */
export interface DecodedChunk {
  text: string;
  bytes: number;
  /** LineIndex.breakPositions(text), when found ahead (by the thread that decoded it). */
  breaks?: Int32Array;
}

/** Reads the whole file through the handlers. Throws AppError('FILE_UNREADABLE') on broken XML. */
export async function readSaft(options: SaftReadOptions): Promise<void> {
  const { fileName, handlers } = options;
  const total = (await stat(options.path)).size;
  // Positions are not tracked by the parser (a fifth of its time); LineIndex finds lines on demand.
  const parser = new SaxesParser({ xmlns: false, position: false });
  const lines = options.lines ?? new LineIndex();
  const reader = new SaftReader(parser, lines, fileName, handlers);
  let done = 0;
  try {
    for await (const { text, bytes, breaks } of options.source) {
      lines.add(text, breaks);
      parser.write(text);
      if (bytes === 0) continue;
      done += bytes;
      options.progress?.(done, total);
      if (options.afterChunk) await options.afterChunk();
    }
    parser.close();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw xmlError(fileName, parser, lines, err as Error);
  }
  reader.finish();
}

function xmlError(fileName: string, parser: SaxesParser, lines: LineIndex, err: Error): AppError {
  const line = lines.lineAt(parser.position);
  const raw = err.message.replace(/^[^:]*:\d+:\d+: /, '');
  const truncated = /unclosed|unexpected end|end of|closed before/i.test(raw) || parser.closed;
  const message = truncated ? `fila slutter før XML-dokumentet er ferdig (avkortet fil?): ${raw}` : `ugyldig XML på linje ${line}: ${raw}`;
  const messageEn = truncated ? `the file ends before the XML document is complete (truncated?): ${raw}` : `invalid XML: ${raw}`;
  return new AppError('FILE_UNREADABLE', `${fileName}: ${message}`, {
    cause: err,
    problems: [problem(fileName, message, messageEn, { line })],
  });
}
