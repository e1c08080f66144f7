/**
 * A text file as a stream of decoded chunks, never the whole file in memory. The encoding is never
 * guessed silently: a BOM decides (UTF-8, UTF-16LE), else the encoding asked for (`--encoding`), else
 * UTF-8, and bytes that are not valid in it are a problem naming the line.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { AppError } from '../shared/errors.ts';
import { problem } from './decode.ts';
import { formatMb } from './limits.ts';

/** Encodings a user may ask for with `--encoding` (or `?encoding=` on the API). */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1'] as const;
export type RequestedEncoding = (typeof TEXT_ENCODINGS)[number];
/** What a file was read as: a requested encoding, or UTF-16LE found by its BOM. */
export type UsedEncoding = RequestedEncoding | 'utf-16le';

/** `utf8`, `UTF-8`, `cp1252`, `latin1` … → the canonical name; anything else is a VALIDATION error. */
export function parseEncoding(value: string): RequestedEncoding {
  const v = value.trim().toLowerCase().replace(/_/g, '-');
  const aliases: Record<string, RequestedEncoding> = {
    'utf-8': 'utf-8',
    utf8: 'utf-8',
    'windows-1252': 'windows-1252',
    cp1252: 'windows-1252',
    'iso-8859-1': 'iso-8859-1',
    latin1: 'iso-8859-1',
    'latin-1': 'iso-8859-1',
  };
  const found = aliases[v];
  if (!found) {
    throw new AppError('VALIDATION', `Ukjent tegnkoding «${value}»: bruk ${TEXT_ENCODINGS.join(', ')}`);
  }
  return found;
}

export interface TextStream {
  encoding: UsedEncoding;
  /** Decoded text in chunks of at most ~64 KiB. */
  chunks: AsyncGenerator<string>;
}

async function sniff(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(3);
    const { bytesRead } = await fh.read(buf, 0, 3, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function unreadable(file: string, line: number, message: string, messageEn: string): AppError {
  return new AppError('FILE_UNREADABLE', `${file}:${line}: ${message}`, { problems: [problem(file, message, messageEn, { line })] });
}

function countNewlines(buf: Uint8Array, end = buf.length): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (buf[i] === 0x0a) n++;
  return n;
}

/** Length of the longest prefix of buf that ends on a UTF-8 character boundary. */
function completePrefix(buf: Buffer): number {
  for (let back = 1; back <= Math.min(4, buf.length); back++) {
    const b = buf[buf.length - back] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

const HINT = 'er fila lagret i en annen tegnkoding? Bruk --encoding windows-1252 (eller iso-8859-1)';
const HINT_EN = 'saved in another encoding? Use --encoding windows-1252 (or iso-8859-1)';

async function* utf8Chunks(bytes: AsyncIterable<Buffer>, file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let carry: Buffer = Buffer.alloc(0);
  let line = 1;
  for await (const chunk of bytes) {
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const cut = completePrefix(buf);
    const piece = buf.subarray(0, cut);
    carry = Buffer.from(buf.subarray(cut));
    const nul = piece.indexOf(0);
    if (nul >= 0) {
      throw unreadable(
        file,
        line + countNewlines(piece, nul),
        'fila ser ut til å være binær, ikke tekst',
        'the file looks binary, not text',
      );
    }
    let text: string;
    try {
      text = decoder.decode(piece);
    } catch {
      // Find the first line of this piece that does not decode: lines end on character boundaries.
      let start = 0;
      let at = line;
      for (;;) {
        const nl = piece.indexOf(0x0a, start);
        const end = nl < 0 ? piece.length : nl;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(piece.subarray(start, end));
        } catch {
          break;
        }
        if (nl < 0) break;
        start = nl + 1;
        at++;
      }
      throw unreadable(file, at, `ugyldige UTF-8-tegn på linje ${at}; ${HINT}`, `invalid UTF-8 bytes on line ${at}; ${HINT_EN}`);
    }
    line += countNewlines(piece);
    yield text;
  }
  if (carry.length > 0) {
    throw unreadable(file, line, `ugyldige UTF-8-tegn på linje ${line} (fila slutter midt i et tegn); ${HINT}`, 'truncated UTF-8 sequence');
  }
}

async function* singleByteChunks(bytes: AsyncIterable<Buffer>, file: string, encoding: string): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding);
  let line = 1;
  for await (const chunk of bytes) {
    const nul = chunk.indexOf(0);
    if (nul >= 0) {
      throw unreadable(
        file,
        line + countNewlines(chunk, nul),
        'fila ser ut til å være binær, ikke tekst',
        'the file looks binary, not text',
      );
    }
    line += countNewlines(chunk);
    yield decoder.write(chunk);
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

async function* utf16Chunks(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-16le');
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Opens a text file for streaming. `onBytes(done, total)` reports progress in bytes read.
 */
export async function openTextStream(
  path: string,
  file: string,
  options: { encoding?: RequestedEncoding | undefined; onBytes?: (done: number) => void } = {},
): Promise<TextStream> {
  const head = await sniff(path);
  const utf8Bom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const utf16Bom = head.length >= 2 && head[0] === 0xff && head[1] === 0xfe;
  const skip = utf8Bom ? 3 : utf16Bom ? 2 : 0;
  const encoding: UsedEncoding = utf8Bom ? 'utf-8' : utf16Bom ? 'utf-16le' : (options.encoding ?? 'utf-8');
  async function* bytes(): AsyncGenerator<Buffer> {
    let done = skip;
    for await (const chunk of createReadStream(path, { start: skip, highWaterMark: 64 * 1024 })) {
      done += (chunk as Buffer).length;
      options.onBytes?.(done);
      yield chunk as Buffer;
    }
  }
  const chunks =
    encoding === 'utf-8'
      ? utf8Chunks(bytes(), file)
      : encoding === 'utf-16le'
        ? utf16Chunks(bytes())
        : singleByteChunks(bytes(), file, encoding);
  return { encoding, chunks };
}

/** The whole decoded text of a file no larger than maxBytes (JSON that must be parsed whole). */
export async function readTextFile(
  path: string,
  file: string,
  options: { encoding?: RequestedEncoding | undefined; maxBytes: number },
): Promise<{ text: string; encoding: UsedEncoding }> {
  const stream = await openTextStream(path, file, {
    encoding: options.encoding,
    onBytes: (done) => {
      if (done > options.maxBytes) {
        throw unreadable(file, 1, `fila er større enn ${formatMb(options.maxBytes)} MB`, 'file too large');
      }
    },
  });
  const parts: string[] = [];
  for await (const s of stream.chunks) parts.push(s);
  return { text: parts.join(''), encoding: stream.encoding };
}
