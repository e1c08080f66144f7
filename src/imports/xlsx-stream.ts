/**
 * The first sheet of an XLSX file, streamed row by row with bounded memory. The zip's central
 * directory is read first and its declared sizes checked against the caps (unpacked total,
 * compression ratio) BEFORE anything is inflated; while inflating, the bytes are counted again, so a
 * zip that lies about its sizes is stopped as soon as it passes them. The XML parts are parsed with
 * saxes as they are inflated; only the shared strings are kept in memory (bounded by the unpacked cap).
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { posix } from 'node:path';
import { createInflateRaw } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../shared/errors.ts';
import { formatNumber } from '../shared/format.ts';
import { problem } from './decode.ts';
import { capExceeded, formatMb, type ImportLimits } from './limits.ts';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** An entry this small cannot be a bomb; the ratio cap applies to larger ones only. */
const RATIO_MIN_BYTES = 1024 * 1024;
const MAX_CENTRAL_DIRECTORY = 16 * 1024 * 1024;

function notXlsx(file: string, why: string, whyEn: string): AppError {
  const message = `ikke en gyldig XLSX-fil: ${why}`;
  return new AppError('FILE_UNREADABLE', `${file}: ${message}`, { problems: [problem(file, message, `not a valid XLSX file: ${whyEn}`)] });
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

async function centralDirectory(fh: FileHandle, file: string): Promise<ZipEntry[]> {
  const size = (await fh.stat()).size;
  const tailLength = Math.min(size, 65_557);
  const tail = await readAt(fh, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx(file, 'fila er ikke en zip-fil', 'not a zip file');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw notXlsx(file, 'zip64-arkiver støttes ikke', 'zip64 archives are not supported');
  }
  if (cdSize > MAX_CENTRAL_DIRECTORY || cdOffset + cdSize > size) throw notXlsx(file, 'ødelagt zip-katalog', 'broken central directory');
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw notXlsx(file, 'ødelagt zip-katalog', 'broken central directory');
    const nameLength = cd.readUInt16LE(p + 28);
    entries.push({
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return entries;
}

function unpackedTooLarge(file: string, limits: ImportLimits): AppError {
  return capExceeded(
    file,
    `arket pakker ut til mer enn ${formatMb(limits.maxUnpackedBytes)} MB`,
    `the workbook unpacks to more than ${formatMb(limits.maxUnpackedBytes)} MB`,
  );
}

/** Checks the declared sizes before anything is inflated. */
function checkDeclared(entries: ZipEntry[], file: string, limits: ImportLimits): void {
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxUnpackedBytes) throw unpackedTooLarge(file, limits);
  for (const e of entries) {
    if (e.size >= RATIO_MIN_BYTES && e.size > e.compressedSize * limits.maxCompressionRatio) {
      throw capExceeded(
        file,
        `arket pakker ut til mer enn ${formatNumber(limits.maxCompressionRatio)} ganger sin pakkede størrelse (${e.name}: ${formatMb(e.compressedSize)} MB blir ${formatMb(e.size)} MB)`,
        `${e.name} unpacks to more than ${limits.maxCompressionRatio} times its packed size`,
      );
    }
    if (e.method !== 0 && e.method !== 8) throw notXlsx(file, `ukjent komprimering i ${e.name}`, `unknown compression method ${e.method}`);
  }
}

class Unzipper {
  private unpacked = 0;
  constructor(
    private readonly fh: FileHandle,
    private readonly path: string,
    private readonly file: string,
    private readonly limits: ImportLimits,
  ) {}

  /** The entry's bytes, inflated and counted; more than declared (or the cap) stops at once. */
  async *bytes(entry: ZipEntry): AsyncGenerator<Buffer> {
    const local = await readAt(this.fh, entry.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50)
      throw notXlsx(this.file, `ødelagt del ${entry.name}`, 'broken local header');
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (entry.compressedSize === 0) return;
    const raw = createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
    const stream = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 64 * 1024 })) : raw;
    raw.on('error', (err) => stream.destroy(err));
    let own = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        own += chunk.length;
        this.unpacked += chunk.length;
        if (this.unpacked > this.limits.maxUnpackedBytes) throw unpackedTooLarge(this.file, this.limits);
        if (own > entry.size) {
          throw capExceeded(
            this.file,
            `${entry.name} pakker ut til mer enn de ${formatNumber(entry.size)} bytene zip-katalogen oppgir`,
            `${entry.name} unpacks to more than its declared size`,
          );
        }
        yield chunk;
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw notXlsx(this.file, `${entry.name} kan ikke pakkes ut`, `${entry.name} cannot be inflated: ${(err as Error).message}`);
    } finally {
      raw.destroy();
      stream.destroy();
    }
  }

  /** Parses an XML entry with saxes; `afterChunk` runs after each chunk (to hand rows on). */
  async *xml(entry: ZipEntry, on: (parser: SaxesParser) => void): AsyncGenerator<void> {
    const parser = new SaxesParser({ xmlns: false, position: false });
    on(parser);
    const decoder = new TextDecoder('utf-8');
    try {
      for await (const chunk of this.bytes(entry)) {
        parser.write(decoder.decode(chunk, { stream: true }));
        yield;
      }
      parser.write(decoder.decode());
      parser.close();
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw notXlsx(this.file, `ugyldig XML i ${entry.name}`, `invalid XML in ${entry.name}: ${(err as Error).message}`);
    }
  }

  async drain(entry: ZipEntry, on: (parser: SaxesParser) => void): Promise<void> {
    for await (const _ of this.xml(entry, on)) {
      // parsed by the handlers
    }
  }
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

