/**
 * Writes of the capital imports, inside the import transaction. Each file replaces what it
 * covers, so a corrected file can be imported again without double counting:
 * budgets replace their budget years, milestones their (budget year, project), invoices their
 * invoice numbers, loans their facilities, disbursements every disbursement of their facilities,
 * liquidity forecasts their periods, receivables the list of their date.
 */
import type { Db } from '../../storage/db.ts';
import type { DisbursementRow, LiquidityForecastRow, LoanRow } from './capital.parse.ts';
import type { InvestmentBudgetRow, InvestmentInvoiceRow, PaymentMilestoneRow } from './capital-investments.parse.ts';
import type { ReceivableRow } from './capital-receivables.parse.ts';

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/**
 * The first row of each key. A file with repeated keys has already been reported (and will be
 * rolled back); this keeps the insert from failing on a unique index with a confusing second error.
 */
function firstByKey<T>(rows: T[], keyOf: (row: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = keyOf(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export async function replaceInvestmentBudgets(db: Db, rows: InvestmentBudgetRow[], runId: number): Promise<void> {
  const years = unique(rows.map((r) => r.budgetYear));
  if (years.length === 0) return;
  await db.deleteFrom('finance_investment_budgets').where('budget_year', 'in', years).execute();
  await db.deleteFrom('finance_investment_expected_use').where('budget_year', 'in', years).execute();
  const budgets = new Map(rows.map((r) => [`${r.budgetYear}\u0000${r.project}`, r]));
  for (const part of chunks([...budgets.values()])) {
    await db
      .insertInto('finance_investment_budgets')
      .values(
        part.map((r) => ({
          budget_year: r.budgetYear,
          project: r.project,
          approved_ore: r.approved,
          reserve_ore: r.reserve,
          import_run_id: runId,
        })),
      )
      .execute();
  }
  const uses = firstByKey(
    rows.flatMap((r) => (r.expectedUse ? [{ ...r, use: r.expectedUse }] : [])),
    (r) => `${r.budgetYear}\u0000${r.project}\u0000${r.use.year}`,
  );
  for (const part of chunks(uses)) {
    await db
      .insertInto('finance_investment_expected_use')
      .values(
        part.map((r) => ({
          budget_year: r.budgetYear,
          project: r.project,
          use_year: r.use.year,
          amount_ore: r.use.amount,
          import_run_id: runId,
        })),
      )
      .execute();
  }
}

export async function replacePaymentMilestones(db: Db, rows: PaymentMilestoneRow[], runId: number): Promise<void> {
  const pairs = unique(rows.map((r) => `${r.budgetYear}\u0000${r.project}`));
  for (const pair of pairs) {
    const [year, project] = pair.split('\u0000');
    await db
      .deleteFrom('finance_payment_milestones')
      .where('budget_year', '=', Number(year))
      .where('project', '=', project ?? '')
      .execute();
  }
  for (const part of chunks(firstByKey(rows, (r) => `${r.budgetYear}\u0000${r.project}\u0000${r.milestone}`))) {
    await db
      .insertInto('finance_payment_milestones')
      .values(
        part.map((r) => ({
          budget_year: r.budgetYear,
          project: r.project,
          milestone: r.milestone,
          amount_ore: r.amount,
          planned_date: r.plannedDate,
          paid_date: r.paidDate,
          import_run_id: runId,
        })),
      )
      .execute();
  }
}

export async function replaceInvestmentInvoices(db: Db, rows: InvestmentInvoiceRow[], runId: number): Promise<void> {
  for (const part of chunks(unique(rows.map((r) => r.invoiceNo)))) {
    await db.deleteFrom('finance_investment_invoices').where('invoice_no', 'in', part).execute();
  }
  for (const part of chunks(rows)) {
    await db
      .insertInto('finance_investment_invoices')
      .values(
        part.map((r) => ({
          invoice_no: r.invoiceNo,
          invoice_date: r.invoiceDate,
          project: r.project,
          budget_year: r.budgetYear,
          amount_ore: r.amount,
          import_run_id: runId,
        })),
      )
      .execute();
  }
}

export async function replaceLoanFacilities(db: Db, rows: LoanRow[], runId: number): Promise<void> {
  if (rows.length === 0) return;
  await db
    .deleteFrom('finance_loan_facilities')
    .where(
      'facility',
      'in',
      rows.map((r) => r.facility),
    )
    .execute();
  await db
    .insertInto('finance_loan_facilities')
    .values(
      firstByKey(rows, (r) => r.facility).map((r) => ({
        facility: r.facility,
        requested_ore: r.requested,
        purpose: r.purpose,
        import_run_id: runId,
      })),
    )
    .execute();
}

export async function replaceLoanDisbursements(db: Db, rows: DisbursementRow[], runId: number): Promise<void> {
  if (rows.length === 0) return;
  await db
    .deleteFrom('finance_loan_disbursements')
    .where('facility', 'in', unique(rows.map((r) => r.facility)))
    .execute();
  await db
    .insertInto('finance_loan_disbursements')
    .values(rows.map((r) => ({ facility: r.facility, date: r.date, amount_ore: r.amount, status: r.status, import_run_id: runId })))
    .execute();
}

export async function replaceLiquidityForecasts(db: Db, rows: LiquidityForecastRow[], runId: number): Promise<void> {
  if (rows.length === 0) return;
  await db
    .deleteFrom('finance_liquidity_forecasts')
    .where(
      'period',
      'in',
      rows.map((r) => r.period),
    )
    .execute();
  await db
    .insertInto('finance_liquidity_forecasts')
    .values(
      firstByKey(rows, (r) => r.period).map((r) => ({
        period: r.period,
        year_end_forecast_ore: r.yearEndForecast,
        next_year_q1_investments_ore: r.nextYearQ1Investments,
        import_run_id: runId,
      })),
    )
    .execute();
}

export async function replaceReceivables(db: Db, rows: ReceivableRow[], runId: number): Promise<void> {
  const dates = unique(rows.map((r) => r.asOf));
  if (dates.length === 0) return;
  await db.deleteFrom('finance_receivables').where('as_of', 'in', dates).execute();
  for (const part of chunks(rows)) {
    await db
      .insertInto('finance_receivables')
      .values(
        part.map((r) => ({
          as_of: r.asOf,
          customer: r.customer,
          customer_type: r.customerType,
          invoice_no: r.invoiceNo,
          invoice_date: r.invoiceDate,
          due_date: r.dueDate,
          amount_ore: r.amount,
          outstanding_ore: r.outstanding,
          import_run_id: runId,
        })),
      )
      .execute();
  }
}
