/**
 * The demo organisation's ledger, budget and forecast. A deterministic generator writes January–May
 * 2025 as a SAF-T Financial 1.30 file (supplier invoices and payments, salaries, customer invoices
 * and receipts, depreciation, interest) plus budget, forecast and category-mapping CSVs, and
 * imports them through the real importers. The figures the demo must reproduce
 * (shared/specs/demo-targets.md) are the constants below and live nowhere else; the engine
 * computes every reported number from the imported rows.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRandom, type Random } from '../../demo/random.ts';
import type { DemoContext } from '../../module.ts';
import { formatMnok, formatMonth } from '../../shared/format.ts';
import type { Ore } from '../../shared/money.ts';
import { addDays, addMonths, lastDayOfMonth, parseYearMonth, yearMonth } from '../../shared/period.ts';
import { DEFAULT_RULES } from '../categories.ts';
import {
  type SaftWriteAccount,
  type SaftWriteCustomer,
  type SaftWriteLine,
  type SaftWriteTransaction,
  saftAmount,
  writeSaftFile,
} from '../ledger/saft.write.ts';
import { type Profile, periodise, spread } from '../plan/budget.ts';

/** MNOK → øre. */
const mnok = (v: number): Ore => Math.round(v * 100_000_000);

interface DemoAccount {
  id: string;
  description: string;
  groupingCategory: string;
  groupingCode: string;
  /** Share of the category's amount (weights). */
  share: number;
}

interface CategoryPlan {
  category: string;
  /** Annual budget, MNOK; income by month (see INCOME), costs with a periodisation profile. */
  budget: number;
  profile: Profile;
  /** Actual − budget, MNOK: January–May in total, and May alone. */
  ytdDeviation: number;
  mayDeviation: number;
  /** Forecast − annual budget, MNOK, per May (and per April, for the forecast history). */
  forecastDeviation: number;
  aprilForecastDeviation: number;
  comment: string;
  accounts: DemoAccount[];
}

const COST = 'annenDriftskostnad';

