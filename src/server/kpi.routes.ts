import type { FastifyInstance } from 'fastify';
import { evaluateRegistry, kpiDocument } from '../kpi/registry.ts';
import type { AppDeps } from '../module.ts';
import { resolvePeriod } from '../web/period-param.ts';
import { errorBodySchema } from './http-errors.ts';

const target = {
  type: ['object', 'null'],
  required: ['op', 'value'],
  properties: { op: { type: 'string', enum: ['<', '<=', '>', '>='] }, value: { type: 'number' } },
} as const;

export const kpiDocumentSchema = {
  type: 'object',
  required: ['period', 'kpis'],
  properties: {
    period: { type: 'string', format: 'period', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
    kpis: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'label', 'value', 'unit', 'target', 'status'],
        properties: {
          id: { type: 'string' },
          label: { type: 'string' },
          value: { type: ['number', 'null'], description: 'Unrounded; null when there is no data' },
          unit: { type: 'string', enum: ['percent', 'count', 'MNOK', 'seconds', 'number'] },
          target,
          status: { type: 'string', enum: ['met', 'not-met', 'none'] },
        },
      },
    },
  },
} as const;

const schema = {
  operationId: 'getKpis',
  summary: 'Every KPI of every domain for a month (same document as `styrerom kpi --json`)',
  tags: ['kpi'],
  querystring: {
    type: 'object',
    properties: {
      period: {
        type: 'string',
        format: 'period',
        pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
        description: 'YYYY-MM; default: the configured period or last month',
      },
    },
  },
  response: { 200: kpiDocumentSchema, 400: errorBodySchema },
} as const;

export async function kpiRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/kpis', { config: { permission: 'read' }, schema }, async (req) => {
    const period = resolvePeriod(req.query, deps.config);
    return kpiDocument(period, await evaluateRegistry(deps.domains, { db: deps.db, period }));
  });
}
