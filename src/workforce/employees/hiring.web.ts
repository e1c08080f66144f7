/**
 * The "Ansettelser" page (/ansettelser): the month's hires, leavers, headcount, FTE and turnover by
 * unit and role, the recruitment register and a form to register or update a recruitment.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../module.ts';
import { formatDate, formatMonth, formatNumber, formatPercent } from '../../shared/format.ts';
import { isIsoDate, type YearMonth } from '../../shared/period.ts';
import { type FieldProblem, type FormSpec, formErrorSummary, formField, formValues } from '../../web/form-fields.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import { page } from '../../web/layout.ts';
import { resolvePeriod } from '../../web/period-param.ts';
import { type HiringOverview, hiringOverview } from './hiring.section.ts';
import { countByUnitAndRole, type Movement, RECRUITMENT_STATUSES, type Recruitment } from './hiring.ts';
import { checkRecruitment, parseRecruitmentStatus, STATUS_LABELS } from './recruitments.parse.ts';
import { findRecruitments, saveRecruitments } from './recruitments.queries.ts';

export const HIRING_PATH = '/ansettelser';

const LABELS: Record<string, string> = {
  position: 'Stillingsreferanse',
  unit: 'Enhet',
  role: 'Stilling',
  started: 'Startet',
  status: 'Status',
  filled_on: 'Besatt dato',
};

function tiles(o: HiringOverview): SafeHtml {
  const w = o.workforce;
  const items: [string, string][] = [
    ['Ansettelser', formatNumber(w.hires.length)],
    ['Fratredelser', formatNumber(w.leavers.length)],
    ['Ansatte ved månedsslutt', formatNumber(w.headcount)],
    ['Årsverk ved månedsslutt', formatNumber(w.fte, 1)],
    ['Turnover siste 12 måneder', o.turnover === null ? '–' : formatPercent(o.turnover, 1)],
    ['Rekrutteringer startet', formatNumber(o.recruitments.started.length)],
    ['Rekrutteringer besatt', formatNumber(o.recruitments.filled.length)],
    ['Åpne stillinger', formatNumber(o.recruitments.open.length)],
  ];
  return html`<ul class="tiles">${items.map(
    ([label, value]) =>
      html`<li class="tile tile--none"><span class="tile-label">${label}</span><span class="tile-value">${value}</span></li>`,
  )}</ul>`;
}

function movementTable(caption: string, items: readonly Pick<Movement, 'unit' | 'role'>[]): SafeHtml {
  const counts = countByUnitAndRole(items);
  if (counts.length === 0) return html`<p>${caption}: ingen.</p>`;
  return html`<table><caption>${caption}</caption>
<thead><tr><th scope="col">Enhet</th><th scope="col">Stilling</th><th scope="col" class="num">Antall</th></tr></thead>
<tbody>${counts.map((c) => html`<tr><th scope="row">${c.unit}</th><td>${c.role}</td><td class="num">${formatNumber(c.count)}</td></tr>`)}</tbody></table>`;
}

function recruitmentTable(all: readonly Recruitment[]): SafeHtml {
  if (all.length === 0) return html`<p>Rekrutteringsregisteret er tomt. Registrer en rekruttering nedenfor eller importer en fil.</p>`;
  return html`<table><caption>Rekrutteringsregisteret</caption>
<thead><tr><th scope="col">Stillingsreferanse</th><th scope="col">Enhet</th><th scope="col">Stilling</th><th scope="col">Startet</th>
<th scope="col">Status</th><th scope="col">Besatt</th></tr></thead>
<tbody>${all.map(
    (r) => html`<tr><th scope="row">${r.position}</th><td>${r.unit}</td><td>${r.role}</td><td>${formatDate(r.started)}</td>
<td>${STATUS_LABELS[r.status]}</td><td>${r.filledOn ? formatDate(r.filledOn) : ''}</td></tr>`,
  )}</tbody></table>`;
}

function recruitmentForm(period: YearMonth, values: Record<string, string>, problems: readonly FieldProblem[]): SafeHtml {
  const f: FormSpec = { id: 'rekruttering', values: { status: 'open', ...values }, problems, labels: LABELS };
  return html`<section aria-labelledby="rekruttering-tittel">
<h2 id="rekruttering-tittel">Registrer eller oppdater en rekruttering</h2>
${formErrorSummary(f)}
<form method="post" action="${HIRING_PATH}/rekruttering?period=${period}" novalidate>
${formField(f, 'position', { required: true, hint: 'Egen referanse for stillingen, f.eks. «SD-2025-03». Samme referanse oppdaterer en rekruttering.' })}
${formField(f, 'unit', { required: true })}
${formField(f, 'role', { required: true, hint: 'Stillingstittel, f.eks. «Driftsingeniør». Ingen navn på søkere.' })}
${formField(f, 'started', { type: 'date', required: true, hint: 'ÅÅÅÅ-MM-DD' })}
${formField(f, 'status', { options: Object.fromEntries(RECRUITMENT_STATUSES.map((s) => [s, STATUS_LABELS[s]])) })}
${formField(f, 'filled_on', { type: 'date', hint: 'Fylles ut bare når stillingen er besatt (ÅÅÅÅ-MM-DD).' })}
<p><button type="submit">Lagre rekruttering</button></p>
</form>
</section>`;
}

/** Form values → a recruitment, or the problems per field (Norwegian). */
export function parseRecruitmentForm(values: Record<string, string>): { recruitment?: Recruitment; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const ctx = { problem: (field: string, message: string) => problems.push({ field, message }) };
  const text = (name: string) => {
    const v = (values[name] ?? '').trim();
    if (v === '') problems.push({ field: name, message: 'må fylles ut' });
    else if (v.length > 200) problems.push({ field: name, message: 'kan være høyst 200 tegn' });
    return v;
  };
  const date = (name: string, required: boolean) => {
    const v = (values[name] ?? '').trim();
    if (v === '') {
      if (required) problems.push({ field: name, message: 'må fylles ut' });
      return null;
    }
    if (!isIsoDate(v)) problems.push({ field: name, message: `«${v}» er ikke en dato (ÅÅÅÅ-MM-DD)` });
    return v;
  };
  const position = text('position');
  const unit = text('unit');
  const role = text('role');
  const started = date('started', true);
  const filledOn = date('filled_on', false);
  const status = parseRecruitmentStatus(values.status, ctx);
  if (problems.length > 0 || status === undefined || started === null) return { problems };
  const recruitment: Recruitment = { position, unit, role, started, status, filledOn };
  return checkRecruitment(recruitment, ctx) ? { recruitment, problems } : { problems };
}

