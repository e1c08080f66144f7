/**
 * The demo's investments, payment milestones, investment invoices, loan, liquidity forecasts and
 * receivables. The figures the demo must reproduce (demo-targets.md, "Investments" and "Liquidity")
 * live here and nowhere else: per project the approved amount, what was invoiced this year and what
 * remains at the end of May; the generator turns them into invoices dated 2023–2025, writes the
 * seven CSV files and imports them through the real importers. (The bank balance comes from the
 * ledger demo.)
 */

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRandom, type Random } from '../../demo/random.ts';
import type { DemoContext } from '../../module.ts';
import { formatQuantity } from '../../shared/format.ts';
import { type Ore, sumOre } from '../../shared/money.ts';
import { addDays, daysBetween, type IsoDate, lastDayOfMonth } from '../../shared/period.ts';

/** NOK → øre, for readable constants. */
const kr = (nok: number): Ore => Math.round(nok * 100);

interface DemoProject {
  budgetYear: number;
  project: string;
  approved: Ore;
  reserve: Ore;
  /** Invoiced 1 January – end of the demo period. */
  invoicedYtd: Ore;
  /** Still to be invoiced at the end of the demo period. */
  remaining: Ore;
  /** Expected use in the demo year (2025). */
  expectedUse: Ore;
}

/** 2025: approved 139,1, expected use 134,1, invoiced 22,5. 2023: 14,6 remains; 2024: 35,3 remains. */
const PROJECTS: readonly DemoProject[] = [
  {
    budgetYear: 2025,
    project: 'KAK',
    approved: kr(58_400_000),
    reserve: kr(4_200_000),
    invoicedYtd: kr(9_842_615.4),
    remaining: kr(48_557_384.6),
    expectedUse: kr(57_050_000),
  },
  {
    budgetYear: 2025,
    project: 'Medielogg',
    approved: kr(16_250_000),
    reserve: kr(1_300_000),
    invoicedYtd: kr(3_118_402.75),
    remaining: kr(13_131_597.25),
    expectedUse: kr(14_950_000),
  },
  {
    budgetYear: 2025,
    project: 'Radioterminaler',
    approved: kr(31_800_000),
    reserve: 0,
    invoicedYtd: kr(2_950_330),
    remaining: kr(28_849_670),
    expectedUse: kr(29_450_000),
  },
  {
    budgetYear: 2025,
    project: 'Nødnett-tilknytning',
    approved: kr(12_650_000),
    reserve: kr(650_000),
    invoicedYtd: kr(3_475_120.6),
    remaining: kr(9_174_879.4),
    expectedUse: kr(12_650_000),
  },
  {
    budgetYear: 2025,
    project: 'Transmisjon og datasenter',
    approved: kr(20_000_000),
    reserve: kr(1_000_000),
    invoicedYtd: kr(3_101_881.25),
    remaining: kr(16_898_118.75),
    expectedUse: kr(20_000_000),
  },
  {
    budgetYear: 2024,
    project: 'KAK',
    approved: kr(61_800_000),
    reserve: kr(5_400_000),
    invoicedYtd: kr(8_650_120.4),
    remaining: kr(35_196_310.75),
    expectedUse: kr(38_450_000),
  },
  {
    budgetYear: 2024,
    project: 'Kontorutstyr',
    approved: kr(2_150_000),
    reserve: 0,
    invoicedYtd: kr(1_031_600),
    remaining: kr(118_400),
    expectedUse: kr(1_150_000),
  },
  {
    budgetYear: 2023,
    project: 'Medielogg',
    approved: kr(42_300_000),
    reserve: kr(5_200_000),
    invoicedYtd: kr(4_210_330),
    remaining: kr(10_612_480.5),
    expectedUse: kr(7_600_000),
  },
  {
    budgetYear: 2023,
    project: 'KAK',
    approved: kr(27_500_000),
    reserve: 0,
    invoicedYtd: kr(2_905_000),
    remaining: kr(3_987_250),
    expectedUse: kr(6_892_250),
  },
];

interface DemoMilestone {
  budgetYear: number;
  project: string;
  milestone: string;
  amount: Ore;
  planned: IsoDate;
  paid: IsoDate | null;
}

