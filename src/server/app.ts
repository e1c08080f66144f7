/**
 * The server factory: `buildApp({ config, db, domains })` returns a Fastify instance with the
 * security headers, the OpenAPI document, the error table, /health, the core API, the web shell
 * and every domain's `api` (under /api) and `web` plugins. Nothing here listens; main.ts does.
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { destination, type Logger, pino } from 'pino';
import type { Config } from '../config.ts';
import type { AppDeps, DomainModule } from '../module.ts';
import { useYearRange } from '../shared/year-range.ts';
import type { Db } from '../storage/db.ts';
import { shellRoutes } from '../web/shell.routes.ts';
import { installAccessControl } from './access.ts';
import { auditRoutes } from './audit.routes.ts';
import { frameworkErrorHandler, installErrorHandling } from './error-handler.ts';
import { healthRoutes } from './health.routes.ts';
import { importUploadRoutes } from './import-upload.routes.ts';
import { importRoutes } from './imports.routes.ts';
import { kpiRoutes } from './kpi.routes.ts';
import { registerOpenApi } from './openapi.ts';
import './permissions.ts';
import { sessionRoutes } from './session.routes.ts';
import { ssoRoutes } from './sso.routes.ts';
import { installValidation, SERIALIZER_OPTIONS } from './validation.ts';

export interface BuildAppOptions {
  config: Config;
  db: Db;
  domains: readonly DomainModule[];
  /** Request logging; default: pino on stderr at config.logLevel. */
  logger?: Logger;
  /** Called for every route as it is registered (the accessibility test walks the pages this way). */
  onRoute?: (route: RouteOptions) => void;
}

/** Our pages use inline style attributes (ECharts SVG) and data: images; scripts only from us. */
const CSP = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
    // Plain-HTTP deployments on a LAN must keep working: no forced upgrade.
    upgradeInsecureRequests: null,
  },
};

/** Registers a domain plugin in its own scope; API routes are tagged with the domain id. */
function domainPlugin(domain: DomainModule, plugin: (app: FastifyInstance, deps: AppDeps) => Promise<void>, deps: AppDeps, tag: boolean) {
  return async (scope: FastifyInstance) => {
    if (tag) {
      scope.addHook('onRoute', (route) => {
        route.schema = { tags: [domain.id], ...route.schema };
      });
    }
    await plugin(scope, deps);
  };
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const deps: AppDeps = { config: options.config, db: options.db, domains: options.domains };
  useYearRange(options.config.yearRange);
  const logger = options.logger ?? pino({ level: options.config.logLevel }, destination(2));
  const app = Fastify({
    loggerInstance: logger,
    trustProxy: options.config.auth.trustProxy,
    frameworkErrors: frameworkErrorHandler(deps),
    serializerOpts: SERIALIZER_OPTIONS,
  }) as unknown as FastifyInstance;
  installValidation(app);
  const { onRoute } = options;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route));
  // HSTS only on answers that went out over HTTPS (directly, or behind a trusted proxy): sent over
  // plain HTTP on a LAN it means nothing, and on a host later moved to HTTPS it would pin browsers.
  await app.register(helmet, { contentSecurityPolicy: CSP, strictTransportSecurity: false });
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  await app.register(formbody);
  await app.register(cookie);
  installAccessControl(app, deps);
  installErrorHandling(app, deps);
  await registerOpenApi(app);
  await app.register(async (scope) => sessionRoutes(scope, deps));
  await app.register(async (scope) => ssoRoutes(scope, deps));
  await app.register(async (scope) => auditRoutes(scope, deps));

  await app.register(async (scope) => healthRoutes(scope, deps));
  await app.register(
    async (api) => {
      await kpiRoutes(api, deps);
      await importRoutes(api, deps);
    },
    { prefix: '/api' },
  );
  await app.register(async (scope) => shellRoutes(scope, deps));
  await app.register(async (scope) => importUploadRoutes(scope, deps));
  for (const domain of deps.domains) {
    if (domain.api) await app.register(domainPlugin(domain, domain.api, deps, true), { prefix: '/api' });
    if (domain.web) await app.register(domainPlugin(domain, domain.web, deps, false));
  }
  return app;
}
