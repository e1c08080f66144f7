import { describe, expect, it } from 'vitest';
import { addOre, negateOre, nok, oreToNok, parseNok, sumOre } from './money.ts';

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

describe('money at its edges', () => {
  it('refuses fractional øre and names the value', () => {
    expect(() => addOre(0.5, 0)).toThrow(expect.objectContaining({ code: 'INTERNAL', message: 'Money overflow or fractional øre: 0.5' }));
    expect(() => nok(Number.MAX_SAFE_INTEGER)).toThrow(/Money overflow/);
    expect(addOre(Number.MAX_SAFE_INTEGER - 1, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(addOre(-Number.MAX_SAFE_INTEGER + 1, -1)).toBe(-Number.MAX_SAFE_INTEGER);
    expect(() => addOre(-Number.MAX_SAFE_INTEGER, -1)).toThrow(/overflow/);
    expect(addOre(250, -100)).toBe(150);
  });

  it('sums nothing to zero and checks every partial sum', () => {
    expect(sumOre([])).toBe(0);
    expect(sumOre([150, 250, -50])).toBe(350);
    expect(sumOre(new Set([7, 8]))).toBe(15);
    expect(() => sumOre([Number.MAX_SAFE_INTEGER, 1, -5])).toThrow(/overflow/);
    expect(() => sumOre([1, 0.5])).toThrow('Money overflow or fractional øre: 1.5');
  });

  it('negates without a negative zero', () => {
    expect(Object.is(negateOre(0), 0)).toBe(true);
    expect(negateOre(125)).toBe(-125);
    expect(negateOre(-125)).toBe(125);
  });

  it('reads signs, one or two decimals, and whole amounts', () => {
    expect(parseNok('5')).toBe(500);
    expect(parseNok('+5')).toBe(500);
    expect(parseNok('-5')).toBe(-500);
    expect(parseNok('5.5')).toBe(550);
    expect(parseNok('5,05')).toBe(505);
    expect(parseNok('12,34')).toBe(1234);
    expect(parseNok('0')).toBe(0);
    expect(parseNok('007,50')).toBe(750);
  });

  it('takes out every kind of space, also between the groups of a large amount', () => {
    expect(parseNok('  1 234 567,89  ')).toBe(123456789);
    expect(parseNok('1\u00a0234,50')).toBe(123450);
    expect(parseNok('1\u202f234')).toBe(123400);
    expect(parseNok('\u2212 1 234,5')).toBe(-123450);
    expect(parseNok('\t-3\n')).toBe(-300);
  });

  it('rejects everything that is not exactly a decimal amount', () => {
    for (const text of [
      '5.',
      '.5',
      ',50',
      '5.5.5',
      '+-5',
      '--5',
      '5-',
      'x5',
      '5x',
      'kr 5',
      '5 kr',
      '1e3',
      '5.5a',
      'a5.5',
      '-',
      '+',
      '5\u2212',
      '1\u22122',
    ]) {
      expect(parseNok(text), text).toBeUndefined();
    }
  });

  it('parses the largest exact amount and refuses one øre more', () => {
    // Number.MAX_SAFE_INTEGER = 9 007 199 254 740 991 øre.
    expect(parseNok('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseNok('-90071992547409.91')).toBe(-Number.MAX_SAFE_INTEGER);
    expect(parseNok('90071992547409.92')).toBeUndefined();
    expect(parseNok('90071992547410')).toBeUndefined();
  });

  it('converts whole NOK to øre and back', () => {
    expect(nok(12.34)).toBe(1234);
    expect(nok(-0.05)).toBe(-5);
    expect(nok(3)).toBe(300);
    expect(oreToNok(150)).toBe(1.5);
    expect(oreToNok(-5)).toBe(-0.05);
  });
});
