/**
 * The finance section model for a period, read from the database: the result table (month, YTD,
 * forecast) and liquidity. The CLI, API, web page, KPIs and report blocks all start here, so they
 * can never disagree.
 */
import { oreToNok } from '../shared/money.ts';
import { lastDayOfMonth, parseYearMonth, type YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { buildResultTable, type Figures, type ResultTable } from './finance.ts';
import { bankBalanceAt, hasLedgerDataFor, monthlyMovements } from './ledger/ledger.queries.ts';
import { loadMapper } from './ledger/mapping.queries.ts';
import { budgetLines, forecastsInForce } from './plan/plan.queries.ts';

/** The result table; with `knownAt`, the actuals as the ledger stood at that instant (budget and forecast as now). */
export async function financeResult(db: Db, options: { period: YearMonth; knownAt?: string }): Promise<ResultTable> {
  const { year } = parseYearMonth(options.period);
  const [movements, mapper, budget, forecasts] = await Promise.all([
    monthlyMovements(db, { from: `${year}-01`, to: options.period, ...(options.knownAt ? { knownAt: options.knownAt } : {}) }),
    loadMapper(db),
    budgetLines(db, { year }),
    forecastsInForce(db, { period: options.period }),
  ]);
  return buildResultTable({ period: options.period, movements, mapper, budget, forecasts });
}

/** Bank balance (accounts 1900–1999) at the end of the period's last day; null without ledger data. */
export async function liquidityAt(db: Db, options: { period: YearMonth }): Promise<number | null> {
  if (!(await hasLedgerDataFor(db, { month: options.period }))) return null;
  return bankBalanceAt(db, { date: lastDayOfMonth(options.period) });
}

// ---------- the JSON contract of `styrerom finance table --json` and GET /api/finance/result ----------

export interface FiguresJson {
  actualMonth: number;
  budgetMonth: number;
  actualYtd: number;
  budgetYtd: number;
  forecastYear: number | null;
  budgetYear: number;
}

export interface ResultTableJson {
  period: YearMonth;
  rows: (FiguresJson & { category: string })[];
  totals: FiguresJson;
  result: FiguresJson;
}

function figuresJson(f: Figures): FiguresJson {
  return {
    actualMonth: oreToNok(f.actualMonth),
    budgetMonth: oreToNok(f.budgetMonth),
    actualYtd: oreToNok(f.actualYtd),
    budgetYtd: oreToNok(f.budgetYtd),
    forecastYear: f.forecastYear === null ? null : oreToNok(f.forecastYear),
    budgetYear: oreToNok(f.budgetYear),
  };
}

/** Numbers in NOK (exact: øre / 100), income and costs positive; totals = costs incl. finance items. */
export function resultTableJson(table: ResultTable): ResultTableJson {
  return {
    period: table.period,
    rows: table.rows.map((r) => ({ category: r.category, ...figuresJson(r) })),
    totals: figuresJson(table.totals),
    result: figuresJson(table.result),
  };
}

const FIGURES_SCHEMA = {
  actualMonth: { type: 'number', description: 'Actual for the month, NOK' },
  budgetMonth: { type: 'number', description: 'Budget for the month, NOK' },
  actualYtd: { type: 'number', description: 'Actual year-to-date, NOK' },
  budgetYtd: { type: 'number', description: 'Budget year-to-date, NOK' },
  forecastYear: { type: ['number', 'null'], description: 'Annual forecast in force for the period, NOK (null: none entered)' },
  budgetYear: { type: 'number', description: 'Annual budget, NOK' },
} as const;

const FIGURES_REQUIRED = Object.keys(FIGURES_SCHEMA);

/** JSON Schema (OpenAPI) of ResultTableJson. */
export const RESULT_TABLE_SCHEMA = {
  type: 'object',
  required: ['period', 'rows', 'totals', 'result'],
  properties: {
    period: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        required: ['category', ...FIGURES_REQUIRED],
        properties: { category: { type: 'string', description: 'Norwegian category name' }, ...FIGURES_SCHEMA },
      },
    },
    totals: { type: 'object', description: 'Total costs including finance items', required: FIGURES_REQUIRED, properties: FIGURES_SCHEMA },
    result: {
      type: 'object',
      description: 'Driftsinntekter − costs − net Finansposter',
      required: FIGURES_REQUIRED,
      properties: FIGURES_SCHEMA,
    },
  },
} as const;
