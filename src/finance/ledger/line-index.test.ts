import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index.ts';

function lineOfOffset(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/** A deterministic pseudo-random text of letters and every kind of line end. */
function randomText(seed: number, length: number): string {
  const pieces = ['a', 'bc', '\n', '\r\n', '\r', '\r\r', '\n\n', 'æøå'];
  let x = seed;
  let out = '';
  while (out.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += pieces[x % pieces.length];
  }
  return out;
}

describe('LineIndex', () => {
  it('numbers lines across chunks with LF, CRLF and lone CR line ends, CRLF split between chunks too', () => {
    const text = 'a\nbb\r\nccc\rd\r\ne\n\nf\r\r\ng';
    for (let cut = 1; cut < text.length; cut++) {
      const index = new LineIndex();
      index.add(text.slice(0, cut));
      index.add(text.slice(cut));
      for (let offset = 0; offset <= text.length; offset++) {
        // Between the CR and LF of one line break there is no meaningful line.
        if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
        expect([cut, offset, index.lineAt(offset)]).toEqual([cut, offset, lineOfOffset(text, offset)]);
      }
    }
  });

  it('gives the exact line for random texts cut anywhere into three chunks, positions found ahead or not', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = randomText(seed, 60);
      const a = (seed * 7) % text.length;
      const b = a + ((seed * 13) % (text.length - a));
      const chunks = [text.slice(0, a), text.slice(a, b), text.slice(b)];
      const found = new LineIndex();
      const ahead = new LineIndex();
      for (const c of chunks) {
        found.add(c);
        ahead.add(c, LineIndex.breakPositions(c));
      }
      const lines = text.split(/\r\n|\r|\n/).length - 1;
      expect(chunks.reduce((n, c) => n + LineIndex.breaksIn(c), 0)).toBeGreaterThanOrEqual(lines);
      for (let offset = 0; offset <= text.length; offset++) {
        if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
        const want = lineOfOffset(text, offset);
        expect([seed, offset, found.lineAt(offset), ahead.lineAt(offset)]).toEqual([seed, offset, want, want]);
      }
    }
  });

  it('counts a CRLF once, a lone CR and a lone LF once each, at the CR', () => {
    expect([...LineIndex.breakPositions('a\r\nb\rc\nd\n\r')]).toEqual([1, 4, 6, 8, 9]);
    expect(LineIndex.breaksIn('a\r\nb\rc\nd\n\r')).toBe(5);
    expect(LineIndex.breaksIn('no breaks')).toBe(0);
  });

  it('answers exactly for the last 32 chunks and with the chunk’s first line for older ones', () => {
    const index = new LineIndex();
    // 40 chunks of two lines each: chunk k starts on line 2k + 1.
    for (let k = 0; k < 40; k++) index.add('xx\nyy\n');
    expect(index.lineAt(0 * 6 + 4)).toBe(1);
    expect(index.lineAt(7 * 6 + 4)).toBe(15);
    expect(index.lineAt(8 * 6 + 4)).toBe(18);
    expect(index.lineAt(39 * 6 + 4)).toBe(80);
    expect(index.lineAt(39 * 6)).toBe(79);
  });
});