async function firstSheetPath(z: Unzipper, byName: Map<string, ZipEntry>): Promise<string | undefined> {
  const book = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  let firstId: string | undefined;
  const targets = new Map<string, string>();
  if (book) {
    await z.drain(book, (p) =>
      p.on('opentag', (t) => {
        const tag = t as SaxesTagPlain;
        if (local(tag.name) === 'sheet' && firstId === undefined) {
          firstId = Object.entries(tag.attributes).find(([k]) => local(k) === 'id' && k !== 'sheetId')?.[1];
        }
      }),
    );
  }
  if (rels) {
    await z.drain(rels, (p) =>
      p.on('opentag', (t) => {
        const tag = t as SaxesTagPlain;
        if (local(tag.name) === 'Relationship') targets.set(String(tag.attributes.Id), String(tag.attributes.Target));
      }),
    );
  }
  const target = firstId ? targets.get(firstId) : undefined;
  if (target) {
    const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
    if (byName.has(path)) return path;
  }
  return [...byName.keys()]
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0];
}

async function sharedStrings(z: Unzipper, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string[] | undefined;
  let inText = false;
  let phonetic = false;
  await z.drain(entry, (p) => {
    p.on('opentag', (t) => {
      const n = local(t.name);
      if (n === 'si') current = [];
      else if (n === 'rPh') phonetic = true;
      else if (n === 't' && !phonetic) inText = true;
    });
    p.on('text', (text) => {
      if (inText && current) current.push(text);
    });
    p.on('closetag', (t) => {
      const n = local(t.name);
      if (n === 'si') {
        strings.push((current ?? []).join(''));
        current = undefined;
      } else if (n === 'rPh') phonetic = false;
      else if (n === 't') inText = false;
    });
  });
  return strings;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '')
    .replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/general/i.test(bare);
}

/** For each cell style index (`s`): does it show a date? */
async function dateStyles(z: Unzipper, entry: ZipEntry | undefined): Promise<boolean[]> {
  const out: boolean[] = [];
  if (!entry) return out;
  const custom = new Map<number, string>();
  let inXfs = false;
  await z.drain(entry, (p) => {
    p.on('opentag', (t) => {
      const tag = t as SaxesTagPlain;
      const n = local(tag.name);
      if (n === 'numFmt') custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ''));
      else if (n === 'cellXfs') inXfs = true;
      else if (n === 'xf' && inXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        const code = custom.get(id);
        out.push(code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormat(code));
      }
    });
    p.on('closetag', (t) => {
      if (local(t.name) === 'cellXfs') inXfs = false;
    });
  });
  return out;
}

/** Excel's wall-clock serial → the text importers read (as before: date, or date and time, no zone). */
function serialText(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - (date1904 ? 24107 : 25569)) * 86_400_000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  const iso = d.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith(':00.000Z') ? iso.slice(0, 16) : iso.slice(0, 19);
}

