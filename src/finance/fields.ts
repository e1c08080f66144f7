/** Field decoders shared by the finance CSV/XLSX imports (trial balance, budget, forecast, mapping). */
import type { RowContext } from '../imports/table-importer.ts';
import { type Ore, parseNok } from '../shared/money.ts';
import { isYearMonth, type YearMonth } from '../shared/period.ts';
import { findCategory } from './categories.ts';

export function yearField(value: string | undefined, ctx: RowContext, column = 'year'): number | undefined {
  const v = (value ?? '').trim();
  if (!/^\d{4}$/.test(v) || Number(v) < 1900) {
    ctx.problem(column, `ugyldig år «${v}», forventet fire sifre`, `invalid year "${v}", expected four digits`);
    return undefined;
  }
  return Number(v);
}

export function monthField(value: string | undefined, ctx: RowContext, column = 'month'): number | undefined {
  const v = (value ?? '').trim();
  const n = Number(v);
  if (!/^\d{1,2}$/.test(v) || n < 1 || n > 12) {
    ctx.problem(column, `ugyldig måned «${v}», forventet 1–12`, `invalid month "${v}", expected 1-12`);
    return undefined;
  }
  return n;
}

export function periodField(value: string | undefined, ctx: RowContext, column = 'period'): YearMonth | undefined {
  const v = (value ?? '').trim();
  if (!isYearMonth(v)) {
    ctx.problem(column, `ugyldig periode «${v}», forventet ÅÅÅÅ-MM`, `invalid period "${v}", expected YYYY-MM`);
    return undefined;
  }
  return v;
}

/** An amount in NOK ("1 234,50", "-12.30", "−5") → øre. */
export function amountField(value: string | undefined, ctx: RowContext, column = 'amount'): Ore | undefined {
  const v = (value ?? '').trim();
  const ore = v === '' ? undefined : parseNok(v);
  if (ore === undefined) {
    ctx.problem(
      column,
      `ugyldig beløp «${v}», forventet kroner med høyst to desimaler`,
      `invalid amount "${v}", expected NOK with at most two decimals`,
    );
  }
  return ore;
}

/** A report category by its Norwegian name (case-insensitive) → the canonical name. */
export function categoryField(value: string | undefined, ctx: RowContext, column = 'category'): string | undefined {
  const v = (value ?? '').trim();
  const c = findCategory(v);
  if (!c) {
    ctx.problem(column, `ukjent kategori «${v}»`, `unknown category "${v}"`);
    return undefined;
  }
  return c.name;
}

/** A ledger account id: digits (or an id the chart uses), required. */
export function accountField(value: string | undefined, ctx: RowContext, column = 'account'): string | undefined {
  const v = (value ?? '').trim();
  if (v === '' || /\s/.test(v)) {
    ctx.problem(column, `ugyldig konto «${v}»`, `invalid account "${v}"`);
    return undefined;
  }
  return v;
}