/** Medielogg 2023: three milestones (5,0) remain; KAK 2024: one (17,2) remains. */
const MILESTONES: readonly DemoMilestone[] = [
  {
    budgetYear: 2023,
    project: 'Medielogg',
    milestone: 'PM1 Kontraktsinngåelse',
    amount: kr(4_000_000),
    planned: '2023-09-15',
    paid: '2023-09-29',
  },
  {
    budgetYear: 2023,
    project: 'Medielogg',
    milestone: 'PM2 Design godkjent',
    amount: kr(4_000_000),
    planned: '2024-03-15',
    paid: '2024-04-02',
  },
  {
    budgetYear: 2023,
    project: 'Medielogg',
    milestone: 'PM3 Levert til test',
    amount: kr(2_000_000),
    planned: '2025-02-14',
    paid: '2025-02-28',
  },
  {
    budgetYear: 2023,
    project: 'Medielogg',
    milestone: 'PM4 Kundens akseptansetest',
    amount: kr(1_500_000),
    planned: '2025-09-18',
    paid: null,
  },
  { budgetYear: 2023, project: 'Medielogg', milestone: 'PM5 Produksjonssetting', amount: kr(1_500_000), planned: '2025-10-16', paid: null },
  { budgetYear: 2023, project: 'Medielogg', milestone: 'Garantimilepæl', amount: kr(2_000_000), planned: '2026-02-27', paid: null },
  { budgetYear: 2024, project: 'KAK', milestone: 'Kontraktsinngåelse', amount: kr(6_000_000), planned: '2024-05-15', paid: '2024-05-30' },
  { budgetYear: 2024, project: 'KAK', milestone: 'Systemtest godkjent', amount: kr(8_000_000), planned: '2024-11-15', paid: '2024-11-29' },
  { budgetYear: 2024, project: 'KAK', milestone: 'Godkjent produksjonssetting', amount: kr(17_200_000), planned: '2025-11-14', paid: null },
  {
    budgetYear: 2025,
    project: 'Radioterminaler',
    milestone: 'Levering radioterminaler',
    amount: kr(22_000_000),
    planned: '2025-11-28',
    paid: null,
  },
];

const LOAN = { facility: 'Investeringslån 2025', requested: kr(120_000_000), purpose: 'investeringsbudsjett 2025, KAK og Medielogg' };
/** 80 is disbursed in July 2025 (agreed), the rest is planned for December 2025. */
const DISBURSEMENTS = [
  { date: '2025-07-15', amount: kr(80_000_000), status: 'actual' },
  { date: '2025-12-15', amount: kr(40_000_000), status: 'planned' },
] as const;

/** The year-end liquidity forecast as entered each month; May: 66,4 and 20,1 expected in Q1 2026. */
const LIQUIDITY_FORECASTS = [
  { period: '2025-01', yearEnd: kr(71_200_000), nextQ1: null },
  { period: '2025-02', yearEnd: kr(70_500_000), nextQ1: null },
  { period: '2025-03', yearEnd: kr(68_900_000), nextQ1: kr(14_000_000) },
  { period: '2025-04', yearEnd: kr(67_300_000), nextQ1: kr(18_500_000) },
  { period: '2025-05', yearEnd: kr(66_400_000), nextQ1: kr(20_100_000) },
] as const;

/**
 * Customers of the receivables list (the same fictional customers as the ledger demo, plus two
 * others); the seed gives no figures, so the generator picks plausible ones.
 */
const CUSTOMERS = [
  { name: 'Helseforetak Nord HF', type: 'helseforetak', size: 1_400_000 },
  { name: 'Helseforetak Vest HF', type: 'helseforetak', size: 1_100_000 },
  { name: 'Helseforetak Sør HF', type: 'helseforetak', size: 1_250_000 },
  { name: 'Fjellby kommune', type: 'kommune', size: 120_000 },
  { name: 'Strandvik kommune', type: 'kommune', size: 90_000 },
  { name: 'Elvedal kommune', type: 'kommune', size: 70_000 },
  { name: 'Bjørkås kommune', type: 'kommune', size: 40_000 },
  { name: 'Nordlys Luftambulanse AS', type: 'annen', size: 60_000 },
  { name: 'Beredskapsdirektoratet', type: 'annen', size: 150_000 },
] as const;

/** Late items on the list: a half-paid invoice, one chased for months, one disputed. */
const LATE_ITEMS = [
  { customer: 'Helseforetak Vest HF', type: 'helseforetak', daysOverdue: 44, amount: 312_400, outstanding: 156_200 },
  { customer: 'Beredskapsdirektoratet', type: 'annen', daysOverdue: 73, amount: 86_250, outstanding: 86_250 },
  { customer: 'Bjørkås kommune', type: 'kommune', daysOverdue: 118, amount: 48_500, outstanding: 48_500 },
] as const;

