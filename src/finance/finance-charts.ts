/**
 * The finance page's charts (web/charts.ts): the result against budget month by month this year,
 * and the forecast for the year against the budget per cost category. Each has its numbers in a
 * table beside it, so the chart is never the only way to read them.
 */

import { formatMnokValue, formatMonthShort } from '../shared/format.ts';
import type { Ore } from '../shared/money.ts';
import { parseYearMonth, type YearMonth, ytdMonths } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { renderChart } from '../web/charts.ts';
import { html, raw, type SafeHtml } from '../web/html.ts';
import { financeResult } from './finance.section.ts';
import type { ResultTable } from './finance.ts';

export interface MonthResult {
  month: YearMonth;
  actual: Ore | null;
  budget: Ore | null;
}

const mnok = (ore: Ore | null) => (ore === null ? null : ore / 100 / 1_000_000);
const cell = (ore: Ore | null) => (ore === null ? '–' : formatMnokValue(ore));

/** Each month's result and budgeted result, January to the period (the engine run once per month). */
export async function resultByMonth(db: Db, period: YearMonth): Promise<MonthResult[]> {
  const out: MonthResult[] = [];
  for (const month of ytdMonths(period)) {
    const t = await financeResult(db, { period: month });
    out.push({ month, actual: t.hasActuals ? t.result.actualMonth : null, budget: t.hasBudget ? t.result.budgetMonth : null });
  }
  return out;
}

function figure(id: string, caption: string, svg: string, table: SafeHtml): SafeHtml {
  return html`<figure class="finance-chart" aria-labelledby="${id}">
${raw(svg)}
<figcaption id="${id}">${caption}</figcaption>
<details><summary>Tallene i figuren<span class="sr-only">: ${caption}</span></summary>${table}</details>
</figure>`;
}

export function resultChart(months: readonly MonthResult[], period: YearMonth): SafeHtml {
  const { year } = parseYearMonth(period);
  const caption = `Resultat mot budsjett per måned ${year} (MNOK)`;
  const svg = renderChart({
    kind: 'bar',
    categories: months.map((m) => m.month),
    series: [
      { name: 'Resultat', values: months.map((m) => mnok(m.actual)) },
      { name: 'Budsjett', values: months.map((m) => mnok(m.budget)) },
    ],
    decimals: 0,
    width: 720,
    title: caption,
  });
  const rows = months.map(
    (m) =>
      html`<tr><th scope="row">${formatMonthShort(m.month)}</th><td class="num">${cell(m.actual)}</td><td class="num">${cell(m.budget)}</td></tr>`,
  );
  return figure(
    'ok-figur-resultat',
    caption,
    svg,
    html`<table><caption class="sr-only">${caption}</caption><thead><tr><th scope="col">Måned</th><th scope="col" class="num">Resultat</th><th scope="col" class="num">Budsjett</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** Forecast for the year against budget per cost category; a category without a forecast is on budget. */
export function forecastChart(t: ResultTable): SafeHtml {
  const { year } = parseYearMonth(t.period);
  const rows = t.rows.filter((r) => r.kind !== 'income' && (r.budgetYear !== 0 || (r.forecastYear ?? 0) !== 0));
  const caption = `Prognose mot budsjett for ${year} per kostnadskategori (MNOK)`;
  const svg = renderChart({
    kind: 'bar',
    categories: rows.map((r) => r.category),
    series: [
      { name: 'Budsjett (år)', values: rows.map((r) => mnok(r.budgetYear)) },
      { name: 'Prognose (år)', values: rows.map((r) => mnok(r.forecastYear ?? r.budgetYear)) },
    ],
    decimals: 0,
    width: 860,
    height: 340,
    labelWidth: 80,
    title: caption,
  });
  const body = rows.map(
    (r) =>
      html`<tr><th scope="row">${r.category}</th><td class="num">${cell(r.budgetYear)}</td><td class="num">${cell(r.forecastYear ?? r.budgetYear)}</td></tr>`,
  );
  return figure(
    'ok-figur-prognose',
    caption,
    svg,
    html`<table><caption class="sr-only">${caption}</caption><thead><tr><th scope="col">Kategori</th><th scope="col" class="num">Budsjett (år)</th><th scope="col" class="num">Prognose (år)</th></tr></thead><tbody>${body}</tbody></table>`,
  );
}
