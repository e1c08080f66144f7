/**
 * Liquidity and loans (finance spec §6), pure: the bank balance at period end comes from the
 * ledger, the year-end forecast is entered per period, loans are a facility (requested amount,
 * purpose) with planned and actual disbursements.
 */
import { type Ore, sumOre } from '../../shared/money.ts';
import { type IsoDate, lastDayOfMonth, type YearMonth } from '../../shared/period.ts';

export type DisbursementStatus = 'planned' | 'actual';

export interface LoanFacility {
  facility: string;
  requested: Ore;
  purpose: string | null;
}

export interface LoanDisbursement {
  facility: string;
  date: IsoDate;
  amount: Ore;
  status: DisbursementStatus;
}

export interface LiquidityForecast {
  period: YearMonth;
  yearEndForecast: Ore;
  nextYearQ1Investments: Ore | null;
}

/** How a disbursement reads at period end: paid out, agreed for a later date, or only planned. */
export type DisbursementState = 'disbursed' | 'scheduled' | 'planned';

export interface LoanStatus extends LoanFacility {
  /** Sum of actual disbursements (whatever their date). */
  disbursed: Ore;
  /** Sum of planned disbursements. */
  planned: Ore;
  /** requested − disbursed − planned: neither paid out nor planned yet. */
  unallocated: Ore;
  disbursements: (LoanDisbursement & { state: DisbursementState })[];
}

export interface LiquidityOverview {
  period: YearMonth;
  asOf: IsoDate;
  /** Bank accounts 1900–1999 at period end; null when the ledger has no data for the period. */
  bankBalance: Ore | null;
  /** The year-end forecast entered for this period; null when none was entered. */
  yearEndForecast: Ore | null;
  nextYearQ1Investments: Ore | null;
  loans: LoanStatus[];
}

export function disbursementState(d: LoanDisbursement, asOf: IsoDate): DisbursementState {
  if (d.status === 'planned') return 'planned';
  return d.date <= asOf ? 'disbursed' : 'scheduled';
}

export function loanStatus(facility: LoanFacility, disbursements: LoanDisbursement[], asOf: IsoDate): LoanStatus {
  const own = disbursements
    .filter((d) => d.facility === facility.facility)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((d) => ({ ...d, state: disbursementState(d, asOf) }));
  const disbursed = sumOre(own.filter((d) => d.status === 'actual').map((d) => d.amount));
  const planned = sumOre(own.filter((d) => d.status === 'planned').map((d) => d.amount));
  return { ...facility, disbursed, planned, unallocated: facility.requested - disbursed - planned, disbursements: own };
}

/**
 * Liquidity at the end of `period`. A loan facility belongs to the years it is disbursed in: it is
 * shown when it has a disbursement in the period's year (or none at all yet).
 */
export function liquidityOverview(input: {
  period: YearMonth;
  bankBalance: Ore | null;
  forecasts: LiquidityForecast[];
  facilities: LoanFacility[];
  disbursements: LoanDisbursement[];
}): LiquidityOverview {
  const asOf = lastDayOfMonth(input.period);
  const forecast = input.forecasts.find((f) => f.period === input.period);
  return {
    period: input.period,
    asOf,
    bankBalance: input.bankBalance,
    yearEndForecast: forecast?.yearEndForecast ?? null,
    nextYearQ1Investments: forecast?.nextYearQ1Investments ?? null,
    loans: [...input.facilities]
      .sort((a, b) => a.facility.localeCompare(b.facility, 'nb'))
      .map((f) => loanStatus(f, input.disbursements, asOf))
      .filter((l) => l.disbursements.length === 0 || l.disbursements.some((d) => d.date.slice(0, 4) === asOf.slice(0, 4))),
  };
}
