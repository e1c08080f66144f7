import { AppError } from './errors.ts';

/**
 * Money is an integer number of øre (1 NOK = 100 øre). Integers are exact in a double up to
 * 2^53 øre (about 90 000 billion NOK), far beyond any ledger we read; every operation checks it.
 */
export type Ore = number;

function checked(value: number): Ore {
  if (!Number.isSafeInteger(value)) {
    throw new AppError('INTERNAL', `Money overflow or fractional øre: ${value}`);
  }
  return value;
}

export function addOre(a: Ore, b: Ore): Ore {
  return checked(a + b);
}

export function sumOre(values: Iterable<Ore>): Ore {
  let total = 0;
  for (const v of values) total = checked(total + v);
  return total;
}

export function negateOre(a: Ore): Ore {
  return a === 0 ? 0 : -a;
}

const DECIMAL = /^([+-])?(\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Parses a decimal amount in NOK ("1234.5", "-12,30", "1 234,00") into øre without going through
 * floating point. Returns undefined when the text is not an amount with at most two decimals.
 */
export function parseNok(text: string): Ore | undefined {
  // Stryker disable next-line MethodExpression: the next step removes every whitespace character trim() would (\s is the same set), so dropping trim() changes nothing
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^\u2212/, '-');
  const m = DECIMAL.exec(cleaned);
  if (!m) return undefined;
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  const ore = whole * 100 + frac;
  if (!Number.isSafeInteger(ore)) return undefined;
  return m[1] === '-' ? -ore : ore;
}

/** Whole NOK to øre. */
export function nok(amount: number): Ore {
  return checked(Math.round(amount * 100));
}

/** Øre to NOK as a number, for output only (JSON, charts). */
export function oreToNok(ore: Ore): number {
  return ore / 100;
}
