/** Data access for budgets and forecasts (tables in plan.table.ts). */

import type { Ore } from '../../shared/money.ts';
import { parseYearMonth, type YearMonth } from '../../shared/period.ts';
import { auditChange } from '../../storage/audit.ts';
import type { Db } from '../../storage/db.ts';
import type { BudgetLine, ForecastLine } from '../finance.ts';

export interface NewBudgetLine {
  year: number;
  month: number;
  category: string;
  amount: Ore;
  profile: string;
}

/** Writes budget lines; every (year, category) present in `lines` is replaced as a whole. */
export async function replaceBudget(trx: Db, lines: readonly NewBudgetLine[], importRunId: number | null): Promise<void> {
  const pairs = new Map(lines.map((l) => [`${l.year}|${l.category}`, l]));
  for (const l of pairs.values()) {
    await trx.deleteFrom('finance_budget_lines').where('year', '=', l.year).where('category', '=', l.category).execute();
  }
  for (let i = 0; i < lines.length; i += 1000) {
    await trx
      .insertInto('finance_budget_lines')
      .values(lines.slice(i, i + 1000).map((l) => ({ ...l, import_run_id: importRunId })))
      .execute();
  }
}

export async function budgetLines(db: Db, options: { year: number }): Promise<BudgetLine[]> {
  const rows = await db
    .selectFrom('finance_budget_lines')
    .select(['category', 'month', (eb) => eb.fn.sum<number>('amount').as('amount')])
    .where('year', '=', options.year)
    .groupBy(['category', 'month'])
    .orderBy('category')
    .orderBy('month')
    .execute();
  return rows.map((r) => ({ category: r.category, month: r.month, amount: Number(r.amount) }));
}

export interface NewForecast {
  period: YearMonth;
  category: string;
  amount: Ore;
  comment: string;
}

/** Inserts or replaces the forecast of (period, category); other periods' forecasts are kept. */
export async function saveForecasts(
  trx: Db,
  rows: readonly NewForecast[],
  options: { now: string; by: string; importRunId: number | null },
): Promise<void> {
  for (const r of rows) {
    const before = await trx
      .selectFrom('finance_forecasts')
      .select(['amount', 'comment'])
      .where('period', '=', r.period)
      .where('category', '=', r.category)
      .executeTakeFirst();
    // An import is audited as its import run; an edit in the web app gets its own entry.
    if (options.importRunId === null && (Number(before?.amount) !== r.amount || before?.comment !== r.comment)) {
      await auditChange(trx, {
        actor: options.by,
        action: 'forecast.edit',
        target: `${r.period}/${r.category}`,
        before: before ? { amount: Number(before.amount), comment: before.comment } : null,
        after: { amount: r.amount, comment: r.comment },
      });
    }
    await trx.deleteFrom('finance_forecasts').where('period', '=', r.period).where('category', '=', r.category).execute();
    await trx
      .insertInto('finance_forecasts')
      .values({ ...r, updated_at: options.now, updated_by: options.by, import_run_id: options.importRunId })
      .execute();
  }
}

/** The forecast in force for a period: per category, the latest made in the period or earlier in its year. */
export async function forecastsInForce(db: Db, options: { period: YearMonth }): Promise<ForecastLine[]> {
  const { year } = parseYearMonth(options.period);
  const rows = await db
    .selectFrom('finance_forecasts')
    .select(['period', 'category', 'amount', 'comment'])
    .where('period', '>=', `${year}-01`)
    .where('period', '<=', options.period)
    .orderBy('period', 'desc')
    .execute();
  const seen = new Map<string, ForecastLine>();
  for (const r of rows) if (!seen.has(r.category)) seen.set(r.category, { ...r, amount: Number(r.amount) });
  return [...seen.values()];
}

/** Every forecast of a year, newest period first (the web app's history). */
export async function forecastHistory(
  db: Db,
  options: { year: number },
): Promise<(ForecastLine & { updatedAt: string; updatedBy: string })[]> {
  const rows = await db
    .selectFrom('finance_forecasts')
    .selectAll()
    .where('period', '>=', `${options.year}-01`)
    .where('period', '<=', `${options.year}-12`)
    .orderBy('period', 'desc')
    .orderBy('category')
    .execute();
  return rows.map((r) => ({
    period: r.period,
    category: r.category,
    amount: Number(r.amount),
    comment: r.comment,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}