/** `total` split into `n` positive parts (whole kroner except the last), exactly. */
export function splitOre(total: Ore, n: number, random: Random): Ore[] {
  const weights = Array.from({ length: n }, () => 0.5 + random.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.slice(0, -1).map((w) => Math.round((total * w) / sum / 100) * 100);
  return [...parts, total - sumOre(parts)];
}

function randomDate(random: Random, from: IsoDate, to: IsoDate): IsoDate {
  return addDays(from, random.int(0, daysBetween(from, to)));
}

const money = (ore: Ore): string =>
  `${ore < 0 ? '-' : ''}${Math.floor(Math.abs(ore) / 100)},${String(Math.abs(ore) % 100).padStart(2, '0')}`;

function csv(header: string, rows: (string | number | null)[][]): string {
  return `${[header, ...rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join(';'))].join('\n')}\n`;
}

interface InvoiceLine {
  date: IsoDate;
  project: string;
  budgetYear: number;
  amount: Ore;
}

/** Invoices before the year (to reach approved − remaining − YTD) and during the year up to period end. */
function invoicesOf(p: DemoProject, random: Random, yearStart: IsoDate, periodEnd: IsoDate): InvoiceLine[] {
  const before = p.approved - p.remaining - p.invoicedYtd;
  const lines: InvoiceLine[] = [];
  const add = (total: Ore, n: number, from: IsoDate, to: IsoDate) => {
    if (total === 0) return;
    for (const amount of splitOre(total, n, random))
      lines.push({ date: randomDate(random, from, to), project: p.project, budgetYear: p.budgetYear, amount });
  };
  add(before, 3 + random.int(0, 4), `${p.budgetYear}-03-01`, addDays(yearStart, -10));
  add(p.invoicedYtd, 2 + random.int(0, 4), addDays(yearStart, 5), addDays(periodEnd, -3));
  return lines;
}

function receivableRows(random: Random, asOf: IsoDate): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  let no = 250_100;
  for (const c of CUSTOMERS) {
    for (let i = 0, n = random.int(1, 4); i < n; i++) {
      // Most open items are not due yet (30 days' credit); a few are late, now and then one is long overdue.
      const r = random.next();
      const daysBack = r < 0.72 ? random.int(1, 29) : r < 0.9 ? random.int(31, 58) : r < 0.97 ? random.int(61, 115) : random.int(125, 200);
      const invoiceDate = addDays(asOf, -daysBack);
      const amount = kr(Math.round(c.size * (0.4 + random.next())));
      const partPaid = random.chance(0.2) ? Math.round(amount * random.pick([0.25, 0.5])) : 0;
      rows.push([c.name, c.type, String(no++), invoiceDate, addDays(invoiceDate, 30), money(amount), money(amount - partPaid), asOf]);
    }
  }
  for (const late of LATE_ITEMS) {
    const due = addDays(asOf, -late.daysOverdue);
    rows.push([late.customer, late.type, String(no++), addDays(due, -30), due, money(kr(late.amount)), money(kr(late.outstanding)), asOf]);
  }
  return rows;
}

export interface CapitalDemoFiles {
  'investment-budgets': string;
  'payment-milestones': string;
  'investment-invoices': string;
  loans: string;
  'loan-disbursements': string;
  'liquidity-forecast': string;
  receivables: string;
}

/** The seven files' contents for a demo year ending with `period` (deterministic). */
export function capitalDemoFiles(period: string): CapitalDemoFiles {
  const random = createRandom('finance-capital');
  const year = Number(period.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const periodEnd = lastDayOfMonth(period);
  const invoices = PROJECTS.flatMap((p) => invoicesOf(p, random.fork(`${p.budgetYear}-${p.project}`), yearStart, periodEnd)).sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  return {
    'investment-budgets': csv(
      'budget_year;project;approved;uncertainty_reserve;expected_use_year;expected_use',
      PROJECTS.map((p) => [p.budgetYear, p.project, money(p.approved), money(p.reserve), year, money(p.expectedUse)]),
    ),
    'payment-milestones': csv(
      'budget_year;project;milestone;amount;planned_date;paid_date',
      MILESTONES.map((m) => [m.budgetYear, m.project, m.milestone, money(m.amount), m.planned, m.paid]),
    ),
    'investment-invoices': csv(
      'invoice_date;project;budget_year;amount;invoice_no',
      invoices.map((i, n) => [
        i.date,
        i.project,
        i.budgetYear,
        money(i.amount),
        `LF-${i.date.slice(0, 4)}-${String(n + 1).padStart(4, '0')}`,
      ]),
    ),
    loans: csv('facility;requested;purpose', [[LOAN.facility, money(LOAN.requested), LOAN.purpose]]),
    'loan-disbursements': csv(
      'facility;date;amount;status',
      DISBURSEMENTS.map((d) => [LOAN.facility, d.date, money(d.amount), d.status]),
    ),
    'liquidity-forecast': csv(
      'period;year_end_forecast;next_year_q1_investments',
      LIQUIDITY_FORECASTS.map((f) => [f.period, money(f.yearEnd), f.nextQ1 === null ? null : money(f.nextQ1)]),
    ),
    receivables: csv(
      'customer;customer_type;invoice_no;invoice_date;due_date;amount;outstanding;as_of',
      receivableRows(random.fork('receivables'), periodEnd),
    ),
  };
}

/** Import order: loans before their disbursements; the rest is independent. */
const ORDER: (keyof CapitalDemoFiles)[] = [
  'investment-budgets',
  'payment-milestones',
  'investment-invoices',
  'loans',
  'loan-disbursements',
  'liquidity-forecast',
  'receivables',
];

export async function runCapitalDemo(ctx: DemoContext): Promise<void> {
  const files = capitalDemoFiles(ctx.period);
  for (const kind of ORDER) {
    const path = join(ctx.dir, `${kind}.csv`);
    await writeFile(path, files[kind], 'utf8');
    const result = await ctx.importFile(kind, path);
    ctx.log(`${kind}: ${formatQuantity(result.rowCount, 'rad', 'rader')}`);
  }
}
