/**
 * The register's JSON API (registered under /api). Routes are thin: validate (schema + the shared
 * parse functions), call one domain function, return. Editing routes call requireRole first.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../module.ts';
import { AppError, type Problem } from '../shared/errors.ts';
import type { YearMonth } from '../shared/period.ts';
import { resolvePeriod, todayInOslo } from '../web/period-param.ts';
import { actorOf, requireRole } from './risk.access.ts';
import { currentViewTable, exportRegisterCsv, exportRegisterXlsx, toCsv } from './risk.export.ts';
import { type FieldProblem, normaliseDate, parseAssessmentFields, parseRiskFields, type RawFields } from './risk.parse.ts';
import {
  addAssessment,
  closeRisk,
  createRisk,
  getRisk,
  listAssessments,
  listRevisions,
  loadRiskMatrix,
  registerForPeriod,
  rollRegisterForward,
  saveRiskMatrix,
  updateRisk,
  type WriteStamp,
} from './risk.queries.ts';
import * as s from './risk.schemas.ts';
import { scoreTimeline } from './risk.ts';
import { filterRegister, type RegisterFilter } from './risk-filter.ts';
import { heatmapCells, renderHeatmapSvg } from './risk-heatmap.ts';
import { assessmentJson, historyOf, registerEntryJson } from './risk-json.ts';
import { levelRangeText, type RiskMatrix, validateRiskMatrix } from './risk-level.ts';

export function validationError(problems: FieldProblem[], what: string): AppError {
  const list: Problem[] = problems.map((p) => ({
    file: 'request',
    column: p.field,
    message: p.message,
    messageEn: p.messageEn,
    severity: 'error',
  }));
  return new AppError('VALIDATION', `${what}: ${problems.map((p) => p.message).join('; ')}`, { problems: list });
}

function stamp(req: FastifyRequest): WriteStamp {
  return { at: new Date().toISOString(), by: actorOf(req, 'api') };
}

/** camelCase JSON body → the snake_case fields the shared parser reads. */
function assessmentFields(body: Record<string, unknown>): RawFields {
  return {
    period: body.period,
    probability: body.probability,
    consequence: body.consequence,
    status_text: body.statusText,
    assessed_by: body.assessedBy,
    assessed_at: body.assessedAt,
    state: body.state,
  };
}

async function riskDetail(deps: AppDeps, id: string, period: YearMonth) {
  const risk = await getRisk(deps.db, id);
  const snapshot = await registerForPeriod(deps.db, { period });
  const assessments = await listAssessments(deps.db, { riskId: id });
  const current = snapshot.entries.find((e) => e.risk.id === id)?.assessment ?? null;
  const first = assessments[0]?.period ?? period;
  return {
    risk,
    period,
    current: current ? assessmentJson(current, snapshot.matrix) : null,
    revisions: await listRevisions(deps.db, id),
    assessments: historyOf(assessments, snapshot.matrix),
    timeline: scoreTimeline(assessments, id, first < period ? first : period, period),
  };
}

async function heatmapData(deps: AppDeps, period: YearMonth, scope: string | undefined) {
  const { entries, matrix } = await registerForPeriod(deps.db, { period });
  const cells = heatmapCells(entries, matrix, { scope: scope ?? 'enterprise' });
  return { matrix, cells };
}

