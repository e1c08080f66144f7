/** The audit trail for administrators: the page /revisjonslogg and GET /api/audit. */
import type { FastifyInstance } from 'fastify';
import { listAudit } from '../auth/audit.queries.ts';
import type { AppDeps } from '../module.ts';
import { page } from '../web/layout.ts';
import { resolvePeriod } from '../web/period-param.ts';
import { auditBody } from './audit-page.ts';

const auditQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    since: { type: 'string', description: 'ISO-8601 instant or date; entries at or after it' },
    action: { type: 'string' },
    limit: { type: 'integer', minimum: 1, maximum: 5000, default: 500 },
  },
} as const;

export async function auditRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Querystring: { since?: string; action?: string; limit?: number } }>(
    '/api/audit',
    {
      config: { permission: 'admin' },
      schema: {
        tags: ['audit'],
        operationId: 'listAuditEntries',
        summary: 'The audit trail, newest first (admins only)',
        querystring: auditQuery,
      },
    },
    async (req) => ({ entries: await listAudit(deps.db, req.query) }),
  );

  app.get('/revisjonslogg', { config: { permission: 'admin' } }, async (req, reply) => {
    const period = resolvePeriod(req.query, deps.config);
    const entries = await listAudit(deps.db, { limit: 500 });
    return reply
      .type('text/html; charset=utf-8')
      .send(page(deps, { title: 'Revisjonslogg', period, activePath: '/revisjonslogg', body: auditBody(entries) }));
  });
}
