import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../module.ts';

const schema = {
  operationId: 'getHealth',
  summary: 'Liveness and database check',
  tags: ['system'],
  response: {
    200: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
    503: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['unavailable'] }, message: { type: 'string' } },
    },
  },
} as const;

/** `/health`: 200 when the database answers `select 1`, else 503. */
export async function healthRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/health', { config: { permission: 'public' }, schema }, async (req, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok' };
    } catch (err) {
      req.log.error({ err }, 'health check: database unavailable');
      return reply.status(503).send({ status: 'unavailable', message: 'Databasen svarer ikke' });
    }
  });
}