export async function riskApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const period = (req: FastifyRequest) => resolvePeriod(req.query, deps.config);

  app.get<{ Querystring: RegisterFilter & { period?: string } }>(
    '/risks',
    {
      config: { permission: 'read' },
      schema: {
        operationId: 'listRisks',
        summary: 'The register for a period: assessment in force, level and movement per risk',
        querystring: s.listQuery,
        response: { 200: s.listResponse, 400: s.errorResponse },
      },
    },
    async (req) => {
      const { entries, matrix } = await registerForPeriod(deps.db, { period: period(req) });
      return {
        period: period(req),
        threshold: matrix.reportingThreshold,
        risks: filterRegister(entries, req.query).map(registerEntryJson),
      };
    },
  );

  app.get<{ Querystring: { view?: string; period?: string } }>(
    '/risks/export.csv',
    {
      config: { permission: 'read' },
      schema: {
        operationId: 'exportRisksCsv',
        summary: 'The full register with every assessment ever recorded (or `view=current`), as CSV',
        querystring: s.exportQuery,
        response: { 200: s.fileResponse('CSV (UTF-8)', 'text/csv; charset=utf-8') },
      },
    },
    async (req, reply) => {
      const csv = req.query.view === 'current' ? toCsv(await currentViewTable(deps.db, period(req))) : await exportRegisterCsv(deps.db);
      const name = req.query.view === 'current' ? `risikoregister-${period(req)}.csv` : 'risikoregister-historikk.csv';
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(csv);
    },
  );

  app.get<{ Querystring: { period?: string } }>(
    '/risks/export.xlsx',
    {
      config: { permission: 'read' },
      schema: {
        operationId: 'exportRisksXlsx',
        summary: 'The full register as XLSX: history (importable as risk-register), status for the period, change log, matrix',
        querystring: s.exportQuery,
        response: { 200: s.fileResponse('XLSX workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
      },
    },
    async (req, reply) => {
      const xlsx = await exportRegisterXlsx(deps.db, { period: period(req) });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="risikoregister.xlsx"')
        .send(xlsx);
    },
  );

  app.get<{ Querystring: { period?: string; scope?: string } }>(
    '/risks/heatmap',
    {
      config: { permission: 'read' },
      schema: {
        operationId: 'getRiskHeatmap',
        summary: 'Heat-map data: open risks per probability × consequence cell',
        querystring: s.periodQuery,
        response: { 200: s.heatmapResponse, 400: s.errorResponse },
      },
    },
    async (req) => {
      const { matrix, cells } = await heatmapData(deps, period(req), req.query.scope);
      return {
        period: period(req),
        axes: matrix.axes,
        threshold: matrix.reportingThreshold,
        total: cells.reduce((n, c) => n + c.ids.length, 0),
        levels: matrix.levels.map((l) => ({ ...l, scores: levelRangeText(l, matrix) })),
        cells: cells.map((c) => ({
          probability: c.probability,
          consequence: c.consequence,
          score: c.score,
          level: c.level.key,
          count: c.ids.length,
          ids: c.ids,
        })),
      };
    },
  );

  app.get<{ Querystring: { period?: string; scope?: string } }>(
    '/risks/heatmap.svg',
    {
      config: { permission: 'read' },
      schema: {
        operationId: 'getRiskHeatmapSvg',
        summary: 'The heat map as SVG',
        querystring: s.periodQuery,
        response: { 200: s.fileResponse('SVG image', 'image/svg+xml; charset=utf-8') },
      },
    },
    async (req, reply) => {
      const { matrix, cells } = await heatmapData(deps, period(req), req.query.scope);
      const svg = renderHeatmapSvg(cells, matrix, { title: `Åpne virksomhetsrisikoer ${period(req)}` });
      return reply.type('image/svg+xml; charset=utf-8').send(svg);
    },
  );

  app.get(
    '/risks/matrix',
    {
      config: { permission: 'read' },
      schema: {
        operationId: 'getRiskMatrix',
        summary: 'The risk matrix in force (labels, levels, threshold, axes)',
        response: { 200: s.matrixSchema },
      },
    },
    async () => {
      return loadRiskMatrix(deps.db);
    },
  );

  app.put<{ Body: RiskMatrix }>(
    '/risks/matrix',
    {
      config: { permission: 'admin' },
      schema: {
        operationId: 'saveRiskMatrix',
        summary: 'Save a new version of the risk matrix (the old one is kept)',
        body: s.matrixSchema,
        response: { 200: s.matrixSchema, 400: s.errorResponse },
      },
    },
    async (req) => {
      requireRole(req, 'risk-admin');
      const problems = validateRiskMatrix(req.body);
      if (problems.length > 0) throw validationError(problems, 'Ugyldig risikomatrise');
      await saveRiskMatrix(deps.db, req.body, stamp(req));
      return req.body;
    },
  );

  app.post<{ Body: { period: string } }>(
    '/risks/roll-forward',
    {
      config: { permission: 'edit' },
      schema: {
        operationId: 'rollRisksForward',
        summary: 'Copy each open risk’s latest assessment into a new period as a draft; nothing existing changes',
        body: s.rollForwardBody,
        response: { 200: s.rollForwardResponse, 400: s.errorResponse },
      },
    },
    async (req) => {
      requireRole(req, 'risk-editor');
      const created = await rollRegisterForward(deps.db, req.body.period, stamp(req));
      return { period: req.body.period, created: created.length, assessments: created };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { period?: string } }>(
    '/risks/:id',
    {
      config: { permission: 'read' },
      schema: {
        operationId: 'getRisk',
        summary: 'One risk with every revision, every assessment and its score timeline',
        params: s.idParams,
        querystring: s.periodQuery,
        response: { 200: s.detailResponse, 404: s.errorResponse },
      },
    },
    async (req) => riskDetail(deps, req.params.id, period(req)),
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/risks',
    {
      config: { permission: 'edit' },
      schema: {
        operationId: 'createRisk',
        summary: 'Create a risk',
        body: s.riskBody,
        response: { 201: { type: 'object', properties: { risk: s.riskSchema } }, 400: s.errorResponse, 409: s.errorResponse },
      },
    },
    async (req, reply) => {
      requireRole(req, 'risk-editor');
      const parsed = parseRiskFields(req.body);
      if (!parsed.ok) throw validationError(parsed.problems, 'Ugyldig risiko');
      const risk = await createRisk(deps.db, parsed.value, stamp(req));
      return reply.status(201).send({ risk });
    },
  );

  app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/risks/:id',
    {
      config: { permission: 'edit' },
      schema: {
        operationId: 'updateRisk',
        summary: 'Update a risk (a new revision; earlier ones are kept)',
        params: s.idParams,
        body: s.riskUpdateBody,
        response: {
          200: { type: 'object', properties: { risk: s.riskSchema, changed: { type: 'boolean' } } },
          400: s.errorResponse,
          404: s.errorResponse,
        },
      },
    },
    async (req) => {
      requireRole(req, 'risk-editor');
      const parsed = parseRiskFields(req.body, { id: req.params.id });
      if (!parsed.ok) throw validationError(parsed.problems, 'Ugyldig risiko');
      const { id: _id, ...fields } = parsed.value;
      return updateRisk(deps.db, req.params.id, fields, stamp(req));
    },
  );

  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/risks/:id/assessments',
    {
      config: { permission: 'edit' },
      schema: {
        operationId: 'addRiskAssessment',
        summary: 'Add an assessment for a period (a later one for the same period supersedes, both are kept)',
        params: s.idParams,
        body: s.assessmentBody,
        response: { 201: { type: 'object', properties: { assessment: s.assessmentSchema } }, 400: s.errorResponse, 404: s.errorResponse },
      },
    },
    async (req, reply) => {
      requireRole(req, 'risk-editor');
      const st = stamp(req);
      const parsed = parseAssessmentFields(assessmentFields(req.body), {
        riskId: req.params.id,
        assessedBy: st.by,
        assessedAt: todayInOslo(),
      });
      if (!parsed.ok) throw validationError(parsed.problems, 'Ugyldig vurdering');
      const assessment = await addAssessment(deps.db, parsed.value, { ...st, source: 'api' });
      return reply.status(201).send({ assessment: assessmentJson(assessment, await loadRiskMatrix(deps.db)) });
    },
  );

  app.post<{ Params: { id: string }; Body: { closed: string } }>(
    '/risks/:id/close',
    {
      config: { permission: 'edit' },
      schema: {
        operationId: 'closeRisk',
        summary: 'Close a risk (a new revision)',
        params: s.idParams,
        body: s.closeBody,
        response: {
          200: { type: 'object', properties: { risk: s.riskSchema } },
          400: s.errorResponse,
          404: s.errorResponse,
          409: s.errorResponse,
        },
      },
    },
    async (req) => {
      requireRole(req, 'risk-editor');
      const closed = normaliseDate(req.body.closed);
      if (closed === null) {
        throw validationError(
          [{ field: 'closed', message: `Lukket-dato «${req.body.closed}» er ikke en gyldig dato`, messageEn: 'invalid date' }],
          'Ugyldig lukking',
        );
      }
      return { risk: await closeRisk(deps.db, req.params.id, closed, stamp(req)) };
    },
  );
}