/** The seed report's deviations (demo-targets.md, Finance), as raw-data parameters. */
const COSTS: CategoryPlan[] = [
  {
    category: 'Personalkostnader',
    budget: 156.0,
    profile: { kind: 'working-days' },
    ytdDeviation: -6.5,
    mayDeviation: -1.5,
    forecastDeviation: -5.7,
    aprilForecastDeviation: -4.8,
    comment:
      'som følge av forsinkelse i rekrutteringer av nye årsverk, samt turnover. I tillegg er kostnader knyttet til nasjonal porteføljestyring tatt ut. Etter planen vil alle budsjetterte årsverk være bemannet ved utgangen av 2025.',
    accounts: [
      { id: '5000', description: 'Lønn til ansatte', groupingCategory: 'loennskostnad', groupingCode: '5000', share: 70 },
      { id: '5020', description: 'Feriepenger', groupingCategory: 'loennskostnad', groupingCode: '5000', share: 9 },
      { id: '5400', description: 'Arbeidsgiveravgift', groupingCategory: 'loennskostnad', groupingCode: '5400', share: 12 },
      { id: '5420', description: 'Pensjonskostnader', groupingCategory: 'loennskostnad', groupingCode: '5420', share: 7 },
      { id: '5990', description: 'Andre personalkostnader', groupingCategory: 'loennskostnad', groupingCode: '5900', share: 2 },
    ],
  },
  {
    category: 'Innleie',
    budget: 24.0,
    profile: { kind: 'even' },
    ytdDeviation: 1.2,
    mayDeviation: 0.3,
    forecastDeviation: -10.3,
    aprilForecastDeviation: -9.0,
    comment:
      'hovedsakelig som følge av forsinkelsen knyttet til KAK og medielogg, deriblant redusert prosjektrigg KAK og opplæring. I tillegg er behov for frikjøp tilknyttet prosjektet nytt nødnett noe overbudsjettert.',
    accounts: [{ id: '6790', description: 'Innleid personell', groupingCategory: COST, groupingCode: '6700', share: 1 }],
  },
  {
    category: 'Frikjøp',
    budget: 14.4,
    profile: { kind: 'even' },
    ytdDeviation: -5.0,
    mayDeviation: -1.0,
    forecastDeviation: -1.5,
    aprilForecastDeviation: -1.5,
    comment: 'grunnet færre frikjøpte ressurser fra helseforetakene enn planlagt.',
    accounts: [
      { id: '6795', description: 'Frikjøp av personell fra helseforetak', groupingCategory: COST, groupingCode: '6700', share: 1 },
    ],
  },
  {
    category: 'Tjenestekjøp',
    budget: 36.0,
    profile: { kind: 'even' },
    ytdDeviation: -7.3,
    mayDeviation: -1.8,
    forecastDeviation: -1.9,
    aprilForecastDeviation: -1.0,
    comment: 'grunnet noe lavere konsulentbruk enn budsjettert.',
    accounts: [
      { id: '6705', description: 'Konsulenttjenester', groupingCategory: COST, groupingCode: '6700', share: 3 },
      { id: '6720', description: 'Revisjon og rådgivning', groupingCategory: COST, groupingCode: '6700', share: 1 },
    ],
  },
  {
    category: 'Lisenser, support og garanti',
    budget: 60.0,
    profile: { kind: 'even' },
    ytdDeviation: -11.2,
    mayDeviation: -3.2,
    forecastDeviation: -14.5,
    aprilForecastDeviation: -12.0,
    comment:
      'En vesentlig andel av avviket forklares med en avtale inngått med DSB om avvikling av fakturering av TETRA- og nødnettstilkobling for dagens kommunikasjonsløsning fra 1. januar 2025 på om lag 10 MNOK. Forsinkelse i KAK-prosjektet utsetter i tillegg oppstart av vedlikeholdsavtalen i prosjektet. I tillegg er forsinket videokonsept og en bedre fremforhandlet Microsoft enn budsjettert en betydelig faktor.',
    accounts: [
      { id: '6420', description: 'Programvarelisenser', groupingCategory: COST, groupingCode: '6400', share: 3 },
      { id: '6552', description: 'Support og vedlikehold programvare', groupingCategory: COST, groupingCode: '6500', share: 2 },
      { id: '7600', description: 'Lisenser og garantier', groupingCategory: COST, groupingCode: '7600', share: 1 },
    ],
  },
  {
    category: 'Transmisjon og data',
    budget: 18.0,
    profile: { kind: 'even' },
    ytdDeviation: -0.4,
    mayDeviation: -0.1,
    forecastDeviation: -2.4,
    aprilForecastDeviation: -2.0,
    comment: 'grunnet senere oppstart av transmisjonstilknytning ute på kontrollrommene enn estimert.',
    accounts: [
      { id: '6900', description: 'Datakommunikasjon', groupingCategory: COST, groupingCode: '6995', share: 2 },
      { id: '6907', description: 'Transmisjon nødnett', groupingCategory: COST, groupingCode: '6995', share: 1 },
    ],
  },
  {
    category: 'Avskrivninger',
    budget: 54.0,
    profile: { kind: 'even' },
    ytdDeviation: 0.9,
    mayDeviation: 0.2,
    forecastDeviation: -18.9,
    aprilForecastDeviation: -15.0,
    comment:
      'grunnet forsinket utrulling KAK og medielogg, reduserte investeringer i 2024 knyttet til nødnettsterminaler samt for videoenheter i 2024 og 2025 enn budsjettert.',
    accounts: [{ id: '6010', description: 'Avskrivning på driftsmidler', groupingCategory: COST, groupingCode: '6000', share: 1 }],
  },
  {
    category: 'Andre driftskostnader',
    budget: 40.1,
    profile: { kind: 'even' },
    ytdDeviation: 0.9,
    mayDeviation: 0.1,
    forecastDeviation: 5.1,
    aprilForecastDeviation: 0,
    comment:
      'Endret periodisering av erstatning som følge av KAK-forsinkelsen, samt reduserte MVA-kostnader til kommunene som følge av øvrige kostnadsreduksjoner, gir samlet en kostnadsøkning.',
    accounts: [
      { id: '6300', description: 'Leie lokaler', groupingCategory: COST, groupingCode: '6300', share: 5 },
      { id: '6340', description: 'Lys og varme', groupingCategory: COST, groupingCode: '6340', share: 1 },
      { id: '6800', description: 'Kontorrekvisita', groupingCategory: COST, groupingCode: '6995', share: 1 },
      { id: '7140', description: 'Reisekostnader', groupingCategory: COST, groupingCode: '7165', share: 1 },
      { id: '7500', description: 'Forsikringspremier', groupingCategory: COST, groupingCode: '7500', share: 1 },
    ],
  },
  {
    category: 'Finansposter',
    budget: 6.0,
    profile: { kind: 'even' },
    ytdDeviation: -5.2,
    mayDeviation: -2.2,
    forecastDeviation: -4.0,
    aprilForecastDeviation: -3.0,
    comment:
      'som følge av høy likviditet gjennom året som følge av reduserte eller forsinkede investeringer og høyere innskuddsrente enn hva som lå til grunn for budsjett.',
    accounts: [],
  },
];

