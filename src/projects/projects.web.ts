/**
 * "Prosjekter" (/prosjekter): per active project the status sentences, the milestone table (moved
 * ones marked with reason), open defects as of a chosen date, payment milestones and project risks —
 * the tables the report prints, each downloadable as CSV/XLSX — and a form to change a milestone's
 * dates (/prosjekter/<id>/milepaeler/<milestone>).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../module.ts';
import type { TableBlock } from '../report/blocks.ts';
import { AppError } from '../shared/errors.ts';
import { formatDate } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { html, type SafeHtml } from '../web/html.ts';
import { page } from '../web/layout.ts';
import { resolvePeriod } from '../web/period-param.ts';
import { type ExportFormat, exportFileName, exportTable, tableWithExports } from '../web/table-export.ts';
import { editMilestone, type FieldError } from './milestones/milestones.edit.ts';
import { parseDate } from './milestones/milestones.parse.ts';
import { projectStatusSentences } from './projects.section.ts';
import { defectTable, defectView, milestoneTable, paymentTable, riskTable } from './projects.tables.ts';
import { defaultAsOfDate, hasIssues, milestoneLines, requireProject } from './projects.views.ts';
import { listProjects } from './register/register.queries.ts';
import { isActive, type Project } from './register/register.ts';
import { registerWeb } from './register/register.web.ts';

export const PROJECTS_PATH = '/prosjekter';

const TABLE_KINDS = ['milestones', 'defects', 'payments', 'risks'] as const;
type TableKind = (typeof TABLE_KINDS)[number];

async function projectTable(
  db: Db,
  project: Project,
  kind: TableKind,
  period: YearMonth,
  asOfDate: string,
): Promise<TableBlock | undefined> {
  switch (kind) {
    case 'milestones': {
      const lines = await milestoneLines(db, project.id, period);
      return lines.length > 0 ? milestoneTable(project, lines, period) : undefined;
    }
    case 'defects':
      return (await hasIssues(db, project.id)) ? defectTable(project, await defectView(db, project.id, asOfDate)) : undefined;
    case 'payments':
      return paymentTable(db, project);
    case 'risks':
      return riskTable(db, project, period);
  }
}

function asOfOf(query: unknown, period: YearMonth): string {
  const raw = query && typeof query === 'object' ? (query as Record<string, unknown>).per : undefined;
  if (typeof raw !== 'string' || raw === '') return defaultAsOfDate(period);
  const d = parseDate(raw);
  if (!d) throw new AppError('VALIDATION', `Ugyldig dato «${raw}»; bruk DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD`);
  return d;
}

async function projectSection(db: Db, p: Project, period: YearMonth, asOfDate: string): Promise<SafeHtml> {
  const href = (id: string) => (f: ExportFormat) => `${PROJECTS_PATH}/${p.id}/${id}.${f}?period=${period}&per=${asOfDate}`;
  const tables: SafeHtml[] = [];
  for (const kind of TABLE_KINDS) {
    const block = await projectTable(db, p, kind, period, asOfDate);
    if (block) tables.push(tableWithExports(block, href(kind)));
  }
  const lines = await milestoneLines(db, p.id, period);
  const sentences = await projectStatusSentences(db, p, period);
  const edit =
    lines.length > 0
      ? html`<p>Endre en milepæl: ${lines.map((m, i) => html`${i > 0 ? ' · ' : ''}<a href="${PROJECTS_PATH}/${p.id}/milepaeler/${encodeURIComponent(m.id)}?period=${period}">${m.id}</a>`)}</p>`
      : '';
  return html`<section aria-labelledby="prosjekt-${p.id}">
<h2 id="prosjekt-${p.id}">${p.name}</h2>
<p>Eier: ${p.owner || '–'} · Fase: ${p.phase || '–'}${p.jiraKey ? html` · Jira: ${p.jiraKey}` : ''} · <a href="${PROJECTS_PATH}/register?id=${p.id}&amp;period=${period}">Endre prosjektet</a></p>
${sentences.map((s) => html`<p>${s}</p>`)}
${tables.length > 0 ? tables : html`<p class="notice" role="status">Ingen milepæler, feil eller risikoer er registrert for prosjektet.</p>`}
${edit}
</section>`;
}

function asOfForm(period: YearMonth, asOfDate: string): SafeHtml {
  return html`<form method="get" action="${PROJECTS_PATH}" class="inline-form">
<input type="hidden" name="period" value="${period}">
<label for="per">Feil per dato</label>
<input id="per" name="per" type="date" value="${asOfDate}">
<button type="submit">Vis</button>
</form>`;
}

function editForm(
  p: Project,
  m: { id: string; name: string; planned: string | null; actual: string | null },
  period: YearMonth,
  values: Record<string, string>,
  errors: FieldError[],
): SafeHtml {
  const labels = { planned: 'Planlagt dato', actual: 'Faktisk dato', reason: 'Begrunnelse for endringen' } as const;
  const field = (name: keyof typeof labels, type: string, hint: string) => {
    const err = errors.filter((e) => e.field === name);
    const described = [`f-${name}-hint`, err.length ? `f-${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="risk-field${err.length ? ' risk-field--error' : ''}">
<label for="f-${name}">${labels[name]}</label>
<span class="risk-hint" id="f-${name}-hint">${hint}</span>
${err.length ? html`<span class="risk-error" id="f-${name}-error">${err.map((e) => e.message).join(' ')}</span>` : ''}
${
  type === 'textarea'
    ? html`<textarea id="f-${name}" name="${name}" rows="3" maxlength="500" aria-describedby="${described}"${err.length ? html` aria-invalid="true"` : ''}>${values[name] ?? ''}</textarea>`
    : html`<input id="f-${name}" name="${name}" type="date" value="${values[name] ?? ''}" aria-describedby="${described}"${err.length ? html` aria-invalid="true"` : ''}>`
}
</div>`;
  };
  return html`${
    errors.length > 0
      ? html`<div class="notice notice--error" role="alert" tabindex="-1" id="skjema-feil"><p><strong>Skjemaet har ${errors.length === 1 ? 'én feil' : `${errors.length} feil`}:</strong></p>
<ul>${errors.map((e) => html`<li><a href="#f-${e.field}">${labels[e.field]}: ${e.message}</a></li>`)}</ul></div>`
      : ''
  }
<p>Nå: planlagt ${m.planned ? formatDate(m.planned) : '–'}, faktisk ${m.actual ? formatDate(m.actual) : '–'}. En ny planlagt dato lagres i historikken med begrunnelse, tidspunkt og hvem, og milepæler som følger denne flyttes like mange dager.</p>
<form method="post" action="${PROJECTS_PATH}/${p.id}/milepaeler/${encodeURIComponent(m.id)}?period=${period}" class="risk-form">
${field('planned', 'date', 'Tom dato fjerner planlagt dato.')}
${field('actual', 'date', 'Fylles ut når milepælen er nådd.')}
${field('reason', 'textarea', 'Påkrevd når planlagt dato endres.')}
<button type="submit">Lagre</button> <a href="${PROJECTS_PATH}?period=${period}">Avbryt</a>
</form>`;
}

const EXPORT_FILE = /^(milestones|defects|payments|risks)\.(csv|xlsx)$/;

export async function projectsWeb(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await registerWeb(PROJECTS_PATH)(app, deps);
  app.get(PROJECTS_PATH, { config: { permission: 'read' } }, async (req, reply) => {
    const period = resolvePeriod(req.query, deps.config);
    const asOfDate = asOfOf(req.query, period);
    const projects = (await listProjects(deps.db)).filter(isActive);
    const sections: SafeHtml[] = [];
    for (const p of projects) sections.push(await projectSection(deps.db, p, period, asOfDate));
    const body = html`${asOfForm(period, asOfDate)}<p><a href="${PROJECTS_PATH}/register?period=${period}">Nytt prosjekt</a></p>${
      sections.length > 0
        ? sections
        : html`<p class="notice" role="status">Ingen aktive prosjekter. Importer prosjektregisteret (<code>styrerom import projects</code>) eller se <a href="/import?period=${period}">importtypene</a>.</p>`
    }`;
    reply.type('text/html; charset=utf-8');
    return page(deps, { title: 'Prosjekter', period, activePath: PROJECTS_PATH, body });
  });

  app.get<{ Params: { id: string; file: string } }>(
    `${PROJECTS_PATH}/:id/:file`,
    { config: { permission: 'read' } },
    async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const m = EXPORT_FILE.exec(req.params.file);
      if (!m) throw new AppError('NOT_FOUND', `Ukjent tabell «${req.params.file}»`);
      const project = await requireProject(deps.db, req.params.id);
      const block = await projectTable(deps.db, project, m[1] as TableKind, period, asOfOf(req.query, period));
      if (!block) throw new AppError('NOT_FOUND', `Ingen data for tabellen ${m[1]} i ${project.name}`);
      const format = m[2] as ExportFormat;
      const { body, contentType } = await exportTable(block, format);
      return reply
        .type(contentType)
        .header('content-disposition', `attachment; filename="${exportFileName(block, period, format)}"`)
        .send(body);
    },
  );

  const renderEdit = async (
    reply: FastifyReply,
    id: string,
    milestone: string,
    period: YearMonth,
    values?: Record<string, string>,
    errors: FieldError[] = [],
  ) => {
    const project = await requireProject(deps.db, id);
    const m = (await milestoneLines(deps.db, id)).find((x) => x.id === milestone);
    if (!m) throw new AppError('NOT_FOUND', `Milepælen «${milestone}» finnes ikke i ${project.name}`);
    const v = values ?? { planned: m.planned ?? '', actual: m.actual ?? '', reason: '' };
    reply.type('text/html; charset=utf-8').code(errors.length > 0 ? 422 : 200);
    return page(deps, {
      title: `Endre ${m.id} ${m.name} (${project.name})`,
      period,
      activePath: PROJECTS_PATH,
      body: editForm(project, m, period, v, errors),
    });
  };

  app.get<{ Params: { id: string; milestone: string } }>(
    `${PROJECTS_PATH}/:id/milepaeler/:milestone`,
    { config: { permission: 'read' } },
    async (req, reply) => renderEdit(reply, req.params.id, req.params.milestone, resolvePeriod(req.query, deps.config)),
  );

  app.post<{ Params: { id: string; milestone: string } }>(
    `${PROJECTS_PATH}/:id/milepaeler/:milestone`,
    { config: { permission: 'edit' } },
    async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = { planned: String(body.planned ?? ''), actual: String(body.actual ?? ''), reason: String(body.reason ?? '') };
      await requireProject(deps.db, req.params.id);
      const { errors } = await editMilestone(
        deps.db,
        { project: req.params.id, milestone: req.params.milestone, ...values },
        { at: new Date().toISOString(), by: 'nettleser' },
      );
      if (errors.length > 0) return renderEdit(reply, req.params.id, req.params.milestone, period, values, errors);
      return reply.redirect(`${PROJECTS_PATH}?period=${period}#prosjekt-${req.params.id}`, 303);
    },
  );
}
