import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDayMonth,
  formatMnok,
  formatMonth,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatSeconds,
  formatWeek,
} from './format.ts';
import { nok } from './money.ts';

const NB = '\u00a0';

describe('nb-NO formatting', () => {
  it('groups thousands with a no-break space: 19 536', () => {
    expect(formatNumber(19536)).toBe(`19${NB}536`);
    expect(formatNumber(1234567.891, 2)).toBe(`1${NB}234${NB}567,89`);
  });

  it('prints percent with a decimal comma: 1,44 %', () => {
    expect(formatPercent(1.44)).toBe(`1,44${NB}%`);
    expect(formatPercent(44.444, 0)).toBe(`44${NB}%`);
  });

  it('prints MNOK with one decimal: 7,0 MNOK', () => {
    expect(formatMnok(nok(7_000_000))).toBe(`7,0${NB}MNOK`);
    expect(formatMnok(nok(40_612_345))).toBe(`40,6${NB}MNOK`);
  });

  it('uses a true minus sign: −2,4 MNOK', () => {
    expect(formatMnok(nok(-2_400_000))).toBe(`\u22122,4${NB}MNOK`);
    expect(formatNumber(-5)).toBe('\u22125');
  });

  it('never prints a negative zero', () => {
    expect(formatMnok(nok(-20_000))).toBe(`0,0${NB}MNOK`);
    expect(formatNumber(-0.004, 2)).toBe('0,00');
  });

  it('formats dates as 31.05.2025 and per 31.05', () => {
    expect(formatDate('2025-05-31')).toBe('31.05.2025');
    expect(formatDayMonth('2025-05-31')).toBe('31.05');
  });

  it('names months in Norwegian: mai 2025', () => {
    expect(formatMonth('2025-05')).toBe('mai 2025');
    expect(formatMonth('2024-12')).toBe('desember 2024');
  });

  it('names weeks: uke 44', () => {
    expect(formatWeek(44)).toBe('uke 44');
  });

  it('prints seconds and counts', () => {
    expect(formatSeconds(12.24)).toBe(`12,2${NB}s`);
    expect(formatCount(9)).toBe(`9${NB}stk.`);
  });
});

describe('formatQuantity(n, one, many)', () => {
  it('uses the singular for exactly one and the plural otherwise, with Norwegian digit grouping', () => {
    expect(formatQuantity(1, 'rad', 'rader')).toBe('1\u00a0rad');
    expect(formatQuantity(0, 'rad', 'rader')).toBe('0\u00a0rader');
    expect(formatQuantity(2, 'rad', 'rader')).toBe('2\u00a0rader');
    expect(formatQuantity(12345, 'rad', 'rader')).toBe('12\u00a0345\u00a0rader');
  });
});
