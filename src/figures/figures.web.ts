/**
 * The "Registrerte tall" page (/tall): figures without a source system, their value for the chosen
 * month, a form to register or correct one, and the audit of every change (who, when, before, after).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatKpiValue } from '../kpi/kpi.ts';
import type { AppDeps } from '../module.ts';
import { formatMonth } from '../shared/format.ts';
import { type FieldProblem, type FormSpec, formErrorSummary, formField, formValues } from '../web/form-fields.ts';
import { html, type SafeHtml } from '../web/html.ts';
import { page } from '../web/layout.ts';
import { resolvePeriod } from '../web/period-param.ts';
import { checkDecimals, checkFigureId, checkPeriod, checkSource, checkUnit, checkValue } from './figures.parse.ts';
import { type FigureValueInput, figureChanges, findFigureDefinitions, saveFigureDefinition, saveFigureValue } from './figures.queries.ts';
import { changeKnownAt, FIGURE_UNITS, type FigureChange, type FigureDefinition, UNIT_LABELS } from './figures.ts';

export const FIGURES_PATH = '/tall';

const LABELS: Record<string, string> = {
  figure: 'Tall-ID',
  label: 'Navn',
  unit: 'Enhet',
  decimals: 'Desimaler',
  period: 'Periode',
  value: 'Verdi',
  source: 'Kilde',
  by: 'Registrert av',
};

const show = (def: FigureDefinition, v: number | null) => formatKpiValue(v, def.unit, def.decimals);

/** Form values → definition and value, or the problems per field (Norwegian). */
export function parseFigureForm(values: Record<string, string>): {
  def?: FigureDefinition;
  value?: FigureValueInput;
  by?: string;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const ctx = { problem: (field: string, message: string) => problems.push({ field, message }) };
  const id = checkFigureId(values.figure ?? '', ctx);
  const label = (values.label ?? '').trim();
  if (label === '') problems.push({ field: 'label', message: 'må fylles ut' });
  const unit = checkUnit(values.unit ?? '', ctx);
  const decimals = checkDecimals(values.decimals ?? '', ctx);
  const period = checkPeriod(values.period ?? '', ctx);
  const value = checkValue(values.value ?? '', ctx);
  const source = checkSource(values.source ?? '', ctx);
  const by = (values.by ?? '').trim().slice(0, 200);
  if (by === '') problems.push({ field: 'by', message: 'må fylles ut (navnet står i revisjonssporet og i rapportens vedlegg)' });
  if (problems.length > 0 || !id || !unit || decimals === undefined || !period || value === undefined || !source) return { problems };
  return { def: { id, label, unit, decimals }, value: { figureId: id, period, value, source }, by, problems };
}

function figureTable(defs: readonly FigureDefinition[], changes: Map<string, FigureChange[]>, period: string): SafeHtml {
  if (defs.length === 0) return html`<p>Ingen tall er registrert ennå.</p>`;
  return html`<table><caption>Registrerte tall for ${formatMonth(period)}</caption>
<thead><tr><th scope="col">Tall-ID (i tekst: <code>{{ kpi.figure.&lt;id&gt; }}</code>)</th><th scope="col">Navn</th><th scope="col" class="num">Verdi</th><th scope="col">Kilde</th></tr></thead>
<tbody>${defs.map((d) => {
    const c = changeKnownAt(changes.get(d.id) ?? [], undefined);
    return html`<tr><th scope="row"><code>${d.id}</code></th><td>${d.label}</td><td class="num">${show(d, c?.valueAfter ?? null)}</td><td>${c?.sourceAfter ?? 'Ikke registrert for perioden'}</td></tr>`;
  })}</tbody></table>`;
}

