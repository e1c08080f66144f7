/** Largest-remainder rounding in spread(): the remainder goes by the fractional part, not by size. */
import { describe, expect, it } from 'vitest';
import { spread } from './budget.ts';

describe('spread(annual, weights) remainder', () => {
  it('gives the øre left to the larger fraction even when the other part is much larger', () => {
    // 10 × 16/98 = 1,63 and 10 × 82/98 = 8,37: floors 1 + 8, the one øre left goes to 1,63.
    expect(spread(10, [16, 82])).toEqual([2, 8]);
    expect(spread(10, [82, 16])).toEqual([8, 2]);
    expect(spread(-10, [16, 82])).toEqual([-2, -8]);
  });
});
