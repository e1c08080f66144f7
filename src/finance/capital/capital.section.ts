/**
 * The capital part of the report's "Økonomi" section as table blocks: investments per budget year
 * (`finance-investments`), liquidity and loans (`finance-liquidity`) and receivables ageing
 * (`finance-receivables`, "Kundereskontro per mai"). The web page shows and exports the same blocks.
 */
import type { TableBlock, TableCell } from '../../report/blocks.ts';
import { formatDate, formatMnokValue, formatMonth, formatNumber, monthName } from '../../shared/format.ts';
import { type Ore, oreToNok } from '../../shared/money.ts';
import { monthOf, parseYearMonth } from '../../shared/period.ts';
import type { DisbursementState, LiquidityOverview, LoanStatus } from './capital.ts';
import type { InvestmentFigures, InvestmentOverview } from './capital-investments.ts';
import {
  AGEING_BUCKET_LABELS,
  AGEING_BUCKETS,
  type AgeingRow,
  CUSTOMER_TYPE_LABELS,
  type ReceivablesAgeing,
} from './capital-receivables.ts';

function text(value: string): TableCell {
  return { value, text: value };
}

/** Money cell: raw value in NOK, text in MNOK with one decimal; "–" when unknown. */
function mnok(ore: Ore | null): TableCell {
  return ore === null ? { value: null, text: '–' } : { value: oreToNok(ore), text: formatMnokValue(ore) };
}

/** Money cell: raw value in NOK, text in thousands of NOK. */
function thousands(ore: Ore): TableCell {
  return { value: oreToNok(ore), text: formatNumber(ore / 100 / 1000, 0) };
}

const right = (label: string) => ({ label, align: 'right' as const });

const INVESTMENT_PROVENANCE = {
  importKinds: ['investment-budgets', 'payment-milestones', 'investment-invoices'],
  rules: [
    'Gjenstår = godkjent beløp (inkludert usikkerhetspåslag) − fakturert til og med periodeslutt.',
    'Gjenstående betalingsmilepæler = milepæler som ikke er betalt ved periodeslutt.',
    'Usikkerhetspåslaget regnes som det siste som brukes: det gjenstår bare så langt det er penger igjen etter milepælene.',
  ],
};

/** Project rows and a sum row per budget year, then a sum of all budget years. */
function investmentRows(o: InvestmentOverview, cells: (f: InvestmentFigures) => TableCell[], keep: (f: InvestmentFigures) => boolean) {
  return [
    ...o.budgetYears.flatMap((b) => [
      ...b.projects.filter(keep).map((p) => ({ cells: [text(String(b.budgetYear)), text(p.project), ...cells(p)] })),
      { cells: [text(String(b.budgetYear)), text(`Sum budsjett ${b.budgetYear}`), ...cells(b)], total: true },
    ]),
    { cells: [text('Alle'), text('Sum alle budsjettår'), ...cells(o.total)], total: true },
  ];
}

/** Per budget year: approved, invoiced this year and in total, remaining, expected use this year. */
export function investmentsTable(o: InvestmentOverview): TableBlock {
  return {
    kind: 'table',
    id: 'finance-investments',
    caption: `Investeringer per budsjettår per ${formatMonth(o.period)}`,
    columns: [
      { label: 'År' },
      { label: 'Prosjekt' },
      right('Godkjent'),
      right('Fakturert i år'),
      right('Fakturert totalt'),
      right('Gjenstår'),
      right(`Forventet brukt ${o.year}`),
    ],
    rows: investmentRows(
      o,
      (f) => [mnok(f.approved), mnok(f.invoicedThisYear), mnok(f.invoicedToDate), mnok(f.remaining), mnok(f.expectedUseThisYear)],
      () => true,
    ),
    note: `MNOK. «År» er budsjettåret. Fakturert til og med ${formatDate(o.asOf)}; godkjent beløp inkluderer usikkerhetspåslaget.`,
    provenance: INVESTMENT_PROVENANCE,
  };
}

