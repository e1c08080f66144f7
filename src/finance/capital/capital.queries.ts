/** Reading the capital tables into the pure models of capital*.ts, and the overviews per period. */
import type { Ore } from '../../shared/money.ts';
import { addDays, daysBetween, type IsoDate, lastDayOfMonth, monthOf, type YearMonth } from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';
import { bankBalanceAt, hasLedgerDataFor } from '../ledger/ledger.queries.ts';
import { type LiquidityOverview, type LoanDisbursement, type LoanFacility, liquidityOverview } from './capital.ts';
import { type InvestmentData, type InvestmentOverview, investmentOverview } from './capital-investments.ts';
import { type ReceivableItem, type ReceivablesAgeing, receivablesAgeing } from './capital-receivables.ts';

export async function findInvestmentData(db: Db): Promise<InvestmentData> {
  const [budgets, uses, milestones, invoices] = await Promise.all([
    db.selectFrom('finance_investment_budgets').select(['budget_year', 'project', 'approved_ore', 'reserve_ore']).execute(),
    db.selectFrom('finance_investment_expected_use').select(['budget_year', 'project', 'use_year', 'amount_ore']).execute(),
    db
      .selectFrom('finance_payment_milestones')
      .select(['budget_year', 'project', 'milestone', 'amount_ore', 'planned_date', 'paid_date'])
      .orderBy('planned_date')
      .execute(),
    db.selectFrom('finance_investment_invoices').select(['invoice_no', 'invoice_date', 'project', 'budget_year', 'amount_ore']).execute(),
  ]);
  return {
    budgets: budgets.map((r) => ({
      budgetYear: Number(r.budget_year),
      project: r.project,
      approved: Number(r.approved_ore),
      reserve: Number(r.reserve_ore),
    })),
    expectedUse: uses.map((r) => ({
      budgetYear: Number(r.budget_year),
      project: r.project,
      year: Number(r.use_year),
      amount: Number(r.amount_ore),
    })),
    milestones: milestones.map((r) => ({
      budgetYear: Number(r.budget_year),
      project: r.project,
      milestone: r.milestone,
      amount: Number(r.amount_ore),
      plannedDate: r.planned_date,
      paidDate: r.paid_date,
    })),
    invoices: invoices.map((r) => ({
      invoiceNo: r.invoice_no,
      invoiceDate: r.invoice_date,
      project: r.project,
      budgetYear: Number(r.budget_year),
      amount: Number(r.amount_ore),
    })),
  };
}

export async function getInvestmentOverview(db: Db, options: { period: YearMonth }): Promise<InvestmentOverview> {
  return investmentOverview(await findInvestmentData(db), options.period);
}

/** The ledger's bank balance at the end of a date, or null when the ledger has nothing for it. */
export type BankBalanceSource = (db: Db, options: { date: IsoDate }) => Promise<Ore | null>;

/** Bank accounts 1900–1999 from the imported ledger; null when no ledger file covers the month. */
export const ledgerBankBalance: BankBalanceSource = async (db, { date }) =>
  (await hasLedgerDataFor(db, { month: monthOf(date) })) ? bankBalanceAt(db, { date }) : null;

export async function findLoans(db: Db): Promise<{ facilities: LoanFacility[]; disbursements: LoanDisbursement[] }> {
  const [facilities, disbursements] = await Promise.all([
    db.selectFrom('finance_loan_facilities').select(['facility', 'requested_ore', 'purpose']).execute(),
    db.selectFrom('finance_loan_disbursements').select(['facility', 'date', 'amount_ore', 'status']).execute(),
  ]);
  return {
    facilities: facilities.map((r) => ({ facility: r.facility, requested: Number(r.requested_ore), purpose: r.purpose })),
    disbursements: disbursements.map((r) => ({ facility: r.facility, date: r.date, amount: Number(r.amount_ore), status: r.status })),
  };
}

export async function getLiquidityOverview(
  db: Db,
  options: { period: YearMonth; bankBalanceAt: BankBalanceSource },
): Promise<LiquidityOverview> {
  const [bankBalance, forecasts, loans] = await Promise.all([
    options.bankBalanceAt(db, { date: lastDayOfMonth(options.period) }),
    db.selectFrom('finance_liquidity_forecasts').select(['period', 'year_end_forecast_ore', 'next_year_q1_investments_ore']).execute(),
    findLoans(db),
  ]);
  return liquidityOverview({
    period: options.period,
    bankBalance,
    forecasts: forecasts.map((r) => ({
      period: r.period,
      yearEndForecast: Number(r.year_end_forecast_ore),
      nextYearQ1Investments: r.next_year_q1_investments_ore === null ? null : Number(r.next_year_q1_investments_ore),
    })),
    ...loans,
  });
}

/** How far after period end a receivables list may be dated and still stand in for it. */
const LATER_LIST_DAYS = 31;

/**
 * The receivables list for a period end: the list dated nearest to it, either on or before it (the
 * newest such list) or up to 31 days after it (a list extracted a few days into the next month);
 * on a tie the earlier one. Null when there is none.
 */
export async function findReceivablesList(
  db: Db,
  options: { asOf: IsoDate },
): Promise<{ listDate: IsoDate; items: ReceivableItem[] } | null> {
  const before = await db
    .selectFrom('finance_receivables')
    .select('as_of')
    .where('as_of', '<=', options.asOf)
    .orderBy('as_of', 'desc')
    .limit(1)
    .executeTakeFirst();
  const after = await db
    .selectFrom('finance_receivables')
    .select('as_of')
    .where('as_of', '>', options.asOf)
    .where('as_of', '<=', addDays(options.asOf, LATER_LIST_DAYS))
    .orderBy('as_of')
    .limit(1)
    .executeTakeFirst();
  const chosen = !after || (before && daysBetween(before.as_of, options.asOf) <= daysBetween(options.asOf, after.as_of)) ? before : after;
  if (!chosen) return null;
  const rows = await db
    .selectFrom('finance_receivables')
    .select(['customer', 'customer_type', 'invoice_no', 'invoice_date', 'due_date', 'amount_ore', 'outstanding_ore'])
    .where('as_of', '=', chosen.as_of)
    .orderBy('customer')
    .orderBy('invoice_no')
    .execute();
  return {
    listDate: chosen.as_of,
    items: rows.map((r) => ({
      customer: r.customer,
      customerType: r.customer_type,
      invoiceNo: r.invoice_no,
      invoiceDate: r.invoice_date,
      dueDate: r.due_date,
      amount: Number(r.amount_ore),
      outstanding: Number(r.outstanding_ore),
    })),
  };
}

export async function getReceivablesAgeing(db: Db, options: { period: YearMonth }): Promise<ReceivablesAgeing> {
  const list = await findReceivablesList(db, { asOf: lastDayOfMonth(options.period) });
  return receivablesAgeing({ period: options.period, listDate: list?.listDate ?? null, items: list?.items ?? [] });
}