/** Driftsinntekter: annual budget, the budgeted result of January–May by month, and the deviations. */
const INCOME = {
  budget: 420.0,
  budgetResultByMonth: [2.5, 2.5, 2.5, 2.6, -2.5],
  ytdDeviation: 0.4,
  mayDeviation: 0.3,
  forecastDeviation: -30.0,
  aprilForecastDeviation: -20.0,
  comment: 'fordi foretaket styrer mot et vesentlig underforbruk i 2025 og reduserer faktureringen til kundene fra og med august.',
  accounts: [
    { id: '3100', description: 'Driftstilskudd fra helseforetak', groupingCategory: 'salgsinntekt', groupingCode: '3100', share: 12 },
    { id: '3200', description: 'Tilskudd fra kommuner', groupingCategory: 'salgsinntekt', groupingCode: '3200', share: 7 },
    { id: '3900', description: 'Andre driftsinntekter', groupingCategory: 'annenDriftsinntekt', groupingCode: '3900', share: 1 },
  ],
};

/** Interest: a small monthly interest cost; the rest of the net finance items is deposit interest. */
const INTEREST_COST_PER_MONTH = 0.05;
const FINANCE_ACCOUNTS = {
  income: { id: '8050', description: 'Renteinntekter bank', groupingCategory: 'finansinntekt', groupingCode: '8050' },
  cost: { id: '8150', description: 'Rentekostnader', groupingCategory: 'finanskostnad', groupingCode: '8150' },
};

/** Bank deposits (1920) at the end of the report month, MNOK. */
const BANK_AT_PERIOD_END = 122.4;

const BALANCE_ACCOUNTS: Omit<SaftWriteAccount, 'opening'>[] = [
  { id: '1280', description: 'Kontormaskiner og IKT-utstyr', groupingCategory: 'balanseverdiForAnleggsmiddel', groupingCode: '1280' },
  { id: '1290', description: 'Akkumulerte avskrivninger', groupingCategory: 'balanseverdiForAnleggsmiddel', groupingCode: '1290' },
  { id: '1500', description: 'Kundefordringer', groupingCategory: 'balanseverdiForOmloepsmiddel', groupingCode: '1500' },
  { id: '1920', description: 'Bankinnskudd', groupingCategory: 'balanseverdiForOmloepsmiddel', groupingCode: '1920' },
  { id: '2050', description: 'Annen egenkapital', groupingCategory: 'egenkapital', groupingCode: '2050' },
  { id: '2400', description: 'Leverandørgjeld', groupingCategory: 'kortsiktigGjeld', groupingCode: '2400' },
];

const FIXED_ASSETS = 250.0;
const ACCUMULATED_DEPRECIATION = 80.0;

const CUSTOMERS = [
  { id: '10001', name: 'Helseforetak Nord HF', kind: 'helseforetak' },
  { id: '10002', name: 'Helseforetak Vest HF', kind: 'helseforetak' },
  { id: '10003', name: 'Helseforetak Sør HF', kind: 'helseforetak' },
  { id: '20001', name: 'Fjellby kommune', kind: 'kommune' },
  { id: '20002', name: 'Strandvik kommune', kind: 'kommune' },
  { id: '20003', name: 'Elvedal kommune', kind: 'kommune' },
  { id: '20004', name: 'Bjørkås kommune', kind: 'kommune' },
];
const DEPARTMENTS = ['AMK', 'IKT', 'ADM', 'FAG'];
const PROJECTS = ['KAK', 'MEDIELOGG'];

