/**
 * One error handler for the whole app: /api (and /health) answer `{ error: { code, message,
 * problems } }` JSON, web routes a Norwegian HTML page. Statuses come from http-errors.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { errorPage, notFoundMessage } from '../web/error-page.ts';
import { resolvePeriod } from '../web/period-param.ts';
import { errorBody, httpStatusOf, toAppError } from './http-errors.ts';

function wantsJson(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? '';
  return path === '/api' || path.startsWith('/api/') || path === '/health';
}

/** The page's period if the query names a valid one, else the default: error pages must not fail. */
function safePeriod(req: FastifyRequest, deps: AppDeps): string {
  try {
    return resolvePeriod(req.query, deps.config);
  } catch {
    return resolvePeriod({}, { defaultPeriod: undefined });
  }
}

function send(req: FastifyRequest, reply: FastifyReply, deps: AppDeps, error: AppError): FastifyReply {
  const status = httpStatusOf(error);
  reply.status(status);
  if (wantsJson(req)) return reply.type('application/json; charset=utf-8').send(errorBody(error));
  const path = req.url.split('?')[0] ?? '/';
  return reply.type('text/html; charset=utf-8').send(errorPage(deps, { status, error, period: safePeriod(req, deps), path }));
}

export function installErrorHandling(app: FastifyInstance, deps: AppDeps): void {
  app.setErrorHandler((err, req, reply) => {
    const error = toAppError(err);
    const status = httpStatusOf(error);
    if (status >= 500) req.log.error({ err }, error.message);
    else req.log.info({ code: error.code, status }, error.message);
    return send(req, reply, deps, error);
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    return send(req, reply, deps, new AppError('NOT_FOUND', notFoundMessage(path)));
  });
}
