/**
 * The "Økonomi" page (/okonomi): result month/YTD with deviations, the forecast with comments
 * (editable at /okonomi/prognose), accounts without a category and the category rules (editable at
 * /okonomi/kategorier). Every table downloads as CSV and XLSX (/okonomi/<table id>.<csv|xlsx>).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../module.ts';
import type { TableBlock } from '../report/blocks.ts';
import { AppError } from '../shared/errors.ts';
import { formatMonth, formatNok, formatNumber } from '../shared/format.ts';
import { parseNok } from '../shared/money.ts';
import { parseYearMonth, type YearMonth } from '../shared/period.ts';
import { html, type SafeHtml } from '../web/html.ts';
import { page } from '../web/layout.ts';
import { emptyState } from '../web/overview.ts';
import { resolvePeriod } from '../web/period-param.ts';
import { type ExportFormat, exportFileName, exportTable, tableWithExports } from '../web/table-export.ts';
import { CATEGORIES, type MappingRule, ruleErrors } from './categories.ts';
import {
  deviationsHtml,
  evenProfileBlock,
  forecastSummary,
  forecastTableBlock,
  resultSummary,
  resultTableBlock,
} from './finance.blocks.ts';
import { financeResult } from './finance.section.ts';
import type { ResultTable } from './finance.ts';
import { forecastChart, resultByMonth, resultChart } from './finance-charts.ts';
import { accountDescriptions } from './ledger/ledger.queries.ts';
import { loadMappingRules, saveMappingRules } from './ledger/mapping.queries.ts';
import { forecastHistory, type NewForecast, saveForecasts } from './plan/plan.queries.ts';

export const FINANCE_PATH = '/okonomi';

const FLASH: Record<string, string> = {
  prognose: 'Prognosen er lagret. Tidligere perioders prognoser er tatt vare på.',
  kategorier: 'Kategoritilordningen er lagret. Tabellene bruker de nye reglene med en gang.',
};

const nokCell = (ore: number) => ({ value: ore / 100, text: formatNok(ore) });

export function unmappedBlock(t: ResultTable, descriptions: Map<string, string>): TableBlock {
  return {
    kind: 'table',
    id: 'finance-unmapped',
    caption: `Kontoer uten rapportkategori, hittil i år per ${formatMonth(t.period)}`,
    columns: [{ label: 'Konto' }, { label: 'Kontonavn' }, { label: 'Beløp hittil i år (NOK, debet positiv)', align: 'right' }],
    rows: t.unmapped.map((u) => ({
      cells: [
        { value: u.accountId, text: u.accountId },
        { value: descriptions.get(u.accountId) ?? '', text: descriptions.get(u.accountId) ?? '' },
        nokCell(u.amountYtd),
      ],
    })),
    note: 'Disse beløpene er ikke med i resultattabellen. Legg til en regel i kategoritilordningen.',
    provenance: {
      importKinds: ['saf-t', 'trial-balance', 'finance-mapping'],
      rules: ['Kontoer 1000–2999 er balansekontoer og trenger ingen kategori.'],
    },
  };
}

export function mappingBlock(rules: readonly MappingRule[], isDefault: boolean): TableBlock {
  const ordered = [...rules.filter((r) => r.account !== undefined), ...rules.filter((r) => r.account === undefined)];
  return {
    kind: 'table',
    id: 'finance-mapping',
    caption: `Kategoritilordning${isDefault ? ' (standard)' : ''}`,
    columns: [{ label: 'Kategori' }, { label: 'Fra konto' }, { label: 'Til konto' }],
    rows: ordered.map((r) => ({
      cells: [
        { value: r.category, text: r.category },
        { value: r.account ?? r.from ?? null, text: r.account ?? String(r.from) },
        { value: r.account !== undefined ? null : r.to, text: r.account !== undefined ? 'eksplisitt konto' : String(r.to) },
      ],
    })),
    note: 'Eksplisitte kontoer prøves først, så kontointervaller i rekkefølge; første treff gjelder.',
    provenance: { importKinds: ['finance-mapping'], rules: [] },
  };
}

async function pageBlocks(deps: AppDeps, period: YearMonth) {
  const t = await financeResult(deps.db, { period });
  const { rules, isDefault } = await loadMappingRules(deps.db);
  const descriptions = await accountDescriptions(deps.db);
  const blocks = [
    resultTableBlock(t),
    evenProfileBlock(t),
    forecastTableBlock(t),
    unmappedBlock(t, descriptions),
    mappingBlock(rules, isDefault),
  ];
  return { t, blocks: new Map(blocks.map((b) => [b.id, b])) };
}

function exportHref(period: YearMonth) {
  return (id: string) => (format: ExportFormat) => `${FINANCE_PATH}/${id}.${format}?period=${period}`;
}

interface FinanceCharts {
  result: SafeHtml;
  forecast: SafeHtml;
}

function financeBody(t: ResultTable, blocks: Map<string, TableBlock>, flash: string | undefined, charts: FinanceCharts): SafeHtml {
  const href = exportHref(t.period);
  const table = (id: string) => {
    const b = blocks.get(id);
    return b ? tableWithExports(b, href(id)) : '';
  };
  const unmapped = blocks.get('finance-unmapped');
  return html`${flash ? html`<p class="notice" role="status">${flash}</p>` : ''}
<section aria-labelledby="ok-resultat">
  <h2 id="ok-resultat">Resultat</h2>
  ${resultSummary(t)}
  ${charts.result}
  ${deviationsHtml(t)}
  ${table('finance-result')}
  <details><summary>Avvik mot et jevnt periodisert budsjett</summary>
  ${table('finance-result-even')}
  </details>
</section>
<section aria-labelledby="ok-prognose">
  <h2 id="ok-prognose">Prognose</h2>
  ${forecastSummary(t)}
  ${charts.forecast}
  ${table('finance-forecast')}
  <p><a class="button" href="${FINANCE_PATH}/prognose?period=${t.period}">Endre prognose for ${formatMonth(t.period)}</a></p>
</section>
<section aria-labelledby="ok-ukategorisert">
  <h2 id="ok-ukategorisert">Kontoer uten rapportkategori</h2>
  ${unmapped && unmapped.rows.length > 0 ? html`<div class="notice notice--error" role="alert">${table('finance-unmapped')}</div>` : html`<p>Alle kontoer med bevegelse hittil i år har en rapportkategori.</p>`}
</section>
<section aria-labelledby="ok-kategorier">
  <h2 id="ok-kategorier">Kategoritilordning</h2>
  ${table('finance-mapping')}
  <p><a class="button" href="${FINANCE_PATH}/kategorier?period=${t.period}">Endre kategoritilordningen</a></p>
</section>`;
}

// ---------- forms ----------

interface FormProblem {
  field: string;
  message: string;
}

function problemList(problems: readonly FormProblem[]): SafeHtml {
  if (problems.length === 0) return html``;
  return html`<div class="notice notice--error" role="alert" tabindex="-1" data-error-summary><p>Skjemaet ble ikke lagret:</p><ul>${problems.map((p) => html`<li><a href="#${p.field}">${p.message}</a></li>`)}</ul></div>`;
}

function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) out[k] = typeof v === 'string' ? v : String(v ?? '');
  return out;
}

/** Form field names per category: amount-0 … amount-9, comment-0 … */
export function parseForecastForm(period: YearMonth, values: Record<string, string>): { rows: NewForecast[]; problems: FormProblem[] } {
  const rows: NewForecast[] = [];
  const problems: FormProblem[] = [];
  CATEGORIES.forEach((c, i) => {
    const amountText = (values[`amount-${i}`] ?? '').trim();
    const comment = (values[`comment-${i}`] ?? '').trim();
    if (amountText === '') {
      if (comment !== '') problems.push({ field: `amount-${i}`, message: `${c.name}: kommentar uten beløp` });
      return;
    }
    const amount = parseNok(amountText);
    if (amount === undefined) problems.push({ field: `amount-${i}`, message: `${c.name}: «${amountText}» er ikke et beløp i kroner` });
    else rows.push({ period, category: c.name, amount, comment });
  });
  return { rows, problems };
}

