/**
 * /api/projects: the register, a project's milestones (with slip and history), open defects as of
 * an instant, project risks, and editing a milestone's dates (a new planned date needs a reason).
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { resolvePeriod } from '../web/period-param.ts';
import { editMilestone } from './milestones/milestones.edit.ts';
import {
  defectsQuerySchema,
  defectsResponseSchema,
  errorResponseSchema,
  milestoneEditSchema,
  milestoneParamsSchema,
  milestonesQuerySchema,
  milestonesResponseSchema,
  projectListSchema,
  projectParamsSchema,
  risksResponseSchema,
} from './projects.schemas.ts';
import { defectStatus, type MilestoneLine, milestoneLines, parseAsOf, requireProject } from './projects.views.ts';
import { listProjects, projectRisks } from './register/register.queries.ts';
import { isActive } from './register/register.ts';

const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 422: errorResponseSchema };

export function milestoneJson(m: MilestoneLine) {
  return {
    milestone: m.id,
    name: m.name,
    kind: m.kind,
    baseline: m.baseline,
    planned: m.planned,
    actual: m.actual,
    amount: m.amountOre === null ? null : m.amountOre / 100,
    follows: m.follows,
    slipDays: m.slipDays,
    movedInPeriod: m.movedInPeriod,
    history: m.history,
  };
}

type ProjectParams = { id: string };

export async function projectsApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get(
    '/projects',
    {
      config: { permission: 'read' },
      schema: { operationId: 'listProjects', summary: 'The project register', tags: ['projects'], response: { 200: projectListSchema } },
    },
    async () => ({ projects: (await listProjects(deps.db)).map((p) => ({ ...p, active: isActive(p) })) }),
  );

  app.get<{ Params: ProjectParams; Querystring: { period?: string } }>(
    '/projects/:id/milestones',
    {
      config: { permission: 'read' },
      schema: {
        operationId: 'listProjectMilestones',
        summary: "A project's milestones: baseline, planned, actual, slip in days, planned-date history",
        tags: ['projects'],
        params: projectParamsSchema,
        querystring: milestonesQuerySchema,
        response: { 200: milestonesResponseSchema, ...errors },
      },
    },
    async (req) => {
      const period = req.query.period ?? null;
      const lines = await milestoneLines(deps.db, req.params.id, period ?? undefined);
      return { project: req.params.id, period, milestones: lines.map(milestoneJson) };
    },
  );

  app.put<{ Params: ProjectParams & { milestone: string }; Body: { planned: string; actual?: string; reason?: string } }>(
    '/projects/:id/milestones/:milestone',
    {
      config: { permission: 'edit' },
      schema: {
        operationId: 'updateProjectMilestone',
        summary: "Changes a milestone's planned/actual date; a new planned date is kept in the history and moves its followers",
        tags: ['projects'],
        params: milestoneParamsSchema,
        body: milestoneEditSchema,
        response: { 200: milestonesResponseSchema, ...errors },
      },
    },
    async (req) => {
      await requireProject(deps.db, req.params.id);
      const { errors: fieldErrors } = await editMilestone(
        deps.db,
        {
          project: req.params.id,
          milestone: req.params.milestone,
          planned: req.body.planned,
          actual: req.body.actual ?? '',
          reason: req.body.reason ?? '',
        },
        { at: new Date().toISOString(), by: 'api' },
      );
      if (fieldErrors.length > 0) {
        throw new AppError('VALIDATION', `${fieldErrors.map((e) => e.message).join(' ')}`, {
          problems: fieldErrors.map((e) => ({
            file: 'request',
            column: e.field,
            message: e.message,
            messageEn: 'invalid field',
            severity: 'error' as const,
          })),
        });
      }
      const lines = await milestoneLines(deps.db, req.params.id);
      return { project: req.params.id, period: null, milestones: lines.map(milestoneJson) };
    },
  );

  app.get<{ Params: ProjectParams; Querystring: { asOf: string; release?: string } }>(
    '/projects/:id/defects',
    {
      config: { permission: 'read' },
      schema: {
        operationId: 'getProjectDefects',
        summary: 'Open defects by class (A/B/C, unclassified) as of an instant, optionally for one fix version',
        tags: ['projects'],
        params: projectParamsSchema,
        querystring: defectsQuerySchema,
        response: { 200: defectsResponseSchema, ...errors },
      },
    },
    async (req) => defectStatus(deps.db, { project: req.params.id, asOf: parseAsOf(req.query.asOf), release: req.query.release ?? null }),
  );

  app.get<{ Params: ProjectParams; Querystring: { period?: string } }>(
    '/projects/:id/risks',
    {
      config: { permission: 'read' },
      schema: {
        operationId: 'listProjectRisks',
        summary: "The project's open risks from the risk register (scope = project id) with the latest assessment",
        tags: ['projects'],
        params: projectParamsSchema,
        querystring: milestonesQuerySchema,
        response: { 200: risksResponseSchema, ...errors },
      },
    },
    async (req) => {
      await requireProject(deps.db, req.params.id);
      const period = resolvePeriod(req.query, deps.config);
      return { project: req.params.id, period, risks: await projectRisks(deps.db, req.params.id, period) };
    },
  );
}
