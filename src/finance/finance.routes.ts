/** JSON API: GET /api/finance/result?period=YYYY-MM (the same document as `finance table --json`). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../module.ts';
import { resolvePeriod } from '../web/period-param.ts';
import { financeResult, RESULT_TABLE_SCHEMA, resultTableJson } from './finance.section.ts';

export async function financeRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Querystring: { period?: string } }>(
    '/finance/result',
    {
      config: { permission: 'read' },
      schema: {
        operationId: 'getFinanceResult',
        summary: 'Result vs budget by report category for a month and year-to-date, with annual forecast',
        description:
          'Numbers in NOK, exact (øre / 100); income and costs positive; totals = costs including net finance items; result = income − costs − net finance items.',
        querystring: { type: 'object', properties: { period: { type: 'string', format: 'period', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } } },
        response: { 200: RESULT_TABLE_SCHEMA },
      },
    },
    async (req) => {
      const period = resolvePeriod(req.query, deps.config);
      return resultTableJson(await financeResult(deps.db, { period }));
    },
  );
}
