import iconv from 'iconv-lite';
import { AppError, type Problem } from '../shared/errors.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';

export function problem(
  file: string,
  message: string,
  messageEn: string,
  where: { line?: number | undefined; column?: string | undefined; severity?: 'error' | 'warning' } = {},
): Problem {
  const p: Problem = { file, message, messageEn, severity: where.severity ?? 'error' };
  if (where.line !== undefined) p.line = where.line;
  if (where.column !== undefined) p.column = where.column;
  return p;
}

function unreadable(file: string, message: string, messageEn: string): AppError {
  return new AppError('FILE_UNREADABLE', `${file}: ${message} (${messageEn})`, {
    problems: [problem(file, message, messageEn)],
  });
}

/**
 * Decodes a text file: UTF-8 with or without BOM, UTF-16LE with BOM, and Windows-1252 (what
 * Norwegian Excel writes) when the bytes are not valid UTF-8. A file with NUL bytes that is not
 * UTF-16 is binary: a clear error, not garbage rows.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) {
    throw unreadable(file, 'fila ser ut til å være binær, ikke tekst', 'the file looks binary, not text');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    if (hasBom) throw unreadable(file, 'fila har UTF-8-BOM men ugyldige UTF-8-tegn', 'UTF-8 BOM but invalid UTF-8 bytes');
    return { text: iconv.decode(Buffer.from(body), 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** `;` or `,` (or tab), whichever splits the header line into the most fields outside quotes. */
export function detectDelimiter(headerLine: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}
