/**
 * Line numbers without the XML parser's per-character position tracking (a fifth of its time):
 * the reader notes character offsets, and this index turns an offset into a 1-based line when a
 * problem is reported. It finds the line breaks of each chunk (CRLF, CR and LF each end one line,
 * as XML does) with native string searches and keeps their positions for the last few chunks for
 * exact answers; an offset in an older chunk gets that chunk's first line. It keeps positions, not
 * the chunks' text: text kept for a few dozen chunks outlived the parser's young-generation
 * collections, so the whole file was copied into the old generation on its way through.
 */
const KEEP_CHUNKS = 32;

/** Positions (into `text`) of its line breaks: each CR, and each LF not right after a CR of the same text. */
function breakPositions(text: string): Int32Array {
  let n = 0;
  let scratch = new Int32Array(Math.max(16, text.length >> 5));
  const push = (i: number) => {
    if (n === scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[n++] = i;
  };
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      push(cr);
      // The LF of a CRLF ends the same line.
      if (lf === cr + 1) lf = text.indexOf('\n', lf + 1);
      cr = text.indexOf('\r', cr + 1);
    } else {
      push(lf);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return scratch.slice(0, n);
}

/** How many of the sorted `positions` are below `to`. */
function countBelow(positions: Int32Array, to: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((positions[mid] as number) < to) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class LineIndex {
  private readonly starts: number[] = [];
  private readonly lines: number[] = [];
  private readonly breaks = new Map<number, Int32Array>();
  private offset = 0;
  private line = 1;
  private endedWithCr = false;

  /** The line breaks in a chunk, as add() counts them. */
  static breaksIn(text: string): number {
    return breakPositions(text).length;
  }

  /** The positions of a chunk's line breaks, for add() (another thread may find them ahead; the buffer can be transferred). */
  static breakPositions(text: string): Int32Array {
    return breakPositions(text);
  }

  /** Feeds the next chunk of text exactly as it is handed to the parser (`breaks`: LineIndex.breakPositions(text), when known). */
  add(text: string, breaks: Int32Array = breakPositions(text)): void {
    const index = this.starts.length;
    // A CRLF split across chunks: the CR already ended the line, so the LF does not.
    const skipLf = this.endedWithCr && text.charCodeAt(0) === 10;
    this.starts.push(this.offset);
    this.lines.push(this.line - (skipLf ? 1 : 0));
    this.breaks.set(index, breaks);
    this.breaks.delete(index - KEEP_CHUNKS);
    this.line += breaks.length - (skipLf ? 1 : 0);
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
    const first = this.lines[lo] ?? 1;
    const breaks = this.breaks.get(lo);
    if (breaks === undefined) return first;
    return first + countBelow(breaks, offset - (this.starts[lo] ?? 0));
  }
}
