import { describe, expect, it } from 'vitest';
import { createRandom, hashSeed } from './random.ts';

describe('createRandom(seed)', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(createRandom(43).next()).not.toBe(seqA[0]);
  });

  it('is pinned: mulberry32(1) starts 0.6270739…', () => {
    expect(createRandom(1).next()).toBeCloseTo(0.6270739405881613, 12);
  });

  it('accepts a text seed through FNV-1a', () => {
    expect(hashSeed('')).toBe(0x811c9dc5);
    expect(createRandom('workforce').next()).toBe(createRandom(hashSeed('workforce')).next());
  });

  it('int(min, max) stays inside both bounds and reaches both', () => {
    const r = createRandom(7);
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('shuffle() returns a permutation and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = createRandom(9).shuffle(input);
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('normal(mean, sd) has about the asked mean and spread', () => {
    const r = createRandom(11);
    const xs = Array.from({ length: 20000 }, () => r.normal(10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });

  it('pick() throws on an empty list; fork() is deterministic per label', () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
    expect(createRandom(5).fork('a').next()).toBe(createRandom(5).fork('a').next());
    expect(createRandom(5).fork('a').next()).not.toBe(createRandom(5).fork('b').next());
  });
});