/** What the remaining money of each project consists of: unpaid milestones, reserve, the rest. */
export function investmentsRemainingTable(o: InvestmentOverview): TableBlock {
  return {
    kind: 'table',
    id: 'finance-investments-remaining',
    caption: `Gjenstående investeringsmidler per ${formatMonth(o.period)}`,
    columns: [
      { label: 'År' },
      { label: 'Prosjekt' },
      right('Gjenstår'),
      right('Betalingsmilepæler'),
      right('Usikkerhetspåslag'),
      right('Øvrig'),
    ],
    rows: investmentRows(
      o,
      (f) => [mnok(f.remaining), mnok(f.remainingMilestones), mnok(f.remainingReserve), mnok(f.remainingOther)],
      (f) => f.remaining !== 0,
    ),
    note: `MNOK per ${formatDate(o.asOf)}. Betalingsmilepæler som ikke er betalt; usikkerhetspåslaget regnes som det siste som brukes.`,
    provenance: INVESTMENT_PROVENANCE,
  };
}

const STATE_WORDS: Record<DisbursementState, string> = { disbursed: 'Utbetalt', scheduled: 'Utbetales', planned: 'Planlagt utbetalt' };

function loanRows(loan: LoanStatus): { cells: TableCell[]; total?: boolean }[] {
  const purpose = loan.purpose ? ` (${loan.purpose})` : '';
  return [
    { cells: [text(`Låneramme ${loan.facility}${purpose}`), mnok(loan.requested)] },
    ...loan.disbursements.map((d) => ({ cells: [text(`${STATE_WORDS[d.state]} ${formatMonth(monthOf(d.date))}`), mnok(d.amount)] })),
    ...(loan.unallocated !== 0 ? [{ cells: [text('Ikke planlagt utbetalt'), mnok(loan.unallocated)] }] : []),
  ];
}

export function liquidityTable(o: LiquidityOverview): TableBlock {
  const { year } = parseYearMonth(o.period);
  return {
    kind: 'table',
    id: 'finance-liquidity',
    caption: `Likviditet og lån per ${formatMonth(o.period)}`,
    columns: [{ label: 'Post' }, { label: 'MNOK', align: 'right' }],
    rows: [
      { cells: [text(`Likvide midler per ${formatDate(o.asOf)}`), mnok(o.bankBalance)] },
      { cells: [text(`Prognose likvide midler per årsslutt ${year}`), mnok(o.yearEndForecast)] },
      ...(o.nextYearQ1Investments !== null
        ? [{ cells: [text(`Forventede investeringer første kvartal ${year + 1}`), mnok(o.nextYearQ1Investments)] }]
        : []),
      ...o.loans.flatMap(loanRows),
    ],
    note: 'Likvide midler er saldo på bankkontoene (1900–1999) i hovedboken ved periodeslutt; prognosen er registrert for perioden.',
    provenance: {
      importKinds: ['saf-t', 'trial-balance', 'liquidity-forecast', 'loans', 'loan-disbursements'],
      rules: ['Likvide midler = inngående saldo + bevegelser på kontoene 1900–1999 til og med periodeslutt.'],
    },
  };
}

function ageingCells(row: AgeingRow): TableCell[] {
  return [...AGEING_BUCKETS.map((b) => thousands(row.buckets[b])), thousands(row.total)];
}

export function receivablesTable(a: ReceivablesAgeing): TableBlock {
  const listNote = a.listDate && a.listDate !== a.asOf ? ` Reskontroliste datert ${formatDate(a.listDate)}.` : '';
  return {
    kind: 'table',
    id: 'finance-receivables',
    caption: `Kundereskontro per ${monthName(parseYearMonth(a.period).month)}`,
    columns: [
      { label: 'Kundetype' },
      ...AGEING_BUCKETS.map((b) => ({ label: AGEING_BUCKET_LABELS[b], align: 'right' as const })),
      { label: 'Sum', align: 'right' },
    ],
    rows: [
      ...a.byType.map((r) => ({ cells: [text(CUSTOMER_TYPE_LABELS[r.customerType]), ...ageingCells(r)] })),
      { cells: [text('Sum'), ...ageingCells(a.total)], total: true },
    ],
    note: `Utestående i 1 000 kr, fordelt etter dager etter forfall per ${formatDate(a.asOf)}.${listNote}`,
    provenance: {
      importKinds: ['receivables'],
      rules: ['Dager etter forfall ved periodeslutt: ikke forfalt (0 eller færre), 1–30, 31–60, 61–90 og over 90 dager.'],
    },
  };
}
