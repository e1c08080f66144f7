/** The investment files: `investment-budgets`, `payment-milestones` and `investment-invoices`. */
import { problem } from '../../imports/decode.ts';
import type { ColumnSpec, TableRecord } from '../../imports/table.ts';
import type { RowContext } from '../../imports/table-importer.ts';
import type { Problem } from '../../shared/errors.ts';
import type { Ore } from '../../shared/money.ts';
import type { IsoDate } from '../../shared/period.ts';
import { amountField, dateField, optionalDateField, textField, yearField } from './capital.parse.ts';

export const INVESTMENT_BUDGET_COLUMNS: ColumnSpec[] = [
  { name: 'budget_year' },
  { name: 'project' },
  { name: 'approved' },
  { name: 'uncertainty_reserve', required: false },
  { name: 'expected_use_year', required: false },
  { name: 'expected_use', required: false },
];

export interface InvestmentBudgetRow {
  budgetYear: number;
  project: string;
  approved: Ore;
  reserve: Ore;
  /** A row may also say how much of the money is expected to be used in one year. */
  expectedUse: { year: number; amount: Ore } | null;
}

function expectedUseOf(r: Record<string, string>, ctx: RowContext): { year: number; amount: Ore } | null | undefined {
  const y = (r.expected_use_year ?? '').trim();
  const a = (r.expected_use ?? '').trim();
  if (y === '' && a === '') return null;
  if (y === '' || a === '') {
    const column = y === '' ? 'expected_use_year' : 'expected_use';
    ctx.problem(column, 'expected_use_year og expected_use må fylles ut sammen', 'expected_use_year and expected_use go together');
    return undefined;
  }
  const year = yearField(y, 'expected_use_year', ctx);
  const amount = amountField(a, 'expected_use', ctx, { min: 0 });
  return year === undefined || amount === undefined ? undefined : { year, amount };
}

export function parseInvestmentBudgetRow(record: TableRecord, ctx: RowContext): InvestmentBudgetRow | undefined {
  const r = record.values;
  const budgetYear = yearField(r.budget_year, 'budget_year', ctx);
  const project = textField(r.project, 'project', ctx);
  const approved = amountField(r.approved, 'approved', ctx, { min: 0 });
  const reserve =
    (r.uncertainty_reserve ?? '').trim() === '' ? 0 : amountField(r.uncertainty_reserve, 'uncertainty_reserve', ctx, { min: 0 });
  const expectedUse = expectedUseOf(r, ctx);
  if (budgetYear === undefined || project === undefined || approved === undefined || reserve === undefined || expectedUse === undefined) {
    return undefined;
  }
  if (reserve > approved) {
    ctx.problem(
      'uncertainty_reserve',
      'usikkerhetspåslaget er større enn godkjent beløp (påslaget er en del av det godkjente beløpet)',
      'the uncertainty reserve exceeds the approved amount (the reserve is part of it)',
    );
    return undefined;
  }
  return { budgetYear, project, approved, reserve, expectedUse };
}

/** A project may take several rows (one per expected-use year), but they must agree on the amounts. */
export function checkInvestmentBudgets(file: string, rows: { line: number; row: InvestmentBudgetRow }[]): Problem[] {
  const first = new Map<string, { line: number; row: InvestmentBudgetRow }>();
  const useYears = new Map<string, number>();
  const out: Problem[] = [];
  for (const r of rows) {
    const k = `${r.row.budgetYear}\u0000${r.row.project}`;
    const f = first.get(k);
    if (!f) first.set(k, r);
    else if (f.row.approved !== r.row.approved || f.row.reserve !== r.row.reserve) {
      const column = f.row.approved !== r.row.approved ? 'approved' : 'uncertainty_reserve';
      out.push(
        problem(
          file,
          `${r.row.project} ${r.row.budgetYear}: beløpet skiller seg fra linje ${f.line}`,
          `${r.row.project} ${r.row.budgetYear}: the amount differs from line ${f.line}`,
          { line: r.line, column },
        ),
      );
    }
    if (r.row.expectedUse) {
      const uk = `${k}\u0000${r.row.expectedUse.year}`;
      const earlier = useYears.get(uk);
      if (earlier === undefined) useYears.set(uk, r.line);
      else
        out.push(
          problem(
            file,
            `${r.row.project} ${r.row.budgetYear}: forventet bruk for ${r.row.expectedUse.year} står allerede på linje ${earlier}`,
            `${r.row.project} ${r.row.budgetYear}: expected use for ${r.row.expectedUse.year} already on line ${earlier}`,
            { line: r.line, column: 'expected_use_year' },
          ),
        );
    }
  }
  return out;
}

export const PAYMENT_MILESTONE_COLUMNS: ColumnSpec[] = [
  { name: 'budget_year' },
  { name: 'project' },
  { name: 'milestone' },
  { name: 'amount' },
  { name: 'planned_date' },
  { name: 'paid_date', required: false },
];

export interface PaymentMilestoneRow {
  budgetYear: number;
  project: string;
  milestone: string;
  amount: Ore;
  plannedDate: IsoDate;
  paidDate: IsoDate | null;
}

export function parsePaymentMilestoneRow(record: TableRecord, ctx: RowContext): PaymentMilestoneRow | undefined {
  const r = record.values;
  const budgetYear = yearField(r.budget_year, 'budget_year', ctx);
  const project = textField(r.project, 'project', ctx);
  const milestone = textField(r.milestone, 'milestone', ctx);
  const amount = amountField(r.amount, 'amount', ctx, { min: 0 });
  const plannedDate = dateField(r.planned_date, 'planned_date', ctx);
  const paidDate = optionalDateField(r.paid_date, 'paid_date', ctx);
  if (
    budgetYear === undefined ||
    project === undefined ||
    milestone === undefined ||
    amount === undefined ||
    plannedDate === undefined ||
    paidDate === undefined
  ) {
    return undefined;
  }
  return { budgetYear, project, milestone, amount, plannedDate, paidDate };
}

export const INVESTMENT_INVOICE_COLUMNS: ColumnSpec[] = [
  { name: 'invoice_date' },
  { name: 'project' },
  { name: 'budget_year' },
  { name: 'amount' },
  { name: 'invoice_no' },
];

export interface InvestmentInvoiceRow {
  invoiceNo: string;
  invoiceDate: IsoDate;
  project: string;
  budgetYear: number;
  /** Negative for a credit note. */
  amount: Ore;
}

export function parseInvestmentInvoiceRow(record: TableRecord, ctx: RowContext): InvestmentInvoiceRow | undefined {
  const r = record.values;
  const invoiceDate = dateField(r.invoice_date, 'invoice_date', ctx);
  const project = textField(r.project, 'project', ctx);
  const budgetYear = yearField(r.budget_year, 'budget_year', ctx);
  const amount = amountField(r.amount, 'amount', ctx);
  const invoiceNo = textField(r.invoice_no, 'invoice_no', ctx);
  if (invoiceDate === undefined || project === undefined || budgetYear === undefined || amount === undefined || invoiceNo === undefined) {
    return undefined;
  }
  return { invoiceNo, invoiceDate, project, budgetYear, amount };
}
