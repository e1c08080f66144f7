/** subtract() when a cut lies wholly after an interval, before the next one. */
import { describe, expect, it } from 'vitest';
import { subtract } from './intervals.ts';

describe('subtract(a, b) with cuts beyond an interval', () => {
  it('leaves an interval whole when every cut lies after it', () => {
    expect(subtract([[0, 10]], [[20, 30]])).toEqual([[0, 10]]);
    expect(
      subtract(
        [
          [0, 10],
          [20, 30],
        ],
        [[12, 15]],
      ),
    ).toEqual([
      [0, 10],
      [20, 30],
    ]);
    expect(
      subtract(
        [
          [0, 10],
          [20, 30],
        ],
        [
          [12, 15],
          [25, 26],
        ],
      ),
    ).toEqual([
      [0, 10],
      [20, 25],
      [26, 30],
    ]);
  });
});
