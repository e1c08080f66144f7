/**
 * CSV/XLSX imports of the plan side: monthly budget lines, annual budgets with a periodisation
 * profile, forecasts, and the category mapping rules.
 */
import { defineTableImporter } from '../../imports/table-importer.ts';
import type { Ore } from '../../shared/money.ts';
import type { MappingRule } from '../categories.ts';
import { amountField, categoryField, monthField, periodField, yearField } from '../fields.ts';
import { saveMappingRules } from '../ledger/mapping.queries.ts';
import { type Profile, periodise } from './budget.ts';
import { type NewBudgetLine, type NewForecast, replaceBudget, saveForecasts } from './plan.queries.ts';

/** `budget`: year;month;category;amount (NOK; income and costs positive, Finansposter as net cost). */
export const budgetImporter = defineTableImporter<NewBudgetLine>({
  kind: 'budget',
  label: 'Budsjett per måned',
  description: 'Monthly budget: year;month;category;amount (NOK, income and costs positive). Replaces each (year, category) in the file.',
  columns: [{ name: 'year' }, { name: 'month' }, { name: 'category' }, { name: 'amount' }],
  parseRow(record, ctx) {
    const v = record.values;
    const year = yearField(v.year, ctx);
    const month = monthField(v.month, ctx);
    const category = categoryField(v.category, ctx);
    const amount = amountField(v.amount, ctx);
    if (year === undefined || month === undefined || category === undefined || amount === undefined) return undefined;
    return { year, month, category, amount, profile: 'monthly' };
  },
  write: (trx, rows, ctx) => replaceBudget(trx, rows, ctx.runId),
});

const PROFILE_NAMES: Record<string, 'even' | 'working-days' | 'weights'> = {
  even: 'even',
  jevn: 'even',
  jevnt: 'even',
  'working-days': 'working-days',
  arbeidsdager: 'working-days',
  weights: 'weights',
  vekter: 'weights',
};

const WEIGHT_COLUMNS = Array.from({ length: 12 }, (_, i) => `w${i + 1}`);

/** `budget-annual`: year;category;amount;profile[;w1..w12] → 12 monthly lines. */
export const annualBudgetImporter = defineTableImporter<NewBudgetLine[]>({
  kind: 'budget-annual',
  label: 'Årsbudsjett med periodisering',
  description:
    'Annual budget: year;category;amount;profile (even | working-days | weights, with w1..w12) → 12 monthly lines. Replaces each (year, category) in the file.',
  columns: [
    { name: 'year' },
    { name: 'category' },
    { name: 'amount' },
    { name: 'profile' },
    ...WEIGHT_COLUMNS.map((name) => ({ name, required: false })),
  ],
  parseRow(record, ctx) {
    const v = record.values;
    const year = yearField(v.year, ctx);
    const category = categoryField(v.category, ctx);
    const amount = amountField(v.amount, ctx);
    const kind = PROFILE_NAMES[(v.profile ?? '').trim().toLowerCase()];
    if (!kind)
      ctx.problem(
        'profile',
        `ukjent profil «${v.profile ?? ''}», forventet even, working-days eller weights`,
        `unknown profile, expected even, working-days or weights`,
      );
    let profile: Profile | undefined = kind === 'weights' ? undefined : kind ? { kind } : undefined;
    if (kind === 'weights') {
      const weights = WEIGHT_COLUMNS.map((c) => Number((v[c] ?? '').trim().replace(',', '.')));
      const bad = WEIGHT_COLUMNS.find((c, i) => (v[c] ?? '').trim() === '' || !((weights[i] ?? Number.NaN) >= 0));
      if (bad)
        ctx.problem(
          bad,
          `vekt «${v[bad] ?? ''}» mangler eller er ugyldig; profilen weights trenger w1..w12 ≥ 0`,
          `weight missing or invalid`,
        );
      else if (weights.every((w) => w === 0)) ctx.problem('w1', 'alle vektene er 0', 'all weights are 0');
      else profile = { kind: 'weights', weights };
    }
    if (year === undefined || category === undefined || amount === undefined || profile === undefined) return undefined;
    const months = periodise(amount, profile, year);
    return months.map((m: Ore, i) => ({ year, month: i + 1, category, amount: m, profile: profile.kind }));
  },
  write: (trx, rows, ctx) => replaceBudget(trx, rows.flat(), ctx.runId),
});

/** `forecast`: period;category;amount;comment (annual forecast as of the period). */
export const forecastImporter = defineTableImporter<NewForecast>({
  kind: 'forecast',
  label: 'Prognose (årsprognose per periode)',
  description: 'Forecast: period;category;amount;comment (expected annual total as of the period, NOK). Earlier periods are kept.',
  columns: [{ name: 'period' }, { name: 'category' }, { name: 'amount' }, { name: 'comment', required: false }],
  parseRow(record, ctx) {
    const v = record.values;
    const period = periodField(v.period, ctx);
    const category = categoryField(v.category, ctx);
    const amount = amountField(v.amount, ctx);
    if (period === undefined || category === undefined || amount === undefined) return undefined;
    return { period, category, amount, comment: (v.comment ?? '').trim() };
  },
  validate(rows, ctx) {
    const seen = new Map<string, number>();
    const problems = [];
    for (const { line, row } of rows) {
      const key = `${row.period}|${row.category}`;
      const first = seen.get(key);
      if (first !== undefined)
        problems.push({
          file: ctx.source.fileName,
          line,
          column: 'category',
          message: `${row.category} for ${row.period} står også på linje ${first}`,
          messageEn: `duplicate period and category (also on line ${first})`,
          severity: 'error' as const,
        });
      else seen.set(key, line);
    }
    return problems;
  },
  write: (trx, rows, ctx) => saveForecasts(trx, rows, { now: ctx.now, by: ctx.importedBy, importRunId: ctx.runId }),
});

/** `finance-mapping`: category;from;to — a range, or an explicit account when `to` is empty. Replaces all rules. */
export const mappingImporter = defineTableImporter<MappingRule>({
  kind: 'finance-mapping',
  label: 'Kategoritilordning (kontoer → rapportkategorier)',
  description:
    'Category mapping rules: category;from;to, an inclusive account range, or an explicit account in from with to empty. Replaces all rules.',
  columns: [{ name: 'category' }, { name: 'from' }, { name: 'to', required: false }],
  parseRow(record, ctx) {
    const v = record.values;
    const category = categoryField(v.category, ctx);
    const from = (v.from ?? '').trim();
    const to = (v.to ?? '').trim();
    if (from === '') ctx.problem('from', '«from» mangler', '"from" is missing');
    if (category === undefined || from === '') return undefined;
    if (to === '') return { category, account: from };
    if (!/^\d+$/.test(from) || !/^\d+$/.test(to) || Number(from) > Number(to)) {
      ctx.problem('to', `ugyldig kontointervall ${from}–${to}`, `invalid account range ${from}-${to}`);
      return undefined;
    }
    return { category, from: Number(from), to: Number(to) };
  },
  write: (trx, rows, ctx) => saveMappingRules(trx, rows, { now: ctx.now, by: ctx.importedBy }),
});
