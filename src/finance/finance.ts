/**
 * The finance engine (spec finance §2–§4): ledger movements + category rules + budget + forecast →
 * the result table for a period (month and year-to-date), deviations and their wording. Pure: the
 * caller passes every input; money is integer øre throughout.
 */
import { formatMnok } from '../shared/format.ts';
import type { Ore } from '../shared/money.ts';
import { parseYearMonth, type YearMonth } from '../shared/period.ts';
import { CATEGORIES, type CategoryKind, type CategoryMapper } from './categories.ts';
import type { AccountMonthAmount } from './ledger/ledger.queries.ts';
import { spread } from './plan/budget.ts';

export interface Figures {
  actualMonth: Ore;
  budgetMonth: Ore;
  actualYtd: Ore;
  budgetYtd: Ore;
  /** Expected annual total as of the period; a category without a forecast counts as on budget in totals. */
  forecastYear: Ore | null;
  budgetYear: Ore;
}

export interface CategoryFigures extends Figures {
  category: string;
  kind: CategoryKind;
  /** Why the forecast deviates (entered with the forecast). */
  forecastComment: string | null;
  /** The report period the forecast was made in (this period or an earlier one of the year). */
  forecastPeriod: YearMonth | null;
}

export interface UnmappedAccount {
  accountId: string;
  /** Øre, debit positive, year-to-date. */
  amountYtd: Ore;
}

export interface ResultTable {
  period: YearMonth;
  rows: CategoryFigures[];
  /** Total costs including net finance items (all categories but income). */
  totals: Figures;
  /** Driftsinntekter − costs − net Finansposter. */
  result: Figures;
  unmapped: UnmappedAccount[];
  hasActuals: boolean;
  hasBudget: boolean;
}

export interface BudgetLine {
  category: string;
  month: number;
  amount: Ore;
}

export interface ForecastLine {
  category: string;
  period: YearMonth;
  amount: Ore;
  comment: string;
}

export interface ResultInput {
  period: YearMonth;
  /** Net movements per account and month, January..period of the period's year. */
  movements: readonly AccountMonthAmount[];
  mapper: CategoryMapper;
  /** Budget lines of the period's year. */
  budget: readonly BudgetLine[];
  /** The forecast in force for the period: per category, the latest made in or before it (same year). */
  forecasts: readonly ForecastLine[];
}

/** Ledger amounts are debit positive; the report shows income (credit) positive and costs positive. */
export function reportSign(kind: CategoryKind, ledgerAmount: Ore): Ore {
  return kind === 'income' ? -ledgerAmount : ledgerAmount;
}

function zero(): Figures {
  return { actualMonth: 0, budgetMonth: 0, actualYtd: 0, budgetYtd: 0, forecastYear: null, budgetYear: 0 };
}

function effectiveForecast(f: Figures): Ore {
  return f.forecastYear ?? f.budgetYear;
}

function combine(rows: readonly Figures[], sign: (i: number) => 1 | -1): Figures {
  const out = zero();
  const anyForecast = rows.some((r) => r.forecastYear !== null);
  rows.forEach((r, i) => {
    const s = sign(i);
    out.actualMonth += s * r.actualMonth;
    out.budgetMonth += s * r.budgetMonth;
    out.actualYtd += s * r.actualYtd;
    out.budgetYtd += s * r.budgetYtd;
    out.budgetYear += s * r.budgetYear;
    if (anyForecast) out.forecastYear = (out.forecastYear ?? 0) + s * effectiveForecast(r);
  });
  return out;
}

