/**
 * Web pages of "Virksomhetsrisiko" under /risiko. Forms post and redirect (POST-redirect-GET);
 * invalid input re-renders the form with status 400 and Norwegian messages. Every editing handler
 * calls requireRole(request, 'risk-editor') first (open until authentication arrives).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../module.ts';
import { isAppError } from '../shared/errors.ts';
import { isYearMonth, monthOf, type YearMonth } from '../shared/period.ts';
import { page } from '../web/layout.ts';
import { resolvePeriod, todayInOslo } from '../web/period-param.ts';
import { actorOf, requireRole } from './risk.access.ts';
import { normaliseDate, parseAssessmentFields, parseRiskFields } from './risk.parse.ts';
import {
  addAssessment,
  closeRisk,
  createRisk,
  getRisk,
  listAssessments,
  listRevisions,
  registerForPeriod,
  rollRegisterForward,
  updateRisk,
  type WriteStamp,
} from './risk.queries.ts';
import { riskSection } from './risk.section.ts';
import { ENTERPRISE_SCOPE, type Risk, scoreTimeline } from './risk.ts';
import { filterRegister, type RegisterFilter, type SortKey, type StatusFilter } from './risk-filter.ts';
import { assessmentForm, closeForm, emptyForm, type FormState, type FormValues, riskForm } from './risk-forms.ts';
import { historyOf } from './risk-json.ts';
import { detailPageBody, FLASH, formPageBody, registerPageBody } from './risk-pages.ts';

type Query = Record<string, string | undefined>;

const SORTS: readonly SortKey[] = ['score', 'id', 'title', 'owner', 'category', 'movement'];

function scaleParam(v: string | undefined): number | undefined {
  return v !== undefined && /^[1-5]$/.test(v) ? Number(v) : undefined;
}

/** Filters from the query string; unknown values are ignored rather than failing the page. */
export function filterFromQuery(q: Query): RegisterFilter {
  const status: StatusFilter = q.status === 'closed' || q.status === 'all' ? q.status : 'open';
  return {
    status,
    scope: q.scope || undefined,
    level: q.level || undefined,
    q: q.q?.trim() || undefined,
    probability: scaleParam(q.p),
    consequence: scaleParam(q.c),
    sort: SORTS.find((s) => s === q.sort),
    order: q.order === 'asc' || q.order === 'desc' ? q.order : undefined,
  };
}

function stamp(req: FastifyRequest): WriteStamp {
  return { at: new Date().toISOString(), by: actorOf(req, 'web') };
}

function flashOf(q: Query): string | undefined {
  const text = q.melding ? FLASH[q.melding] : undefined;
  if (q.melding === 'rullet' && q.antall !== undefined)
    return `${text} ${q.antall} utkast ble laget; ingenting som fantes fra før ble endret.`;
  return text;
}

function riskValues(risk: Risk): FormValues {
  return { ...risk, closed: risk.closed ?? '' };
}

function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) out[k] = typeof v === 'string' ? v : String(v ?? '');
  return out;
}

/** A domain error that belongs to one field (e.g. "period before opened") shown on the form instead of an error page. */
function formProblems(err: unknown): FormState['problems'] | undefined {
  if (!isAppError(err) || (err.code !== 'VALIDATION' && err.code !== 'CONFLICT')) return undefined;
  if (err.problems.length > 0) return err.problems.map((p) => ({ field: p.column ?? 'id', message: p.message, messageEn: p.messageEn }));
  return [{ field: 'id', message: err.message.replace(/ \([^)]*\)$/, ''), messageEn: err.message }];
}

function send(reply: FastifyReply, markup: string, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(markup);
}