// ---------- the plan: budgets and actual category totals per month, exact in øre ----------

export interface DemoPlan {
  year: number;
  months: number;
  /** Category → 12 monthly budget amounts (øre). */
  budget: Map<string, Ore[]>;
  /** Category → actual per month January..report month (øre, report sign). */
  actual: Map<string, Ore[]>;
}

/** Actual month m = budget + deviation, the deviation spread as given for the report month and evenly over the months before. */
function actuals(budget: Ore[], months: number, ytd: number, last: number): Ore[] {
  const before = spread(mnok(ytd - last), Array(months - 1).fill(1));
  return Array.from({ length: months }, (_, i) => (budget[i] ?? 0) + (i === months - 1 ? mnok(last) : (before[i] ?? 0)));
}

export function demoPlan(period: string): DemoPlan {
  const { year, month: months } = parseYearMonth(period);
  const budget = new Map<string, Ore[]>();
  const actual = new Map<string, Ore[]>();
  for (const c of COSTS) {
    const b = periodise(mnok(c.budget), c.profile, year);
    budget.set(c.category, b);
    actual.set(c.category, actuals(b, months, c.ytdDeviation, c.mayDeviation));
  }
  const costBudget = (m: number) => COSTS.reduce((s, c) => s + (budget.get(c.category)?.[m] ?? 0), 0);
  const early = Array.from({ length: months }, (_, m) => costBudget(m) + mnok(INCOME.budgetResultByMonth[m] ?? 0));
  const rest = spread(mnok(INCOME.budget) - early.reduce((s, v) => s + v, 0), Array(12 - months).fill(1));
  const income = [...early, ...rest];
  budget.set('Driftsinntekter', income);
  actual.set('Driftsinntekter', actuals(income, months, INCOME.ytdDeviation, INCOME.mayDeviation));
  return { year, months, budget, actual };
}

// ---------- the ledger: transactions that add up to the plan ----------