export function buildResultTable(input: ResultInput): ResultTable {
  const { year, month } = parseYearMonth(input.period);
  const rows = new Map<string, CategoryFigures>(
    CATEGORIES.map((c) => [c.name, { category: c.name, kind: c.kind, ...zero(), forecastComment: null, forecastPeriod: null }]),
  );
  const unmapped = new Map<string, Ore>();
  for (const m of input.movements) {
    const { year: y, month: mm } = parseYearMonth(m.month);
    if (y !== year || mm > month) continue;
    const name = input.mapper.categoryOf(m.accountId);
    const row = name === null ? undefined : rows.get(name);
    if (!row) {
      if (input.mapper.isUnmapped(m.accountId)) unmapped.set(m.accountId, (unmapped.get(m.accountId) ?? 0) + m.amount);
      continue;
    }
    const amount = reportSign(row.kind, m.amount);
    row.actualYtd += amount;
    if (mm === month) row.actualMonth += amount;
  }
  for (const b of input.budget) {
    const row = rows.get(b.category);
    if (!row) continue;
    row.budgetYear += b.amount;
    if (b.month <= month) row.budgetYtd += b.amount;
    if (b.month === month) row.budgetMonth += b.amount;
  }
  for (const f of input.forecasts) {
    const row = rows.get(f.category);
    if (!row) continue;
    row.forecastYear = f.amount;
    row.forecastComment = f.comment === '' ? null : f.comment;
    row.forecastPeriod = f.period;
  }
  const list = [...rows.values()];
  const costs = list.filter((r) => r.kind !== 'income');
  const income = list.filter((r) => r.kind === 'income');
  const totals = combine(costs, () => 1);
  const result = combine([...income, ...costs], (i) => (i < income.length ? 1 : -1));
  return {
    period: input.period,
    rows: list,
    totals,
    result,
    unmapped: [...unmapped]
      .map(([accountId, amountYtd]) => ({ accountId, amountYtd }))
      .sort((a, b) => a.accountId.localeCompare(b.accountId)),
    hasActuals: input.movements.length > 0,
    hasBudget: input.budget.length > 0,
  };
}

// ---------- deviations ----------

/** Deviation = actual − budget (spec §3). For costs negative is favourable; for income positive. */
export function deviation(actual: Ore, budget: Ore): Ore {
  return actual - budget;
}

/**
 * "6,5 MNOK under budsjett" when the actual is below budget, "over budsjett" when above, "på
 * budsjett" when the deviation rounds to zero at the shown precision. The words describe actual vs
 * budget, so they hold for income and costs alike (for costs "under" is favourable, for income "over").
 */
export function deviationText(dev: Ore, decimals = 1): string {
  const shown = formatMnok(Math.abs(dev), decimals);
  if (/^0(,0*)?\u00a0MNOK$/.test(shown)) return 'på budsjett';
  return `${shown} ${dev < 0 ? 'under' : 'over'} budsjett`;
}

/** Share of the annual cost budget (incl. finance) a deviation must reach to count as material. */
export const DEFAULT_MATERIALITY_SHARE = 0.005;

export interface MainDeviation {
  category: string;
  kind: CategoryKind;
  deviation: Ore;
  text: string;
  comment: string | null;
}

/**
 * The deviations worth a bullet: cost and finance categories whose deviation (YTD against the
 * YTD budget, or forecast against the annual budget) reaches the materiality threshold, in table
 * order. The threshold is a share of the annual cost budget including finance items.
 */
export function mainDeviations(table: ResultTable, options: { basis: 'ytd' | 'forecast'; share?: number }): MainDeviation[] {
  const threshold = Math.abs(table.totals.budgetYear) * (options.share ?? DEFAULT_MATERIALITY_SHARE);
  const out: MainDeviation[] = [];
  for (const r of table.rows) {
    if (r.kind === 'income') continue;
    if (options.basis === 'forecast' && r.forecastYear === null) continue;
    const dev = options.basis === 'ytd' ? deviation(r.actualYtd, r.budgetYtd) : deviation(r.forecastYear ?? 0, r.budgetYear);
    if (dev === 0 || Math.abs(dev) < threshold) continue;
    out.push({
      category: r.category,
      kind: r.kind,
      deviation: dev,
      text: deviationText(dev),
      comment: options.basis === 'forecast' ? r.forecastComment : null,
    });
  }
  return out;
}

// ---------- re-periodised budget ----------

/**
 * The year-to-date budget if each category's annual budget were spread by `weights` (12 months)
 * instead of as budgeted: the seed report notes a budget "not ideally periodised", so the page
 * shows the YTD deviation against an even profile next to the one against the monthly budget.
 */
export function reperiodisedYtd(table: ResultTable, weights: readonly number[]): Map<string, Ore> {
  const month = Number(table.period.slice(5, 7));
  const out = new Map<string, Ore>();
  for (const r of table.rows)
    out.set(
      r.category,
      spread(r.budgetYear, weights)
        .slice(0, month)
        .reduce((s, v) => s + v, 0),
    );
  return out;
}
