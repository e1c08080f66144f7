/**
 * The register form (/prosjekter/register): create a project or change one (same rules as a row of
 * `styrerom import projects`).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../module.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import { page } from '../../web/layout.ts';
import { resolvePeriod } from '../../web/period-param.ts';
import { findProject, upsertProjects } from './register.queries.ts';
import { type FieldProblem, parseProject } from './register.ts';

const FIELDS = [
  ['id', 'Prosjekt-ID', 'Små bokstaver, tall og bindestrek, f.eks. «medielogg». En kjent ID endrer prosjektet.'],
  ['name', 'Navn', ''],
  ['owner', 'Prosjekteier', ''],
  ['phase', 'Fase', '«Avsluttet» tar prosjektet ut av rapporten og siden.'],
  ['investment_project', 'Investeringsprosjekt i økonomi', 'Navnet i investeringsbudsjettet; gir ramme og betalingsmilepæler i rapporten.'],
  ['jira_key', 'Jira-nøkkel', 'Brukes av «styrerom projects sync-jira».'],
] as const;

function form(path: string, period: string, values: Record<string, string>, problems: FieldProblem[]): SafeHtml {
  const label = (column: string) => FIELDS.find((f) => f[0] === column)?.[1] ?? column;
  return html`${
    problems.length > 0
      ? html`<div class="notice notice--error" role="alert" tabindex="-1"><p><strong>Skjemaet har ${problems.length === 1 ? 'én feil' : `${problems.length} feil`}:</strong></p>
<ul>${problems.map((p) => html`<li><a href="#r-${p.column}">${label(p.column)}: ${p.message}</a></li>`)}</ul></div>`
      : ''
  }<form method="post" action="${path}?period=${period}" class="risk-form">
${FIELDS.map(([name, text, hint]) => {
  const err = problems.filter((p) => p.column === name);
  const described = [hint ? `r-${name}-hint` : '', err.length ? `r-${name}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="risk-field${err.length ? ' risk-field--error' : ''}">
<label for="r-${name}">${text}</label>
${hint ? html`<span class="risk-hint" id="r-${name}-hint">${hint}</span>` : ''}
${err.length ? html`<span class="risk-error" id="r-${name}-error">${err.map((e) => e.message).join(' ')}</span>` : ''}
<input id="r-${name}" name="${name}" value="${values[name] ?? ''}"${name === 'id' || name === 'name' ? html` required` : ''}${described ? html` aria-describedby="${described}"` : ''}${err.length ? html` aria-invalid="true"` : ''}>
</div>`;
})}
<button type="submit">Lagre</button>
</form>`;
}

export function registerWeb(basePath: string) {
  const path = `${basePath}/register`;
  return async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
    const render = (reply: FastifyReply, period: string, values: Record<string, string>, problems: FieldProblem[] = []) => {
      reply.type('text/html; charset=utf-8').code(problems.length > 0 ? 422 : 200);
      return page(deps, {
        title: 'Prosjektregister: nytt eller endret prosjekt',
        period,
        activePath: basePath,
        body: form(path, period, values, problems),
      });
    };
    app.get<{ Querystring: { id?: string } }>(path, { config: { permission: 'read' } }, async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const p = req.query.id ? await findProject(deps.db, req.query.id) : undefined;
      const values: Record<string, string> = p
        ? {
            id: p.id,
            name: p.name,
            owner: p.owner,
            phase: p.phase,
            investment_project: p.investmentProject ?? '',
            jira_key: p.jiraKey ?? '',
          }
        : {};
      return render(reply, period, values);
    });
    app.post(path, { config: { permission: 'edit' } }, async (req, reply) => {
      const period = resolvePeriod(req.query, deps.config);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = Object.fromEntries(FIELDS.map(([name]) => [name, String(body[name] ?? '')]));
      const { project, problems } = parseProject(values);
      if (!project) return render(reply, period, values, problems);
      await upsertProjects(deps.db, [project], new Date().toISOString());
      return reply.redirect(`${basePath}?period=${period}#prosjekt-${project.id}`, 303);
    });
  };
}
