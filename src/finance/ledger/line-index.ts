/**
 * Line numbers without the XML parser's per-character position tracking (a fifth of its time):
 * the reader notes character offsets, and this index turns an offset into a 1-based line when a
 * problem is reported. It counts line breaks per chunk (CRLF, CR and LF each end one line, as
 * XML does) with native string searches and keeps the text of the last few chunks for exact
 * answers; an offset in an older chunk gets that chunk's first line.
 */
const KEEP_TEXTS = 32;

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r', from); i !== -1 && i < to; i = text.indexOf('\r', i + 1))
    if (text.charCodeAt(i + 1) !== 10 || i + 1 >= to) n++;
  return n;
}

export class LineIndex {
  private readonly starts: number[] = [];
  private readonly lines: number[] = [];
  private readonly texts = new Map<number, string>();
  private offset = 0;
  private line = 1;
  private endedWithCr = false;
  /** The last answer, so that increasing offsets within a chunk are counted incrementally. */
  private cursor = { chunk: -1, offset: 0, line: 0 };

  /** Line breaks in a chunk, as add() counts them (another thread may count them ahead and pass them to add). */
  static breaksIn(text: string): number {
    return countBreaks(text, 0, text.length);
  }

  /** Feeds the next chunk of text exactly as it is handed to the parser (`breaks`: LineIndex.breaksIn(text), when known). */
  add(text: string, breaks = countBreaks(text, 0, text.length)): void {
    const index = this.starts.length;
    // A CRLF split across chunks: the CR already ended the line, so the LF does not.
    const skipLf = this.endedWithCr && text.charCodeAt(0) === 10;
    this.starts.push(this.offset);
    this.lines.push(this.line - (skipLf ? 1 : 0));
    this.texts.set(index, text);
    this.texts.delete(index - KEEP_TEXTS);
    this.line += breaks - (skipLf ? 1 : 0);
    this.offset += text.length;
    this.endedWithCr = text.charCodeAt(text.length - 1) === 13;
  }

  /** 1-based line of a character offset in the text fed so far. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0) return 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const text = this.texts.get(lo);
    const first = this.lines[lo] ?? 1;
    if (text === undefined) return first;
    const start = this.starts[lo] ?? 0;
    const to = Math.min(text.length, offset - start);
    const c = this.cursor;
    const line = c.chunk === lo && c.offset <= to ? c.line + countBreaks(text, c.offset, to) : first + countBreaks(text, 0, to);
    this.cursor = { chunk: lo, offset: to, line };
    return line;
  }
}
