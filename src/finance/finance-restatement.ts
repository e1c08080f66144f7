/**
 * Finance "as first reported": the result of each earlier month of the year as known at the month's
 * first report cut-off, against the result known now. Late postings into a closed month are normal;
 * a re-imported ledger replaces postings, and the replaced ones are kept as sums
 * (ledger_replaced_sums), so both evaluations use the same data (`monthlyMovements` with `knownAt`).
 * The report block `finance-restatement` lists only the months whose result changed.
 */
import { Temporal } from 'temporal-polyfill';
import type { ReportBlockProvider, TableBlock } from '../report/blocks.ts';
import { formatDate, formatMnokValue, formatMonth, formatMonthCapitalised } from '../shared/format.ts';
import { type Ore, oreToNok } from '../shared/money.ts';
import { addDays, lastDayOfMonth, localDateOf, parseYearMonth, TIME_ZONE, type YearMonth, yearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { buildResultTable } from './finance.ts';
import { monthlyMovements, periodRangeOfMonths } from './ledger/ledger.queries.ts';
import { loadMapper } from './ledger/mapping.queries.ts';

/** A month is first reported with the ledger as it stood 5 days after month end at 23:59 (Oslo). */
export const FIRST_REPORT_CUTOFF = { days: 5, time: '23:59' } as const;

export function firstReportCutoff(month: YearMonth): string {
  const date = addDays(lastDayOfMonth(month), FIRST_REPORT_CUTOFF.days);
  return new Date(
    Temporal.PlainDateTime.from(`${date}T${FIRST_REPORT_CUTOFF.time}`).toZonedDateTime(TIME_ZONE).epochMilliseconds,
  ).toISOString();
}

export interface MonthResult {
  result: Ore;
  /** Report-signed actual per category (income and costs positive). */
  byCategory: Map<string, Ore>;
}

/** The month's result and category actuals as known at `knownAt` (undefined = everything imported). */
export async function monthResultKnownAt(db: Db, month: YearMonth, knownAt?: string): Promise<MonthResult> {
  const [movements, mapper] = await Promise.all([
    monthlyMovements(db, { from: month, to: month, ...(knownAt ? { knownAt } : {}) }),
    loadMapper(db),
  ]);
  const t = buildResultTable({ period: month, movements, mapper, budget: [], forecasts: [] });
  return { result: t.result.actualMonth, byCategory: new Map(t.rows.map((r) => [r.category, r.actualMonth])) };
}

export interface RestatedMonth {
  month: YearMonth;
  cutoff: string;
  firstReported: Ore;
  now: Ore;
  /** now − first reported. */
  difference: Ore;
  /** Categories whose month actual changed. */
  categories: string[];
  /** The ledger imports after the cut-off that cover the month (the ones that changed it). */
  imports: { fileName: string; importedAt: string }[];
}

/**
 * Each month of the period's year before the period, whose first report cut-off is before `knownAt`,
 * that had ledger data at its cut-off and whose result differs now.
 */
export async function financeRestatement(db: Db, options: { period: YearMonth; knownAt: string }): Promise<RestatedMonth[]> {
  const { year, month: last } = parseYearMonth(options.period);
  const out: RestatedMonth[] = [];
  for (let m = 1; m < last; m++) {
    const month = yearMonth(year, m);
    const cutoff = firstReportCutoff(month);
    if (Date.parse(cutoff) >= Date.parse(options.knownAt)) continue;
    const { first, last: lastKey } = periodRangeOfMonths(month, month);
    const files = await db
      .selectFrom('ledger_files')
      .select(['file_name', 'imported_at'])
      .where('first_period', '<=', lastKey)
      .where('last_period', '>=', first)
      .orderBy('imported_at')
      .orderBy('id')
      .execute();
    const before = files.filter((f) => Date.parse(f.imported_at) <= Date.parse(cutoff));
    const after = files.filter(
      (f) => Date.parse(f.imported_at) > Date.parse(cutoff) && Date.parse(f.imported_at) <= Date.parse(options.knownAt),
    );
    if (before.length === 0 || after.length === 0) continue;
    const then = await monthResultKnownAt(db, month, cutoff);
    const now = await monthResultKnownAt(db, month, options.knownAt);
    if (then.result === now.result) continue;
    const categories = [...new Set([...then.byCategory.keys(), ...now.byCategory.keys()])].filter(
      (c) => (then.byCategory.get(c) ?? 0) !== (now.byCategory.get(c) ?? 0),
    );
    out.push({
      month,
      cutoff,
      firstReported: then.result,
      now: now.result,
      difference: now.result - then.result,
      categories,
      imports: after.map((f) => ({ fileName: f.file_name, importedAt: f.imported_at })),
    });
  }
  return out;
}

const mnok = (ore: Ore) => ({ value: oreToNok(ore), text: formatMnokValue(ore) });

export function restatementTable(period: YearMonth, months: readonly RestatedMonth[]): TableBlock {
  return {
    kind: 'table',
    id: 'finance-restatement',
    caption: `Resultat per måned før og etter korrigering, ${formatMonth(`${period.slice(0, 4)}-01`)}–${formatMonth(period)} (MNOK)`,
    columns: [
      { label: 'Måned' },
      { label: 'Først rapportert', align: 'right' },
      { label: 'Nå', align: 'right' },
      { label: 'Endring', align: 'right' },
      { label: 'Endret av import' },
    ],
    rows: months.map((r) => ({
      cells: [
        { value: r.month, text: formatMonthCapitalised(r.month) },
        mnok(r.firstReported),
        mnok(r.now),
        mnok(r.difference),
        {
          value: r.imports.map((i) => i.fileName).join(', '),
          text: `${r.imports.map((i) => `${i.fileName} (${formatDate(localDateOf(Date.parse(i.importedAt)))})`).join(', ')}; endret: ${r.categories.join(', ')}`,
        },
      ],
    })),
    note:
      `Først rapportert = resultatet med hovedboken slik den var importert ${FIRST_REPORT_CUTOFF.days} dager etter månedsslutt kl. ` +
      `${FIRST_REPORT_CUTOFF.time.replace(':', '.')}; nå = med alt som er importert da rapporten ble satt sammen. ` +
      'Bare måneder der resultatet er endret, vises. Resultat = driftsinntekter − kostnader − netto finansposter.',
    provenance: {
      importKinds: ['saf-t', 'trial-balance', 'finance-mapping'],
      rules: [
        'En måned er først rapportert med hovedboken slik den var importert ved månedens første rapportfrist (5 dager etter månedsslutt kl. 23.59).',
      ],
    },
  };
}

export const financeRestatementBlock: ReportBlockProvider = {
  id: 'finance-restatement',
  async build(ctx) {
    const months = await financeRestatement(ctx.db, { period: ctx.period, knownAt: ctx.compiledAt });
    return months.length > 0 ? [restatementTable(ctx.period, months)] : [];
  },
};
