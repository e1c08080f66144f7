/**
 * Investments per budget year (finance spec §5): what each budget year's projects have been
 * invoiced this year and to date, what remains, how much is expected to be used this year, and
 * what the remaining money consists of (unpaid payment milestones, uncertainty reserve, the rest).
 * Pure: plain rows in, an overview for one period out.
 */
import { type Ore, sumOre } from '../../shared/money.ts';
import { type IsoDate, lastDayOfMonth, parseYearMonth, type YearMonth } from '../../shared/period.ts';

export interface InvestmentBudget {
  budgetYear: number;
  project: string;
  /** The approved amount, uncertainty reserve included. */
  approved: Ore;
  /** The uncertainty reserve (usikkerhetspåslag) inside `approved`. */
  reserve: Ore;
}

export interface ExpectedUse {
  budgetYear: number;
  project: string;
  /** The calendar year the money is expected to be used in. */
  year: number;
  amount: Ore;
}

export interface PaymentMilestone {
  budgetYear: number;
  project: string;
  milestone: string;
  amount: Ore;
  plannedDate: IsoDate;
  paidDate: IsoDate | null;
}

export interface InvestmentInvoice {
  invoiceNo: string;
  invoiceDate: IsoDate;
  project: string;
  budgetYear: number;
  amount: Ore;
}

export interface InvestmentData {
  budgets: InvestmentBudget[];
  expectedUse: ExpectedUse[];
  milestones: PaymentMilestone[];
  invoices: InvestmentInvoice[];
}

/** The figures of one project in one budget year, or of a whole budget year. */
export interface InvestmentFigures {
  approved: Ore;
  /** Invoices dated 1 January – period end of the report year. */
  invoicedThisYear: Ore;
  /** Every invoice dated up to period end. */
  invoicedToDate: Ore;
  /** approved − invoicedToDate */
  remaining: Ore;
  /** Entered expectation for the report year; null when none was entered. */
  expectedUseThisYear: Ore | null;
  /** Payment milestones not paid by period end. */
  remainingMilestones: Ore;
  remainingMilestoneCount: number;
  /**
   * The part of the remaining money that is uncertainty reserve: the reserve is the last money to
   * be spent, so it is capped by what remains after the unpaid milestones (never negative).
   */
  remainingReserve: Ore;
  /** remaining − remainingMilestones − remainingReserve: other investments still to come. */
  remainingOther: Ore;
}

export interface ProjectInvestment extends InvestmentFigures {
  project: string;
}

export interface BudgetYearInvestment extends InvestmentFigures {
  budgetYear: number;
  projects: ProjectInvestment[];
}

export interface InvestmentOverview {
  period: YearMonth;
  year: number;
  /** Last day of the period: invoices and milestone payments count up to and including it. */
  asOf: IsoDate;
  /** All budget years together. */
  invoicedThisYear: Ore;
  /** The budget years shown, summed. */
  total: InvestmentFigures;
  /** Budget years up to the report year that still matter: money remains or was invoiced this year. */
  budgetYears: BudgetYearInvestment[];
}

function key(budgetYear: number, project: string): string {
  return `${budgetYear}\u0000${project}`;
}

function projectFigures(
  budget: InvestmentBudget,
  data: { invoices: InvestmentInvoice[]; milestones: PaymentMilestone[]; expectedUse: ExpectedUse[] },
  year: number,
  asOf: IsoDate,
): ProjectInvestment {
  const yearStart = `${year}-01-01`;
  const toDate = data.invoices.filter((i) => i.invoiceDate <= asOf);
  const invoicedToDate = sumOre(toDate.map((i) => i.amount));
  const invoicedThisYear = sumOre(toDate.filter((i) => i.invoiceDate >= yearStart).map((i) => i.amount));
  const unpaid = data.milestones.filter((m) => m.paidDate === null || m.paidDate > asOf);
  const remainingMilestones = sumOre(unpaid.map((m) => m.amount));
  const uses = data.expectedUse.filter((u) => u.year === year);
  const remaining = budget.approved - invoicedToDate;
  const remainingReserve = Math.max(0, Math.min(budget.reserve, remaining - remainingMilestones));
  return {
    project: budget.project,
    approved: budget.approved,
    invoicedThisYear,
    invoicedToDate,
    remaining,
    expectedUseThisYear: uses.length === 0 ? null : sumOre(uses.map((u) => u.amount)),
    remainingMilestones,
    remainingMilestoneCount: unpaid.length,
    remainingReserve,
    remainingOther: remaining - remainingMilestones - remainingReserve,
  };
}

function sumFigures(parts: InvestmentFigures[]): InvestmentFigures {
  const sum = (f: (p: InvestmentFigures) => Ore) => sumOre(parts.map(f));
  const expected = parts.map((p) => p.expectedUseThisYear).filter((v): v is Ore => v !== null);
  return {
    approved: sum((p) => p.approved),
    invoicedThisYear: sum((p) => p.invoicedThisYear),
    invoicedToDate: sum((p) => p.invoicedToDate),
    remaining: sum((p) => p.remaining),
    expectedUseThisYear: expected.length === 0 ? null : sumOre(expected),
    remainingMilestones: sum((p) => p.remainingMilestones),
    remainingMilestoneCount: parts.reduce((n, p) => n + p.remainingMilestoneCount, 0),
    remainingReserve: sum((p) => p.remainingReserve),
    remainingOther: sum((p) => p.remainingOther),
  };
}

function groupBy<T>(items: T[], keyOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * The investment overview at the end of `period`. Invoices or milestones on a project without a
 * budget row still count (as a project with approved 0), so nothing invoiced is ever hidden.
 */
export function investmentOverview(data: InvestmentData, period: YearMonth): InvestmentOverview {
  const { year } = parseYearMonth(period);
  const asOf = lastDayOfMonth(period);
  const budgets = new Map(data.budgets.map((b) => [key(b.budgetYear, b.project), b]));
  for (const r of [...data.invoices, ...data.milestones, ...data.expectedUse]) {
    const k = key(r.budgetYear, r.project);
    if (!budgets.has(k)) budgets.set(k, { budgetYear: r.budgetYear, project: r.project, approved: 0, reserve: 0 });
  }
  const invoices = groupBy(data.invoices, (i) => key(i.budgetYear, i.project));
  const milestones = groupBy(data.milestones, (m) => key(m.budgetYear, m.project));
  const uses = groupBy(data.expectedUse, (u) => key(u.budgetYear, u.project));
  const projects = [...budgets.entries()]
    .filter(([, b]) => b.budgetYear <= year)
    .map(([k, b]) => ({
      budgetYear: b.budgetYear,
      figures: projectFigures(
        b,
        { invoices: invoices.get(k) ?? [], milestones: milestones.get(k) ?? [], expectedUse: uses.get(k) ?? [] },
        year,
        asOf,
      ),
    }));
  const byYear = groupBy(projects, (p) => String(p.budgetYear));
  const budgetYears = [...byYear.entries()]
    .map(([y, list]) => {
      const ps = list.map((p) => p.figures).sort((a, b) => a.project.localeCompare(b.project, 'nb'));
      return { budgetYear: Number(y), ...sumFigures(ps), projects: ps };
    })
    .filter((b) => b.budgetYear === year || b.remaining !== 0 || b.invoicedThisYear !== 0)
    .sort((a, b) => b.budgetYear - a.budgetYear);
  const total = sumFigures(budgetYears);
  return { period, year, asOf, invoicedThisYear: total.invoicedThisYear, total, budgetYears };
}
