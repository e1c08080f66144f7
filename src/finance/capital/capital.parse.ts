/**
 * Field decoders shared by the capital imports, and the small files: `loans`,
 * `loan-disbursements` and `liquidity-forecast`. Amounts are NOK with up to two decimals
 * ("1234,50", "1 234.5"), stored as øre; dates are YYYY-MM-DD; periods YYYY-MM.
 */
import { problem } from '../../imports/decode.ts';
import type { ColumnSpec, TableRecord } from '../../imports/table.ts';
import type { RowContext } from '../../imports/table-importer.ts';
import type { Problem } from '../../shared/errors.ts';
import { type Ore, parseNok } from '../../shared/money.ts';
import { type IsoDate, isIsoDate, isYearMonth, type YearMonth } from '../../shared/period.ts';
import type { DisbursementStatus } from './capital.ts';

export function textField(value: string | undefined, column: string, ctx: RowContext): string | undefined {
  const v = (value ?? '').trim();
  if (v === '') ctx.problem(column, `«${column}» mangler`, `"${column}" is missing`);
  return v === '' ? undefined : v;
}

export function optionalText(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  return v === '' ? null : v;
}

export function yearField(value: string | undefined, column: string, ctx: RowContext): number | undefined {
  const v = (value ?? '').trim();
  if (!/^\d{4}$/.test(v) || Number(v) < 1900 || Number(v) > 2200) {
    ctx.problem(column, `ugyldig årstall «${v}», forventet ÅÅÅÅ`, `invalid year "${v}", expected YYYY`);
    return undefined;
  }
  return Number(v);
}

/** An amount in NOK (two decimals at most) as øre; `min: 0` rejects negative amounts. */
export function amountField(value: string | undefined, column: string, ctx: RowContext, options: { min?: number } = {}): Ore | undefined {
  const v = (value ?? '').trim();
  const ore = v === '' ? undefined : parseNok(v);
  if (ore === undefined) {
    ctx.problem(
      column,
      `ugyldig beløp «${v}», forventet kroner med inntil to desimaler, f.eks. 1234,50`,
      `invalid amount "${v}", expected NOK with at most two decimals, e.g. 1234.50`,
    );
    return undefined;
  }
  if (options.min !== undefined && ore < options.min) {
    ctx.problem(column, `beløpet ${v} kan ikke være negativt`, `the amount ${v} cannot be negative`);
    return undefined;
  }
  return ore;
}

/** An optional amount: null when empty, undefined after a problem. */
export function optionalAmountField(
  value: string | undefined,
  column: string,
  ctx: RowContext,
  options: { min?: number } = {},
): Ore | null | undefined {
  return (value ?? '').trim() === '' ? null : amountField(value, column, ctx, options);
}

export function dateField(value: string | undefined, column: string, ctx: RowContext): IsoDate | undefined {
  const v = (value ?? '').trim();
  if (!isIsoDate(v)) {
    ctx.problem(
      column,
      v === '' ? `«${column}» mangler` : `ugyldig dato «${v}», forventet ÅÅÅÅ-MM-DD`,
      v === '' ? `"${column}" is missing` : `invalid date "${v}", expected YYYY-MM-DD`,
    );
    return undefined;
  }
  return v;
}

export function optionalDateField(value: string | undefined, column: string, ctx: RowContext): IsoDate | null | undefined {
  return (value ?? '').trim() === '' ? null : dateField(value, column, ctx);
}

export function periodField(value: string | undefined, column: string, ctx: RowContext): YearMonth | undefined {
  const v = (value ?? '').trim();
  if (!isYearMonth(v)) {
    ctx.problem(column, `ugyldig periode «${v}», forventet ÅÅÅÅ-MM`, `invalid period "${v}", expected YYYY-MM`);
    return undefined;
  }
  return v;
}

/** Problems for rows whose key repeats an earlier row's key in the same file. */
export function duplicateKeys<Row>(
  file: string,
  rows: { line: number; row: Row }[],
  options: { keyOf: (row: Row) => string; column: string; describe: (row: Row) => string },
): Problem[] {
  const seen = new Map<string, number>();
  const out: Problem[] = [];
  for (const { line, row } of rows) {
    const k = options.keyOf(row);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, line);
    else
      out.push(
        problem(
          file,
          `${options.describe(row)} står allerede på linje ${first}`,
          `${options.describe(row)} already appears on line ${first}`,
          {
            line,
            column: options.column,
          },
        ),
      );
  }
  return out;
}

// ---------- loans ----------

export const LOAN_COLUMNS: ColumnSpec[] = [{ name: 'facility' }, { name: 'requested' }, { name: 'purpose', required: false }];

export interface LoanRow {
  facility: string;
  requested: Ore;
  purpose: string | null;
}

export function parseLoanRow(record: TableRecord, ctx: RowContext): LoanRow | undefined {
  const r = record.values;
  const facility = textField(r.facility, 'facility', ctx);
  const requested = amountField(r.requested, 'requested', ctx, { min: 0 });
  if (facility === undefined || requested === undefined) return undefined;
  return { facility, requested, purpose: optionalText(r.purpose) };
}

export const DISBURSEMENT_COLUMNS: ColumnSpec[] = [{ name: 'facility' }, { name: 'date' }, { name: 'amount' }, { name: 'status' }];

export interface DisbursementRow {
  facility: string;
  date: IsoDate;
  amount: Ore;
  status: DisbursementStatus;
}

const STATUSES: Record<string, DisbursementStatus> = { planned: 'planned', planlagt: 'planned', actual: 'actual', utbetalt: 'actual' };

export function parseDisbursementRow(record: TableRecord, ctx: RowContext): DisbursementRow | undefined {
  const r = record.values;
  const facility = textField(r.facility, 'facility', ctx);
  const date = dateField(r.date, 'date', ctx);
  const amount = amountField(r.amount, 'amount', ctx, { min: 0 });
  const status = STATUSES[(r.status ?? '').trim().toLowerCase()];
  if (status === undefined) {
    ctx.problem(
      'status',
      `ugyldig status «${r.status ?? ''}», forventet planned eller actual`,
      `invalid status "${r.status ?? ''}", expected planned or actual`,
    );
  }
  if (facility === undefined || date === undefined || amount === undefined || status === undefined) return undefined;
  return { facility, date, amount, status };
}

// ---------- liquidity forecast ----------

export const LIQUIDITY_FORECAST_COLUMNS: ColumnSpec[] = [
  { name: 'period' },
  { name: 'year_end_forecast' },
  { name: 'next_year_q1_investments', required: false },
];

export interface LiquidityForecastRow {
  period: YearMonth;
  yearEndForecast: Ore;
  nextYearQ1Investments: Ore | null;
}

export function parseLiquidityForecastRow(record: TableRecord, ctx: RowContext): LiquidityForecastRow | undefined {
  const r = record.values;
  const period = periodField(r.period, 'period', ctx);
  const yearEndForecast = amountField(r.year_end_forecast, 'year_end_forecast', ctx);
  const nextYearQ1Investments = optionalAmountField(r.next_year_q1_investments, 'next_year_q1_investments', ctx, { min: 0 });
  if (period === undefined || yearEndForecast === undefined || nextYearQ1Investments === undefined) return undefined;
  return { period, yearEndForecast, nextYearQ1Investments };
}
