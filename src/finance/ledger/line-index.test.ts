import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index.ts';

function lineOfOffset(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
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
});