export async function riskWeb(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const periodOf = (req: FastifyRequest) => resolvePeriod(req.query, deps.config);
  const show = (
    reply: FastifyReply,
    opts: { title: string; period: YearMonth; path: string; body: ReturnType<typeof formPageBody> },
    status = 200,
  ) => send(reply, page(deps, { title: opts.title, period: opts.period, activePath: opts.path, body: opts.body }), status);

  async function renderDetail(
    reply: FastifyReply,
    id: string,
    period: YearMonth,
    q: Query,
    forms: { assessment?: FormState; close?: FormState } = {},
    status = 200,
  ) {
    const risk = await getRisk(deps.db, id);
    const snapshot = await registerForPeriod(deps.db, { period });
    const assessments = await listAssessments(deps.db, { riskId: id });
    const entry = snapshot.entries.find((e) => e.risk.id === id);
    const inForce = entry?.assessment;
    const first = assessments[0]?.period ?? period;
    const assessmentState =
      forms.assessment ??
      emptyForm({
        period,
        probability: inForce ? String(inForce.probability) : '',
        consequence: inForce ? String(inForce.consequence) : '',
        status_text: inForce?.statusText ?? '',
        assessed_by: inForce?.assessedBy ?? risk.owner,
        assessed_at: todayInOslo(),
        state: 'final',
      });
    const body = detailPageBody({
      period,
      matrix: snapshot.matrix,
      risk,
      entry,
      history: historyOf(assessments, snapshot.matrix),
      revisions: await listRevisions(deps.db, id),
      timeline: scoreTimeline(assessments, id, first < period ? first : period, period),
      assessmentForm: assessmentForm({
        action: `/risiko/${encodeURIComponent(id)}/vurderinger`,
        state: assessmentState,
        matrix: snapshot.matrix,
      }),
      closeForm: risk.closed
        ? ''
        : closeForm({
            action: `/risiko/${encodeURIComponent(id)}/lukk?period=${period}`,
            state: forms.close ?? emptyForm({ closed: todayInOslo() }),
          }),
      flash: flashOf(q),
    });
    return show(reply, { title: `${risk.id} ${risk.title}`, period, path: '/risiko', body }, status);
  }

  app.get<{ Querystring: Query }>('/risiko', { config: { permission: 'read' } }, async (req, reply) => {
    const period = periodOf(req);
    const filter = filterFromQuery(req.query);
    const snapshot = await registerForPeriod(deps.db, { period });
    const section = await riskSection(deps.db, period);
    const scopes = [...new Set([ENTERPRISE_SCOPE, ...snapshot.entries.map((e) => e.risk.scope)])];
    const body = registerPageBody({
      period,
      matrix: snapshot.matrix,
      rows: filterRegister(snapshot.entries, filter),
      all: snapshot.entries,
      filter,
      section,
      scopes,
      flash: flashOf(req.query),
    });
    return show(reply, { title: 'Virksomhetsrisiko', period, path: '/risiko', body });
  });

  app.get('/risiko/ny', { config: { permission: 'read' } }, async (req, reply) => {
    const period = periodOf(req);
    const form = riskForm({
      action: `/risiko?period=${period}`,
      state: emptyForm({ opened: todayInOslo(), scope: ENTERPRISE_SCOPE }),
      creating: true,
      cancelHref: `/risiko?period=${period}`,
    });
    return show(reply, { title: 'Ny risiko', period, path: '/risiko', body: formPageBody({ form }) });
  });

  app.post('/risiko', { config: { permission: 'edit' } }, async (req, reply) => {
    requireRole(req, 'risk-editor');
    const period = periodOf(req);
    const values = formValues(req.body);
    const parsed = parseRiskFields(values);
    let problems = parsed.ok ? undefined : parsed.problems;
    if (parsed.ok) {
      try {
        await createRisk(deps.db, parsed.value, stamp(req));
        return reply.redirect(`/risiko/${encodeURIComponent(parsed.value.id)}?period=${period}&melding=opprettet`, 303);
      } catch (err) {
        problems = formProblems(err);
        if (!problems) throw err;
      }
    }
    const form = riskForm({
      action: `/risiko?period=${period}`,
      state: { values, problems: problems ?? [] },
      creating: true,
      cancelHref: `/risiko?period=${period}`,
    });
    return show(reply, { title: 'Ny risiko', period, path: '/risiko', body: formPageBody({ form }) }, 400);
  });

  app.post('/risiko/rull-fram', { config: { permission: 'edit' } }, async (req, reply) => {
    requireRole(req, 'risk-editor');
    const target = formValues(req.body).period ?? '';
    if (!isYearMonth(target)) return reply.redirect(`/risiko?period=${periodOf(req)}`, 303);
    const created = await rollRegisterForward(deps.db, target, stamp(req));
    return reply.redirect(`/risiko?period=${target}&melding=rullet&antall=${created.length}`, 303);
  });

  app.get<{ Params: { id: string }; Querystring: Query }>('/risiko/:id', { config: { permission: 'read' } }, async (req, reply) =>
    renderDetail(reply, req.params.id, periodOf(req), req.query),
  );

  app.get<{ Params: { id: string } }>('/risiko/:id/endre', { config: { permission: 'read' } }, async (req, reply) => {
    const period = periodOf(req);
    const risk = await getRisk(deps.db, req.params.id);
    const form = riskForm({
      action: `/risiko/${encodeURIComponent(risk.id)}?period=${period}`,
      state: emptyForm(riskValues(risk)),
      creating: false,
      cancelHref: `/risiko/${encodeURIComponent(risk.id)}?period=${period}`,
    });
    return show(reply, {
      title: `Endre ${risk.id}`,
      period,
      path: '/risiko',
      body: formPageBody({ intro: 'Alle versjoner tas vare på i endringsloggen.', form }),
    });
  });

  app.post<{ Params: { id: string } }>('/risiko/:id', { config: { permission: 'edit' } }, async (req, reply) => {
    requireRole(req, 'risk-editor');
    const period = periodOf(req);
    const id = req.params.id;
    await getRisk(deps.db, id);
    const values = formValues(req.body);
    const parsed = parseRiskFields(values, { id });
    let problems = parsed.ok ? undefined : parsed.problems;
    if (parsed.ok) {
      try {
        const { id: _id, ...fields } = parsed.value;
        const { changed } = await updateRisk(deps.db, id, fields, stamp(req));
        return reply.redirect(`/risiko/${encodeURIComponent(id)}?period=${period}&melding=${changed ? 'oppdatert' : 'uendret'}`, 303);
      } catch (err) {
        problems = formProblems(err);
        if (!problems) throw err;
      }
    }
    const form = riskForm({
      action: `/risiko/${encodeURIComponent(id)}?period=${period}`,
      state: { values, problems: problems ?? [] },
      creating: false,
      cancelHref: `/risiko/${encodeURIComponent(id)}?period=${period}`,
    });
    return show(reply, { title: `Endre ${id}`, period, path: '/risiko', body: formPageBody({ form }) }, 400);
  });

  app.post<{ Params: { id: string } }>('/risiko/:id/vurderinger', { config: { permission: 'edit' } }, async (req, reply) => {
    requireRole(req, 'risk-editor');
    const id = req.params.id;
    const risk = await getRisk(deps.db, id);
    const values = formValues(req.body);
    const st = stamp(req);
    const parsed = parseAssessmentFields(values, { riskId: id, assessedAt: todayInOslo() });
    let problems = parsed.ok ? undefined : parsed.problems;
    if (parsed.ok) {
      try {
        await addAssessment(deps.db, parsed.value, { ...st, source: 'form' });
        return reply.redirect(`/risiko/${encodeURIComponent(id)}?period=${parsed.value.period}&melding=vurdering`, 303);
      } catch (err) {
        problems = formProblems(err);
        if (!problems) throw err;
      }
    }
    const period = isYearMonth(values.period ?? '') ? (values.period as string) : monthOf(risk.closed ?? todayInOslo());
    return renderDetail(reply, id, period, {}, { assessment: { values, problems: problems ?? [] } }, 400);
  });

  app.post<{ Params: { id: string } }>('/risiko/:id/lukk', { config: { permission: 'edit' } }, async (req, reply) => {
    requireRole(req, 'risk-editor');
    const id = req.params.id;
    const period = periodOf(req);
    const values = formValues(req.body);
    const closed = normaliseDate(values.closed ?? '');
    let problems: FormState['problems'] | undefined;
    if (closed === null) {
      problems = [
        { field: 'closed', message: `Lukket-dato «${values.closed ?? ''}» er ikke en gyldig dato (ÅÅÅÅ-MM-DD)`, messageEn: 'invalid date' },
      ];
    } else {
      try {
        await closeRisk(deps.db, id, closed, stamp(req));
        return reply.redirect(`/risiko/${encodeURIComponent(id)}?period=${period}&melding=lukket`, 303);
      } catch (err) {
        problems = formProblems(err)?.map((p) => ({ ...p, field: 'closed' }));
        if (!problems) throw err;
      }
    }
    return renderDetail(reply, id, period, {}, { close: { values, problems } }, 400);
  });
}