function forecastForm(t: ResultTable, values: Record<string, string>, problems: readonly FormProblem[]): SafeHtml {
  const rows = CATEGORIES.map((c, i) => {
    const row = t.rows.find((r) => r.category === c.name);
    return html`<tr><th scope="row"><label for="amount-${i}">${c.name}</label></th>
<td class="num">${row ? formatNok(row.budgetYear) : ''}</td>
<td><input id="amount-${i}" name="amount-${i}" inputmode="decimal" value="${values[`amount-${i}`] ?? ''}"></td>
<td><textarea name="comment-${i}" rows="2" cols="50" aria-label="Kommentar til ${c.name}">${values[`comment-${i}`] ?? ''}</textarea></td></tr>`;
  });
  return html`${problemList(problems)}
<p>Forventet årsresultat per kategori i kroner, slik det vurderes per ${formatMonth(t.period)} (inntekter og kostnader som positive tall,
finansposter som netto kostnad). Tomt felt: ingen prognose for kategorien i denne perioden. Prognoser fra tidligere perioder endres ikke.</p>
<form method="post" action="${FINANCE_PATH}/prognose?period=${t.period}">
<table><caption>Prognose per ${formatMonth(t.period)}</caption>
<thead><tr><th scope="col">Kategori</th><th scope="col" class="num">Årsbudsjett (NOK)</th><th scope="col">Prognose (NOK)</th><th scope="col">Kommentar</th></tr></thead>
<tbody>${rows}</tbody></table>
<p><button type="submit">Lagre prognose</button> <a href="${FINANCE_PATH}?period=${t.period}">Avbryt</a></p>
</form>`;
}

