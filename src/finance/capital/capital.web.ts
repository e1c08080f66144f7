/**
 * "Investeringer og likviditet" (/okonomi/kapital): investments per budget year, liquidity and
 * loans, receivables ageing; every table downloadable as CSV and XLSX
 * (/okonomi/kapital/<table id>.csv|xlsx?period=…), the same tables the report prints.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../module.ts';
import type { TableBlock } from '../../report/blocks.ts';
import { AppError } from '../../shared/errors.ts';
import { formatDate, formatMnok, formatMonth } from '../../shared/format.ts';
import { monthOf, type YearMonth } from '../../shared/period.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import { page } from '../../web/layout.ts';
import { resolvePeriod } from '../../web/period-param.ts';
import { type ExportFormat, exportFileName, exportTable, tableWithExports } from '../../web/table-export.ts';
import type { BankBalanceSource } from './capital.queries.ts';
import {
  CAPITAL_TABLES,
  type CapitalView,
  capitalView,
  investmentsBlock,
  investmentsRemainingBlock,
  isCapitalTableId,
  liquidityBlock,
  receivablesBlock,
} from './capital.report.ts';

export const CAPITAL_PATH = '/okonomi/kapital';

/** "2023", "2023 og 2024", "2022, 2023 og 2024" */
function listYears(years: number[]): string {
  return listWords([...years].sort((a, b) => a - b).map(String));
}

function investmentsLead(v: CapitalView): SafeHtml {
  const o = v.investments;
  const current = o.budgetYears.find((b) => b.budgetYear === o.year);
  const older = o.budgetYears.filter((b) => b.budgetYear !== o.year && b.invoicedThisYear !== 0);
  const olderSum = older.reduce((s, b) => s + b.invoicedThisYear, 0);
  return html`<p>Hittil i år er det mottatt fakturaer for ${formatMnok(o.invoicedThisYear)}${
    current ? html`, hvorav ${formatMnok(current.invoicedThisYear)} på investeringsbudsjettet for ${o.year}` : ''
  }${older.length > 0 ? html` og ${formatMnok(olderSum)} på ${older.length === 1 ? 'budsjettet' : 'budsjettene'} for ${listYears(older.map((b) => b.budgetYear))}` : ''}.${
    current?.expectedUseThisYear != null
      ? html` Budsjettet for ${o.year} er ${formatMnok(current.approved)}, og ${formatMnok(current.expectedUseThisYear)} forventes brukt i ${o.year}.`
      : ''
  }${remainingSentences(o)}</p>`;
}

/** "For budsjett 2023 gjenstår 14,6 MNOK: Medielogg 10,6 MNOK og KAK 4,0 MNOK." per older budget year. */
function remainingSentences(o: CapitalView['investments']): string {
  return o.budgetYears
    .filter((b) => b.budgetYear < o.year && b.remaining !== 0)
    .sort((a, b) => a.budgetYear - b.budgetYear)
    .map((b) => {
      const projects = b.projects.filter((p) => p.remaining !== 0).sort((x, y) => y.remaining - x.remaining);
      return ` For budsjett ${b.budgetYear} gjenstår ${formatMnok(b.remaining)}: ${listWords(projects.map((p) => `${p.project} ${formatMnok(p.remaining)}`))}.`;
    })
    .join('');
}

