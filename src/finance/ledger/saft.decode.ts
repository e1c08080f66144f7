/**
 * The decoding half of reading a SAF-T file: bytes to text by the encoding the XML declaration
 * names (UTF-8 when none; a BOM wins; ISO-8859-1 read as its superset Windows-1252); bytes that are
 * not UTF-8 in a file read as UTF-8 are an error with the line. Apart from saft.parse.ts so the
 * thread that only parses does not load the decoders.
 */
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { problem } from '../../imports/decode.ts';
import { AppError } from '../../shared/errors.ts';
import { LineIndex } from './line-index.ts';
import type { DecodedChunk } from './saft.parse.ts';

/** The encoding a SAF-T file is read as, and what said so. */
export interface SaftEncoding {
  /** The decoder used: `utf-8`, `windows-1252`, `utf-16le`, … */
  name: string;
  /** The name in the XML declaration, when there is one (`ISO-8859-1`). */
  declared: string | null;
  source: 'bom' | 'declaration' | 'default';
}

/**
 * Latin-1 as declared by Norwegian ledgers is in practice Windows-1252 (its superset for printable
 * characters, as browsers read it): € and curly quotes in 0x80–0x9F decode to what was meant.
 */
const DECODER_OF: Readonly<Record<string, string>> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  iso_8859_1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
};

export function encodingOf(head: Buffer): SaftEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { name: 'utf-8', declared: null, source: 'bom' };
  if (head[0] === 0xff && head[1] === 0xfe) return { name: 'utf-16le', declared: null, source: 'bom' };
  if (head[0] === 0xfe && head[1] === 0xff) return { name: 'utf-16be', declared: null, source: 'bom' };
  const decl = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.toString('latin1', 0, 200))?.[1];
  if (!decl) return { name: 'utf-8', declared: null, source: 'default' };
  const lower = decl.toLowerCase();
  return { name: DECODER_OF[lower] ?? lower, declared: decl, source: 'declaration' };
}

export interface DecodeSaftOptions {
  /** Every byte of the file, in order, as it is read (the import hashes the file in this pass). */
  onBytes?(bytes: Buffer): void;
  /** The encoding chosen, once the first bytes are read. */
  onEncoding?(encoding: SaftEncoding): void;
}

const REPLACEMENT = '\uFFFD';
const REPLACEMENT_BYTES = Buffer.from(REPLACEMENT, 'utf8');

function count(haystack: { indexOf(needle: any, from?: number): number }, needle: string | Buffer, step: number): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + step)) n++;
  return n;
}

function invalidUtf8(fileName: string, line: number, encoding: SaftEncoding): AppError {
  const said =
    encoding.source === 'declaration'
      ? `fila er erklært som ${encoding.declared}`
      : 'fila har ingen tegnkoding i XML-deklarasjonen (da gjelder UTF-8)';
  const message = `ugyldig UTF-8 på linje ${line}: ${said}, men har bytes som ikke er UTF-8 (er den lagret som ISO-8859-1/Windows-1252? Da må XML-deklarasjonen si encoding="ISO-8859-1")`;
  return new AppError('FILE_UNREADABLE', `${fileName}: ${message}`, {
    problems: [problem(fileName, message, `invalid UTF-8 bytes on line ${line}`, { line })],
  });
}

/**
 * The file's text in 64 KiB pieces, decoded by the encoding the XML declaration names (UTF-8 when
 * none; a BOM wins), with the positions of each piece's line breaks. Throws AppError('FILE_UNREADABLE')
 * for an unknown encoding, and for bytes that are not UTF-8 in a file read as UTF-8 (with the line),
 * rather than putting "�" in account names.
 */
export async function* decodeSaftFile(path: string, fileName: string, options: DecodeSaftOptions = {}): AsyncGenerator<DecodedChunk> {
  let decoder: ReturnType<typeof iconv.getDecoder> | undefined;
  let encoding: SaftEncoding | undefined;
  let utf8 = false;
  let line = 1;
  // The decoder replaces invalid bytes with U+FFFD; a U+FFFD in the text that the bytes do not
  // spell out (EF BF BD) is an invalid byte. The check costs one native search per piece.
  const check = (text: string, bytes: Buffer | null) => {
    const at = text.indexOf(REPLACEMENT);
    if (at === -1 || !encoding) return;
    if (bytes && count(text, REPLACEMENT, 1) <= count(bytes, REPLACEMENT_BYTES, 3)) return;
    throw invalidUtf8(fileName, line + LineIndex.breaksIn(text.slice(0, at)), encoding);
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    const bytes = chunk as Buffer;
    options.onBytes?.(bytes);
    if (!decoder) {
      encoding = encodingOf(bytes);
      if (!iconv.encodingExists(encoding.name)) {
        const name = encoding.declared ?? encoding.name;
        throw new AppError('FILE_UNREADABLE', `${fileName}: ukjent tegnkoding «${name}» (unknown encoding)`, {
          problems: [problem(fileName, `ukjent tegnkoding «${name}» i XML-deklarasjonen`, `unknown encoding "${name}"`, { line: 1 })],
        });
      }
      options.onEncoding?.(encoding);
      utf8 = encoding.name === 'utf-8';
      decoder = iconv.getDecoder(encoding.name);
    }
    const text = decoder.write(bytes);
    if (utf8) check(text, bytes);
    const breaks = LineIndex.breakPositions(text);
    line += breaks.length;
    yield { text, bytes: bytes.length, breaks };
  }
  const rest = decoder?.end();
  if (rest) {
    // Bytes left undecoded at the end: a UTF-8 sequence the file cuts short.
    if (utf8) check(rest, null);
    yield { text: rest, bytes: 0 };
  }
}