function historyTable(history: Awaited<ReturnType<typeof forecastHistory>>): SafeHtml {
  if (history.length === 0) return html``;
  const rows = history.map(
    (h) =>
      html`<tr><td>${formatMonth(h.period)}</td><th scope="row">${h.category}</th><td class="num">${formatNok(h.amount)}</td><td>${h.comment}</td><td>${h.updatedBy}</td></tr>`,
  );
  return html`<h2>Tidligere prognoser i året</h2><table><caption class="sr-only">Alle prognoser i året</caption>
<thead><tr><th scope="col">Periode</th><th scope="col">Kategori</th><th scope="col" class="num">Prognose (NOK)</th><th scope="col">Kommentar</th><th scope="col">Lagret av</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** One rule per line: "Kategori;fra;til" (range) or "Kategori;konto" (explicit account). */
export function parseRulesText(text: string): { rules: MappingRule[]; problems: FormProblem[] } {
  const rules: MappingRule[] = [];
  const problems: FormProblem[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [category = '', from = '', to = ''] = line.split(';').map((s) => s.trim());
    if (from === '') problems.push({ field: 'rules', message: `linje ${i + 1}: mangler konto eller kontointervall` });
    else if (to === '') rules.push({ category, account: from });
    else if (!/^\d+$/.test(from) || !/^\d+$/.test(to))
      problems.push({ field: 'rules', message: `linje ${i + 1}: kontointervallet må være tall` });
    else rules.push({ category, from: Number(from), to: Number(to) });
  });
  for (const e of ruleErrors(rules)) problems.push({ field: 'rules', message: `regel ${e.index + 1}: ${e.message}` });
  return { rules, problems };
}

export function rulesText(rules: readonly MappingRule[]): string {
  return rules.map((r) => (r.account !== undefined ? `${r.category};${r.account}` : `${r.category};${r.from};${r.to}`)).join('\n');
}

function rulesForm(period: YearMonth, text: string, problems: readonly FormProblem[]): SafeHtml {
  return html`${problemList(problems)}
<p>Én regel per linje: <code>Kategori;fra;til</code> for et kontointervall, <code>Kategori;konto</code> for en eksplisitt konto.
Eksplisitte kontoer prøves først, så intervallene ovenfra og ned; første treff gjelder. Kategorier: ${CATEGORIES.map((c) => c.name).join(', ')}.
Tøm feltet for å gå tilbake til standardreglene.</p>
<form method="post" action="${FINANCE_PATH}/kategorier?period=${period}">
<label for="rules">Regler</label><br>
<textarea id="rules" name="rules" rows="20" cols="60">${text}</textarea>
<p><button type="submit">Lagre kategoritilordning</button> <a href="${FINANCE_PATH}?period=${period}">Avbryt</a></p>
</form>`;
}

function send(reply: FastifyReply, markup: string, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(markup);
}

export async function financeWeb(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const periodOf = (req: FastifyRequest) => resolvePeriod(req.query, deps.config);
  const show = (reply: FastifyReply, title: string, period: YearMonth, body: SafeHtml, status = 200) =>
    send(reply, page(deps, { title, period, activePath: FINANCE_PATH, body }), status);

  app.get(FINANCE_PATH, { config: { permission: 'read' } }, async (req, reply) => {
    const period = periodOf(req);
    const { t, blocks } = await pageBlocks(deps, period);
    const flash = FLASH[(req.query as Record<string, string>).melding ?? ''];
    const hasData = t.hasActuals || t.hasBudget;
    const charts = hasData ? { result: resultChart(await resultByMonth(deps.db, period), period), forecast: forecastChart(t) } : null;
    const body = charts ? financeBody(t, blocks, flash, charts) : emptyState(period);
    return show(reply, 'Økonomi', period, body);
  });

  app.get(`${FINANCE_PATH}/prognose`, { config: { permission: 'read' } }, async (req, reply) => forecastPage(req, reply, {}, []));

  app.get(`${FINANCE_PATH}/kategorier`, { config: { permission: 'read' } }, async (req, reply) => {
    const period = periodOf(req);
    const { rules } = await loadMappingRules(deps.db);
    return show(reply, 'Kategoritilordning', period, rulesForm(period, rulesText(rules), []));
  });

  app.get<{ Params: { file: string } }>(`${FINANCE_PATH}/:file`, { config: { permission: 'read' } }, async (req, reply) => {
    const period = periodOf(req);
    const m = /^([a-z-]+)\.(csv|xlsx)$/.exec(req.params.file);
    const block = m ? (await pageBlocks(deps, period)).blocks.get(m[1] ?? '') : undefined;
    if (!m || !block) throw new AppError('NOT_FOUND', `Ukjent tabell «${req.params.file}»`);
    const format = m[2] as ExportFormat;
    const { body, contentType } = await exportTable(block, format);
    return reply
      .type(contentType)
      .header('content-disposition', `attachment; filename="${exportFileName(block, period, format)}"`)
      .send(body);
  });

  async function forecastPage(
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: FormProblem[],
    status = 200,
  ) {
    const period = periodOf(req);
    const t = await financeResult(deps.db, { period });
    const initial: Record<string, string> = {};
    CATEGORIES.forEach((c, i) => {
      const row = t.rows.find((r) => r.category === c.name);
      if (row?.forecastYear != null) initial[`amount-${i}`] = formatNumber(row.forecastYear / 100, 2).replace(/\u00a0/g, ' ');
      if (row?.forecastComment) initial[`comment-${i}`] = row.forecastComment;
    });
    const history = await forecastHistory(deps.db, { year: parseYearMonth(period).year });
    const body = html`${forecastForm(t, problems.length > 0 ? values : initial, problems)}${historyTable(history)}`;
    return show(reply, 'Endre prognose', period, body, status);
  }

  app.post(`${FINANCE_PATH}/prognose`, { config: { permission: 'edit' } }, async (req, reply) => {
    const period = periodOf(req);
    const values = formValues(req.body);
    const { rows, problems } = parseForecastForm(period, values);
    if (problems.length > 0) return forecastPage(req, reply, values, problems, 400);
    await deps.db
      .transaction()
      .execute((trx) => saveForecasts(trx, rows, { now: new Date().toISOString(), by: req.user?.email ?? 'nettleser', importRunId: null }));
    return reply.redirect(`${FINANCE_PATH}?period=${period}&melding=prognose#ok-prognose`, 303);
  });

  app.post(`${FINANCE_PATH}/kategorier`, { config: { permission: 'edit' } }, async (req, reply) => {
    const period = periodOf(req);
    const text = formValues(req.body).rules ?? '';
    const { rules, problems } = parseRulesText(text);
    if (problems.length > 0) return show(reply, 'Kategoritilordning', period, rulesForm(period, text, problems), 400);
    await deps.db.transaction().execute((trx) => saveMappingRules(trx, rules, { now: new Date().toISOString(), by: 'nettleser' }));
    return reply.redirect(`${FINANCE_PATH}?period=${period}&melding=kategorier#ok-kategorier`, 303);
  });
}