function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} og ${words.at(-1)}`;
}

const LOAN_VERBS = { disbursed: 'ble utbetalt', scheduled: 'utbetales', planned: 'er planlagt utbetalt' } as const;

function loanSentences(l: CapitalView['liquidity']): string {
  return l.loans
    .map(
      (loan) =>
        ` Låneramme ${loan.facility}: ${formatMnok(loan.requested)}${
          loan.disbursements.length > 0
            ? `; ${listWords(loan.disbursements.map((d) => `${formatMnok(d.amount)} ${LOAN_VERBS[d.state]} i ${formatMonth(monthOf(d.date))}`))}`
            : ''
        }.`,
    )
    .join('');
}

function liquidityLead(v: CapitalView): SafeHtml {
  const l = v.liquidity;
  return html`<p>${l.bankBalance === null ? 'Hovedboken har ingen data for perioden.' : `Likvide midler per ${formatDate(l.asOf)}: ${formatMnok(l.bankBalance)}.`}${
    l.yearEndForecast === null
      ? ' Ingen likviditetsprognose er registrert for perioden.'
      : ` Prognose per årsslutt: ${formatMnok(l.yearEndForecast)}.`
  }${loanSentences(l)}</p>`;
}

function receivablesLead(v: CapitalView): SafeHtml {
  const t = v.receivables.total;
  return html`<p>Utestående kundefordringer per ${formatDate(v.receivables.asOf)}: ${formatMnok(t.total)}, hvorav ${formatMnok(t.overdue)} forfalt.</p>`;
}

function section(
  id: string,
  title: string,
  blocks: (TableBlock | null)[],
  lead: () => SafeHtml,
  options: { period: YearMonth; missing: string },
): SafeHtml {
  const present = blocks.filter((b): b is TableBlock => b !== null);
  const tables = present.map((b) => tableWithExports(b, (f: ExportFormat) => `${CAPITAL_PATH}/${b.id}.${f}?period=${options.period}`));
  return html`<section aria-labelledby="${id}">
  <h2 id="${id}">${title}</h2>
  ${
    present.length > 0
      ? html`${lead()}${tables}`
      : html`<p class="notice" role="status">${options.missing} <a href="/import?period=${options.period}">Se importtypene</a>.</p>`
  }
</section>`;
}

export function capitalBody(v: CapitalView, period: YearMonth): SafeHtml {
  return html`${section(
    'kapital-investeringer',
    'Investeringer',
    [investmentsBlock(v), investmentsRemainingBlock(v)],
    () => investmentsLead(v),
    {
      period,
      missing: 'Ingen investeringsbudsjetter eller fakturaer er importert for perioden.',
    },
  )}
${section('kapital-likviditet', 'Likviditet og lån', [liquidityBlock(v)], () => liquidityLead(v), { period, missing: 'Ingen likviditetsdata for perioden.' })}
${section('kapital-kundefordringer', 'Kundefordringer', [receivablesBlock(v)], () => receivablesLead(v), { period, missing: 'Ingen kundereskontro er importert.' })}`;
}

const EXPORT_FILE = /^([a-z-]+)\.(csv|xlsx)$/;

export function capitalWeb(options: { bankBalanceAt: BankBalanceSource }) {
  return async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
    app.get(CAPITAL_PATH, { config: { permission: 'read' } }, async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const view = await capitalView(deps.db, { period, bankBalanceAt: options.bankBalanceAt });
      reply.type('text/html; charset=utf-8');
      return page(deps, { title: 'Investeringer og likviditet', period, activePath: CAPITAL_PATH, body: capitalBody(view, period) });
    });

    app.get<{ Params: { file: string } }>(`${CAPITAL_PATH}/:file`, { config: { permission: 'read' } }, async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const m = EXPORT_FILE.exec(req.params.file);
      const id = m?.[1] ?? '';
      if (!m || !isCapitalTableId(id)) throw new AppError('NOT_FOUND', `Ukjent tabell «${req.params.file}»`);
      const format = m[2] as ExportFormat;
      const block = CAPITAL_TABLES[id](await capitalView(deps.db, { period, bankBalanceAt: options.bankBalanceAt }));
      if (!block) throw new AppError('NOT_FOUND', `Ingen data for tabellen ${id} i ${period}`);
      const { body, contentType } = await exportTable(block, format);
      return reply
        .type(contentType)
        .header('content-disposition', `attachment; filename="${exportFileName(block, period, format)}"`)
        .send(body);
    });
  };
}
