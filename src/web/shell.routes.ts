/** The web app's own pages: overview, import log, documentation and the static assets. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { listImportRuns } from '../imports/import-runs.ts';
import { allImporters } from '../imports/registry.ts';
import { evaluateRegistry } from '../kpi/registry.ts';
import type { AppDeps } from '../module.ts';
import { accessibilityStatementBody } from './accessibility.ts';
import { ASSETS } from './assets.ts';
import { docBody, docsIndexBody } from './docs-page.ts';
import { importPageBody } from './import-page.ts';
import { kpiTrends } from './kpi-trends.ts';
import { page } from './layout.ts';
import { overviewBody } from './overview.ts';
import { resolvePeriod } from './period-param.ts';

function sendPage(reply: FastifyReply, body: string): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(body);
}

export async function shellRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  for (const asset of ASSETS) {
    app.get(asset.path, { config: { permission: 'public' } }, async (_req, reply) =>
      reply.type(asset.type).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body),
    );
  }

  app.get('/', { config: { permission: 'read' } }, async (req, reply) => {
    const period = resolvePeriod(req.query, deps.config);
    const evaluated = await evaluateRegistry(deps.domains, { db: deps.db, period });
    const trends = await kpiTrends(deps, period, evaluated);
    return sendPage(reply, page(deps, { title: 'Oversikt', period, activePath: '/', body: overviewBody(deps, period, evaluated, trends) }));
  });

  app.get<{ Querystring: { kjoring?: string } }>('/import', { config: { permission: 'read' } }, async (req, reply) => {
    const period = resolvePeriod(req.query, deps.config);
    const runs = await listImportRuns(deps.db, { limit: 50 });
    const runId = /^\d{1,12}$/.test(req.query.kjoring ?? '') ? Number(req.query.kjoring) : undefined;
    const body = importPageBody({
      importers: allImporters(deps.domains),
      runs,
      period,
      maxUploadBytes: deps.config.importLimits.maxUploadBytes,
      resultRunId: runId,
    });
    return sendPage(reply, page(deps, { title: 'Importer', period, activePath: '/import', body }));
  });

  app.get('/tilgjengelighet', { config: { permission: 'public' } }, async (req, reply) => {
    const period = resolvePeriod(req.query, deps.config);
    const body = accessibilityStatementBody(deps.config);
    return sendPage(reply, page(deps, { title: 'Tilgjengelighetserklæring', period, activePath: '/tilgjengelighet', body }));
  });

  app.get('/dokumentasjon', { config: { permission: 'read' } }, async (req, reply) => {
    const period = resolvePeriod(req.query, deps.config);
    return sendPage(reply, page(deps, { title: 'Dokumentasjon', period, activePath: '/dokumentasjon', body: await docsIndexBody() }));
  });

  app.get<{ Params: { '*': string } }>('/dokumentasjon/*', { config: { permission: 'read' } }, async (req, reply) => {
    const period = resolvePeriod(req.query, deps.config);
    const body = await docBody(req.params['*']);
    return sendPage(reply, page(deps, { title: 'Dokumentasjon', period, activePath: req.url.split('?')[0] ?? '/', body }));
  });
}