function auditTable(defs: readonly FigureDefinition[], changes: Map<string, FigureChange[]>): SafeHtml {
  const rows = defs.flatMap((d) => (changes.get(d.id) ?? []).map((c) => ({ d, c })));
  if (rows.length === 0) return html``;
  return html`<table><caption>Endringslogg for perioden</caption>
<thead><tr><th scope="col">Tidspunkt</th><th scope="col">Tall</th><th scope="col">Av</th><th scope="col" class="num">Før</th><th scope="col" class="num">Etter</th><th scope="col">Kilde etter</th></tr></thead>
<tbody>${rows.map(
    ({ d, c }) => html`<tr><td>${c.changedAt}</td><th scope="row"><code>${d.id}</code></th><td>${c.changedBy}</td>
<td class="num">${c.valueBefore === null ? 'ny' : show(d, c.valueBefore)}</td><td class="num">${show(d, c.valueAfter)}</td><td>${c.sourceAfter}</td></tr>`,
  )}</tbody></table>`;
}

function figureForm(period: string, values: Record<string, string>, problems: readonly FieldProblem[]): SafeHtml {
  const f: FormSpec = { id: 'tall', values: { period, unit: 'percent', decimals: '0', ...values }, problems, labels: LABELS };
  return html`<section aria-labelledby="tall-skjema"><h2 id="tall-skjema">Registrer eller korriger et tall</h2>
${formErrorSummary(f)}
<form method="post" action="${FIGURES_PATH}?period=${period}" novalidate>
${formField(f, 'figure', { required: true, hint: 'F.eks. «survey.responseRate». Samme ID og periode korrigerer et registrert tall; endringen logges.' })}
${formField(f, 'label', { required: true, hint: 'F.eks. «Svarprosent medarbeiderundersøkelsen».' })}
${formField(f, 'unit', { options: Object.fromEntries(FIGURE_UNITS.map((u) => [u, UNIT_LABELS[u]])) })}
${formField(f, 'decimals', { options: { 0: '0', 1: '1', 2: '2', 3: '3' } })}
${formField(f, 'period', { required: true, hint: 'ÅÅÅÅ-MM' })}
${formField(f, 'value', { required: true, inputmode: 'decimal', hint: 'Tall med desimalkomma, uten prosenttegn.' })}
${formField(f, 'source', { required: true, hint: 'Hvor tallet kommer fra, f.eks. «Questback-rapport 3. juni 2025».' })}
${formField(f, 'by', { required: true })}
<p><button type="submit">Lagre tallet</button></p>
</form></section>`;
}

export async function figuresWeb(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: FieldProblem[],
    status = 200,
  ) => {
    const period = resolvePeriod(req.query, deps.config);
    const defs = await findFigureDefinitions(deps.db);
    const changes = new Map<string, FigureChange[]>();
    for (const d of defs) changes.set(d.id, await figureChanges(deps.db, d.id, period));
    const saved = (req.query as Record<string, string>).melding === 'lagret';
    const body = html`${saved ? html`<p class="notice" role="status">Tallet er lagret.</p>` : ''}
<p>Tall uten et kildesystem, som svarprosenten i en medarbeiderundersøkelse. De kan brukes i rapportteksten som
<code>{{ kpi.figure.&lt;id&gt; }}</code>, og rapportens vedlegg viser hvem som registrerte dem og når.</p>
${figureTable(defs, changes, period)}
${auditTable(defs, changes)}
${figureForm(period, values, problems)}`;
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(page(deps, { title: 'Registrerte tall', period, activePath: FIGURES_PATH, body }));
  };

  app.get(FIGURES_PATH, { config: { permission: 'read' } }, (req, reply) => render(req, reply, {}, []));

  app.post(FIGURES_PATH, { config: { permission: 'edit' } }, async (req, reply) => {
    const values = formValues(req.body);
    const { def, value, by, problems } = parseFigureForm(values);
    if (!def || !value || !by) return render(req, reply, values, problems, 400);
    await deps.db.transaction().execute(async (trx) => {
      await saveFigureDefinition(trx, def);
      await saveFigureValue(trx, value, { at: new Date().toISOString(), by, importRunId: null });
    });
    return reply.redirect(`${FIGURES_PATH}?period=${value.period}&melding=lagret`, 303);
  });
}
