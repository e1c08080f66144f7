/**
 * One error handler for the whole app: /api (and /health) answer `{ error: { code, message,
 * problems } }` JSON, web routes a Norwegian HTML page. Statuses come from http-errors.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { yearRangeProblem } from '../shared/period.ts';
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

/** Query and path parameters holding a period or date, checked against the sane year range. */
const DATED_PARAMS = ['period', 'from', 'to', 'date', 'start', 'end'];

/** A period such as 9999-12 or 0000-01 is a 400 with the reason, never a 500 from date arithmetic. */
function checkDatedParams(req: FastifyRequest): void {
  for (const source of [req.query, req.params]) {
    if (!source || typeof source !== 'object') continue;
    for (const key of DATED_PARAMS) {
      const value = (source as Record<string, unknown>)[key];
      const problem = typeof value === 'string' ? yearRangeProblem(value) : null;
      if (problem) throw new AppError('VALIDATION', `Ugyldig ${key === 'period' ? 'periode' : 'dato'} ${problem}`);
    }
  }
}

/** A route pattern (`/api/risks/:id`, `/api/docs/*`) as a regular expression over paths. */
function patternOf(url: string): RegExp {
  const parts = url.split('/').map((part) => {
    if (part === '*') return '.*';
    if (part.startsWith(':')) return '[^/]+';
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('/')}$`);
}

/** The methods some route answers for `path` (HEAD beside GET), for 405 and its Allow header. */
function allowedMethods(routes: ReadonlyArray<{ method: string; url: string }>, path: string): string[] {
  const methods = new Set(routes.filter((r) => patternOf(r.url).test(path)).map((r) => r.method));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** Fastify's router errors (a path parameter beyond maxParamLength, bad percent-encoding) in our shape. */
export function frameworkErrorHandler(deps: AppDeps) {
  return (err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const error = toAppError(err);
    req.log.info({ code: error.code, status: httpStatusOf(error) }, error.message);
    return send(req, reply, deps, error);
  };
}

export function installErrorHandling(app: FastifyInstance, deps: AppDeps): void {
  app.addHook('preValidation', async (req) => checkDatedParams(req));
  app.setErrorHandler((err, req, reply) => {
    const error = toAppError(err);
    const status = httpStatusOf(error);
    if (status >= 500) req.log.error({ err }, error.message);
    else req.log.info({ code: error.code, status }, error.message);
    return send(req, reply, deps, error);
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const allow = allowedMethods(app.accessRoutes, path);
    if (allow.length > 0 && !allow.includes(req.method)) {
      reply.header('allow', allow.join(', '));
      const message = `Metoden ${req.method} er ikke tillatt for ${path}; tillatt: ${allow.join(', ')}`;
      return send(req, reply, deps, new AppError('VALIDATION', message, { details: { httpStatus: 405 } }));
    }
    return send(req, reply, deps, new AppError('NOT_FOUND', notFoundMessage(path)));
  });
}
