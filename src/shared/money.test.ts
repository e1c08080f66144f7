import { describe, expect, it } from 'vitest';
import { addOre, nok, oreToNok, parseNok, sumOre } from './money.ts';

describe('money as integer øre', () => {
  it('parses decimal NOK without floating point', () => {
    expect(parseNok('1234.56')).toBe(123456);
    expect(parseNok('-12,3')).toBe(-1230);
    expect(parseNok('1 234,00')).toBe(123400);
    expect(parseNok('0.1')).toBe(10);
    expect(parseNok('\u22125')).toBe(-500);
  });

  it('rejects what is not an amount', () => {
    expect(parseNok('12.345')).toBeUndefined();
    expect(parseNok('abc')).toBeUndefined();
    expect(parseNok('')).toBeUndefined();
  });

  it('never loses an øre over 10^6 additions', () => {
    // 0.10 NOK a million times: floats drift (0.1 is not representable), øre do not.
    const ten = parseNok('0.10');
    let total = 0;
    let floatTotal = 0;
    for (let i = 0; i < 1_000_000; i++) {
      total = addOre(total, ten ?? 0);
      floatTotal += 0.1;
    }
    expect(total).toBe(10_000_000);
    expect(oreToNok(total)).toBe(100_000);
    expect(floatTotal).not.toBe(100_000);
  });

  it('sums exactly', () => {
    expect(sumOre([nok(0.1), nok(0.2), nok(-0.3)])).toBe(0);
  });

  it('refuses to overflow silently', () => {
    expect(() => addOre(Number.MAX_SAFE_INTEGER, 1)).toThrow(/overflow/);
  });
});