function date(year: number, month: number, day: number): string {
  const last = Number(lastDayOfMonth(yearMonth(year, month)).slice(8));
  return `${yearMonth(year, month)}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

class LedgerBuilder {
  readonly transactions: SaftWriteTransaction[] = [];
  private seq = 1;
  constructor(
    private readonly random: Random,
    private readonly year: number,
    private readonly lastMonth: number,
  ) {}

  add(month: number, day: number, description: string, lines: SaftWriteLine[]): void {
    this.transactions.push({
      id: String(this.seq++),
      period: month,
      periodYear: this.year,
      date: date(this.year, month, day),
      description,
      lines,
    });
  }

  /** Supplier invoices for `amount` on `account`, paid ~3 weeks later when that is still within the file. */
  invoices(month: number, account: DemoAccount, amount: Ore, analysis: (r: Random) => SaftWriteLine['analysis']): void {
    if (amount === 0) return;
    const parts = spread(
      amount,
      Array.from({ length: this.random.int(2, 5) }, () => this.random.int(1, 10)),
    );
    for (const part of parts) {
      if (part === 0) continue;
      const day = this.random.int(1, 24);
      const text = `Faktura ${account.description.toLowerCase()}`;
      this.add(month, day, text, [
        { accountId: account.id, amount: part, description: text, analysis: analysis(this.random) },
        { accountId: '2400', amount: -part, description: text },
      ]);
      const payDay = day + this.random.int(14, 24);
      const payMonth = payDay > 28 ? month + 1 : month;
      if (payMonth <= this.lastMonth) {
        this.add(payMonth, payDay > 28 ? payDay - 28 : payDay, `Betaling: ${text}`, [
          { accountId: '2400', amount: part, description: 'Betaling leverandør' },
          { accountId: '1920', amount: -part, description: 'Betaling leverandør' },
        ]);
      }
    }
  }

  /** Customer invoices (credit income) and their receipts in the bank. */
  sales(month: number, account: DemoAccount, amount: Ore): void {
    const customers =
      account.id === '3100' ? CUSTOMERS.filter((c) => c.kind === 'helseforetak') : CUSTOMERS.filter((c) => c.kind === 'kommune');
    const parts = spread(
      amount,
      customers.map(() => this.random.int(5, 10)),
    );
    customers.forEach((c, i) => {
      const part = parts[i] ?? 0;
      if (part === 0) return;
      const text = `Faktura ${c.name}, ${account.description.toLowerCase()}`;
      this.add(month, 3, text, [
        { accountId: '1500', amount: part, description: text, customerId: c.id },
        { accountId: account.id, amount: -part, description: text },
      ]);
      const payMonth = month + (this.random.chance(0.3) ? 1 : 0);
      if (payMonth <= this.lastMonth) {
        this.add(payMonth, payMonth === month ? 27 : 5, `Innbetaling ${c.name}`, [
          { accountId: '1920', amount: part, description: 'Innbetaling kunde' },
          { accountId: '1500', amount: -part, description: 'Innbetaling kunde', customerId: c.id },
        ]);
      }
    });
  }
}

const department = (r: Random) => [{ type: 'A', id: r.pick(DEPARTMENTS) }];

function buildLedger(plan: DemoPlan, random: Random): SaftWriteTransaction[] {
  const b = new LedgerBuilder(random, plan.year, plan.months);
  for (let m = 1; m <= plan.months; m++) {
    const amount = (category: string) => plan.actual.get(category)?.[m - 1] ?? 0;
    for (const c of COSTS) {
      if (c.category === 'Finansposter') continue;
      const parts = spread(
        amount(c.category),
        c.accounts.map((a) => a.share),
      );
      c.accounts.forEach((a, i) => {
        const part = parts[i] ?? 0;
        if (c.category === 'Personalkostnader') {
          b.add(m, 20, `Lønnskjøring ${a.description.toLowerCase()}`, [
            { accountId: a.id, amount: part, description: a.description, analysis: department(random) },
            { accountId: '1920', amount: -part, description: 'Utbetaling lønn' },
          ]);
        } else if (c.category === 'Avskrivninger') {
          b.add(m, 28, 'Månedlige avskrivninger', [
            { accountId: a.id, amount: part, description: a.description },
            { accountId: '1290', amount: -part, description: 'Akkumulerte avskrivninger' },
          ]);
        } else {
          const projects = c.category === 'Tjenestekjøp' || c.category === 'Innleie';
          b.invoices(m, a, part, (r) => (projects ? [...department(r), { type: 'P', id: r.pick(PROJECTS) }] : department(r)));
        }
      });
    }
    const net = amount('Finansposter');
    const cost = mnok(INTEREST_COST_PER_MONTH);
    b.add(m, 28, 'Renter lån og kreditt', [
      { accountId: FINANCE_ACCOUNTS.cost.id, amount: cost, description: 'Rentekostnad' },
      { accountId: '1920', amount: -cost, description: 'Rentekostnad' },
    ]);
    b.add(m, 28, 'Renter bankinnskudd', [
      { accountId: '1920', amount: cost - net, description: 'Renteinntekt' },
      { accountId: FINANCE_ACCOUNTS.income.id, amount: net - cost, description: 'Renteinntekt' },
    ]);
    const income = spread(
      amount('Driftsinntekter'),
      INCOME.accounts.map((a) => a.share),
    );
    INCOME.accounts.forEach((a, i) => {
      if (a.id === '3900')
        b.add(m, 15, a.description, [
          { accountId: '1920', amount: income[i] ?? 0, description: a.description },
          { accountId: a.id, amount: -(income[i] ?? 0), description: a.description },
        ]);
      else b.sales(m, a, income[i] ?? 0);
    });
  }
  return b.transactions.sort((x, y) => x.date.localeCompare(y.date) || Number(x.id) - Number(y.id));
}

function chartOfAccounts(transactions: SaftWriteTransaction[], period: string): SaftWriteAccount[] {
  const bankMoved = transactions
    .filter((t) => t.date <= lastDayOfMonth(period))
    .flatMap((t) => t.lines)
    .filter((l) => l.accountId === '1920')
    .reduce((s, l) => s + l.amount, 0);
  const bankOpening = mnok(BANK_AT_PERIOD_END) - bankMoved;
  const opening: Record<string, Ore> = {
    '1280': mnok(FIXED_ASSETS),
    '1290': -mnok(ACCUMULATED_DEPRECIATION),
    '1920': bankOpening,
    '2050': -(mnok(FIXED_ASSETS) - mnok(ACCUMULATED_DEPRECIATION) + bankOpening),
  };
  const pl = [...INCOME.accounts, ...COSTS.flatMap((c) => c.accounts), FINANCE_ACCOUNTS.income, FINANCE_ACCOUNTS.cost];
  return [
    ...BALANCE_ACCOUNTS.map((a) => ({ ...a, opening: opening[a.id] ?? 0 })),
    ...pl.map((a) => ({
      id: a.id,
      description: a.description,
      groupingCategory: a.groupingCategory,
      groupingCode: a.groupingCode,
      opening: 0,
    })),
  ];
}

// ---------- the CSV files ----------

function field(v: string | number): string {
  const t = String(v);
  return /[;"\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

function csv(header: string[], rows: (string | number)[][]): string {
  return `${[header, ...rows].map((r) => r.map(field).join(';')).join('\n')}\n`;
}

/** NOK with a decimal comma, as Norwegian spreadsheets write it. */
function nokText(ore: Ore): string {
  return saftAmount(ore).replace('.', ',');
}

export function mappingCsv(): string {
  const explicit = COSTS.filter((c) => c.category === 'Innleie' || c.category === 'Frikjøp').flatMap((c) =>
    c.accounts.map((a) => [c.category, a.id, '']),
  );
  return csv(['category', 'from', 'to'], [...explicit, ...DEFAULT_RULES.map((r) => [r.category, String(r.from), String(r.to)])]);
}

export function budgetCsvs(plan: DemoPlan): { monthly: string; annual: string } {
  const income = plan.budget.get('Driftsinntekter') ?? [];
  const monthly = csv(
    ['year', 'month', 'category', 'amount'],
    income.map((a, i) => [plan.year, i + 1, 'Driftsinntekter', nokText(a)]),
  );
  const annual = csv(
    ['year', 'category', 'amount', 'profile'],
    COSTS.map((c) => [plan.year, c.category, nokText(mnok(c.budget)), c.profile.kind]),
  );
  return { monthly, annual };
}

export function forecastCsv(period: string): string {
  const { year, month } = parseYearMonth(period);
  const previous = yearMonth(year, month - 1);
  const all = [{ category: 'Driftsinntekter', ...INCOME }, ...COSTS];
  const rows = [
    ...all.map((c) => [
      previous,
      c.category,
      nokText(mnok(c.budget + c.aprilForecastDeviation)),
      c.aprilForecastDeviation === 0 ? '' : c.comment,
    ]),
    ...all.map((c) => [period, c.category, nokText(mnok(c.budget + c.forecastDeviation)), c.forecastDeviation === 0 ? '' : c.comment]),
  ];
  return csv(['period', 'category', 'amount', 'comment'], rows);
}

/**
 * The late postings of the demo: two supplier invoices dated in the month before the period, booked
 * after that month's first report cut-off (the one nearest 0,3 MNOK and the one nearest 0,05 MNOK).
 * The ledger as first reported lacks them; the full ledger has them, so every figure of the period
 * holds and that month's result is restated.
 */
export function latePostings(transactions: readonly SaftWriteTransaction[], month: number): SaftWriteTransaction[] {
  const cost = (t: SaftWriteTransaction) => t.lines.find((l) => l.amount > 0 && l.accountId !== '2400')?.amount ?? 0;
  const invoices = transactions.filter(
    (t) => t.period === month && t.description.startsWith('Faktura ') && t.lines.some((l) => l.accountId === '2400' && l.amount < 0),
  );
  const nearest = (target: Ore, from: readonly SaftWriteTransaction[]) =>
    [...from].sort((a, b) => Math.abs(cost(a) - target) - Math.abs(cost(b) - target) || Number(a.id) - Number(b.id))[0];
  const first = nearest(mnok(0.3), invoices);
  const second = nearest(
    mnok(0.05),
    invoices.filter((t) => t !== first),
  );
  return [first, second].filter((t): t is SaftWriteTransaction => t !== undefined);
}

/** Every transaction of the demo ledger January..period. */
export function buildDemoLedger(period: string): SaftWriteTransaction[] {
  return buildLedger(demoPlan(period), createRandom('finance-ledger'));
}

export async function writeDemoLedger(
  path: string,
  period: string,
  options: { firstReportOf?: string } = {},
): Promise<{ lines: number; late: Ore }> {
  const plan = demoPlan(period);
  const all = buildDemoLedger(period);
  const through = options.firstReportOf ?? period;
  const lastMonth = parseYearMonth(through).month;
  const late = options.firstReportOf ? latePostings(all, lastMonth) : [];
  const transactions = all.filter((t) => t.period <= lastMonth && !late.includes(t));
  const customers: SaftWriteCustomer[] = CUSTOMERS.map((c) => {
    const moved = transactions
      .flatMap((t) => t.lines)
      .filter((l) => l.customerId === c.id)
      .reduce((s, l) => s + l.amount, 0);
    return { id: c.id, name: c.name, accountId: '1500', opening: 0, closing: moved };
  });
  const written = await writeSaftFile(path, {
    header: {
      companyId: '999000111',
      companyName: 'HDO demo',
      periodStart: `${plan.year}-01`,
      periodEnd: through,
      createdDate: `${through}-${lastDayOfMonth(through).slice(8)}`,
      softwareName: 'Styrerom demo',
    },
    accounts: chartOfAccounts(all, period),
    customers,
    journalId: 'HB',
    transactions: () => transactions,
  });
  const lateCost = latePostings(all, lastMonth).reduce(
    (s, t) => s + t.lines.filter((l) => l.amount > 0 && l.accountId !== '2400').reduce((a, l) => a + l.amount, 0),
    0,
  );
  return { lines: written.lines, late: options.firstReportOf ? lateCost : 0 };
}

/** The morning of the 5th day after month end (08:00 UTC), before the first report cut-off of `month`. */
function beforeCutoff(month: string): string {
  return `${addDays(lastDayOfMonth(month), 4)}T08:00:00.000Z`;
}

export async function runFinanceDemo(ctx: DemoContext): Promise<void> {
  const plan = demoPlan(ctx.period);
  const files = {
    mapping: join(ctx.dir, 'finance-mapping.csv'),
    ledger: join(ctx.dir, `saf-t-${plan.year}-01-${ctx.period.slice(5)}.xml`),
    firstReported: join(ctx.dir, `saf-t-${plan.year}-01-${addMonths(ctx.period, -1).slice(5)}-som-først-rapportert.xml`),
    budget: join(ctx.dir, 'budget-monthly.csv'),
    annual: join(ctx.dir, 'budget-annual.csv'),
    forecast: join(ctx.dir, 'forecast.csv'),
  };
  const budgets = budgetCsvs(plan);
  await writeFile(files.mapping, mappingCsv());
  await writeFile(files.budget, budgets.monthly);
  await writeFile(files.annual, budgets.annual);
  await writeFile(files.forecast, forecastCsv(ctx.period));
  // The previous month's ledger as first reported (imported before its cut-off), then the full
  // ledger with two late postings into that month (imported before this period's cut-off).
  const previous = addMonths(ctx.period, -1);
  const samePeriodYear = previous.slice(0, 4) === ctx.period.slice(0, 4);
  const { lines } = await writeDemoLedger(files.ledger, ctx.period);
  await ctx.importFile('finance-mapping', files.mapping);
  if (samePeriodYear) {
    const { late } = await writeDemoLedger(files.firstReported, ctx.period, { firstReportOf: previous });
    await ctx.importFile('saf-t', files.firstReported, { now: beforeCutoff(previous) });
    ctx.log(
      `Hovedbok januar–${formatMonth(previous)} som først rapportert; to sene posteringer i ${formatMonth(previous)} (${formatMnok(late)}) kommer med neste import.`,
    );
  }
  await ctx.importFile('saf-t', files.ledger, samePeriodYear ? { now: beforeCutoff(ctx.period) } : {});
  await ctx.importFile('budget', files.budget);
  await ctx.importFile('budget-annual', files.annual);
  await ctx.importFile('forecast', files.forecast);
  ctx.log(`Hovedbok januar–${formatMonth(ctx.period)}: ${lines} posteringslinjer (SAF-T 1.30), budsjett og prognose importert.`);
}