export async function hiringWeb(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const show = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, problems: FieldProblem[], status = 200) => {
    const period = resolvePeriod(req.query, deps.config);
    const o = await hiringOverview(deps.db, period);
    const saved = (req.query as Record<string, string>).melding === 'lagret';
    const body = html`${saved ? html`<p class="notice" role="status" id="ok-rekruttering">Rekrutteringen er lagret.</p>` : ''}
<section aria-labelledby="ans-nokkeltall"><h2 id="ans-nokkeltall">${formatMonth(period)}</h2>
${o.hasEmployees ? tiles(o) : html`<p>Ansattregisteret er tomt: importer ansatte for å se ansettelser og fratredelser.</p>`}
<p>Tallene er beregnet fra ansettelsesperiodene i ansattregisteret (første og siste dag i et ansettelsesforhold) og fra
rekrutteringsregisteret. Styrerapporten viser bare antall per enhet og stilling, aldri navn.</p></section>
<section aria-labelledby="ans-fordeling"><h2 id="ans-fordeling">Per enhet og stilling</h2>
${movementTable('Ansettelser', o.workforce.hires)}
${movementTable('Fratredelser', o.workforce.leavers)}
${movementTable('Rekrutteringer startet', o.recruitments.started)}</section>
<section aria-labelledby="ans-register"><h2 id="ans-register">Rekrutteringer</h2>${recruitmentTable(await findRecruitments(deps.db))}</section>
${recruitmentForm(period, values, problems)}`;
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(page(deps, { title: 'Ansettelser og rekruttering', period, activePath: HIRING_PATH, body }));
  };

  app.get(HIRING_PATH, { config: { permission: 'read' } }, (req, reply) => show(req, reply, {}, []));

  app.post(`${HIRING_PATH}/rekruttering`, { config: { permission: 'edit' } }, async (req, reply) => {
    const values = formValues(req.body);
    const { recruitment, problems } = parseRecruitmentForm(values);
    if (!recruitment) return show(req, reply, values, problems, 400);
    await deps.db
      .transaction()
      .execute((trx) => saveRecruitments(trx, [recruitment], { now: new Date().toISOString(), by: 'nettleser', importRunId: null }));
    const period = resolvePeriod(req.query, deps.config);
    return reply.redirect(`${HIRING_PATH}?period=${period}&melding=lagret#ok-rekruttering`, 303);
  });
}