function columnIndex(ref: string): number | undefined {
  const m = /^([A-Z]+)/i.exec(ref);
  if (!m) return undefined;
  let n = 0;
  for (const ch of (m[1] as string).toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** One sheet row: its number and cell texts by 0-based column. */
export interface XlsxRow {
  row: number;
  cells: string[];
}

/**
 * Yields the rows of the workbook's first sheet (row numbers as in Excel, empty rows included only if
 * they hold cells). Throws AppError naming the cap that was hit, or why the file is not an XLSX.
 */
export async function* xlsxRows(path: string, file: string, limits: ImportLimits): AsyncGenerator<XlsxRow> {
  const fh = await open(path, 'r');
  try {
    const entries = await centralDirectory(fh, file);
    checkDeclared(entries, file, limits);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const z = new Unzipper(fh, path, file, limits);
    const sheetPath = await firstSheetPath(z, byName);
    const sheet = sheetPath ? byName.get(sheetPath) : undefined;
    if (!sheet) throw notXlsx(file, 'arbeidsboka har ingen ark', 'workbook has no sheets');
    let date1904 = false;
    const book = byName.get('xl/workbook.xml');
    if (book) {
      await z.drain(book, (p) =>
        p.on('opentag', (t) => {
          const v = (t as SaxesTagPlain).attributes.date1904;
          if (local(t.name) === 'workbookPr' && (v === '1' || v === 'true')) date1904 = true;
        }),
      );
    }
    const strings = await sharedStrings(z, byName.get('xl/sharedStrings.xml'));
    const dates = await dateStyles(z, byName.get('xl/styles.xml'));

    const ready: XlsxRow[] = [];
    let rowNumber = 0;
    let cells: string[] = [];
    let col = -1;
    let type = 'n';
    let style = 0;
    let text: string[] = [];
    let capture: 'v' | 't' | undefined;
    let inInline = false;
    const fail = (message: string, messageEn: string): never => {
      throw capExceeded(file, message, messageEn, rowNumber);
    };
    const yielded = z.xml(sheet, (p) => {
      p.on('opentag', (t) => {
        const tag = t as SaxesTagPlain;
        const n = local(tag.name);
        if (n === 'row') {
          rowNumber = tag.attributes.r ? Number(tag.attributes.r) : rowNumber + 1;
          if (!(rowNumber <= limits.maxRows + 1)) {
            fail(`arket har mer enn ${formatNumber(limits.maxRows)} rader`, `the sheet has more than ${limits.maxRows} rows`);
          }
          cells = [];
          col = -1;
        } else if (n === 'c') {
          const ref = tag.attributes.r ? columnIndex(String(tag.attributes.r)) : undefined;
          col = ref ?? col + 1;
          if (col >= limits.maxColumns) {
            fail(
              `rad ${rowNumber} har mer enn ${formatNumber(limits.maxColumns)} kolonner`,
              `row ${rowNumber} has more than ${limits.maxColumns} columns`,
            );
          }
          type = String(tag.attributes.t ?? 'n');
          style = Number(tag.attributes.s ?? 0);
          text = [];
        } else if (n === 'v') capture = 'v';
        else if (n === 'is') inInline = true;
        else if (n === 't' && inInline) capture = 't';
        else if (n === 'rPh') inInline = false;
      });
      p.on('text', (s) => {
        if (capture) {
          text.push(s);
          if (text.length > 1 && text.reduce((sum, x) => sum + x.length, 0) > limits.maxCellChars) {
            fail(
              `rad ${rowNumber}: en celle er lengre enn ${formatNumber(limits.maxCellChars)} tegn`,
              `row ${rowNumber}: a cell is longer than ${limits.maxCellChars} characters`,
            );
          }
        }
      });
      p.on('closetag', (t) => {
        const n = local(t.name);
        if (n === 'v' || n === 't') capture = undefined;
        else if (n === 'is') inInline = false;
        else if (n === 'c') {
          const raw = text.join('');
          let value: string;
          if (raw === '') value = '';
          else if (type === 's') value = strings[Number(raw)] ?? '';
          else if (type === 'inlineStr' || type === 'str') value = raw;
          else if (type === 'b') value = raw === '1' ? 'true' : 'false';
          else if (type === 'e') value = '';
          else value = dates[style] ? serialText(Number(raw), date1904) : String(Number(raw));
          if (value.length > limits.maxCellChars) {
            fail(
              `rad ${rowNumber}: en celle er lengre enn ${formatNumber(limits.maxCellChars)} tegn`,
              `row ${rowNumber}: a cell is longer than ${limits.maxCellChars} characters`,
            );
          }
          if (value !== '') cells[col] = value;
        } else if (n === 'row') {
          if (cells.length > 0) ready.push({ row: rowNumber, cells });
        }
      });
    });
    for await (const _ of yielded) {
      while (ready.length > 0) yield ready.shift() as XlsxRow;
    }
    while (ready.length > 0) yield ready.shift() as XlsxRow;
  } finally {
    await fh.close();
  }
}
