/**
 * Finance in the monthly report: the result table (`finance-result`, with the summary sentences),
 * the main YTD deviations (`finance-deviations`), the forecast table with its comments
 * (`finance-forecast`) and KPI lines (`finance-kpis`). MNOK with one decimal, true minus signs.
 */
import type { HtmlBlock, KpiLinesBlock, Provenance, ReportBlock, ReportBlockProvider, TableBlock, TableCell } from '../report/blocks.ts';
import { formatDayMonth, formatMnok, formatMnokValue, monthName } from '../shared/format.ts';
import { type Ore, oreToNok } from '../shared/money.ts';
import { lastDayOfMonth, type YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { html, type SafeHtml } from '../web/html.ts';
import { financeResult, liquidityAt } from './finance.section.ts';
import {
  DEFAULT_MATERIALITY_SHARE,
  deviation,
  deviationText,
  type Figures,
  mainDeviations,
  type ResultTable,
  reperiodisedYtd,
} from './finance.ts';

export const MATERIALITY_RULE = `Vesentlige avvik: minst ${String(DEFAULT_MATERIALITY_SHARE * 100).replace('.', ',')} % av årsbudsjettet for totale kostnader inkl. finansposter.`;

const RESULT_IMPORTS = ['saf-t', 'trial-balance', 'finance-mapping', 'budget', 'budget-annual'];

function provenance(extra: string[] = []): Provenance {
  return {
    importKinds: [...RESULT_IMPORTS, ...extra],
    rules: [
      'Kontoer er knyttet til rapportkategorier etter kategoritilordningen (eksplisitte kontoer først, så kontointervaller; første treff gjelder).',
      'Avvik = regnskap − budsjett. For kostnader er negativt avvik mindreforbruk («under budsjett»).',
      'Resultat = driftsinntekter − kostnader − netto finansposter.',
      MATERIALITY_RULE,
    ],
  };
}

function mnokCell(ore: Ore | null): TableCell {
  return ore === null ? { value: null, text: '–' } : { value: oreToNok(ore), text: formatMnokValue(ore) };
}

function textCell(text: string): TableCell {
  return { value: text, text };
}

/** "mai" */
function month(period: YearMonth): string {
  return monthName(Number(period.slice(5, 7)));
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const TOTAL_COSTS_LABEL = 'Sum kostnader inkl. finansposter';
export const RESULT_LABEL = 'Resultat';

function resultRow(label: string, f: Figures, total: boolean) {
  return {
    cells: [
      textCell(label),
      mnokCell(f.actualMonth),
      mnokCell(f.budgetMonth),
      mnokCell(deviation(f.actualMonth, f.budgetMonth)),
      mnokCell(f.actualYtd),
      mnokCell(f.budgetYtd),
      mnokCell(deviation(f.actualYtd, f.budgetYtd)),
    ],
    ...(total ? { total: true } : {}),
  };
}

export function resultTableBlock(t: ResultTable): TableBlock {
  const m = capitalised(month(t.period));
  return {
    kind: 'table',
    id: 'finance-result',
    caption: 'Resultat mot budsjett i perioden og hittil i år (HiÅ)',
    columns: [
      { label: 'Kategori (MNOK)' },
      { label: `Regnskap ${m}`, align: 'right' },
      { label: `Budsjett ${m}`, align: 'right' },
      { label: `Avvik ${m}`, align: 'right' },
      { label: 'Regnskap HiÅ', align: 'right' },
      { label: 'Budsjett HiÅ', align: 'right' },
      { label: 'Avvik HiÅ', align: 'right' },
    ],
    rows: [
      ...t.rows.map((r) => resultRow(r.category, r, false)),
      resultRow(TOTAL_COSTS_LABEL, t.totals, true),
      resultRow(RESULT_LABEL, t.result, true),
    ],
    note: 'Beløp i MNOK. Inntekter og kostnader vises som positive tall; avvik = regnskap − budsjett (negativt avvik på kostnader er mindreforbruk).',
    provenance: provenance(),
  };
}

/** YTD actual against the YTD budget as budgeted and as an evenly periodised annual budget. */
export function evenProfileBlock(t: ResultTable): TableBlock {
  const even = reperiodisedYtd(t, Array(12).fill(1));
  const row = (label: string, actual: Ore, budget: Ore, evenBudget: Ore, total = false) => ({
    cells: [
      textCell(label),
      mnokCell(actual),
      mnokCell(budget),
      mnokCell(deviation(actual, budget)),
      mnokCell(evenBudget),
      mnokCell(deviation(actual, evenBudget)),
    ],
    ...(total ? { total: true } : {}),
  });
  const costs = t.rows.filter((r) => r.kind !== 'income');
  const evenCosts = costs.reduce((s, r) => s + (even.get(r.category) ?? 0), 0);
  return {
    kind: 'table',
    id: 'finance-result-even',
    caption: 'Hittil i år mot budsjettet og mot et jevnt periodisert årsbudsjett',
    columns: [
      { label: 'Kategori (MNOK)' },
      { label: 'Regnskap HiÅ', align: 'right' },
      { label: 'Budsjett HiÅ', align: 'right' },
      { label: 'Avvik', align: 'right' },
      { label: 'Jevnt periodisert HiÅ', align: 'right' },
      { label: 'Avvik mot jevn', align: 'right' },
    ],
    rows: [
      ...t.rows.map((r) => row(r.category, r.actualYtd, r.budgetYtd, even.get(r.category) ?? 0)),
      row(TOTAL_COSTS_LABEL, t.totals.actualYtd, t.totals.budgetYtd, evenCosts, true),
    ],
    note: 'Jevnt periodisert: årsbudsjettet delt likt på årets tolv måneder. Viser hvor mye av avviket som skyldes periodiseringen av budsjettet.',
    provenance: provenance(),
  };
}

function forecastRow(label: string, f: Figures, comment: string | null, total: boolean) {
  const forecast = f.forecastYear;
  return {
    cells: [
      textCell(label),
      mnokCell(f.budgetYear),
      mnokCell(forecast),
      mnokCell(forecast === null ? null : deviation(forecast, f.budgetYear)),
      // The comment stands alone in its cell: capitalised, even where it was written to continue a sentence.
      textCell(comment ? capitalised(comment) : ''),
    ],
    ...(total ? { total: true } : {}),
  };
}

export function forecastTableBlock(t: ResultTable): TableBlock {
  return {
    kind: 'table',
    id: 'finance-forecast',
    caption: `Prognose per ${month(t.period)}`,
    columns: [
      { label: 'Kategori (MNOK)' },
      { label: 'Årsbudsjett', align: 'right' },
      { label: 'Prognose', align: 'right' },
      { label: 'Avvik', align: 'right' },
      { label: 'Kommentar' },
    ],
    rows: [
      ...t.rows.map((r) => forecastRow(r.category, r, r.forecastComment, false)),
      forecastRow(TOTAL_COSTS_LABEL, t.totals, null, true),
      forecastRow(RESULT_LABEL, t.result, null, true),
    ],
    note: 'Beløp i MNOK. Prognose = forventet årsresultat per kategori slik det ble vurdert i perioden; avvik = prognose − årsbudsjett. En kategori uten prognose regnes som på budsjett i summene.',
    provenance: provenance(['forecast']),
  };
}

function resultWords(ore: Ore): string {
  return `et ${ore < 0 ? 'negativt' : 'positivt'} resultat på ${formatMnok(Math.abs(ore))}`;
}

/** The seed's opening sentences, computed: result month and YTD, total cost deviations. */
export function resultSummary(t: ResultTable): SafeHtml {
  const costMonth = deviation(t.totals.actualMonth, t.totals.budgetMonth);
  const costYtd = deviation(t.totals.actualYtd, t.totals.budgetYtd);
  return html`<p>For ${month(t.period)} er det ${resultWords(t.result.actualMonth)}. Akkumulert er det ${resultWords(t.result.actualYtd)}.</p>
<p>Totale kostnader for perioden er ${deviationText(costMonth)}. Akkumulert er totale driftskostnader inkludert finansposter ${deviationText(costYtd)}.</p>`;
}

export function deviationsHtml(t: ResultTable): SafeHtml {
  const per = formatDayMonth(lastDayOfMonth(t.period));
  const list = mainDeviations(t, { basis: 'ytd' });
  if (list.length === 0) return html`<p>Ingen vesentlige avvik mot budsjett per ${per} (akkumulert).</p>`;
  return html`<p>Vesentligste avvikene mot budsjett per ${per} (akkumulert):</p>
<ul class="deviations">${list.map((d) => html`<li>${d.category} ${d.text}</li>`)}</ul>`;
}

export function forecastSummary(t: ResultTable): SafeHtml {
  if (t.totals.forecastYear === null) return html`<p>Det er ikke lagt inn prognose per ${month(t.period)}.</p>`;
  const dev = deviation(t.totals.forecastYear, t.totals.budgetYear);
  const words = deviationText(dev).replace(/budsjett$/, 'årsbudsjett');
  const list = mainDeviations(t, { basis: 'forecast' });
  const per = formatDayMonth(lastDayOfMonth(t.period));
  return html`<p>Årsprognose per ${month(t.period)} viser totale kostnader (inkl. finansposter) på ${formatMnok(t.totals.forecastYear)}. Dette gir totale kostnader på ${words}.</p>
${
  list.length === 0
    ? ''
    : // The comments are the forecast table's comment column; printed once, not repeated here.
      html`<p>Vesentligste avvik mot budsjett i prognosen per ${per} (kommentarene står i tabellen):</p>
<ul class="deviations">${list.map((d) => html`<li>${d.category} er ${d.text}.</li>`)}</ul>`
}`;
}

function htmlBlock(id: string, body: SafeHtml): HtmlBlock {
  return { kind: 'html', id, html: body };
}

export function kpiLines(t: ResultTable, liquidity: Ore | null): KpiLinesBlock {
  const m = capitalised(month(t.period));
  const item = (label: string, text: string) => ({ label, text, status: 'none' as const });
  const items = [
    item(`Resultat ${m}`, formatMnok(t.result.actualMonth)),
    item('Resultat hittil i år', formatMnok(t.result.actualYtd)),
    item(`Kostnadsavvik ${m}`, deviationText(deviation(t.totals.actualMonth, t.totals.budgetMonth))),
    item('Kostnadsavvik hittil i år', deviationText(deviation(t.totals.actualYtd, t.totals.budgetYtd))),
  ];
  if (t.totals.forecastYear !== null) items.push(item('Prognose totale kostnader', formatMnok(t.totals.forecastYear)));
  if (liquidity !== null) items.push(item(`Likviditet per ${formatDayMonth(lastDayOfMonth(t.period))}`, formatMnok(liquidity)));
  return { kind: 'kpis', id: 'finance-kpis', title: 'Økonomi', items };
}

async function load(db: Db, period: YearMonth): Promise<ResultTable | null> {
  const t = await financeResult(db, { period });
  return t.hasActuals || t.hasBudget ? t : null;
}

export const financeReportBlocks: ReportBlockProvider[] = [
  {
    id: 'finance-result',
    async build(ctx): Promise<ReportBlock[]> {
      const t = await load(ctx.db, ctx.period);
      return t ? [htmlBlock('finance-result-summary', resultSummary(t)), resultTableBlock(t)] : [];
    },
  },
  {
    id: 'finance-deviations',
    async build(ctx) {
      const t = await load(ctx.db, ctx.period);
      return t ? [htmlBlock('finance-deviations', deviationsHtml(t))] : [];
    },
  },
  {
    id: 'finance-forecast',
    async build(ctx) {
      const t = await load(ctx.db, ctx.period);
      return t ? [htmlBlock('finance-forecast-summary', forecastSummary(t)), forecastTableBlock(t)] : [];
    },
  },
  {
    id: 'finance-kpis',
    async build(ctx) {
      const t = await load(ctx.db, ctx.period);
      return t ? [kpiLines(t, await liquidityAt(ctx.db, { period: ctx.period }))] : [];
    },
  },
];
